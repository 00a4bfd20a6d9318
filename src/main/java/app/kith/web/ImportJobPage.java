package app.kith.web;

/** The model of an import's own page: its frame and the part htmx refreshes while it runs. */
public record ImportJobPage(Layout layout, ImportJobFragment fragment) {
}
