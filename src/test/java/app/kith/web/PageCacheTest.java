package app.kith.web;

import app.kith.Kith;
import app.kith.account.ProfileChanges;
import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.interaction.Kind;
import app.kith.storage.Database;
import app.kith.storage.Dialect;
import app.kith.storage.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Today is sent again as kept only while nothing it shows can have changed. */
class PageCacheTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T23:59:30Z"));

    @Test
    void todayIsSentAgainWhileNothingChangesAndMadeAgainAfterAChangeFromAnotherProcess() {
        try (TestDatabase db = TestDatabase.create(Dialect.SQLITE); WebApp app = new WebApp(db, clock)) {
            Contact ann = due(app, "Ann Due");
            WebApp.Client ada = app.signedIn("ada");
            String first = ada.get("/").body();
            long sentAgain = app.server.pagesSentAgain();
            assertThat(ada.get("/").body()).isEqualTo(first).contains(entry(ann));
            assertThat(app.server.pagesSentAgain()).isEqualTo(sentAgain + 1);

            // A CLI command beside the server: its own connection to the file, its own services.
            try (Database command = Database.openSqlite(db.dataDir().resolve("kith.db"), false)) {
                Kith cli = new Kith(command, clock);
                cli.interactions().log(app.owner, List.of(ann.id()), Kind.COFFEE, LocalDate.now(clock), "from the terminal");
            }
            assertThat(ada.get("/").body()).doesNotContain(entry(ann)).contains("That is everyone for today: you reached out to 1 person today.");
            assertThat(app.server.pagesSentAgain()).isEqualTo(sentAgain + 1);
        }
    }

    @Test
    void aKeptPageIsSentGzippedToBrowsersThatAcceptItAndPlainToOthers() throws IOException {
        try (TestDatabase db = TestDatabase.create(Dialect.SQLITE); WebApp app = new WebApp(db, clock)) {
            Contact ann = due(app, "Ann Due");
            WebApp.Client ada = app.signedIn("ada");
            String plain = ada.get("/").body();
            long sentAgain = app.server.pagesSentAgain();
            assertThat(app.server.pagesGzipped()).isZero();

            // The page kept plain, then asked for gzipped (it is gzipped then, and kept so), twice.
            for (int visit = 1; visit <= 2; visit++) {
                HttpResponse<byte[]> gzipped = ada.sendForBytes(HttpRequest.newBuilder(URI.create(app.url("/")))
                        .header("Accept-Encoding", "gzip, deflate, br").GET().build());
                assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
                assertThat(gzipped.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
                assertThat(gunzip(gzipped.body())).isEqualTo(plain).contains(entry(ann));
                assertThat(app.server.pagesSentAgain()).isEqualTo(sentAgain + visit);
                assertThat(app.server.pagesGzipped()).isEqualTo(1);
                // Counted against the cap: the page plain and gzipped.
                assertThat(app.server.pagesKeptBytes()).isEqualTo(plain.getBytes(StandardCharsets.UTF_8).length + gzipped.body().length);
            }
            // Gzip refused (q=0, which wins over the *): plain, as kept.
            HttpResponse<byte[]> refused = ada.sendForBytes(HttpRequest.newBuilder(URI.create(app.url("/")))
                    .header("Accept-Encoding", "gzip;q=0, *").GET().build());
            assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(plain);
            assertThat(app.server.pagesSentAgain()).isEqualTo(sentAgain + 3);
            assertThat(app.server.pagesGzipped()).isEqualTo(1);

            // After a change, made again: gzipped at once for the browser that asks so, then sent again as kept.
            app.kith.interactions().log(app.owner, List.of(ann.id()), Kind.COFFEE, LocalDate.now(clock), null);
            for (int visit = 1; visit <= 2; visit++) {
                HttpResponse<byte[]> gzipped = ada.sendForBytes(HttpRequest.newBuilder(URI.create(app.url("/")))
                        .header("Accept-Encoding", "gzip").GET().build());
                assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
                assertThat(gunzip(gzipped.body())).doesNotContain(entry(ann)).contains("That is everyone for today: you reached out to 1 person today.");
                assertThat(app.server.pagesSentAgain()).isEqualTo(sentAgain + 3 + visit - 1);
                assertThat(app.server.pagesGzipped()).isEqualTo(2);
                assertThat(app.server.pagesKeptBytes())
                        .isEqualTo(gunzip(gzipped.body()).getBytes(StandardCharsets.UTF_8).length + gzipped.body().length);
            }
            assertThat(ada.get("/").body()).doesNotContain(entry(ann)).contains("That is everyone for today: you reached out to 1 person today.");
            assertThat(app.server.pagesSentAgain()).isEqualTo(sentAgain + 5);
        }
    }

    private static String gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aChangeThroughTheServerANewDayAndAProfileChangedElsewhereAreSeenAtOnce() {
        try (TestDatabase db = TestDatabase.create(Dialect.SQLITE); WebApp app = new WebApp(db, clock)) {
            Contact ann = due(app, "Ann Due");
            WebApp.Client ada = app.signedIn("ada");
            assertThat(ada.get("/").body()).contains(entry(ann)).contains("Tuesday 10 March");

            app.kith.contacts().snooze(app.owner, ann.id(), LocalDate.now(clock).plusDays(1), LocalDate.now(clock));
            assertThat(ada.get("/").body()).doesNotContain(entry(ann)).contains("Tuesday 10 March");

            // Midnight passes: nothing is committed, but the page is of another day.
            long sentAgain = app.server.pagesSentAgain();
            clock.advance(Duration.ofSeconds(40));
            assertThat(ada.get("/").body()).contains("Wednesday 11 March");
            assertThat(app.server.pagesSentAgain()).isEqualTo(sentAgain);

            // Pago Pago is eleven hours behind: still Tuesday there.
            try (Database command = Database.openSqlite(db.dataDir().resolve("kith.db"), false)) {
                new Kith(command, clock).accounts().updateProfile(app.owner,
                        new ProfileChanges(null, null, null, ZoneId.of("Pacific/Pago_Pago"), null, null));
            }
            assertThat(ada.get("/").body()).contains("Tuesday 10 March");
        }
    }

    @Test
    void aProfileChangedByAnotherProcessPastKithsServicesShowsAtOnce() throws Exception {
        try (TestDatabase db = TestDatabase.create(Dialect.SQLITE); WebApp app = new WebApp(db, clock)) {
            due(app, "Ann Due");
            due(app, "Bob Due");
            WebApp.Client ada = app.signedIn("ada");
            assertThat(ada.get("/").body()).doesNotContain("waiting beyond your");
            assertThat(ada.get("/settings").body()).contains("value=\"5\"");

            // Written past Kith's services, as another program's would be: this process is not told of it, but the
            // commit to the file ends its trust in the profile it read before, as in the page it kept.
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db.dataDir().resolve("kith.db"));
                 Statement statement = other.createStatement()) {
                statement.executeUpdate("UPDATE users SET daily_limit = 1 WHERE id = " + app.owner);
            }
            assertThat(ada.get("/").body()).contains("1 more is due, waiting beyond your").contains("daily limit of 1");
            assertThat(ada.get("/settings").body()).contains("value=\"1\"");
        }
    }

    @Test
    void eachSessionGetsItsOwnPageWithItsOwnTokenAndOthersContactsStayHidden() {
        try (TestDatabase db = TestDatabase.create(Dialect.SQLITE); WebApp app = new WebApp(db, clock)) {
            Contact ann = due(app, "Ann Due");
            WebApp.Client laptop = app.signedIn("ada");
            WebApp.Client phone = app.signedIn("ada");
            WebApp.Client ben = app.signedIn("ben");
            assertThat(laptop.csrf).isNotEqualTo(phone.csrf);
            for (int i = 0; i < 2; i++) {
                // Each page carries its session's token (masked anew as it is made), never another's.
                String onLaptop = laptop.get("/").body();
                String onPhone = phone.get("/").body();
                String onBen = ben.get("/").body();
                assertThat(sessionOf(onLaptop)).isEqualTo(sessionOf(laptop.csrf)).isNotEqualTo(sessionOf(phone.csrf));
                assertThat(sessionOf(onPhone)).isEqualTo(sessionOf(phone.csrf)).isNotEqualTo(sessionOf(laptop.csrf));
                assertThat(sessionOf(onBen)).isEqualTo(sessionOf(ben.csrf));
                assertThat(onLaptop).contains("Ann Due");
                assertThat(onPhone).contains("Ann Due");
                assertThat(onBen).doesNotContain("Ann Due");
                String contactPage = laptop.get("/contacts/" + ann.id()).body();
                assertThat(sessionOf(contactPage)).isEqualTo(sessionOf(laptop.csrf));
                assertThat(contactPage).contains("Ann Due");
                assertThat(ben.get("/contacts/" + ann.id()).statusCode()).isEqualTo(404);
            }
            assertThat(app.server.pagesKept()).isEqualTo(3);
            // After signing out, the page kept for that session is not sent (the request is sent to sign in), nor kept.
            laptop.post("/logout", Map.of());
            assertThat(app.server.pagesKept()).isEqualTo(2);
            HttpResponse<String> signedOut = laptop.get("/");
            assertThat(signedOut.statusCode()).isEqualTo(302);
            assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).startsWith("/login"));
            assertThat(signedOut.body()).doesNotContain("Ann Due");
        }
    }

    @Test
    void aNewPasswordEndsEverySessionAndLetsGoOfTheirPages() {
        try (TestDatabase db = TestDatabase.create(Dialect.SQLITE); WebApp app = new WebApp(db, clock)) {
            WebApp.Client laptop = app.signedIn("ada");
            WebApp.Client phone = app.signedIn("ada");
            WebApp.Client ben = app.signedIn("ben");
            laptop.get("/");
            phone.get("/");
            ben.get("/");
            assertThat(app.server.pagesKept()).isEqualTo(3);
            HttpResponse<String> changed = laptop.post("/settings/password", Map.of("current", WebApp.PASSWORD,
                    "password", "a new and longer password", "confirm", "a new and longer password"));
            assertThat(changed.statusCode()).isEqualTo(303);
            assertThat(app.server.pagesKept()).isEqualTo(1);
            assertThat(phone.get("/").statusCode()).isEqualTo(302);
            assertThat(ben.get("/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aHardReloadANoticeAndHtmxAreAlwaysMadeAnewAndAContactsPageIsNotKept() {
        try (TestDatabase db = TestDatabase.create(Dialect.SQLITE); WebApp app = new WebApp(db, clock)) {
            Contact ann = due(app, "Ann Due");
            WebApp.Client ada = app.signedIn("ada");
            ada.get("/");
            long sentAgain = app.server.pagesSentAgain();

            HttpResponse<String> hardReload = ada.send(HttpRequest.newBuilder(URI.create(app.url("/")))
                    .header("Cache-Control", "no-cache").header("Pragma", "no-cache").build());
            assertThat(hardReload.body()).contains(entry(ann));
            assertThat(ada.get("/?done=logged").statusCode()).isEqualTo(200);
            assertThat(ada.getHtmx("/").statusCode()).isEqualTo(200);
            String page = "/contacts/" + ann.id();
            assertThat(ada.get(page).body()).contains("Ann Due");
            assertThat(ada.get(page).body()).contains("Ann Due");
            assertThat(app.server.pagesSentAgain()).isEqualTo(sentAgain);

            assertThat(ada.get("/").body()).contains(entry(ann));
            assertThat(app.server.pagesSentAgain()).isEqualTo(sentAgain + 1);
        }
    }

    @Test
    void onPostgresqlEveryPageIsMadeAnewSinceOtherInstancesChangeItUnseen() {
        try (TestDatabase db = TestDatabase.create(Dialect.POSTGRESQL); WebApp app = new WebApp(db, clock)) {
            due(app, "Ann Due");
            WebApp.Client ada = app.signedIn("ada");
            ada.get("/");
            assertThat(ada.get("/").body()).contains("Ann Due");
            assertThat(app.server.pagesSentAgain()).isZero();
        }
    }

    /** Where Today lists a contact as due (a contact due soon is also named below, in the week ahead). */
    private static String entry(Contact contact) {
        return "id=\"entry-" + contact.id() + "\"";
    }

    /** A contact due today: weekly, last seen ten days ago. */
    private Contact due(WebApp app, String name) {
        Contact contact = app.kith.contacts().add(app.owner, ContactChanges.builder().name(name).every(Cadence.parse("1w")).build());
        app.kith.interactions().log(app.owner, List.of(contact.id()), Kind.CALL, LocalDate.now(clock).minusDays(10), null);
        return contact;
    }

    /** A clock that stands still until the test moves it on; in any zone. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MovableClock(Instant start) {
            this(new AtomicReference<>(start), ZoneOffset.UTC);
        }

        private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovableClock(now, other);
        }
    }

    /** The session's token behind a page's masked one (or behind a masked token itself). */
    private static String sessionOf(String pageOrToken) {
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(pageOrToken);
        return Security.unmasked(field.find() ? field.group(1) : pageOrToken);
    }
}
