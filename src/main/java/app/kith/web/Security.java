package app.kith.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.UnauthorizedResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The rules every request passes before its handler: security headers, a signed-in user on every page but
 * the public ones, and a CSRF token on every state-changing request.
 */
final class Security {
    /** Forms shown before sign-in (login, setup) carry this double-submit cookie's value instead of a session's. */
    static final String FORM_COOKIE = "kith_form";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * A generator of masks for each thread: every page draws one, and the shared generator takes a lock for each
     * draw (a contact page cost 6% more under load with it).
     */
    private static final ThreadLocal<SecureRandom> MASKS = ThreadLocal.withInitial(SecureRandom::new);
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    private final Sessions sessions;

    Security(Sessions sessions) {
        this.sessions = sessions;
    }

    /** The headers every answer carries, set with {@code header}. */
    static void headers(BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", POLICY);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "same-origin");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Cache-Control", "no-store");
    }

    /**
     * Jetty's own error pages, for requests it refuses before the app sees them (a malformed URI, host or header),
     * with the same headers as every other answer.
     */
    static final class JettyErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            headers(response.getHeaders()::put);
            return super.handle(request, response, callback);
        }
    }

    /** Loads the session; refuses a protected route without one, and a state change without its CSRF token. */
    void check(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/static/") && ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            // The files are only read: another method is told so, as a page tells it, not that there is no such file.
            sessions.load(ctx); // for the error page's way back
            throw new MethodNotAllowedResponse("", Map.of("allowed", "GET, HEAD"));
        }
        if (path.equals("/healthz") || path.startsWith("/static/")) {
            return;
        }
        sessions.load(ctx);
        boolean open = isPublic(path);
        if (!open && Sessions.current(ctx).isEmpty()) {
            if ((ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) && !Params.wantsPart(ctx)) {
                String target = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                ctx.redirect("/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            throw new UnauthorizedResponse("sign in first");
        }
        // Only POST changes anything (PageRoutes routes no other method that could): PUT, PATCH or DELETE is then
        // told 405, not that a form expired.
        if (ctx.method() == HandlerType.POST) {
            if (fromAnotherSite(ctx)) {
                throw new ForbiddenResponse("this form was sent from another site's page: Kith takes forms only from its own pages;"
                        + " open Kith and send it from there");
            }
            String expected = open ? ctx.cookie(FORM_COOKIE) : Sessions.csrfToken(ctx);
            String given = ctx.header(CSRF_HEADER);
            if (given == null) {
                given = ctx.formParam(CSRF_FIELD);
            }
            if (!matches(expected, given)) {
                throw new ForbiddenResponse("this form has expired or did not come from Kith: reload the page and try again");
            }
        }
    }

    /**
     * Whether the browser says the request comes from a page of another site (Sec-Fetch-Site, which every current
     * browser sends and no page can set), even a sibling one (same-site: another host of the same domain, which could
     * have set the form's cookie itself). A second lock beside the token: it also keeps another site from signing a
     * browser in to an account of its choosing. A request without the header (an older browser, a script) is judged
     * by its token alone.
     */
    private static boolean fromAnotherSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        return "cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site);
    }

    static boolean isPublic(String path) {
        return path.equals("/login") || path.startsWith("/setup/") || path.startsWith("/static/") || path.equals("/healthz");
    }

    /** The token a public form carries ({@link #masked}), set as a cookie on the same response. */
    String formToken(Context ctx) {
        String token = ctx.cookie(FORM_COOKIE);
        if (token == null || token.length() < 20) {
            token = randomToken();
            io.javalin.http.Cookie cookie = sessions.cookie(token, -1, ctx);
            cookie.setName(FORM_COOKIE);
            ctx.cookie(cookie);
        }
        return masked(token);
    }

    /**
     * A token as a page carries it: under a mask drawn anew for each page, with the mask before it (base64url of the
     * mask and the token XOR the mask). The token itself is never in a page, so that a page gzipped beside text an
     * attacker chose (the search echoes {@code q}) tells nothing of it by its size, however often asked (BREACH).
     */
    static String masked(String token) {
        byte[] plain = token.getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[plain.length * 2];
        MASKS.get().nextBytes(both);
        for (int i = 0; i < plain.length; i++) {
            both[plain.length + i] = (byte) (plain[i] ^ both[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(both);
    }

    /** The signed-in session's token as a page carries it ({@link #masked}); empty when signed out. */
    static String pageToken(Context ctx) {
        return masked(Sessions.csrfToken(ctx));
    }

    /** The token a page's masked one ({@link #masked}) stands for; null if it is none. */
    static String unmasked(String given) {
        byte[] both;
        try {
            both = Base64.getUrlDecoder().decode(given);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (both.length == 0 || both.length % 2 != 0) {
            return null;
        }
        int length = both.length / 2;
        byte[] plain = new byte[length];
        for (int i = 0; i < length; i++) {
            plain[i] = (byte) (both[length + i] ^ both[i]);
        }
        return new String(plain, StandardCharsets.UTF_8);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a token sent is the one expected: masked, as pages carry it, or as it is (a page an older version sent). */
    private static boolean matches(String expected, String given) {
        if (expected == null || expected.isEmpty() || given == null) {
            return false;
        }
        String unmasked = unmasked(given);
        byte[] wanted = expected.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(wanted, given.getBytes(StandardCharsets.UTF_8))
                || unmasked != null && MessageDigest.isEqual(wanted, unmasked.getBytes(StandardCharsets.UTF_8));
    }
}
