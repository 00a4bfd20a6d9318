package app.kith.storage;

/**
 * Letters whose stroke or ligature Unicode does not count as an accent, as their plain letters: "Søren" reads as
 * "Soren", "Łukasz" as "Lukasz", "Straße" as "Strasse". Accents proper (é, ü, ñ) are the search index's and the
 * name keys' own business; these they would keep, where PostgreSQL's unaccent() folds them.
 */
public final class SearchFold {
    private SearchFold() {
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
