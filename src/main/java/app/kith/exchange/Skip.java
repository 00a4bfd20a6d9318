package app.kith.exchange;

/** A row an import leaves out, and why (no name, a repeat of an earlier row...). */
public record Skip(long line, String reason) {
}
