package app.kith.web;

/**
 * The model of the error page and of the error fragment htmx swaps in; {@code layout} is the signed-in frame, with the
 * menu to go on from, or null for someone signed out (a plain page).
 */
public record ErrorPage(int status, String title, String message, Layout layout) {
    public boolean signedIn() {
        return layout != null;
    }
}
