package app.kith.web;

import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.contact.ContactFilter;
import app.kith.contact.ContactService;
import app.kith.interaction.Kind;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);

    /** Every state-changing route that takes a contact id, with a valid form for it. */
    static final List<Map.Entry<String, Map<String, String>>> CONTACT_ACTIONS = List.of(
            Map.entry("/contacts/%d/touches", Map.of("kind", "coffee")),
            Map.entry("/contacts/%d/snooze", Map.of("for", "1w")));

    @BothDatabases
    void pagesNeedASignedInUser(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            HttpResponse<String> today = app.anonymous().get("/");
            assertThat(today.statusCode()).isEqualTo(302);
            assertThat(today.headers().firstValue("Location")).hasValue("/login?next=%2F");
            assertThat(app.anonymous().getHtmx("/").statusCode()).isEqualTo(401);
            // htmx going back in history asks for a whole page: it is sent to sign in, as the browser would be.
            WebApp.Client back = app.anonymous();
            HttpResponse<String> restore = back.send(HttpRequest.newBuilder(URI.create(app.url("/contacts?q=ada")))
                    .header("HX-Request", "true").header("HX-History-Restore-Request", "true").GET().build());
            assertThat(restore.statusCode()).isEqualTo(302);
            assertThat(restore.headers().firstValue("Location")).hasValue("/login?next=%2Fcontacts%3Fq%3Dada");
            assertThat(app.anonymous().postRaw("/contacts/1/touches", Map.of("kind", "coffee"), Map.of()).statusCode())
                    .isIn(401, 403);
        }
    }

    @BothDatabases
    void everyStateChangingRequestWithoutTheCsrfTokenIsRefused(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Grace Hopper")
                    .every(Cadence.parse("1w")).build());
            WebApp.Client ada = app.signedIn("ada");
            for (Map.Entry<String, Map<String, String>> action : CONTACT_ACTIONS) {
                String path = action.getKey().formatted(grace.id());
                assertThat(ada.postRaw(path, action.getValue(), Map.of()).statusCode()).as(path).isEqualTo(403);
                assertThat(ada.postRaw(path, action.getValue(), Map.of("X-CSRF-Token", "forged")).statusCode()).as(path).isEqualTo(403);
            }
            assertThat(ada.postRaw("/logout", Map.of(), Map.of()).statusCode()).isEqualTo(403);
            WebApp.Client stranger = app.anonymous();
            assertThat(stranger.postRaw("/login", Map.of("username", "ada", "password", WebApp.PASSWORD), Map.of()).statusCode())
                    .isEqualTo(403);
            assertThat(app.kith.interactions().timeline(app.owner, grace.id())).isEmpty();
            assertThat(app.kith.contacts().get(app.owner, grace.id()).snoozedUntil()).isNull();
        }
    }

    @BothDatabases
    void theCsrfTokenInAHeaderIsAcceptedAsHtmxSendsIt(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Grace Hopper")
                    .every(Cadence.parse("1w")).build());
            WebApp.Client ada = app.signedIn("ada");
            HttpResponse<String> logged = ada.postRaw("/contacts/" + grace.id() + "/touches", Map.of("kind", "coffee"),
                    Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            assertThat(logged.statusCode()).isEqualTo(200);
            assertThat(logged.body()).contains("Logged coffee with Grace Hopper.");
        }
    }

    @BothDatabases
    void anotherUsersContactIsNotFoundOnEveryRouteThatTakesAnId(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Grace Hopper")
                    .every(Cadence.parse("1w")).build());
            WebApp.Client bob = app.signedIn("bob");
            for (Map.Entry<String, Map<String, String>> action : CONTACT_ACTIONS) {
                HttpResponse<String> response = bob.post(action.getKey().formatted(grace.id()), action.getValue());
                assertThat(response.statusCode()).as(action.getKey()).isEqualTo(404);
                assertThat(response.body()).doesNotContain("Grace");
            }
            assertThat(app.kith.interactions().timeline(app.owner, grace.id())).isEmpty();
            assertThat(bob.post("/contacts/abc/touches", Map.of("kind", "coffee")).statusCode()).isEqualTo(404);
        }
    }

    @BothDatabases
    void responsesCarryTheSecurityHeadersAndTheSessionCookieItsFlags(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            HttpResponse<String> today = ada.get("/");
            assertThat(today.statusCode()).isEqualTo(200);
            String policy = today.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(today.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(today.headers().firstValue("Referrer-Policy")).isPresent();
            assertThat(today.body()).doesNotContain("<script>").doesNotContain("onclick=").doesNotContain("style=\"");

            HttpResponse<String> login = app.anonymous().login("ada", WebApp.PASSWORD);
            String setCookie = login.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(Sessions.COOKIE + "=")).findFirst().orElseThrow();
            assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
            HttpCookie session = HttpCookie.parse(setCookie).get(0);
            assertThat(session.getValue()).hasSize(43);
        }
    }

    @BothDatabases
    void requestsJettyRefusesBeforeTheAppSeesThemCarryTheHeadersToo(TestDatabase db) throws IOException {
        try (WebApp app = new WebApp(db, clock)) {
            URI base = URI.create(app.url("/"));
            // Written by hand on a socket: an HTTP client would not send these malformed requests.
            for (String request : List.of("GET /static/..;/contacts/1 HTTP/1.1\r\nHost: localhost\r\n",
                    "GET / HTTP/1.1\r\nHost: <script>\r\n")) {
                String answer = rawRequest(base, request + "Connection: close\r\n\r\n");
                assertThat(answer).as(request).startsWith("HTTP/1.1 400 ");
                String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
                assertThat(head).as(request).contains("Content-Security-Policy: default-src 'self'")
                        .contains("X-Content-Type-Options: nosniff").contains("Referrer-Policy: same-origin");
            }
        }
    }

    private static String rawRequest(URI base, String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void onlyALocalPathMayFollowASignIn() {
        for (String local : List.of("/", "/contacts/12", "/contacts?q=ada%20l&overdue=1", "/import/3#done")) {
            assertThat(AuthPages.safeNext(local)).isEqualTo(local);
        }
        // Browsers drop tabs and line breaks and read a backslash as a slash: each of these would leave the site.
        for (String away : List.of("//example.com", "/\\example.com", "/\t/example.com", "/\n/example.com", "/\r/example.com",
                "/ /example.com", "\\/example.com", "https://example.com", "example.com", "/\u0000/x", "/\u007f/x", "")) {
            assertThat(AuthPages.safeNext(away)).as(away).isEqualTo("/");
        }
        assertThat(AuthPages.safeNext(null)).isEqualTo("/");
    }

    @BothDatabases
    void aSignedInVisitToTheLoginPageNeverLeadsAway(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            HttpResponse<String> tab = app.signedIn("ada").get("/login?next=/%09/example.com");
            assertThat(tab.statusCode()).isEqualTo(302);
            assertThat(tab.headers().firstValue("Location")).hasValue("/");
        }
    }

    @BothDatabases
    void aNulCharacterAnywhereIsDroppedOrRefusedNeverA500(TestDatabase db) {
        // PostgreSQL cannot store or compare a NUL: each of these answered 500 there.
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            assertThat(ada.get("/contacts?q=a%00b").statusCode()).isEqualTo(200);
            assertThat(ada.get("/contacts?city=Ber%00lin&circle=Men%00tors").statusCode()).isEqualTo(200);
            HttpResponse<String> added = ada.post("/contacts/new", Map.of("name", "Nul\u0000 Person"));
            assertThat(added.statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().list(app.owner, ContactFilter.ALL))
                    .extracting(Contact::name).contains("Nul Person");
            HttpResponse<String> email = ada.post("/contacts/new", Map.of("name", "Zed", "emails", "x\u0000y@example.com"));
            assertThat(email.statusCode()).isEqualTo(422);
            assertThat(email.body()).contains("id=\"c-emails-error\">").contains("is not an email address");

            WebApp.Client stranger = app.anonymous();
            HttpResponse<String> login = stranger.login("a\u0000da", WebApp.PASSWORD);
            assertThat(login.statusCode()).isEqualTo(401);
            assertThat(login.body()).contains("That username and password do not match.");
            assertThat(app.anonymous().login("ada", WebApp.PASSWORD).statusCode()).isEqualTo(303);
        }
    }

    @BothDatabases
    void signingInOverALiveSessionEndsItAndSigningOutSendsTheCookieOnce(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            app.kith.accounts().actingAccount(null, "ada");
            app.kith.accounts().setPassword(app.kith.accounts().byUsername("ada").orElseThrow().id(), WebApp.PASSWORD);
            app.kith.accounts().createUser("bob", WebApp.PASSWORD);
            // Two tabs show the sign-in form; Ada signs in in one, then Bob in the other.
            WebApp.Client browser = app.anonymous();
            String loginPage = browser.get("/login").body();
            // Someone who has no password yet is told where one is set, the same for everyone (no account is named).
            assertThat(loginPage).contains("No password yet? Open the link <code>kith serve</code> printed as it started");
            String form = browser.csrfFrom(loginPage);
            assertThat(browser.postRaw("/login", Map.of("username", "ada", "password", WebApp.PASSWORD, "_csrf", form), Map.of()).statusCode())
                    .isEqualTo(303);
            String adas = browser.cookie(Sessions.COOKIE).getValue();
            assertThat(browser.postRaw("/login", Map.of("username", "bob", "password", WebApp.PASSWORD, "_csrf", form), Map.of()).statusCode())
                    .isEqualTo(303);
            // Ada's cookie, kept elsewhere, opens nothing once the browser signed in as Bob.
            WebApp.Client replay = app.anonymous();
            replay.cookies.getCookieStore().add(java.net.URI.create(app.url("/")), new HttpCookie(Sessions.COOKIE, adas));
            assertThat(replay.get("/").statusCode()).isEqualTo(302);
            assertThat(browser.get("/settings").body()).contains("bob");

            WebApp.Client kept = app.anonymous();
            String token = kept.csrfFrom(kept.get("/login").body());
            kept.postRaw("/login", Map.of("username", "ada", "password", WebApp.PASSWORD, "remember", "1", "_csrf", token), Map.of());
            String csrf = kept.csrfFrom(kept.get("/").body());
            HttpResponse<String> out = kept.postRaw("/logout", Map.of("_csrf", csrf), Map.of());
            assertThat(out.statusCode()).isEqualTo(303);
            List<String> sessionCookies = out.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE + "=")).toList();
            assertThat(sessionCookies).singleElement().satisfies(cookie -> assertThat(cookie).startsWith(Sessions.COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970"));
        }
    }

    @BothDatabases
    void aRequestOnASessionWhoseAccountAnotherProcessRemovedIsAnsweredAsSignedOutNotA500(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client carol = app.signedIn("carol");
            app.kith.accounts().remove("carol");
            // Removed in this process: every session of the account ends at once.
            assertThat(carol.post("/contacts/new", Map.of("name", "Racer")).statusCode()).isEqualTo(401);

            // As `kith user remove NAME --yes` in another process does: this one still trusts the session it just read.
            WebApp.Client dave = app.signedIn("dave");
            assertThat(dave.get("/").statusCode()).isEqualTo(200);
            removeElsewhere(db, "dave");
            HttpResponse<String> read = dave.get("/settings");
            assertThat(read.statusCode()).as("a page").isEqualTo(401);
            assertThat(read.body()).contains("You were signed out meanwhile");
            assertThat(dave.get("/").statusCode()).isEqualTo(302);

            WebApp.Client bob = app.signedIn("bob");
            assertThat(bob.get("/").statusCode()).isEqualTo(200);
            removeElsewhere(db, "bob");
            HttpResponse<String> write = bob.post("/contacts/new", Map.of("name", "Racer"));
            assertThat(write.statusCode()).as("a change").isEqualTo(401);
            assertThat(write.body()).contains("You were signed out meanwhile");
            assertThat(bob.get("/").statusCode()).isEqualTo(302);
        }
    }

    private static void removeElsewhere(TestDatabase db, String username) {
        db.database().jdbi().useHandle(handle -> handle.createUpdate("DELETE FROM users WHERE username = :name").bind("name", username).execute());
    }

    @BothDatabases
    void headIsAnsweredAsGetIsWithoutTheBody(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            Contact grace = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Grace Hopper").build());
            for (String path : List.of("/", "/contacts", "/contacts/" + grace.id(), "/contacts/99999", "/contacts/abc", "/import/999999",
                    "/settings", "/settings/export/nosuch", "/healthz", "/static/kith.css", "/nowhere")) {
                HttpResponse<String> get = ada.get(path);
                HttpResponse<String> head = ada.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
                assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
                assertThat(head.headers().firstValue("content-type")).as(path).isEqualTo(get.headers().firstValue("content-type"));
                assertThat(head.body()).as(path).isEmpty();
            }
            WebApp.Client stranger = app.anonymous();
            HttpResponse<String> signedOut = stranger.send(HttpRequest.newBuilder(URI.create(app.url("/")))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(signedOut.statusCode()).isEqualTo(302);
            assertThat(signedOut.headers().firstValue("location")).contains("/login?next=%2F");
        }
    }

    @BothDatabases
    void aNewSessionIdIsIssuedAtEachLoginAndLogoutEndsIt(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            String first = ada.cookie(Sessions.COOKIE).getValue();
            WebApp.Client again = app.signedIn("ada");
            assertThat(again.cookie(Sessions.COOKIE).getValue()).isNotEqualTo(first);
            HttpResponse<String> out = ada.post("/logout", Map.of());
            assertThat(out.statusCode()).isEqualTo(303);
            // The sign-in page it goes to says so; the same address's other words say nothing.
            assertThat(out.headers().firstValue("Location")).hasValue("/login?signed=out");
            assertThat(ada.get("/login?signed=out").body()).contains("<p class=\"notice\" role=\"status\">You are signed out.</p>");
            assertThat(ada.get("/login?signed=%3Cb%3E").body()).doesNotContain("class=\"notice\"");
            // The old cookie value no longer opens anything, even if a client kept it.
            WebApp.Client replay = app.anonymous();
            replay.cookies.getCookieStore().add(java.net.URI.create(app.url("/")), new HttpCookie(Sessions.COOKIE, first));
            assertThat(replay.get("/").statusCode()).isEqualTo(302);
            assertThat(again.get("/").statusCode()).isEqualTo(200);
        }
    }

    @BothDatabases
    void aKeptSessionsCookieLastsFourteenDaysFromTheLastVisitNotFromTheSignIn(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client kept = app.anonymous();
            String token = kept.csrfFrom(kept.get("/login").body());
            HttpResponse<String> login = kept.postRaw("/login",
                    Map.of("username", "ada", "password", WebApp.PASSWORD, "remember", "1", "_csrf", token), Map.of());
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(sessionCookie(login)).contains("Max-Age=1209600");
            // Each visit sends it again, as the server starts the session's 14 idle days again.
            HttpResponse<String> visit = kept.get("/");
            assertThat(visit.statusCode()).isEqualTo(200);
            String again = sessionCookie(visit);
            assertThat(again).contains("Max-Age=1209600").contains("HttpOnly").contains("SameSite=Lax");
            assertThat(HttpCookie.parse(again).get(0).getValue()).isEqualTo(kept.cookie(Sessions.COOKIE).getValue());
            // Signing out still ends it in the browser: the last word on the cookie is to drop it.
            kept.csrf = kept.csrfFrom(visit.body());
            HttpResponse<String> out = kept.post("/logout", Map.of());
            List<String> outCookies = out.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(Sessions.COOKIE + "=")).toList();
            assertThat(outCookies).isNotEmpty();
            assertThat(outCookies.get(outCookies.size() - 1)).startsWith(Sessions.COOKIE + "=;")
                    .matches(dropped -> dropped.contains("Max-Age=0") || dropped.contains("Expires=Thu, 01 Jan 1970"));
            // A session that was not kept stays a browser session's cookie, not sent again.
            WebApp.Client plain = app.signedIn("ada");
            assertThat(plain.get("/").headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Sessions.COOKIE + "="));
        }
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE + "="))
                .reduce((first, second) -> second).orElseThrow();
    }

    @BothDatabases
    void unknownUserAndWrongPasswordGetTheSameAnswerAndTenFailuresLockTheAccount(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            HttpResponse<String> unknown = app.anonymous().login("nobody", "whatever123");
            HttpResponse<String> wrong = app.anonymous().login("ada", "whatever123");
            assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
            // The same page but for the name typed and the form's token (masked anew for each page).
            String token = "name=\"_csrf\" value=\"[^\"]+\"";
            assertThat(unknown.body().replace("nobody", "ada").replaceAll(token, "")).isEqualTo(wrong.body().replaceAll(token, ""));
            assertThat(unknown.body()).contains("That username and password do not match.");
            assertThat(wrong.body()).contains("That username and password do not match.")
                    // The name is kept, so the password takes the focus; both fields point at the message.
                    .containsPattern("<input id=\"username\"[^>]*value=\"ada\"[^>]*aria-describedby=\"login-error\">")
                    .containsPattern("<input id=\"password\"[^>]*autofocus[^>]*aria-describedby=\"login-error\">");
            assertThat(wrong.body().split("autofocus", -1)).hasSize(2);
            assertThat(app.anonymous().get("/login").body()).containsPattern("<input id=\"username\"[^>]*autofocus");
            for (int i = 0; i < 8; i++) {
                app.anonymous().login("ada", "wrong-password-" + i);
            }
            HttpResponse<String> locked = app.anonymous().login("ada", WebApp.PASSWORD);
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(locked.body()).contains("try again in 15 minutes");
        }
    }

    @BothDatabases
    void aPageCarriesItsTokenMaskedAnewSoThatItsSizeGzippedTellsNothingOfIt(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            String first = ada.csrfFrom(ada.get("/contacts?q=a").body());
            String second = ada.csrfFrom(ada.get("/contacts?q=a").body());
            assertThat(first).isNotEqualTo(second);
            assertThat(Security.unmasked(first)).isEqualTo(Security.unmasked(second)).hasSize(43);
            assertThat(ada.get("/contacts?q=a").body()).doesNotContain(Security.unmasked(first));
            // Either masked token is the session's: each sends a form.
            for (String token : List.of(first, second)) {
                HttpResponse<String> added = ada.postRaw("/contacts/new", Map.of("name", "Masked " + (token == first ? "One" : "Two"),
                        "_csrf", token), Map.of());
                assertThat(added.statusCode()).isEqualTo(303);
            }
            // One changed by a character is none.
            String changed = first.substring(0, 10) + (first.charAt(10) == 'A' ? 'B' : 'A') + first.substring(11);
            assertThat(ada.postRaw("/contacts/new", Map.of("name", "Changed", "_csrf", changed), Map.of()).statusCode()).isEqualTo(403);
            // The sign-in form's token is masked too, over its cookie.
            WebApp.Client browser = app.anonymous();
            String login = browser.csrfFrom(browser.get("/login").body());
            assertThat(Security.unmasked(login)).isEqualTo(browser.cookie(Security.FORM_COOKIE).getValue());
        }
    }

    @BothDatabases
    void aFormSentFromAnotherSitesPageIsRefusedEvenWithItsToken(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            // Signing a browser in to an account another site chose (with a form cookie it set, from a sibling host).
            for (String site : List.of("cross-site", "same-site")) {
                HttpResponse<String> planted = app.anonymous().login("ada", WebApp.PASSWORD, Map.of("Sec-Fetch-Site", site));
                assertThat(planted.statusCode()).as(site).isEqualTo(403);
                assertThat(planted.body()).contains("This form was sent from another site's page: Kith takes forms only from its own pages");
                assertThat(planted.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Sessions.COOKIE + "=") && !c.startsWith(Sessions.COOKIE + "=;"));
            }
            assertThat(app.anonymous().login("ada", WebApp.PASSWORD, Map.of("Sec-Fetch-Site", "same-origin")).statusCode()).isEqualTo(303);

            WebApp.Client ada = app.signedIn("ada");
            HttpResponse<String> added = ada.postRaw("/contacts/new", Map.of("name", "From Elsewhere", "_csrf", ada.csrf),
                    Map.of("Sec-Fetch-Site", "cross-site"));
            assertThat(added.statusCode()).isEqualTo(403);
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isZero();
        }
    }

    @BothDatabases
    void reachedDirectlyFailedSignInsCountAgainstThePeerWhateverTheRequestSaysOfItself(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            for (int i = 0; i < 10; i++) {
                app.anonymous().login("nobody" + i, "wrong-password", Map.of("X-Forwarded-For", "203.0.113." + i));
            }
            HttpResponse<String> locked = app.anonymous().login("ada", WebApp.PASSWORD, Map.of("X-Forwarded-For", "203.0.113.99",
                    "X-Forwarded-Proto", "https"));
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(locked.body()).contains("try again in 15 minutes");
        }
    }

    @BothDatabases
    void behindAProxyFailedSignInsCountAgainstTheClientItSawAndItsHttpsMakesCookiesSecure(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock, true)) {
            // The proxy adds the address it saw last; what came before it, the client wrote, and may change at will.
            for (int i = 0; i < 10; i++) {
                app.anonymous().login("nobody" + i, "wrong-password", Map.of("X-Forwarded-For", "198.51.100." + i + ", 203.0.113.5"));
            }
            HttpResponse<String> sameClient = app.anonymous().login("ada", WebApp.PASSWORD, Map.of("X-Forwarded-For", "10.1.2.3, 203.0.113.5"));
            assertThat(sameClient.statusCode()).isEqualTo(429);
            HttpResponse<String> another = app.anonymous().login("ada", WebApp.PASSWORD, Map.of("X-Forwarded-For", "203.0.113.6",
                    "X-Forwarded-Proto", "https"));
            assertThat(another.statusCode()).isEqualTo(303);
            assertThat(another.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith(Sessions.COOKIE + "="))
                    .singleElement().asString().contains("Secure").contains("HttpOnly");
            // The port some proxies write after the address is no part of it: the same client, locked.
            assertThat(app.anonymous().login("ada", WebApp.PASSWORD, Map.of("X-Forwarded-For", "203.0.113.5:40123")).statusCode())
                    .isEqualTo(429);
            // What is no address is not taken for one: the connection's own peer is counted, here once it is locked.
            HttpResponse<String> beforePeerLocked = app.anonymous().login("ada", WebApp.PASSWORD, Map.of("X-Forwarded-For", "unknown"));
            assertThat(beforePeerLocked.statusCode()).isEqualTo(303);
            assertThat(beforePeerLocked.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith(Sessions.COOKIE + "="))
                    .singleElement().asString().doesNotContain("Secure");
            for (int i = 0; i < 10; i++) {
                app.anonymous().login("someone" + i, "wrong-password", Map.of("X-Forwarded-For", "unknown"));
            }
            assertThat(app.anonymous().login("ada", WebApp.PASSWORD, Map.of("X-Forwarded-For", "203.0.113.6, unknown")).statusCode())
                    .isEqualTo(429);
            assertThat(app.anonymous().login("ada", WebApp.PASSWORD, Map.of("X-Forwarded-For", "203.0.113.6")).statusCode())
                    .isEqualTo(303);
        }
    }

    @BothDatabases
    void namesAndNotesAreShownAsTypedAndNeverRun(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact odd = app.kith.contacts().add(app.owner, ContactChanges.builder()
                    .name("<script>alert('x')</script> \"Q\" 🎉").every(Cadence.parse("1d")).build());
            app.kith.interactions().log(app.owner, List.of(odd.id()), Kind.COFFEE, LocalDate.now(clock).minusDays(5), null);
            WebApp.Client ada = app.signedIn("ada");
            String today = ada.get("/").body();
            assertThat(today).doesNotContain("<script>alert");
            // Text content escapes < > &; attribute values also escape quotes.
            assertThat(today).contains(">&lt;script&gt;alert('x')&lt;/script&gt; \"Q\" 🎉</a>");
        }
    }

    @BothDatabases
    void aBodyOverOneMebibyteIsRefusedAndNothingIsSaved(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Grace Hopper")
                    .every(Cadence.parse("1w")).build());
            WebApp.Client ada = app.signedIn("ada");
            HttpResponse<String> response = ada.post("/contacts/" + grace.id() + "/touches",
                    Map.of("kind", "coffee", "note", "x".repeat(1_100_000)));
            assertThat(response.statusCode()).isEqualTo(413);
            // Read to its end before the answer, which then always arrives (closed unread, the sender could get a reset).
            assertThat(response.body()).contains("The form is larger than 1 MiB");
            assertThat(app.kith.interactions().timeline(app.owner, grace.id())).isEmpty();
            assertThat(pages(response.body())).isEqualTo(1);

            // Sent in chunks, with no length declared: refused while it is read, in the same words.
            byte[] chunked = ("kind=coffee&note=" + "x".repeat(1_100_000)).getBytes(StandardCharsets.US_ASCII);
            HttpResponse<String> inChunks = ada.send(HttpRequest.newBuilder(URI.create(app.url("/contacts/" + grace.id() + "/touches")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-Token", ada.csrf)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked))).build());
            assertThat(inChunks.statusCode()).isEqualTo(413);
            assertThat(inChunks.body()).contains("role=\"alert\">The form is larger than 1 MiB");
            assertThat(pages(inChunks.body())).isEqualTo(1);
            assertThat(app.kith.interactions().timeline(app.owner, grace.id())).isEmpty();
        }
    }

    @BothDatabases
    void aRefusalIsAnsweredWithOneMessage(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            HttpResponse<String> page = ada.get("/contacts/999999");
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("There is no contact with id 999999.").doesNotContain("here is no page at");
            assertThat(pages(page.body())).isEqualTo(1);
            HttpResponse<String> fragment = ada.getHtmx("/contacts/999999");
            assertThat(fragment.statusCode()).isEqualTo(404);
            assertThat(fragment.body()).contains("There is no contact with id 999999.").doesNotContain("here is no page at");
            HttpResponse<String> nowhere = ada.get("/nowhere");
            assertThat(nowhere.statusCode()).isEqualTo(404);
            assertThat(nowhere.body()).contains("There is no page at /nowhere.");
            assertThat(pages(nowhere.body())).isEqualTo(1);
            // Signed in, an error page has the menu to go on from; signed out, it is a plain page that offers to sign in.
            assertThat(nowhere.body()).contains("<nav aria-label=\"Main\">").contains("Back to Today").doesNotContain("<body class=\"plain\">");
            assertThat(page.body()).contains("<nav aria-label=\"Main\">");
            assertThat(Security.unmasked(ada.csrfFrom(page.body()))).isEqualTo(Security.unmasked(ada.csrf));
            HttpResponse<String> signedOut = app.anonymous().get("/static/nowhere.css");
            assertThat(signedOut.statusCode()).isEqualTo(404);
            assertThat(signedOut.body()).contains("<body class=\"plain\">").contains(">Sign in</a>").doesNotContain("<nav");
            // Every page names its icon, which is served to anyone (a browser asks for it before signing in).
            assertThat(signedOut.body()).contains("<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">");
            assertThat(nowhere.body()).contains("<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">");
            HttpResponse<String> icon = app.anonymous().get("/static/favicon.svg");
            assertThat(icon.statusCode()).isEqualTo(200);
            assertThat(icon.headers().firstValue("content-type").orElseThrow()).startsWith("image/svg+xml");
            assertThat(icon.body()).startsWith("<svg");
            // A page asked for with a method it does not take is told so, with the token a form would carry.
            HttpResponse<String> postedToAList = ada.post("/contacts", Map.of());
            assertThat(postedToAList.statusCode()).isEqualTo(405);
            assertThat(postedToAList.headers().firstValue("Allow")).contains("GET, HEAD");
            assertThat(postedToAList.body()).contains("The page at /contacts takes GET, not POST");
            assertThat(pages(postedToAList.body())).isEqualTo(1);
            HttpResponse<String> put = ada.send(HttpRequest.newBuilder(URI.create(app.url("/")))
                    .header("X-CSRF-Token", ada.csrf).PUT(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(put.statusCode()).isEqualTo(405);
            assertThat(put.body()).contains("The page at / takes GET, not PUT");
            // Without a token too: no route takes another method than GET or POST, so nothing but POST needs one, and
            // such a request is told what the page takes, not that a form expired.
            for (String method : List.of("PUT", "DELETE", "PATCH")) {
                HttpResponse<String> bare = ada.send(HttpRequest.newBuilder(URI.create(app.url("/contacts/1")))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build());
                assertThat(bare.statusCode()).as(method).isEqualTo(405);
                assertThat(bare.body()).as(method).contains("The page at /contacts/1 takes GET or POST, not " + method).doesNotContain("expired");
            }
            // The files under /static are only read: another method is told so, signed in or not, whatever file it names.
            for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "TRACE")) {
                for (String file : List.of("/static/kith.css", "/static/none.css")) {
                    HttpResponse<String> refused = app.anonymous().send(HttpRequest.newBuilder(URI.create(app.url(file)))
                            .method(method, HttpRequest.BodyPublishers.noBody()).build());
                    assertThat(refused.statusCode()).as(method + " " + file).isEqualTo(405);
                    assertThat(refused.headers().firstValue("Allow")).as(method + " " + file).contains("GET, HEAD");
                    assertThat(refused.body()).as(method + " " + file).contains("The page at " + file + " takes GET, not " + method);
                }
            }
            assertThat(app.anonymous().get("/static/none.css").statusCode()).isEqualTo(404);
            // Signed in, the page keeps the menu to go on from, as any other refusal's does.
            HttpResponse<String> signedInRefused = ada.send(HttpRequest.newBuilder(URI.create(app.url("/static/kith.css")))
                    .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(signedInRefused.statusCode()).isEqualTo(405);
            assertThat(signedInRefused.body()).contains("<nav").doesNotContain(">Sign in</a>");
            assertThatThrownBy(() -> new PageRoutes(io.javalin.Javalin.create().unsafe.routes)
                    .addEndpoint(new io.javalin.router.Endpoint(io.javalin.http.HandlerType.PUT, "/x", ctx -> { })))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("a page takes GET or POST, not PUT (/x)");
        }
    }

    /** How many HTML documents a body holds. */
    private static int pages(String body) {
        return body.split("(?i)<!doctype html", -1).length - 1;
    }
}
