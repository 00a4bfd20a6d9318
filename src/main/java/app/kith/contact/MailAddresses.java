package app.kith.contact;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Arrays;
import java.util.List;

/**
 * Email addresses as a mail program writes them and people paste them: {@code Ana Lima <ana@example.org>},
 * {@code "Lima, Ana" <ana@example.org>, bob@example.org}, {@code mailto:ana@example.org}. Read by Jakarta Mail's
 * RFC 5322 parser; what it makes of text that holds no address is left for {@link FieldFormats#isEmail} to refuse.
 */
public final class MailAddresses {
    private static final String MAILTO = "mailto:";

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
     * Whether {@code address} stands in {@code text} as a mail program writes it: followed by nothing, the {@code >}
     * that closes it, a comma or semicolon before the next, or a comment in brackets ({@code ana@example.org (Ana)}).
     * The parser, lenient, reads {@code a@b.c} out of {@code a@b.c<script>} and lets the rest go unsaid.
     */
    private static boolean standsWhole(String text, String address) {
        int at = text.indexOf(address);
        if (at < 0) {
            return false;
        }
        String after = text.substring(at + address.length()).stripLeading();
        return after.isEmpty() || ">,;(".indexOf(after.charAt(0)) >= 0;
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
        if (!found.isEmpty() && found.stream().allMatch(address -> FieldFormats.isEmail(address) && standsWhole(listed, address))) {
            return found;
        }
        // Not a mail program's list: parted by commas and semicolons alone, for the service to refuse what is no address.
        return Arrays.stream(line.split("[,;]")).map(String::strip).filter(address -> !address.isEmpty()).toList();
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
