package app.kith.web;

import app.kith.account.NewSession;
import app.kith.account.Session;
import app.kith.account.SessionService;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Header;
import io.javalin.http.SameSite;

import java.util.List;
import java.util.Optional;

/** The session cookie: who is signed in, read once per request and kept on the context. */
final class Sessions {
    static final String COOKIE = "kith_session";
    private static final String ATTRIBUTE = "kith.session";
    /** A kept session's cookie lasts as long as the session does unused (a session cookie otherwise). */
    private static final int KEPT_SECONDS = (int) SessionService.REMEMBERED_IDLE.toSeconds();

    private final SessionService sessions;
    private final boolean secureCookies;
    private final Clients clients;

    Sessions(SessionService sessions, boolean secureCookies, Clients clients) {
        this.sessions = sessions;
        this.secureCookies = secureCookies;
        this.clients = clients;
    }

    /**
     * Reads the cookie and remembers the session (if any, and valid) for the rest of the request. A kept session's
     * cookie is sent again, so that the browser keeps it as long as the server does: 14 days from the last visit.
     */
    void load(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null && !id.isBlank()) {
            sessions.find(id).ifPresent(session -> {
                ctx.attribute(ATTRIBUTE, session);
                if (session.remember()) {
                    ctx.cookie(cookie(id, KEPT_SECONDS, ctx));
                }
            });
        }
    }

    /**
     * Whether the request was honoured on a session that is gone now: ended, or its account removed, by another
     * process within the time a session read is trusted (see {@link SessionService#findAfresh}).
     */
    boolean endedMeanwhile(Context ctx) {
        String id = ctx.cookie(COOKIE);
        return current(ctx).isPresent() && id != null && sessions.findAfresh(id).isEmpty();
    }

    static Optional<Session> current(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The signed-in user's id; the security filter guarantees there is one on every protected route. */
    static long userId(Context ctx) {
        return current(ctx).orElseThrow(() -> new IllegalStateException("no session on a protected route")).userId();
    }

    static String csrfToken(Context ctx) {
        return current(ctx).map(Session::csrfToken).orElse("");
    }

    /**
     * Starts a session for the user, ending the one this browser had: a sign-in over a live session (another
     * account's, or the same again) leaves no session behind that the old cookie, kept elsewhere, would still open.
     */
    void start(Context ctx, long userId, boolean remember) {
        String earlier = ctx.cookie(COOKIE);
        if (earlier != null && !earlier.isBlank()) {
            sessions.end(earlier);
        }
        NewSession started = sessions.start(userId, remember);
        Cookie cookie = cookie(started.id(), remember ? KEPT_SECONDS : -1, ctx);
        ctx.cookie(cookie);
        ctx.attribute(ATTRIBUTE, started.session());
    }

    void end(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null) {
            sessions.end(id);
        }
        // The session's cookie, sent again as the request was read (a kept one's 14 days), is not sent twice.
        List<String> others = ctx.res().getHeaders(Header.SET_COOKIE).stream().filter(header -> !header.startsWith(COOKIE + "=")).toList();
        ctx.res().setHeader(Header.SET_COOKIE, null);
        others.forEach(header -> ctx.res().addHeader(Header.SET_COOKIE, header));
        ctx.cookie(cookie("", 0, ctx));
        ctx.attribute(ATTRIBUTE, null);
    }

    Cookie cookie(String value, int maxAge, Context ctx) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        cookie.setSecure(secureCookies || clients.https(ctx));
        cookie.setMaxAge(maxAge);
        return cookie;
    }
}
