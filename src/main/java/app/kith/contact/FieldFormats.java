package app.kith.contact;

import app.kith.shared.PlainText;

/**
 * What an email address, a phone number and a LinkedIn profile URL must look like, checked by hand rather than by
 * regular expression, as an import checks tens of thousands. Each accepts exactly what the pattern in its comment
 * matches in full ({@code \s} being {@code [ \t\n\x0B\f\r]}, {@code \d} {@code [0-9]} and {@code \w} {@code [a-zA-Z_0-9]}).
 * None holds a control character ({@link PlainText#isControl}): a NUL, which PostgreSQL cannot store, least of all.
 */
public final class FieldFormats {
    /** The longest email address (RFC 5321's path limit less its angle brackets). */
    public static final int MAX_EMAIL = 254;
    private static final String LINKEDIN_HOST = "linkedin.com/";
    private static final String PHONE_MARKS = "().-/+*#,;";
    /** What sets an address apart in a mail header, and a quoted local part's quotes: in no address as people write one. */
    private static final String LOCAL_SPECIALS = "<>()[]\\,;:\"";

    private FieldFormats() {
    }

    /**
     * {@code [^@\s<>()\[\]\\,;:"]+@L(\.L)+} without control characters, where a label {@code L} is
     * {@code [\p{L}\p{M}\p{N}]([\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?}: an address as people write one, the
     * characters that set one apart in a mail header (and a quoted one's quotes) left out of the part before the @,
     * and a domain of host names (letters of any script, digits, hyphens inside) with a dot in it. So {@code
     * a@b.c<script>}, {@code a@b..com}, {@code a@-b.com}, {@code a@b.c/d} and {@code a@b} are not addresses.
     */
    public static boolean isEmail(String text) {
        int at = oneAt(text);
        if (at < 0) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (isSpace(c) || PlainText.isControl(c) || LOCAL_SPECIALS.indexOf(c) >= 0) {
                return false;
            }
        }
        int labels = 0;
        int start = at + 1;
        for (int dot = text.indexOf('.', start); ; dot = text.indexOf('.', start)) {
            int end = dot < 0 ? text.length() : dot;
            if (!isLabel(text, start, end)) {
                return false;
            }
            labels++;
            if (dot < 0) {
                return labels >= 2;
            }
            start = dot + 1;
        }
    }

    /**
     * {@code [^@\s]+@[^@\s]+} without control characters: what an address was before {@link #isEmail} asked for a
     * host name after the @, which an older version may have stored and a backup it made may hold.
     */
    public static boolean isStoredEmail(String text) {
        if (oneAt(text) < 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c) || PlainText.isControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** Where the text's one @ is, with something on each side of it; -1 if it has none, or more than one. */
    private static int oneAt(String text) {
        int at = text.indexOf('@');
        return at <= 0 || at == text.length() - 1 || text.indexOf('@', at + 1) >= 0 ? -1 : at;
    }

    /** Whether {@code text[start, end)} is a host name's label: letters, marks or digits, with hyphens inside. */
    private static boolean isLabel(String text, int start, int end) {
        if (start >= end || text.charAt(start) == '-' || text.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; ) {
            int c = text.codePointAt(i);
            if (c != '-' && !isLabelCharacter(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** {@code [\p{L}\p{M}\p{N}]}, as Java's patterns read those classes. */
    private static boolean isLabelCharacter(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                 Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /**
     * {@code [+(\d][\p{L}\d\s().\-/+*#,;]{2,39}} holding at least 3 digits: a number as address books keep it,
     * letters (1-800-FLOWERS, "ext. 12"), the dialler's * and # and its pauses included. Counted in code points, as
     * the pattern counts them.
     */
    public static boolean isPhone(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (!(first == '+' || first == '(' || isDigit(first))) {
            return false;
        }
        int count = 1;
        int digits = isDigit(first) ? 1 : 0;
        for (int i = 1; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (++count > 40) {
                return false;
            }
            if (c < 128 && isDigit((char) c)) {
                digits++;
            } else if (!(Character.isLetter(c) || c < 128 && (isSpace((char) c) || PHONE_MARKS.indexOf(c) >= 0))) {
                return false;
            }
        }
        return count >= 3 && digits >= 3;
    }

    /** {@code https?://([\w-]+\.)?linkedin\.com/\S+}, without control characters */
    public static boolean isLinkedinUrl(String url) {
        int host = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
        if (host < 0) {
            return false;
        }
        // The optional label can only be the whole run of [\w-] up to a dot, as a dot is not in [\w-].
        int label = host;
        while (label < url.length() && (isWord(url.charAt(label)) || url.charAt(label) == '-')) {
            label++;
        }
        if (label > host && label < url.length() && url.charAt(label) == '.' && url.startsWith(LINKEDIN_HOST, label + 1)
                && isNonBlankRest(url, label + 1 + LINKEDIN_HOST.length())) {
            return true;
        }
        return url.startsWith(LINKEDIN_HOST, host) && isNonBlankRest(url, host + LINKEDIN_HOST.length());
    }

    /** {@code \S+} from {@code from} to the end, without control characters. */
    private static boolean isNonBlankRest(String text, int from) {
        if (from >= text.length()) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            if (isSpace(text.charAt(i)) || PlainText.isControl(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || isDigit(c);
    }
}
