package app.kith.storage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTokensTest {
    /** Text both databases' kith_index() must give alike: apostrophes, blanks, scripts and surrogates of every kind. */
    private static final List<String> TEXTS = List.of("Siobhán O'Brien, (D’Arcy) Nʼdiaye", "rock'n'roll", "said 'hello' and 'tis",
            "O''Brien", "a\tb'c\nd\re'f\u000Bg'h\fi'j", "it's " + "a".repeat(3000) + "'s", "李雷 Li", "박지민", "山田たろうX",
            "𠀋x", "李'雷", "佐々木〆〇", "Ｏ’Ｂｒｉｅｎ", "ﾔﾏﾀﾞ", "\u00A0x'y\u3000z'w", "emoji 🙂'🙂", "$1'\\1",
            "Jean-Luc Picard-Smith's e‐mail non‑stop", "a--b -x y- 2020-2021 –", "");

    @Test
    void aWordWithApostrophesInsideIsAddedWithoutThem() {
        assertThat(SearchTokens.separated("Siobhán O'Brien, (D’Arcy) Nʼdiaye"))
                .isEqualTo("Siobhán O'Brien, (D’Arcy) Nʼdiaye OBrien, (DArcy) Ndiaye");
        assertThat(SearchTokens.separated("rock'n'roll")).isEqualTo("rock'n'roll rocknroll");
        assertThat(SearchTokens.separated("said 'hello' and 'tis")).isEqualTo("said 'hello' and 'tis");
        assertThat(SearchTokens.separated("a\tb'c\nd")).isEqualTo("a\tb'c\nd bc");
        // Hyphens likewise (ASCII's, U+2010 and the non-breaking U+2011); a dash between words is no joiner.
        assertThat(SearchTokens.separated("Jean-Luc Picard-Smith's e‐mail non‑stop"))
                .isEqualTo("Jean-Luc Picard-Smith's e‐mail non‑stop JeanLuc PicardSmiths email nonstop");
        assertThat(SearchTokens.separated("a--b -x y- – z")).isEqualTo("a--b -x y- – z");
        // A long word is read once: an apostrophe anywhere once made it cost its length squared.
        String longNote = "it's " + "a".repeat(20_000) + " and that's it";
        assertThat(SearchTokens.separated(longNote)).isEqualTo(longNote + " its thats");
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
        assertThat(SearchTokens.indexed("Søren O'Brien 李")).isEqualTo("Soren O'Brien  李  OBrien");
    }

    @Test
    void aSearchedWordIsCutIntoItsCharactersWhereTheIndexHoldsThemApart() {
        assertThat(SearchTokens.parts("李雷")).containsExactly("李", "雷");
        assertThat(SearchTokens.parts("abc李def")).containsExactly("abc", "李", "def");
        assertThat(SearchTokens.parts("𠀋雷")).containsExactly("𠀋", "雷");
        assertThat(SearchTokens.parts("grace")).containsExactly("grace");
        assertThat(SearchTokens.runs(List.of("李雷", "ada", "雷", "x北京y上海", "𠀋雷"))).containsExactly("李雷", "北京", "上海", "𠀋雷");
    }

    /**
     * PostgreSQL's kith_index() is SQL of its own (migration V15), which must agree with this class; SQLite's is this
     * class's, registered on each connection (checked here as the triggers call it).
     */
    @BothDatabases
    void bothDatabasesIndexTheSameWords(TestDatabase test) {
        for (String text : TEXTS) {
            String indexed = test.database().withHandle(handle -> handle.createQuery("SELECT kith_index(:text)")
                    .bind("text", text).mapTo(String.class).one());
            String expected = test.dialect() == Dialect.SQLITE ? SearchTokens.indexed(text) : SearchTokens.separated(text);
            assertThat(indexed).as(text).isEqualTo(expected);
        }
    }
}
