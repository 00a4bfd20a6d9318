package app.kith.storage;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.ParsedSql;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plain scan finds the same parameters and writes the same SQL as JDBI's ANTLR-based parser. */
class ColonParametersTest {
    private static final ColonPrefixSqlParser JDBI = new ColonPrefixSqlParser();

    /** Every text block of the main sources: the statements Kith runs (and some text that is not SQL, harmlessly). */
    private static List<String> textBlocks() throws IOException {
        Pattern block = Pattern.compile("\"\"\"\\n(.*?)\"\"\"", Pattern.DOTALL);
        List<String> blocks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher found = block.matcher(Files.readString(file));
                while (found.find()) {
                    blocks.add(found.group(1).stripIndent());
                }
            }
        }
        return blocks;
    }

    @Test
    void everyStatementInTheSourcesParsesAsJdbiParsesIt() throws IOException {
        List<String> statements = textBlocks();
        assertThat(statements).hasSizeGreaterThan(40);
        long withParameters = 0;
        for (String sql : statements) {
            ParsedSql expected = JDBI.parse(sql, null);
            assertThat(ColonParameters.scan(sql)).as(sql).isEqualTo(expected);
            withParameters += expected.getParameters().getParameterCount() > 0 ? 1 : 0;
        }
        assertThat(withParameters).isGreaterThan(30);
    }

    @Test
    void namesQuotesCommentsCastsAndEscapes() {
        String sql = """
                SELECT ':not' AS "a:b", x::text, y ?? z /* :nor */ FROM t
                 WHERE a = :first AND b IN (:list.item#2, :opt?.field) AND c = '\\':still' AND d = \\:e AND f = :g;
                """;
        ParsedSql parsed = ColonParameters.scan(sql);

        assertThat(parsed.getParameters().getParameterNames()).containsExactly("first", "list.item", "opt?.field", "g");
        assertThat(parsed.getSql()).contains("':not'", "\"a:b\"", "x::text", "y ?? z", "/* :nor */", "a = ?", "IN (?#2, ?)", "d = :e", "f = ?;");
        assertThat(parsed).isEqualTo(JDBI.parse(sql, null));
    }

    @Test
    void openQuotesAndCommentsAreOrdinaryCharacters() {
        for (String sql : List.of("SELECT 'open :a", "SELECT /* open :a", "-- :a\n:b", "x // :a\r:b", "a/*:?", "//*:?", "SELECT \"\" :a", "x = '\\' :a", "\\", ":", "?")) {
            assertThat(ColonParameters.scan(sql)).as(sql).isEqualTo(JDBI.parse(sql, null));
        }
    }

    @Test
    void namedAndPositionalParametersDoNotMix() {
        assertThatThrownBy(() -> ColonParameters.scan("SELECT :a, ?")).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("positional");
    }

    @Property(tries = 3000)
    void anyTextParsesAsJdbiParsesIt(@ForAll("sqlish") String sql) {
        ParsedSql expected;
        try {
            expected = JDBI.parse(sql, null);
        } catch (RuntimeException mixed) {
            assertThatThrownBy(() -> ColonParameters.scan(sql)).isInstanceOf(mixed.getClass()).hasMessage(mixed.getMessage());
            return;
        }
        assertThat(ColonParameters.scan(sql)).isEqualTo(expected);
    }

    /** Text made of the characters and pairs that mean something to the parser, with a few ordinary ones between. */
    @Provide
    Arbitrary<String> sqlish() {
        return Arbitraries.of(":", "::", "?", "??", "?.", "'", "''", "\"", "\\", "/*", "*/", "/", "*", "--", "-", "#", ".", "_",
                        "a", "Z", "9", "$", " ", "\n", "\r", "=", "(", ")", ",", "-", "é", "王", "😀")
                .list().ofMaxSize(30).map(parts -> String.join("", parts));
    }
}
