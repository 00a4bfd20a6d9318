package app.kith.exchange;

import app.kith.contact.NameKey;
import app.kith.shared.CjkText;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

/** The keys an import matches people by: an email, a LinkedIn profile, a normalised full name. */
final class MatchKeys {
    private MatchKeys() {
    }

    static String email(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code https://de.linkedin.com/in/Ada-L/?trk=x} and {@code linkedin.com/in/ada-l} are one profile: {@code in/ada-l}. */
    static String linkedin(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String text = url.strip().toLowerCase(Locale.ROOT);
        int query = indexOfAny(text, '?', '#');
        if (query >= 0) {
            text = text.substring(0, query);
        }
        int scheme = text.indexOf("://");
        if (scheme > 0 && isLetters(text, scheme)) {
            text = text.substring(scheme + 3);
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String host = text.substring(0, slash);
        if (!host.equals("linkedin.com") && !host.endsWith(".linkedin.com")) {
            return null;
        }
        int end = text.length();
        while (end > slash + 1 && text.charAt(end - 1) == '/') {
            end--;
        }
        String path = text.substring(slash + 1, end);
        if (path.indexOf('%') >= 0) {
            try {
                path = URI.create("x:/" + path.replace(" ", "%20")).getPath().substring(1);
            } catch (IllegalArgumentException keepAsItIs) {
                // a path with a stray % stays as written
            }
        }
        return path.isEmpty() ? null : path;
    }

    /** Whether the text's first {@code end} characters are all a to z. */
    private static boolean isLetters(String text, int end) {
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** "José  de la Peña" and "jose de la pena" are one name: case, accents and punctuation aside. */
    static String name(String name) {
        return NameKey.of(name);
    }

    /**
     * The key of a name in Chinese, Japanese or Korean script written in parts given name first ("雷 李", as imports
     * wrote such names before they wrote them family name first), as it is written now ("李雷"), so that importing
     * a file again finds the contact an earlier import added; null for any other name.
     */
    static String familyFirst(String name) {
        // Any other name (the most) is told at its first letter, without cutting it in parts.
        if (!CjkText.allCjk(name)) {
            return null;
        }
        String[] parts = name.strip().split("\\s+");
        return parts.length < 2 || !Arrays.stream(parts).allMatch(CjkText::allCjk) ? null : name(PersonNames.joined(parts));
    }
}
