package app.kith.web;

import io.javalin.http.Context;

/**
 * What every signed-in page's frame needs: its title, the active tab and the CSRF token for its forms and htmx
 * requests, masked anew for each page ({@link Security#masked}).
 */
public record Layout(String title, String active, String csrf) {
    static Layout of(Context ctx, String title, String active) {
        return new Layout(title, active, Security.pageToken(ctx));
    }
}
