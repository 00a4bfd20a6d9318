package app.kith.exchange;

import app.kith.shared.ValidationException;

/** A file that cannot be imported: where (the line, when known) and why. Nothing of it has been written. */
public final class ImportException extends ValidationException {
    private final long line;
    private final String reason;
    private final String inRow;
    private final boolean rowAlone;

    public ImportException(long line, String reason) {
        this(line, reason, null, false);
    }

    public ImportException(String reason) {
        this(0, reason);
    }

    /**
     * A problem on a line within a row that starts on an earlier one (a vCard's), with {@code inRow}, why as told
     * after the row's first line when the row is skipped ("line 9 of the file is not a property...").
     */
    ImportException(long line, String reason, String inRow) {
        this(line, reason, inRow, false);
    }

    private ImportException(long line, String reason, String inRow, boolean rowAlone) {
        super((line > 0 ? "line " + line + ": " : "") + reason + "; nothing was imported");
        this.line = line;
        this.reason = reason;
        this.inRow = inRow;
        this.rowAlone = rowAlone;
    }

    /** The line the problem is on, from 1; 0 when it concerns the whole file. */
    public long line() {
        return line;
    }

    /** Why, without the line. */
    String reason() {
        return reason;
    }

    /** Why, as told after the first line of the row it is in, when that is not its own line: null if not told apart. */
    String inRow() {
        return inRow;
    }

    /**
     * Whether the problem is one row's alone (a date that is not one, an email that is not one), which an import
     * that skips bad rows ({@link BadRows#SKIP}) would have left out, and not the file's (a broken quote).
     */
    public boolean rowAlone() {
        return rowAlone;
    }

    /** This problem, known to be one row's alone. */
    ImportException ofRowAlone() {
        return rowAlone ? this : new ImportException(line, reason, inRow, true);
    }
}
