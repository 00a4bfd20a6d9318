package app.kith.exchange;

import app.kith.shared.ValidationException;

/** A file that cannot be imported: where (the line, when known) and why. Nothing of it has been written. */
public final class ImportException extends ValidationException {
    private final long line;

    public ImportException(long line, String reason) {
        super((line > 0 ? "line " + line + ": " : "") + reason + "; nothing was imported");
        this.line = line;
    }

    public ImportException(String reason) {
        this(0, reason);
    }

    /** The line the problem is on, from 1; 0 when it concerns the whole file. */
    public long line() {
        return line;
    }
}
