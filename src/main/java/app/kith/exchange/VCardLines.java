package app.kith.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the line each card of a vCard file begins on, counting lines as ez-vcard does ({@code \r\n},
 * {@code \n} and a lone {@code \r} each end one), and checks that every card ends: a cut-short file fails here.
 */
final class VCardLines {
    private static final String BEGIN = "BEGIN:VCARD";
    private static final String END = "END:VCARD";

    private VCardLines() {
    }

    /** The lines (from 1) of the top-level {@code BEGIN:VCARD}s; cards nested in a 2.1 {@code AGENT} are not counted. */
    static List<Long> cardStarts(String text) {
        List<Long> starts = new ArrayList<>();
        long line = 0;
        int depth = 0;
        long open = 0;
        int from = 0;
        int length = text.length();
        while (from < length) {
            int to = from;
            while (to < length && text.charAt(to) != '\n' && text.charAt(to) != '\r') {
                to++;
            }
            line++;
            if (is(text, from, to, BEGIN)) {
                if (depth++ == 0) {
                    starts.add(line);
                    open = line;
                }
            } else if (is(text, from, to, END)) {
                if (depth == 0) {
                    throw new ImportException(line, "END:VCARD without a BEGIN:VCARD before it: the file is damaged;"
                            + " correct it or export it again");
                }
                depth--;
            }
            from = to < length && text.charAt(to) == '\r' && to + 1 < length && text.charAt(to + 1) == '\n' ? to + 2 : to + 1;
        }
        if (depth > 0) {
            throw new ImportException(open, "this BEGIN:VCARD has no END:VCARD: the file looks cut short; export it again");
        }
        if (starts.isEmpty()) {
            throw new ImportException("no vCard found: the file has no BEGIN:VCARD line; export your contacts as a vCard"
                    + " (.vcf) file from Apple Contacts, iCloud, Google Contacts or Outlook");
        }
        return starts;
    }

    /** Whether the line {@code [from, to)} is the keyword, in any case, trailing blanks aside. */
    private static boolean is(String text, int from, int to, String keyword) {
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
            to--;
        }
        return to - from == keyword.length() && text.regionMatches(true, from, keyword, 0, keyword.length());
    }
}
