package app.kith.contact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeyTest {
    @Test
    void caseAccentsStrokesAndPunctuationAside() {
        assertThat(NameKey.of("José  de la Peña")).isEqualTo(NameKey.of("jose de la pena")).isEqualTo("jose de la pena");
        assertThat(NameKey.of("Søren O'Brien")).isEqualTo("soren obrien");
        // An apostrophe inside a word joins it, as the search reads it; elsewhere it is punctuation.
        assertThat(NameKey.of("Siobhan O'Brien")).isEqualTo(NameKey.of("Siobhán OBrien")).isEqualTo(NameKey.of("siobhan o’brien"))
                .isEqualTo("siobhan obrien").isNotEqualTo(NameKey.of("Siobhan O Brien"));
        assertThat(NameKey.of("'Tis O' Neil'")).isEqualTo("tis o neil");
        assertThat(NameKey.of("ADA  quill")).isEqualTo("ada quill");
    }

    @Test
    void chineseJapaneseAndKoreanCharactersAreOneNameWithOrWithoutSpacesBetweenThem() {
        assertThat(NameKey.of("李 雷")).isEqualTo(NameKey.of("李雷")).isEqualTo("李雷");
        assertThat(NameKey.of("박 지민")).isEqualTo("박지민");
        assertThat(NameKey.of("Lei 李")).isEqualTo("lei 李");
        assertThat(NameKey.of("李雷 Li")).isEqualTo("李雷 li");
        assertThat(NameKey.of("𠀋 雷")).isEqualTo("𠀋雷");
    }
}
