package app.kith.storage;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Letters whose stroke or ligature Unicode does not count as an accent, as their plain letters: "Søren" reads as
 * "Soren", "Łukasz" as "Lukasz", "Straße" as "Strasse". Accents proper (é, ü, ñ) are the search index's and the
 * name keys' own business; these they would keep, where PostgreSQL's unaccent() folds them.
 */
public final class SearchFold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchFold() {
    }

    /**
     * The text as names are compared and sorted: in lower case, without accents or strokes ("Søren Ó'Brien" as
     * "soren o'brien"), punctuation and spaces kept. Contacts are listed in this order ({@code kith_sort()} fills their
     * {@code sort_name}, migration V13), so "Émile" comes among the E's and "Łukasz" among the L's.
     */
    public static String plain(String text) {
        if (text == null) {
            return null;
        }
        String ascii = asciiLower(text);
        if (ascii != null) {
            return ascii;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        // Composed again once the accents are gone: hangul syllables, taken apart into their letters, are whole again,
        // and sort among themselves and after the ideographs, as on PostgreSQL.
        String plain = Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
        return fold(plain.toLowerCase(Locale.ROOT));
    }

    /** Plain ASCII text in lower case, without a regular expression or a copy where it is already; null for other text. */
    private static String asciiLower(String text) {
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return null;
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        return upper ? text.toLowerCase(Locale.ROOT) : text;
    }

    /** The text with each such letter as its plain letters, in the case it had; null stays null. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder plain = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String instead = c < 'Æ' ? null : plain(c);
            if (instead != null && plain == null) {
                plain = new StringBuilder(text.length() + 4).append(text, 0, i);
            }
            if (plain != null) {
                if (instead != null) {
                    plain.append(instead);
                } else {
                    plain.append(c);
                }
            }
        }
        return plain == null ? text : plain.toString();
    }

    private static String plain(char c) {
        return switch (c) {
            case 'ø' -> "o";
            case 'Ø' -> "O";
            case 'ł' -> "l";
            case 'Ł' -> "L";
            case 'đ', 'ð' -> "d";
            case 'Đ', 'Ð' -> "D";
            case 'ħ' -> "h";
            case 'Ħ' -> "H";
            case 'ŧ' -> "t";
            case 'Ŧ' -> "T";
            case 'ı' -> "i";
            case 'þ' -> "th";
            case 'Þ' -> "Th";
            case 'ß' -> "ss";
            case 'ẞ' -> "SS";
            case 'æ' -> "ae";
            case 'Æ' -> "Ae";
            case 'œ' -> "oe";
            case 'Œ' -> "Oe";
            default -> null;
        };
    }
}
