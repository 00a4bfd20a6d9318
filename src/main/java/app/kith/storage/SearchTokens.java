package app.kith.storage;

import app.kith.shared.CjkText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words the contact search index holds beyond those its tokenizer finds, the same on both databases (SQLite's
 * {@code kith_index()} calls {@link #indexed}; PostgreSQL's, migration V15, does {@link #separated} in SQL):
 * <ul>
 * <li>a word with an apostrophe inside is also indexed without it, so that "obrien" finds O'Brien (the tokenizers
 * read it as "o" and "brien");</li>
 * <li>Chinese, Japanese and Korean characters are indexed one by one, so that 雷 finds 李雷 (the tokenizers read a run
 * of them, written without spaces, as one word). A searched run is matched as the same characters side by side
 * ({@link #parts}).</li>
 * </ul>
 */
public final class SearchTokens {
    /** A word, an apostrophe, a word: spaces and apostrophes apart. PostgreSQL's kith_index() has the same. */
    private static final Pattern APOSTROPHE = Pattern.compile("([^ \\t\\n\\r\\f\\u000B'’ʼ]+)(['’ʼ])([^ \\t\\n\\r\\f\\u000B'’ʼ]+)");

    private SearchTokens() {
    }

    /** The text as SQLite's index is given it: folded ({@link SearchFold#fold}) and {@link #separated}. */
    public static String indexed(String text) {
        return SearchFold.fold(separated(text));
    }

    /**
     * The text with each word that has an apostrophe inside followed by the word without it ("O'Brien OBrien"), and
     * each ideograph, kana or hangul syllable set apart by spaces; null stays null.
     */
    public static String separated(String text) {
        if (text == null) {
            return null;
        }
        boolean apostrophe = false;
        boolean ideograph = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            apostrophe |= c == '\'' || c == '’' || c == 'ʼ';
            ideograph |= c >= 0x3040 && (CjkText.isCjk(c) || Character.isHighSurrogate(c));
        }
        String joined = apostrophe ? APOSTROPHE.matcher(text).replaceAll("$1$2$3 $1$3") : text;
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
}
