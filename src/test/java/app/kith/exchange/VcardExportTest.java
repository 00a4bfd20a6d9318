package app.kith.exchange;

import ezvcard.property.StructuredName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VcardExportTest {
    @Test
    void theFamilyNameIsTheLastWordOrTheFirstInChineseJapaneseOrKoreanScript() {
        assertThat(parts(VcardExport.structuredName("Ada King Lovelace"))).isEqualTo("Lovelace / Ada King");
        assertThat(parts(VcardExport.structuredName("金 智恩"))).isEqualTo("金 / 智恩");
        assertThat(parts(VcardExport.structuredName("山田 太郎"))).isEqualTo("山田 / 太郎");
        assertThat(parts(VcardExport.structuredName("Wei 王"))).isEqualTo("王 / Wei");
        assertThat(parts(VcardExport.structuredName("李雷"))).isEqualTo("null / 李雷");
    }

    private static String parts(StructuredName name) {
        return name.getFamily() + " / " + name.getGiven();
    }
}
