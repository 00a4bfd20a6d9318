package app.kith.exchange;

import java.util.List;

/** What a parser read from a whole file: the contacts in it and the rows it left out. */
public record Parsed(String format, List<ImportRow> rows, List<Skip> skipped) {
    public Parsed {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
    }
}
