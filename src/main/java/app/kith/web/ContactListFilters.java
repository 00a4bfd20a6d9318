package app.kith.web;

import app.kith.contact.ContactService;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The contact list's search and filters as given in its address, kept by every link that pages through it. */
public record ContactListFilters(String q, String circle, String city, boolean overdue, boolean archived, boolean untracked) {
    private static final int MAX_TEXT = 200;

    static ContactListFilters read(Context ctx) {
        return new ContactListFilters(text(ctx.queryParam("q")), text(ctx.queryParam("circle")), text(ctx.queryParam("city")),
                ticked(ctx.queryParam("overdue")), ticked(ctx.queryParam("archived")), ticked(ctx.queryParam("untracked")));
    }

    /** A checkbox's value: sent (its form says 1, a browser's default is "on") unless it reads as no, as in an address edited by hand. */
    private static boolean ticked(String value) {
        return value != null && !value.isBlank() && !value.strip().matches("(?i)0|false|no|off");
    }

    ContactService.Search search() {
        return new ContactService.Search(q, circle.isBlank() ? null : circle, city.isBlank() ? null : city, null, overdue, archived, untracked);
    }

    /** Whether anything narrows the list (else an empty list means there are no contacts yet). */
    public boolean any() {
        return !q.isBlank() || !circle.isBlank() || !city.isBlank() || overdue || archived || untracked;
    }

    /** Whether the search text has no letter or digit to look for (it then finds nobody, and the page says why). */
    public boolean wordless() {
        return ContactService.wordless(q);
    }

    /** The same filters among the archived contacts. */
    public ContactListFilters withArchived() {
        return new ContactListFilters(q, circle, city, overdue, true, untracked);
    }

    /** The list's address with these filters, on page {@code page} (from 1). */
    public String url(int page) {
        List<String> parameters = new ArrayList<>();
        add(parameters, "q", q);
        add(parameters, "circle", circle);
        add(parameters, "city", city);
        if (overdue) {
            parameters.add("overdue=1");
        }
        if (archived) {
            parameters.add("archived=1");
        }
        if (untracked) {
            parameters.add("untracked=1");
        }
        if (page > 1) {
            parameters.add("page=" + page);
        }
        return parameters.isEmpty() ? "/contacts" : "/contacts?" + String.join("&", parameters);
    }

    private static void add(List<String> parameters, String name, String value) {
        if (!value.isBlank()) {
            parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String text(String value) {
        String text = value == null ? "" : value.strip();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
