package app.kith.exchange;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNamesTest {
    @Test
    void partsAreJoinedGivenNameFirstWithBlankOnesLeftOut() {
        assertThat(PersonNames.joined("Ada", "King", "Lovelace")).isEqualTo("Ada King Lovelace");
        assertThat(PersonNames.joined(" Ada ", "", null, "Lovelace")).isEqualTo("Ada Lovelace");
        assertThat(PersonNames.joined("", "Lovelace")).isEqualTo("Lovelace");
        assertThat(PersonNames.joined("", " ")).isEmpty();
    }

    @Test
    void aNameWhollyInChineseJapaneseOrKoreanScriptIsFamilyNameFirstWithoutSpaces() {
        assertThat(PersonNames.joined("雷", "李")).isEqualTo("李雷");
        assertThat(PersonNames.joined("太郎", "山田")).isEqualTo("山田太郎");
        assertThat(PersonNames.joined("지민", "박")).isEqualTo("박지민");
        assertThat(PersonNames.joined("太郎", "佐々木")).isEqualTo("佐々木太郎");
        assertThat(PersonNames.joined("雷", "", "李")).isEqualTo("李雷");
        // One part in another script: written as any other name.
        assertThat(PersonNames.joined("Lei", "李")).isEqualTo("Lei 李");
        assertThat(PersonNames.joined("雷")).isEqualTo("雷");
    }
}
