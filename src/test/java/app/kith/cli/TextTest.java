package app.kith.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {
    @Test
    void aColumnIsPaddedByTheColumnsATerminalGivesEachCharacter() {
        assertThat(Text.padded("Ada", 6)).isEqualTo("Ada   ");
        assertThat(Text.padded("李 小龙", 9)).isEqualTo("李 小龙  ");
        assertThat(Text.padded("김민준", 6)).isEqualTo("김민준");
        assertThat(Text.padded("Zoe\u0308", 5)).isEqualTo("Zoe\u0308  ");
        assertThat(Text.padded("Ada 🎉", 7)).isEqualTo("Ada 🎉 ");
        assertThat(Text.padded("A much longer name", 4)).isEqualTo("A much longer name");
    }
}
