package app.kith.web;

/** The model of the error page and of the error fragment htmx swaps in. */
public record ErrorPage(int status, String title, String message, boolean signedIn) {
}
