package app.kith.web;

import io.javalin.http.Context;

/** What every signed-in page's frame needs: its title, the active tab and the CSRF token for htmx requests. */
public record Layout(String title, String active, String csrf) {
    static Layout of(Context ctx, String title, String active) {
        return new Layout(title, active, Sessions.csrfToken(ctx));
    }
}
