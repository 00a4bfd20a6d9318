package app.kith.web;

/** What replaces an entry on Today once it is logged or snoozed. */
public record DoneFragment(String message, long contactId) {
}
