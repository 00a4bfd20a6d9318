package app.kith.storage;

import app.kith.shared.CjkText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the contact search index holds beyond those its tokenizer finds, the same on both databases (SQLite's
 * {@code kith_index()} calls {@link #indexed}; PostgreSQL's, migration V15, does {@link #separated} in SQL):
 * <ul>
 * <li>a word with apostrophes or hyphens inside is also indexed without them, so that "obrien" finds O'Brien,
 * "rocknroll" rock'n'roll and "jeanluc" Jean-Luc (the tokenizers read them as "o" and "brien", "rock", "n" and "roll",
 * "jean" and "luc");</li>
 * <li>Chinese, Japanese and Korean characters are indexed one by one, so that 雷 finds 李雷 (the tokenizers read a run
 * of them, written without spaces, as one word). A searched run is matched as the same characters side by side
 * ({@link #parts}).</li>
 * </ul>
 */
public final class SearchTokens {
    /**
     * A word with joiners inside: runs of anything but spaces and joiners (apostrophes ' ’ ʼ, hyphens ‐ ‑ -), joined
     * by single joiners. PostgreSQL's kith_index() has the same pattern; here it starts only where a word does and
     * never backtracks, so that a long word costs its length, not its length squared.
     */
    private static final Pattern JOINED = Pattern.compile(
            "(?<![^ \\t\\n\\r\\f\\u000B'’ʼ‐‑-])[^ \\t\\n\\r\\f\\u000B'’ʼ‐‑-]++(?:['’ʼ‐‑-][^ \\t\\n\\r\\f\\u000B'’ʼ‐‑-]++)++");
    private static final Pattern JOINER = Pattern.compile("['’ʼ‐‑-]");

    private SearchTokens() {
    }

    /** The text as SQLite's index is given it: folded ({@link SearchFold#fold}) and {@link #separated}. */
    public static String indexed(String text) {
        return SearchFold.fold(separated(text));
    }

    /**
     * The text followed by each word that has apostrophes or hyphens inside, without them ("O'Brien, Jean-Luc" as
     * "O'Brien, Jean-Luc OBrien, JeanLuc"), with each ideograph, kana or hangul syllable set apart by spaces; null
     * stays null.
     */
    public static String separated(String text) {
        if (text == null) {
            return null;
        }
        boolean joiner = false;
        boolean ideograph = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            joiner |= c == '\'' || c == '’' || c == 'ʼ' || c == '-' || c == '‐' || c == '‑';
            ideograph |= c >= 0x3005 && (CjkText.isCjk(c) || Character.isHighSurrogate(c));
        }
        String joined = text;
        if (joiner) {
            StringBuilder words = new StringBuilder(text);
            Matcher word = JOINED.matcher(text);
            while (word.find()) {
                words.append(' ').append(JOINER.matcher(word.group()).replaceAll(""));
            }
            joined = words.toString();
        }
        if (!ideograph) {
            return joined;
        }
        StringBuilder apart = new StringBuilder(joined.length() + 16);
        joined.codePoints().forEach(point -> {
            if (CjkText.isCjk(point)) {
                apart.append(' ').appendCodePoint(point).append(' ');
            } else {
                apart.appendCodePoint(point);
            }
        });
        return apart.toString();
    }

    /**
     * A searched word (letters, digits and marks) as the index holds it: each ideograph, kana or hangul syllable a
     * part of its own, the rest as it is. A word of more than one part is matched as a phrase, its parts side by side.
     */
    public static List<String> parts(String word) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < word.length(); ) {
            int point = word.codePointAt(i);
            int next = i + Character.charCount(point);
            if (CjkText.isCjk(point)) {
                if (start < i) {
                    parts.add(word.substring(start, i));
                }
                parts.add(word.substring(i, next));
                start = next;
            }
            i = next;
        }
        if (start < word.length()) {
            parts.add(word.substring(start));
        }
        return parts;
    }

    /** The runs of two or more CJK characters in searched words (李雷 in "李雷 ada"), as {@link #parts} cuts them. */
    public static List<String> runs(List<String> words) {
        List<String> runs = new ArrayList<>();
        for (String word : words) {
            StringBuilder run = new StringBuilder();
            for (String part : parts(word)) {
                if (CjkText.isCjk(part.codePointAt(0))) {
                    run.append(part);
                    continue;
                }
                addRun(runs, run);
            }
            addRun(runs, run);
        }
        return runs;
    }

    private static void addRun(List<String> runs, StringBuilder run) {
        if (run.codePointCount(0, run.length()) > 1) {
            runs.add(run.toString());
        }
        run.setLength(0);
    }
}
