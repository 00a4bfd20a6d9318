package app.kith.exchange;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a CSV text into records with the line each starts on, turning commons-csv's errors into an {@link ImportException}. */
final class CsvRows {
    private static final Pattern START_LINE = Pattern.compile("(?:startline|line:?) ([\\d,.]+)");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .get();

    /** A record's cells and the line it starts on (from 1). */
    record Row(long line, List<String> cells) {
        boolean blank() {
            for (String cell : cells) {
                if (!cell.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        /** The cells as header names: stripped and lower-cased. */
        List<String> names() {
            return cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        }

        /** Fails on a row whose cell count differs from its header's: the sign of a stray quote or comma. */
        void requireWidth(int width) {
            if (cells.size() != width) {
                throw new ImportException(line, "this row has " + cells(cells.size()) + " where the header has " + width
                        + ": look for a stray quote or an unquoted comma");
            }
        }

        private static String cells(int count) {
            return count + (count == 1 ? " cell" : " cells");
        }

        String cell(int index) {
            if (index < 0 || index >= cells.size()) {
                return "";
            }
            String cell = cells.get(index);
            return cell.isEmpty() ? cell : cell.strip();
        }
    }

    private CsvRows() {
    }

    /** The index of the first row naming every one of {@code names} (any case), or -1: a header below a preamble. */
    static int header(List<Row> rows, String... names) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).names().containsAll(List.of(names))) {
                return i;
            }
        }
        return -1;
    }

    /** The records of a text whose cells are parted by commas, or by semicolons as {@link #separator} tells. */
    static List<Row> read(String text) {
        return read(text, separator(text));
    }

    /** The records of a text whose cells are parted by {@code separator}. */
    static List<Row> read(String text, char separator) {
        List<Row> rows = new ArrayList<>();
        read(text, separator, rows::add);
        return rows;
    }

    /** Hands each record to {@code each} as soon as it is read; cells parted as {@link #separator} tells. */
    static void read(String text, Consumer<Row> each) {
        read(text, separator(text), each);
    }

    /**
     * The character a file's cells are parted by: a semicolon when its first line (the header) has more semicolons
     * than commas outside quotes, as a spreadsheet saves CSV where the comma is the decimal mark (Excel in Germany or
     * France); else a comma.
     */
    static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (commas + semicolons > 0) {
                    break;
                }
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static void read(String text, char separator, Consumer<Row> each) {
        CSVFormat format = separator == ',' ? FORMAT : FORMAT.builder().setDelimiter(separator).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            long end = 0;
            while (true) {
                long start = end + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw failure(e, Math.max(start, parser.getCurrentLineNumber()));
                }
                long after = parser.getCurrentLineNumber();
                List<String> cells = record.toList();
                // Blank lines before a record are skipped by the parser: the record starts where its last physical lines do.
                long lines = 1;
                for (String cell : cells) {
                    lines += lineBreaks(cell);
                }
                each.accept(new Row(Math.max(start, after - lines + 1), cells));
                end = after;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * About how many rows a CSV text has, before it is read: its lines. A cell with a line break in it makes one more,
     * as does each line above a header.
     */
    static int lines(String text) {
        return lineBreaks(text) + (text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? 0 : 1);
    }

    private static int lineBreaks(String text) {
        int breaks = 0;
        for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
            breaks++;
        }
        return breaks;
    }

    /** commons-csv names the line a broken cell starts on in its message; the parser itself is at the end of the file by then. */
    private static ImportException failure(Exception e, long line) {
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        Matcher start = START_LINE.matcher(message);
        long where = start.find() ? Long.parseLong(start.group(1).replace(",", "").replace(".", "")) : line;
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new ImportException(where, "a quoted cell starting on this line is never closed: look for a missing or stray quote");
        }
        if (message.toLowerCase(Locale.ROOT).contains("invalid char")) {
            return new ImportException(where, "a quote ends a cell early: quotes inside a quoted cell must be doubled (\"\")");
        }
        return new ImportException(where, "the CSV cannot be read (" + message + "): look for a stray quote");
    }
}
