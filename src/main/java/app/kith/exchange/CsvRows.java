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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a CSV text into records with the line each starts on, turning commons-csv's errors into an {@link ImportException}. */
final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .get();
    private static final Pattern STARTLINE = Pattern.compile("\\(startline (\\d+)\\)");

    /** A record's cells and the line it starts on (from 1). */
    record Row(long line, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }

        String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index).strip() : "";
        }
    }

    private CsvRows() {
    }

    static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
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
                    String reason = reason(e);
                    // A quote left open is reported at the end of the file; the cell it opens starts on the "startline".
                    Matcher opened = STARTLINE.matcher(reason);
                    long line = opened.find() ? Long.parseLong(opened.group(1)) : Math.max(start, parser.getCurrentLineNumber());
                    throw new ImportException(line, "the CSV cannot be read (" + opened.replaceAll("").strip()
                            + "): look for a quote that is not closed or a stray quote inside a cell");
                }
                long after = parser.getCurrentLineNumber();
                List<String> cells = record.toList();
                // Blank lines before a record are skipped by the parser: the record starts where its last physical lines do.
                long lines = 1 + cells.stream().mapToLong(cell -> cell.chars().filter(c -> c == '\n').count()).sum();
                rows.add(new Row(Math.max(start, after - lines + 1), cells));
                end = after;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String reason(Exception e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("^IOException reading next record: ", "")
                .replaceAll("java\\.io\\.IOException: ", "");
    }
}
