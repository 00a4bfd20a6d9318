package app.kith.storage;

import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@code :name} parameters of a statement, token for token as JDBI's own ColonPrefixSqlParser does, but by
 * a plain scan instead of its ANTLR lexer. JDBI lexes each distinct statement once per process; run cold, that lexer
 * costs a command like {@code kith today} about a tenth of its start-up (some milliseconds per statement, tens for
 * the first). ColonParametersTest checks the two agree on every text block of the sources (where Kith's SQL is)
 * and on generated text; every other test runs its statements through this one.
 *
 * <p>The tokens, in the order JDBI's lexer tries them: a {@code /* comment *}{@code /}, or one from {@code --} or
 * {@code //} to the end of its line; text in single quotes, where
 * a backslash may escape a quote; text in double quotes (at least one character); a backslash and the character
 * after it, which stands for that character alone; {@code ::} (a PostgreSQL cast) and {@code ??}, kept as they are;
 * a colon and a name (at least one of
 * {@code [A-Za-z0-9_$.]}, any character beyond ASCII, or {@code ?.}); a lone {@code ?}; anything else, one
 * character at a time. A quote or comment left open is an ordinary character.
 */
final class ColonParameters implements SqlParser {
    /** Statements are few (their text is fixed in the code), but some are built for a number of rows: a bound. */
    private static final int MAX_CACHED = 2_000;

    private final Map<String, ParsedSql> parsed = new ConcurrentHashMap<>();

    @Override
    public ParsedSql parse(String sql, StatementContext context) {
        ParsedSql known = parsed.get(sql);
        if (known == null) {
            if (parsed.size() >= MAX_CACHED) {
                parsed.clear();
            }
            known = scan(sql);
            parsed.put(sql, known);
        }
        return known;
    }

    @Override
    public String nameParameter(String rawName, StatementContext context) {
        return ":" + rawName;
    }

    static ParsedSql scan(String sql) {
        ParsedSql.Builder built = ParsedSql.builder();
        StringBuilder text = new StringBuilder(sql.length());
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            int end;
            if ((c == '/' || c == '-') && (end = commentEnd(sql, i)) > 0) {
                text.append(sql, i, end);
                i = end;
            } else if (c == '\'' && (end = quotedEnd(sql, i)) > 0) {
                text.append(sql, i, end);
                i = end;
            } else if (c == '"' && (end = doubleQuotedEnd(sql, i)) > 0) {
                text.append(sql, i, end);
                i = end;
            } else if (c == '\\' && i + 1 < length) {
                text.append(sql.charAt(i + 1));
                i += 2;
            } else if ((c == ':' || c == '?') && i + 1 < length && sql.charAt(i + 1) == c) {
                text.append(c).append(c);
                i += 2;
            } else if (c == ':' && (end = nameEnd(sql, i + 1)) > i + 1) {
                flush(built, text);
                built.appendNamedParameter(sql.substring(i + 1, end));
                i = end;
            } else if (c == '?') {
                flush(built, text);
                built.appendPositionalParameter();
                i++;
            } else {
                text.append(c);
                i++;
            }
        }
        flush(built, text);
        return built.build();
    }

    private static void flush(ParsedSql.Builder built, StringBuilder text) {
        if (text.length() > 0) {
            built.append(text.toString());
            text.setLength(0);
        }
    }

    /**
     * The index after a comment starting at {@code start}: a block comment's closing {@code *}{@code /}, a line
     * comment's last character before a line break (or the text's end); -1 if no comment starts there.
     */
    private static int commentEnd(String sql, int start) {
        if (start + 1 >= sql.length()) {
            return -1;
        }
        char first = sql.charAt(start);
        char second = sql.charAt(start + 1);
        if (first == '/' && second == '*') {
            int close = sql.indexOf("*/", start + 2);
            return close < 0 ? -1 : close + 2;
        }
        if (first == second) {
            int end = start + 2;
            while (end < sql.length() && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
                end++;
            }
            return end;
        }
        return -1;
    }

    /**
     * The index after the quote closing the text opened at {@code start}, or -1 if none does. A quote after a
     * backslash may close the text or be part of it: as JDBI's lexer takes the longest token, it is part of it
     * whenever a later quote can close; the first quote without a backslash before it closes at the latest.
     */
    private static int quotedEnd(String sql, int start) {
        int end = -1;
        for (int i = start + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == '\'') {
                end = i + 1;
                if (sql.charAt(i - 1) != '\\') {
                    break;
                }
            }
        }
        return end;
    }

    /** The index after the quote closing the double-quoted text opened at {@code start} (never empty), or -1. */
    private static int doubleQuotedEnd(String sql, int start) {
        int close = sql.indexOf('"', start + 1);
        return close > start + 1 ? close + 1 : -1;
    }

    /** The index after the parameter name starting at {@code start} (the same index if there is none). */
    private static int nameEnd(String sql, int start) {
        int i = start;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c == '.'
                    || c >= 0x80) {
                i++;
            } else if (c == '?' && i + 1 < sql.length() && sql.charAt(i + 1) == '.') {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }
}
