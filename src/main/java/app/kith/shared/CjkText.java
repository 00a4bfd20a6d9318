package app.kith.shared;

/**
 * Chinese, Japanese and Korean script: the characters of languages written without spaces between words (or, in
 * Korean, between a family and a given name), which the search index holds one by one and names join without a space.
 */
public final class CjkText {
    private CjkText() {
    }

    /**
     * The ideographic iteration and closing marks and the ideographic zero (々 as in 佐々木, 〆, 〇), hiragana and
     * katakana, CJK ideographs (with extension A, the compatibility ideographs and the supplementary planes'
     * extensions) and hangul syllables. PostgreSQL's {@code kith_index()} (migration V15) has the same ranges.
     */
    public static boolean isCjk(int codePoint) {
        return codePoint >= 0x3005 && codePoint <= 0x3007
                || codePoint >= 0x3040 && codePoint <= 0x30FF
                || codePoint >= 0x3400 && codePoint <= 0x4DBF
                || codePoint >= 0x4E00 && codePoint <= 0x9FFF
                || codePoint >= 0xAC00 && codePoint <= 0xD7AF
                || codePoint >= 0xF900 && codePoint <= 0xFAFF
                || codePoint >= 0x20000 && codePoint <= 0x2FA1F;
    }

    /** Whether the text has a letter and every letter in it is {@link #isCjk}. */
    public static boolean allCjk(String text) {
        boolean letter = false;
        for (int i = 0; i < text.length(); ) {
            int point = text.codePointAt(i);
            if (Character.isLetter(point)) {
                if (!isCjk(point)) {
                    return false;
                }
                letter = true;
            }
            i += Character.charCount(point);
        }
        return letter;
    }

    /** The text without the spaces between two CJK characters: "李 雷" as "李雷", "Li Lei" as it is. */
    public static String withoutSpacesBetween(String text) {
        int space = text.indexOf(' ');
        if (space < 0) {
            return text;
        }
        StringBuilder joined = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int point = text.codePointAt(i);
            int next = i + Character.charCount(point);
            if (point == ' ' && i > 0 && next < text.length()
                    && isCjk(text.codePointBefore(i)) && isCjk(text.codePointAt(next))) {
                i = next;
                continue;
            }
            joined.appendCodePoint(point);
            i = next;
        }
        return joined.toString();
    }
}
