package app.kith.web;

import app.kith.shared.Dates;
import app.kith.shared.NotFoundException;
import app.kith.shared.Quoted;
import app.kith.shared.ValidationException;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads path and form values, turning malformed ones into the same clear errors as the CLI's. */
final class Params {
    /** An id as a path or a form writes it; compiled once (a request reads up to a page's worth of them). */
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private Params() {
    }

    /**
     * Whether htmx asks for a part of a page (search results, an entry); a page it asks for to go back in history is
     * whole, as a browser's own request is.
     */
    static boolean wantsPart(Context ctx) {
        return ctx.header("HX-Request") != null && ctx.header("HX-History-Restore-Request") == null;
    }

    /** The {@code {id}} path parameter of a contact's page; a malformed id is a page that does not exist. */
    static long id(Context ctx) {
        return id(ctx, "contact");
    }

    /** The {@code {id}} path parameter of a page about {@code what} (a contact, a circle...); a malformed id is a page that does not exist. */
    static long id(Context ctx, String what) {
        return id(ctx, "id", what);
    }

    /** The path parameter {@code parameter}, the id of {@code what}; a malformed id is a page that does not exist. */
    static long id(Context ctx, String parameter, String what) {
        String text = ctx.pathParam(parameter);
        if (!ID.matcher(text).matches()) {
            throw new NotFoundException("there is no " + what + " with id " + Quoted.of(text));
        }
        return Long.parseLong(text);
    }

    /** A date field: {@code YYYY-MM-DD}, blank for the fallback. */
    static LocalDate date(String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(Quoted.of(text) + " is not a date: use YYYY-MM-DD");
        }
        return Dates.inRange(date, text.trim());
    }

    /**
     * A field listing ids ({@code 12,7,31}), as a page keeps them: at most {@code max}; null when it is missing, holds
     * more, or anything but ids (then the caller works them out itself).
     */
    static Set<Long> ids(String text, int max) {
        if (text == null) {
            return null;
        }
        Set<Long> ids = new LinkedHashSet<>();
        if (text.isEmpty()) {
            return ids;
        }
        for (String id : text.split(",", max + 1)) {
            if (ids.size() == max || !ID.matcher(id).matches()) {
                return null;
            }
            ids.add(Long.parseLong(id));
        }
        return ids;
    }

    /** Ids as {@link #ids} reads them. */
    static String idList(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Where to go back after a form without htmx: the same-site page it came from, else the fallback. */
    static String safeBack(Context ctx, String fallback) {
        String back = ctx.formParam("back");
        return AuthPages.safeNext(back == null ? fallback : back);
    }
}
