package app.kith.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTokensTest {
    @Test
    void aWordWithAnApostropheInsideIsFollowedByTheWordWithoutIt() {
        assertThat(SearchTokens.separated("Siobhán O'Brien, (D’Arcy) Nʼdiaye"))
                .isEqualTo("Siobhán O'Brien, OBrien, (D’Arcy) (DArcy) Nʼdiaye Ndiaye");
        assertThat(SearchTokens.separated("said 'hello' and 'tis")).isEqualTo("said 'hello' and 'tis");
        assertThat(SearchTokens.separated("rock'n'roll")).isEqualTo("rock'n rockn'roll");
        assertThat(SearchTokens.separated("a\tb'c\nd")).isEqualTo("a\tb'c bc\nd");
    }

    @Test
    void ideographsKanaAndHangulAreSetApartAndTheRestIsLeftAsItWas() {
        assertThat(SearchTokens.separated("李雷 Li")).isEqualTo(" 李  雷  Li");
        assertThat(SearchTokens.separated("박지민")).isEqualTo(" 박  지  민 ");
        assertThat(SearchTokens.separated("山田たろうX")).isEqualTo(" 山  田  た  ろ  う X");
        assertThat(SearchTokens.separated("𠀋x")).isEqualTo(" 𠀋 x");
        String plain = "Grace Hopper – Ελληνικά, Русский, עברית";
        assertThat(SearchTokens.separated(plain)).isSameAs(plain);
        assertThat(SearchTokens.separated(null)).isNull();
    }

    @Test
    void theIndexedTextIsAlsoFolded() {
        assertThat(SearchTokens.indexed("Søren O'Brien 李")).isEqualTo("Soren O'Brien OBrien  李 ");
    }

    @Test
    void aSearchedWordIsCutIntoItsCharactersWhereTheIndexHoldsThemApart() {
        assertThat(SearchTokens.parts("李雷")).containsExactly("李", "雷");
        assertThat(SearchTokens.parts("abc李def")).containsExactly("abc", "李", "def");
        assertThat(SearchTokens.parts("𠀋雷")).containsExactly("𠀋", "雷");
        assertThat(SearchTokens.parts("grace")).containsExactly("grace");
    }
}
