package app.kith.web;

/** The log-a-touch form on a contact's page, as typed: the kind, the day (YYYY-MM-DD) and a note. */
public record TouchForm(String kind, String on, String note) {
}
