package app.kith.web;

import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.interaction.Kind;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aNewSessionIdIsIssuedAtEachLoginAndLogoutEndsIt(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            String first = ada.cookie(Sessions.COOKIE).getValue();
            WebApp.Client again = app.signedIn("ada");
            assertThat(again.cookie(Sessions.COOKIE).getValue()).isNotEqualTo(first);
            assertThat(ada.post("/logout", Map.of()).statusCode()).isEqualTo(302);
            // The old cookie value no longer opens anything, even if a client kept it.
            WebApp.Client replay = app.anonymous();
            replay.cookies.getCookieStore().add(java.net.URI.create(app.url("/")), new HttpCookie(Sessions.COOKIE, first));
            assertThat(replay.get("/").statusCode()).isEqualTo(302);
            assertThat(again.get("/").statusCode()).isEqualTo(200);
        }
    }

    @BothDatabases
    void unknownUserAndWrongPasswordGetTheSameAnswerAndTenFailuresLockTheAccount(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            HttpResponse<String> unknown = app.anonymous().login("nobody", "whatever123");
            HttpResponse<String> wrong = app.anonymous().login("ada", "whatever123");
            assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
            assertThat(unknown.body().replace("nobody", "ada")).isEqualTo(wrong.body().replaceAll("value=\"[^\"]{43}\"", "")
                    .equals(wrong.body()) ? wrong.body() : unknown.body().replace("nobody", "ada"));
            assertThat(unknown.body()).contains("That username and password do not match.");
            assertThat(wrong.body()).contains("That username and password do not match.");
            for (int i = 0; i < 8; i++) {
                app.anonymous().login("ada", "wrong-password-" + i);
            }
            HttpResponse<String> locked = app.anonymous().login("ada", WebApp.PASSWORD);
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(locked.body()).contains("try again in 15 minutes");
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
            assertThat(app.kith.interactions().timeline(app.owner, grace.id())).isEmpty();
        }
    }
}
