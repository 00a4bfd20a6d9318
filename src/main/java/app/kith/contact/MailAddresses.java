package app.kith.contact;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Email addresses as a mail program writes them and people paste them: {@code Ana Lima <ana@example.org>},
 * {@code "Lima, Ana" <ana@example.org>, bob@example.org}, {@code mailto:ana@example.org}. Read by Jakarta Mail's
 * RFC 5322 parser; what it makes of text that holds no address is left for {@link FieldFormats#isEmail} to refuse.
 */
public final class MailAddresses {
    private static final String MAILTO = "mailto:";
    /** The commas and semicolons that end a list copied from a mail program's To field. */
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s,;]+$");

    private MailAddresses() {
    }

    /**
     * The address that {@code text} names, when it names exactly one in a mail program's form; else the text as it
     * is, so that the caller's check refuses it as typed. A bare address is returned as it is, never rewritten (only
     * taken out of {@code <...>} or from a {@code mailto:} link, without its {@code ?subject=...}).
     */
    public static String address(String text) {
        String bare = text;
        if (text.regionMatches(true, 0, MAILTO, 0, MAILTO.length())) {
            // A mailto link's ?subject=... or ?cc=... (RFC 6068) is no part of the address.
            int query = text.indexOf('?');
            bare = text.substring(MAILTO.length(), query < 0 ? text.length() : query);
        }
        bare = bare.length() > 2 && bare.startsWith("<") && bare.endsWith(">") ? bare.substring(1, bare.length() - 1) : bare;
        if (FieldFormats.isEmail(bare)) {
            return bare;
        }
        List<String> found = bare.indexOf('@') < 0 ? List.of() : parsed(bare);
        return found.size() == 1 && FieldFormats.isEmail(found.get(0)) && standsWhole(bare, found.get(0)) ? found.get(0) : text;
    }

    /**
     * Whether {@code address} is all that {@code text} says besides a name and comments, as a mail program writes one
     * address: {@code Name <address>} or the bare address, comments in brackets anywhere ({@code ana@example.org (Ana)}),
     * and a comma or semicolon after it, as a copied list ends. The parser, lenient, reads {@code a@b.c} out of
     * {@code a@b.c<script>} and lets the rest go unsaid.
     */
    private static boolean standsWhole(String text, String address) {
        String written = TRAILING_SEPARATORS.matcher(withoutComments(text).strip()).replaceFirst("");
        int open = written.lastIndexOf('<');
        if (open < 0) {
            return written.equals(address);
        }
        int close = written.indexOf('>', open);
        return close > 0 && written.substring(open + 1, close).strip().equals(address) && written.substring(close + 1).isBlank();
    }

    /** The text with its comments (in brackets, outside quotes, perhaps nested) each made a space. */
    private static String withoutComments(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && (quoted || depth > 0) && i + 1 < text.length()) {
                if (depth == 0) {
                    kept.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
                kept.append(c);
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                if (--depth == 0) {
                    kept.append(' ');
                }
            } else if (depth == 0) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /**
     * The addresses on one line of pasted text, parted by commas or semicolons outside names in quotes, without their
     * names; a line with one {@code @} at most is one {@link #address}, whatever else it holds (one stored is kept as it is).
     */
    public static List<String> split(String line) {
        if (line.indexOf('@') == line.lastIndexOf('@')) {
            return List.of(address(line));
        }
        String listed = line.replace(';', ',');
        List<String> found = parsed(listed);
        List<String> written = written(listed);
        if (!found.isEmpty() && found.size() == written.size() && IntStream.range(0, found.size())
                .allMatch(i -> FieldFormats.isEmail(found.get(i)) && standsWhole(written.get(i), found.get(i)))) {
            return found;
        }
        // Not a mail program's list: parted by commas and semicolons alone, for the service to refuse what is no address.
        return Arrays.stream(line.split("[,;]")).map(String::strip).filter(address -> !address.isEmpty()).toList();
    }

    /** A list of addresses as written, each with its name: parted by the commas outside quotes, comments and {@code <...>}. */
    private static List<String> written(String list) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int comment = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\\' && (quoted || comment > 0)) {
                i++;
            } else if (comment == 0 && c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                comment++;
            } else if (!quoted && c == ')' && comment > 0) {
                comment--;
            } else if (!quoted && comment == 0 && c == '<') {
                angle++;
            } else if (!quoted && comment == 0 && c == '>' && angle > 0) {
                angle--;
            } else if (!quoted && comment == 0 && angle == 0 && c == ',') {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(list.substring(start));
        return parts.stream().filter(part -> !part.isBlank()).toList();
    }

    /** The addresses the parser reads in {@code text}, without their names; none if it reads a group or nothing. */
    private static List<String> parsed(String text) {
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(text, false);
            return Arrays.stream(addresses).anyMatch(InternetAddress::isGroup) ? List.of()
                    : Arrays.stream(addresses).map(InternetAddress::getAddress).toList();
        } catch (AddressException e) {
            return List.of();
        }
    }
}
