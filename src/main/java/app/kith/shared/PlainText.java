package app.kith.shared;

import java.text.Normalizer;

/**
 * Text as typed, pasted or imported, cleaned of what no field should hold: control characters, which a terminal
 * would obey (an escape sequence in a note could retitle the window or clear the screen on {@code kith show}) and
 * which a line of a list, a CSV cell or a vCard's name could not hold; the bidirectional embeddings, overrides and
 * isolates, whose effect runs on past the field (a name ending in U+202E shows the rest of its line backwards, in a
 * list as in a terminal); and halves of surrogate pairs standing alone, which are no characters at all.
 */
public final class PlainText {
    private PlainText() {
    }

    /**
     * A key that two texts share exactly when {@link String#equalsIgnoreCase} calls them equal (each character
     * folded as it folds them), so that a list can be kept free of duplicates in any case with a set, in one pass.
     */
    public static String caseKey(String text) {
        StringBuilder key = new StringBuilder(text.length());
        text.codePoints().forEach(c -> key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return key.toString();
    }

    /**
     * Text of several lines (a note) as kept: each line break as {@code \n} alone (a browser's {@code \r\n} or an old
     * Mac's {@code \r} would not survive every export), tabs kept, other control characters dropped; null stays null.
     */
    public static String lines(String text) {
        if (text == null) {
            return null;
        }
        return withoutControls(text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n'));
    }

    /** The text without its control characters but for line breaks ({@code \n}) and tabs; null stays null. */
    public static String withoutControls(String text) {
        if (text == null) {
            return null;
        }
        text = wellFormed(text);
        int first = 0;
        while (first < text.length() && !dropped(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        kept.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!dropped(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static boolean dropped(char c) {
        return isControl(c) && c != '\n' && c != '\t';
    }

    /**
     * Whether text shows nothing: it holds only spaces of any kind (U+00A0, U+3000), format characters (a zero-width
     * space, U+200B; a direction mark, U+200F), combining marks with no letter to sit on, and the blank letters
     * (U+3164 HANGUL FILLER, U+2800 BRAILLE PATTERN BLANK). A name of them would be a blank line in every list.
     */
    public static boolean invisible(String text) {
        return text.codePoints().allMatch(PlainText::showsNothing);
    }

    private static boolean showsNothing(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || isControl(c) || type == Character.FORMAT
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || c == 'ᅟ' || c == 'ᅠ' || c == 'ㅤ' || c == 'ﾠ' || c == '⠀';
    }

    /**
     * Whether a character is one no field keeps: a control character (line breaks and tabs among them) or a
     * bidirectional embedding, override or isolate (U+202A to U+202E, U+2066 to U+2069). The marks (U+200E, U+200F,
     * U+061C) are kept: they steer the characters beside them alone. Right-to-left names need none of these.
     */
    public static boolean isControl(int c) {
        return Character.isISOControl(c) || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    /**
     * The text on one line: a line break or a tab, with any spaces around it, becomes one space (pasted text, an
     * address book's card); other control characters are dropped, as everywhere (an escape character is no gap
     * between words); null stays null.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        text = wellFormed(text);
        int first = 0;
        while (first < text.length() && !breaksLine(text.charAt(first)) && !isControl(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder joined = new StringBuilder(text.length());
        joined.append(text, 0, first);
        boolean gap = false;
        boolean dropped = false;
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && !breaksLine(c)) {
                dropped = true;
                continue;
            }
            // A space on each side of a dropped character: one space, as if it had never been typed.
            boolean spaceAgain = dropped && c == ' ' && joined.length() > 0 && joined.charAt(joined.length() - 1) == ' ';
            dropped = false;
            if (spaceAgain) {
                continue;
            }
            if (breaksLine(c) || gap && c == ' ') {
                gap = true;
                continue;
            }
            if (gap) {
                while (joined.length() > 0 && joined.charAt(joined.length() - 1) == ' ') {
                    joined.setLength(joined.length() - 1);
                }
                joined.append(' ');
                gap = false;
            }
            joined.append(c);
        }
        return joined.toString();
    }

    /**
     * The text with each half of a surrogate pair that stands alone (no character: UTF-8 cannot hold it, and the
     * database would store it as '?', so that two different texts would become one) as U+FFFD, the replacement
     * character; and in composed form (NFC), so that a "ë" typed as e and a combining mark (as a Mac or a paste
     * may give it) is the same name, tag or word as one typed as one letter.
     */
    private static String wellFormed(String text) {
        String whole = wholeCharacters(text);
        return Normalizer.isNormalized(whole, Normalizer.Form.NFC) ? whole : Normalizer.normalize(whole, Normalizer.Form.NFC);
    }

    private static String wholeCharacters(String text) {
        StringBuilder fixed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                if (fixed == null) {
                    fixed = new StringBuilder(text);
                }
                fixed.setCharAt(i, '\uFFFD');
            }
        }
        return fixed == null ? text : fixed.toString();
    }

    /** A line break or a tab: a gap between words, where other control characters are none. */
    private static boolean breaksLine(char c) {
        return c == '\n' || c == '\r' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u0085'
                || c == '\u2028' || c == '\u2029';
    }
}
