package app.kith.exchange;

/**
 * What an import does with a row Kith cannot take (a date that is not a date, an email that is not an email, a row
 * of the wrong width): fail the whole file, writing nothing (the default), or leave the row out and say why, as it
 * leaves out a row without a name. A file that cannot be read on past a point (a broken quote, a card never closed)
 * fails either way.
 */
public enum BadRows {
    FAIL, SKIP;

    /**
     * The row starting on {@code line} left out, with why, when bad rows are skipped; else the problem is thrown,
     * known as the row's alone. A problem on a line of its own within the row (a vCard's) is told with that line:
     * "skipped line 6: on line 9 of the file, 'someday' under BDAY is not a date".
     */
    Skip skip(ImportException problem, long line) {
        if (this == FAIL) {
            throw problem.ofRowAlone();
        }
        if (problem.line() == line || problem.line() == 0) {
            return new Skip(line, problem.reason());
        }
        return new Skip(line, problem.inRow() != null ? problem.inRow() : "on line " + problem.line() + " of the file, " + problem.reason());
    }
}
