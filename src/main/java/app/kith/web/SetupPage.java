package app.kith.web;

/** The model of the page behind a setup link. */
public record SetupPage(String csrf, String username, String error) {
}
