package app.kith.contact;

import app.kith.shared.CjkText;
import app.kith.storage.SearchFold;

import java.util.regex.Pattern;

/**
 * A full name (or a city's) reduced to what tells people apart: "José  de la Peña" and "jose de la pena" are one
 * name, as are "Søren" and "Soren", "O'Brien" and "OBrien", and "李 雷" and "李雷".
 */
public final class NameKey {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** An apostrophe inside a word, which joins it: O'Brien is OBrien (as the search finds it), not O Brien. */
    private static final Pattern APOSTROPHE = Pattern.compile("(?<=[\\p{L}\\p{N}])['’ʼ](?=[\\p{L}\\p{N}])");

    private NameKey() {
    }

    /**
     * The name in lower case, without accents, its words joined by one space, punctuation aside (an apostrophe inside
     * a word joins it); Chinese, Japanese and Korean characters without a space between them ("李 雷" is 李雷).
     */
    public static String of(String name) {
        String ascii = asciiName(name);
        if (ascii != null) {
            return ascii;
        }
        return CjkText.withoutSpacesBetween(NOT_WORD.matcher(apostrophesOut(folded(name))).replaceAll(" ").strip());
    }

    /**
     * The text {@link #folded}, with the apostrophes inside words and the spaces between CJK characters taken out, as
     * the search reads them: "Søren O'Brien" as "soren obrien", "山田 太郎" as "山田太郎".
     */
    public static String joined(String text) {
        return CjkText.withoutSpacesBetween(apostrophesOut(folded(text)));
    }

    private static String apostrophesOut(String text) {
        return APOSTROPHE.matcher(text).replaceAll("");
    }

    /** The text in lower case without accents ("Søren Ó'Brien" as "soren o'brien"), punctuation and spaces kept. */
    public static String folded(String text) {
        return SearchFold.plain(text);
    }

    private static boolean asciiWordChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** The key of a plain ASCII name, by hand (imports ask for tens of thousands); null for any other name. */
    private static String asciiName(String name) {
        StringBuilder key = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 128) {
                return null;
            }
            if (c == '\'' && !gap && key.length() > 0 && i + 1 < name.length() && asciiWordChar(name.charAt(i + 1))) {
                continue; // an apostrophe inside a word joins it
            }
            if (asciiWordChar(c)) {
                if (gap && key.length() > 0) {
                    key.append(' ');
                }
                key.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return key.toString();
    }
}
