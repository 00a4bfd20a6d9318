package app.kith.exchange;

import app.kith.exchange.UserExport.CircleEntry;
import app.kith.exchange.UserExport.ContactEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes contacts as CSV with commons-csv: RFC 4180 quoting, a header, one row per contact, lists joined with
 * " ::: " as Google Contacts does. A cell that a spreadsheet would run as a formula gets a leading quote. Columns
 * added later go last, so that a sheet's formulas over an older export still find theirs.
 */
final class CsvExport {
    static final String JOIN = " ::: ";
    static final List<String> HEADER = List.of("Name", "Emails", "Phones", "Company", "Title", "City", "Country",
            "Time zone", "LinkedIn", "Met on", "How we met", "Birthday", "Tags", "Circles", "Notes", "Cadence",
            "Last touch", "Next due", "Archived", "Strengths");

    private CsvExport() {
    }

    static String write(UserExport export) {
        Map<Long, String> circles = export.circles().stream().collect(Collectors.toMap(CircleEntry::id, CircleEntry::name));
        StringWriter text = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
        try (CSVPrinter csv = new CSVPrinter(text, format)) {
            for (ContactEntry c : export.contacts()) {
                List<String> cells = List.of(c.name(), String.join(JOIN, c.emails()), String.join(JOIN, c.phones()),
                        orEmpty(c.company()), orEmpty(c.title()), orEmpty(c.city()), orEmpty(c.country()),
                        orEmpty(c.timezone()), orEmpty(c.linkedinUrl()), orEmpty(c.metOn()), orEmpty(c.metHow()),
                        orEmpty(c.birthday()), String.join(JOIN, c.tags()),
                        c.circles().stream().map(circles::get).collect(Collectors.joining(JOIN)), orEmpty(c.notes()),
                        orEmpty(c.ownCadence() != null ? c.ownCadence() : c.cadence()), orEmpty(c.lastTouchOn()),
                        orEmpty(c.dueOn()), c.archived() ? "yes" : "no", orEmpty(c.strengths()));
                csv.printRecord(cells.stream().map(CsvExport::neutralised));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * The cell with a leading {@code '} when it starts as a formula would (= + - @, tab, carriage return), or with a
     * {@code '} itself: a spreadsheet hides one leading quote, and Kith's CSV import takes exactly one off.
     */
    static String neutralised(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r'".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
