package app.kith.exchange;

import app.kith.shared.ValidationException;

/** A file that cannot be imported: where (the line, when known) and why. Nothing of it has been written. */
public final class ImportException extends ValidationException {
    private final long line;
    private final String reason;
    private final boolean rowAlone;

    public ImportException(long line, String reason) {
        this(line, reason, false);
    }

    public ImportException(String reason) {
        this(0, reason);
    }

    private ImportException(long line, String reason, boolean rowAlone) {
        super((line > 0 ? "line " + line + ": " : "") + reason + "; nothing was imported");
        this.line = line;
        this.reason = reason;
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

    /**
     * Whether the problem is one row's alone (a date that is not one, an email that is not one), which an import
     * that skips bad rows ({@link BadRows#SKIP}) would have left out, and not the file's (a broken quote).
     */
    public boolean rowAlone() {
        return rowAlone;
    }

    /** This problem, known to be one row's alone. */
    ImportException ofRowAlone() {
        return rowAlone ? this : new ImportException(line, reason, true);
    }
}
