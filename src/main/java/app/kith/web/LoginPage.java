package app.kith.web;

/** The model of the login page. */
public record LoginPage(String csrf, String username, String next, String error, String notice) {
}
