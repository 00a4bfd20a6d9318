package app.kith.web;

import app.kith.account.Account;
import app.kith.account.AccountService;
import app.kith.account.LoginThrottle;
import app.kith.account.SetupLinks;
import app.kith.shared.KithException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Signing in and out, and the one-time setup link where an account without a password sets one. */
final class AuthPages {
    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final Clients clients;
    private final SetupLinks setupLinks;
    private final Sessions sessions;
    private final Security security;
    private final Templates templates;
    private final PageCache pages;

    AuthPages(AccountService accounts, LoginThrottle throttle, Clients clients, SetupLinks setupLinks, Sessions sessions,
              Security security, Templates templates, PageCache pages) {
        this.pages = pages;
        this.accounts = accounts;
        this.throttle = throttle;
        this.clients = clients;
        this.setupLinks = setupLinks;
        this.sessions = sessions;
        this.security = security;
        this.templates = templates;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/login", this::loginForm);
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
        routes.get("/setup/{token}", this::setupForm);
        routes.post("/setup/{token}", this::setup);
    }

    private void loginForm(Context ctx) {
        if (Sessions.current(ctx).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")));
            return;
        }
        // Said from a fixed word in the address, never from words in it.
        String notice = "out".equals(ctx.queryParam("signed")) ? "You are signed out." : null;
        templates.render(ctx, "auth/login.jte", new LoginPage(security.formToken(ctx), "", safeNext(ctx.queryParam("next")), null, notice));
    }

    private void login(Context ctx) {
        String username = trimmed(ctx.formParam("username"));
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String next = safeNext(ctx.formParam("next"));
        LoginThrottle.Attempt attempt = throttle.begin(username, clients.address(ctx));
        if (attempt.lockedFor().isPresent()) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            templates.render(ctx, "auth/login.jte", new LoginPage(security.formToken(ctx), username, next,
                    "Too many failed sign-ins: try again in " + LoginThrottle.minutesText(attempt.lockedFor().get()) + ".", null));
            return;
        }
        Optional<Account> account = accounts.authenticate(username, password);
        if (account.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            templates.render(ctx, "auth/login.jte", new LoginPage(security.formToken(ctx), username, next,
                    "That username and password do not match.", null));
            return;
        }
        throttle.succeeded(attempt);
        // The browser's earlier session ends with the new sign-in (see Sessions.start): its kept pages go too.
        Sessions.current(ctx).ifPresent(session -> pages.forget(session.userId(), session.csrfToken()));
        sessions.start(ctx, account.get().id(), ctx.formParam("remember") != null);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Sessions.current(ctx).ifPresent(session -> pages.forget(session.userId(), session.csrfToken()));
        sessions.end(ctx);
        ctx.redirect("/login?signed=out", HttpStatus.SEE_OTHER);
    }

    private void setupForm(Context ctx) {
        long userId = setupUser(ctx.pathParam("token"));
        templates.render(ctx, "auth/setup.jte", new SetupPage(security.formToken(ctx), accounts.get(userId).username(), null));
    }

    private void setup(Context ctx) {
        String token = ctx.pathParam("token");
        long userId = setupUser(token);
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        // Both refusals at once: a password too short and typed differently the second time is told both.
        String refused = Stream.of(FieldError.refusal(() -> AccountService.checkPassword(password)),
                        password.equals(ctx.formParam("confirm")) ? null : "The two passwords differ: type the same one twice.")
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        if (!refused.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            templates.render(ctx, "auth/setup.jte", new SetupPage(security.formToken(ctx), accounts.get(userId).username(), refused));
            return;
        }
        try {
            setupLinks.use(token, password);
        } catch (KithException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            templates.render(ctx, "auth/setup.jte", new SetupPage(security.formToken(ctx), accounts.get(userId).username(),
                    e.getMessage()));
            return;
        }
        sessions.start(ctx, userId, false);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private long setupUser(String token) {
        return setupLinks.userFor(token).orElseThrow(SetupLinks::usedOrUnknown);
    }

    /**
     * Only a local path may follow a login: never another site. Browsers drop tabs and line breaks from a URL and
     * read a backslash as a slash, so {@code /<tab>/example.com} would lead to {@code //example.com}: a path with a
     * control character, a space or a backslash, or one that starts with two slashes, is not taken.
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//")) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= ' ' || c == '\\' || c == 0x7F || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "/";
            }
        }
        return next;
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.trim();
    }
}
