package app.kith.exchange;

import app.kith.contact.ContactBulk;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * LinkedIn's {@code Connections.csv} from its data export: a few lines of notes, then the header
 * {@code First Name,Last Name,URL,Email Address,Company,Position,Connected On}, then a connection per row.
 * The header is found by scanning, as the notes vary in length.
 */
public final class LinkedInConnections {
    static final String FORMAT = "LinkedIn connections";
    private static final DateTimeFormatter CONNECTED_ON = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT); // 31 Feb is refused, not read as 29 Feb

    private LinkedInConnections() {
    }

    public static Parsed parse(String text) {
        return parse(text, BadRows.FAIL);
    }

    /** Reads the file; a bad row fails it, or is left out with why, as {@code bad} says. */
    public static Parsed parse(String text, BadRows bad) {
        List<CsvRows.Row> rows = CsvRows.read(text);
        List<Parsed> whole = new ArrayList<>(1);
        Reading reading = new Reading(Integer.MAX_VALUE, whole::add, bad);
        rows.forEach(reading::take);
        reading.end();
        return whole.get(0);
    }

    /**
     * Reads the file as {@link #parse(String)} does, handing its rows over in parts of {@code size} as soon as they
     * are read, the last part with the rest. The first error met fails it; it may not be the one {@link #parse(String)}
     * reports, which reads the whole file before it looks at a row (a broken quote further on comes first).
     */
    static void parse(String text, int size, Consumer<Parsed> parts, BadRows bad) {
        Reading reading = new Reading(size, parts, bad);
        CsvRows.read(text, reading::take);
        reading.end();
    }

    /** The rows read so far: before the header, the header's columns once found, then the part being filled. */
    private static final class Reading {
        private final int size;
        private final Consumer<Parsed> parts;
        private final BadRows bad;
        private final Map<String, LocalDate> dates = new HashMap<>();
        private List<String> names;
        /** Whether the first row that is not blank was looked at as another's header. */
        private boolean looked;
        private int first;
        private int last;
        private int url;
        private int email;
        private int company;
        private int position;
        private int connectedOn;
        private List<ImportRow> contacts = new ArrayList<>();
        private List<Skip> skipped = new ArrayList<>();

        Reading(int size, Consumer<Parsed> parts, BadRows bad) {
            this.size = size;
            this.parts = parts;
            this.bad = bad;
        }

        void take(CsvRows.Row row) {
            if (names == null) {
                boolean header = CsvRows.header(List.of(row), "first name", "last name") == 0;
                // The first row of another's CSV is its header (in English or, for Outlook, another language).
                if (header || !row.blank() && !looked) {
                    looked = true;
                    // LinkedIn's own column tells it; a column added in a spreadsheet (Labels, Job Title) does not make it another's.
                    String other = row.names().contains("connected on") ? null : ContactsCsv.which(row.names());
                    if (other != null) {
                        // Its first and last names would be read and all else lost, each contact "met on LinkedIn".
                        throw new ImportException(row.line(), "this is " + ContactsCsv.named(other) + ", not LinkedIn's Connections.csv: import it"
                                + " with 'kith import csv' (on the Import page: CSV)");
                    }
                    if (header) {
                        header(row.names());
                    }
                }
                return;
            }
            if (row.blank()) {
                return;
            }
            try {
                contact(row);
            } catch (ImportException e) {
                skipped.add(bad.skip(e, row.line()));
            }
            if (contacts.size() + skipped.size() >= size) {
                handOver();
            }
        }

        private void contact(CsvRows.Row row) {
            row.requireWidth(names.size());
            String name = PersonNames.joined(row.cell(first), row.cell(last));
            if (name.isEmpty()) {
                skipped.add(new Skip(row.line(), "no name (LinkedIn leaves out members who hide it)"));
            } else {
                String mail = row.cell(email);
                String on = row.cell(connectedOn);
                LocalDate connected = dates.get(on);
                if (connected == null && !on.isEmpty()) {
                    connected = date(row.line(), on);
                    dates.put(on, connected);
                }
                contacts.add(new ImportRow(row.line(), new ContactBulk.Draft(name, mail.isEmpty() ? List.of() : List.of(mail),
                        List.of(), row.cell(company), row.cell(position), null, null, row.cell(url), connected, "LinkedIn", null,
                        null, null, List.of())));
            }
        }

        private void header(List<String> header) {
            names = header;
            first = names.indexOf("first name");
            last = names.indexOf("last name");
            url = names.indexOf("url");
            email = names.indexOf("email address");
            company = names.indexOf("company");
            position = names.indexOf("position");
            connectedOn = names.indexOf("connected on");
        }

        private void handOver() {
            parts.accept(new Parsed(FORMAT, contacts, skipped));
            contacts = new ArrayList<>();
            skipped = new ArrayList<>();
        }

        void end() {
            if (names == null) {
                throw new ImportException("no header 'First Name,Last Name,URL,Email Address,Company,Position,Connected On' found:"
                        + " give the Connections.csv of LinkedIn's data export (Settings, Data privacy, Get a copy of your data)");
            }
            handOver();
        }
    }

    private static LocalDate date(long line, String text) {
        try {
            return text.length() == 10 && text.charAt(4) == '-' ? LocalDate.parse(text) : LocalDate.parse(text, CONNECTED_ON);
        } catch (DateTimeParseException e) {
            throw new ImportException(line, "'" + text + "' under Connected On is not a date like 15 Mar 2024");
        }
    }
}
