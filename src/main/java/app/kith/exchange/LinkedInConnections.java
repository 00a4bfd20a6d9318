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
        List<CsvRows.Row> rows = CsvRows.read(text);
        int header = CsvRows.header(rows, "first name", "last name");
        if (header < 0) {
            throw new ImportException("no header 'First Name,Last Name,URL,Email Address,Company,Position,Connected On' found:"
                    + " give the Connections.csv of LinkedIn's data export (Settings, Data privacy, Get a copy of your data)");
        }
        List<String> names = rows.get(header).names();
        int first = names.indexOf("first name");
        int last = names.indexOf("last name");
        int url = names.indexOf("url");
        int email = names.indexOf("email address");
        int company = names.indexOf("company");
        int position = names.indexOf("position");
        int connectedOn = names.indexOf("connected on");

        Map<String, LocalDate> dates = new HashMap<>();
        List<ImportRow> contacts = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        for (CsvRows.Row row : rows.subList(header + 1, rows.size())) {
            if (row.blank()) {
                continue;
            }
            row.requireWidth(names.size());
            String given = row.cell(first);
            String family = row.cell(last);
            String name = given.isEmpty() ? family : family.isEmpty() ? given : given + " " + family;
            if (name.isEmpty()) {
                skipped.add(new Skip(row.line(), "no name (LinkedIn leaves out members who hide it)"));
                continue;
            }
            String mail = row.cell(email);
            String on = row.cell(connectedOn);
            LocalDate connected = dates.get(on);
            if (connected == null && !on.isEmpty()) {
                connected = date(row.line(), on);
                dates.put(on, connected);
            }
            contacts.add(new ImportRow(row.line(), new ContactBulk.Draft(name, mail.isEmpty() ? List.of() : List.of(mail), List.of(),
                    row.cell(company), row.cell(position), null, null, row.cell(url), connected, "LinkedIn", null, null, null, List.of())));
        }
        return new Parsed(FORMAT, contacts, skipped);
    }

    private static LocalDate date(long line, String text) {
        try {
            return text.length() == 10 && text.charAt(4) == '-' ? LocalDate.parse(text) : LocalDate.parse(text, CONNECTED_ON);
        } catch (DateTimeParseException e) {
            throw new ImportException(line, "'" + text + "' under Connected On is not a date like 15 Mar 2024");
        }
    }
}
