package app.kith.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the line each card of a vCard file begins on, counting lines as ez-vcard does ({@code \r\n},
 * {@code \n} and a lone {@code \r} each end one), and checks that every card ends: a cut-short file fails here.
 * It also tells where a second reader could start and read the same cards as one reader from the top.
 */
final class VCardLines {
    private static final String BEGIN = "BEGIN:VCARD";
    private static final String END = "END:VCARD";

    private VCardLines() {
    }

    /**
     * A top-level card: its line (from 1), where its {@code BEGIN:VCARD} starts in the text, and whether a fresh
     * reader may start there ({@code clean}): only right after a card's {@code END:VCARD} (blank lines aside)
     * that no quoted-printable soft line break ({@code =} at a line's end) could have swallowed.
     */
    record Start(long line, int offset, boolean clean) {
    }

    /**
     * The top-level {@code BEGIN:VCARD}s; cards nested in a 2.1 {@code AGENT} are not counted, and a card nested
     * anywhere else fails the file.
     */
    static List<Start> cardStarts(String text) {
        List<Start> starts = new ArrayList<>();
        long line = 0;
        int depth = 0;
        long open = 0;
        int from = 0;
        int length = text.length();
        boolean softBreak = false;
        boolean afterEnd = false;
        boolean afterAgent = false;
        while (from < length) {
            int to = from;
            char c = 0;
            while (to < length && (c = text.charAt(to)) != '\n' && c != '\r') {
                to++;
            }
            line++;
            boolean blank = to == from;
            if (is(text, from, to, BEGIN)) {
                if (depth > 0 && !afterAgent && !softBreak) {
                    // ez-vcard reads a card nested anywhere but under a 2.1 AGENT as nothing, without a warning.
                    throw new ImportException(line, "this BEGIN:VCARD is inside the card begun on line " + open
                            + ", whose END:VCARD is after it: Kith would read only the outer card; end that card before"
                            + " this line, or export the file again");
                }
                if (depth++ == 0) {
                    starts.add(new Start(line, from, afterEnd));
                    open = line;
                }
                afterEnd = false;
            } else if (is(text, from, to, END)) {
                if (depth == 0) {
                    throw new ImportException(line, "END:VCARD without a BEGIN:VCARD before it: the file is damaged;"
                            + " correct it or export it again");
                }
                depth--;
                afterEnd = depth == 0 && !softBreak;
            } else if (!blank) {
                afterEnd = false;
            }
            softBreak = !blank && text.charAt(to - 1) == '=';
            // A folded line (one that starts with a blank) goes on with the property before it.
            boolean folded = !blank && (text.charAt(from) == ' ' || text.charAt(from) == '\t');
            afterAgent = blank || folded ? afterAgent : isAgent(text, from, to);
            from = to < length && c == '\r' && to + 1 < length && text.charAt(to + 1) == '\n' ? to + 2 : to + 1;
        }
        if (depth > 0) {
            throw new ImportException(open, "this BEGIN:VCARD has no END:VCARD: the file looks cut short; export it again");
        }
        if (starts.isEmpty()) {
            String csv = csvKind(text);
            if (csv != null) {
                throw new ImportException(csv);
            }
            throw new ImportException("no vCard found: the file has no BEGIN:VCARD line; export your contacts as a vCard"
                    + " (.vcf) file from Apple Contacts, iCloud, Google Contacts or Outlook");
        }
        return starts;
    }

    /** What to do with a file that is one of the CSV files Kith reads, given as a vCard; null if it is none. */
    private static String csvKind(String text) {
        try {
            List<CsvRows.Row> rows = CsvRows.read(text, CsvRows.separator(text));
            int header = CsvRows.header(rows, "first name", "last name");
            List<String> names = header < 0 ? rows.isEmpty() ? List.of() : rows.get(0).names() : rows.get(header).names();
            if (names.contains("connected on")) {
                return "this is LinkedIn's Connections.csv, not a vCard: import it with 'kith import linkedin' (on the Import page: LinkedIn's Connections.csv)";
            }
            String which = ContactsCsv.which(names);
            return which == null ? null : "this is " + ContactsCsv.named(which) + ", not a vCard: import it with 'kith import csv' (on the Import page: CSV)";
        } catch (ImportException e) {
            return null;
        }
    }

    /**
     * Whether the line {@code [from, to)} is a 2.1 {@code AGENT} property, whose card follows on the next lines: its
     * name, after a group ({@code item1.AGENT}), up to its parameters or value, blanks before them aside.
     */
    private static boolean isAgent(String text, int from, int to) {
        int end = from;
        while (end < to && text.charAt(end) != ';' && text.charAt(end) != ':') {
            end++;
        }
        while (end > from && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        int name = end;
        while (name > from && text.charAt(name - 1) != '.') {
            name--;
        }
        return end - name == 5 && text.regionMatches(true, name, "AGENT", 0, 5);
    }

    /** Whether the line {@code [from, to)} is the keyword, in any case, trailing blanks aside. */
    private static boolean is(String text, int from, int to, String keyword) {
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
            to--;
        }
        return to - from == keyword.length() && text.regionMatches(true, from, keyword, 0, keyword.length());
    }
}
