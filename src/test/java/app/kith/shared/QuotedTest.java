package app.kith.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotedTest {
    @Test
    void aShortValueIsQuotedAsItIs() {
        assertThat(Quoted.of("often")).isEqualTo("'often'");
        assertThat(Quoted.of("")).isEqualTo("''");
        assertThat(Quoted.of(null)).isEqualTo("''");
    }

    @Test
    void aValueStaysOnOneLine() {
        assertThat(Quoted.of("12\n34\r\t5")).isEqualTo("'12 34  5'");
    }

    @Test
    void aLongValueIsCutToSixtyCharactersWithAnEllipsis() {
        String sixty = "x".repeat(60);
        assertThat(Quoted.of(sixty)).isEqualTo("'" + sixty + "'");
        assertThat(Quoted.of(sixty + "y")).isEqualTo("'" + "x".repeat(59) + "…'");
        assertThat(Quoted.of("x".repeat(100_000))).hasSize(62);
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverCutInHalf() {
        String emoji = "😀".repeat(70);
        String shown = Quoted.of(emoji);
        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(62);
        assertThat(shown).isEqualTo("'" + "😀".repeat(59) + "…'");
    }
}
