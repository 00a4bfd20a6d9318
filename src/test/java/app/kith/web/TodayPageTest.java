package app.kith.web;

import app.kith.account.ProfileChanges;
import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.interaction.Interaction;
import app.kith.interaction.Kind;
import app.kith.shared.Dates;
import app.kith.shared.Weekdays;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class TodayPageTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);

    @BothDatabases
    void anEmptyWeekNamesWhoComesNextWithALinkToThem(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            // Nobody comes due at all: how to change that, as the command line says it.
            assertThat(ada.get("/").body()).contains("Nobody is due today. Enjoy the day.")
                    .contains("<p class=\"empty\">Nobody comes due, this week or later: <a href=\"/contacts/new\">add a contact</a> or"
                            + " <a href=\"/import\">import your network</a>. A contact comes due once they are in a circle or have a cadence"
                            + " of their own (on their page), and are not snoozed or away for good.</p>")
                    .doesNotContain("Nobody else");

            Contact grace = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Grace <Hopper>").every(Cadence.parse("1m")).build());
            // Nobody is due today: nobody comes due this week, not nobody "else".
            assertThat(ada.get("/").body()).contains("<p class=\"empty\">Nobody comes due this week. Next: <a href=\"/contacts/"
                    + grace.id() + "\">Grace &lt;Hopper&gt;</a>, " + Dates.written(grace.dueOn()) + ".</p>");

            // Due already but reached on Sundays only (today is a Tuesday): in the week ahead, on Sunday.
            Contact sunny = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Sunny Day").every(Cadence.parse("1w"))
                    .days("sun").build());
            app.kith.interactions().log(app.owner, List.of(sunny.id()), Kind.CALL,
                    LocalDate.of(2026, 3, 1), "", LocalDate.of(2026, 3, 10));
            assertThat(ada.get("/").body()).contains("Nobody is due today.").doesNotContain("comes due this week")
                    .contains("<li><span class=\"when\">Sun 15 Mar</span> <a href=\"/contacts/" + sunny.id()
                            + "\">Sunny Day</a> <span class=\"hint\">due already, waiting for one of their days</span></li>");
        }
    }

    @BothDatabases
    void theWeekAheadIsSaidBesidesThoseWaitingBeyondTheDailyLimit(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            app.kith.accounts().updateProfile(app.owner, new app.kith.account.ProfileChanges(null, null, null, null, null, 1));
            for (String name : List.of("Ann Due", "Bob Due")) {
                Contact due = app.kith.contacts().add(app.owner, ContactChanges.builder().name(name).every(Cadence.parse("1y")).build());
                app.kith.interactions().log(app.owner, List.of(due.id()), Kind.CALL, LocalDate.now(clock).minusYears(2), null);
            }
            String page = app.signedIn("ada").get("/").body();
            // Bob waits, and comes first on the days ahead: the week is not said to hold nobody else.
            assertThat(page).contains("1 more is due, waiting beyond your")
                    .contains("<p class=\"empty\">Besides the 1 waiting, nobody comes due this week.").doesNotContain("Nobody else comes due");
        }
    }

    @BothDatabases
    void someoneDueTodayIsNoReasonToSayThatNobodyComesDue(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact due = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Ann Due").every(Cadence.parse("1y")).build());
            app.kith.interactions().log(app.owner, List.of(due.id()), Kind.CALL, LocalDate.now(clock).minusYears(2), null);
            WebApp.Client ada = app.signedIn("ada");
            String page = ada.get("/").body();
            assertThat(page).contains("id=\"entry-" + due.id() + "\"").contains("<p class=\"empty\">Nobody else comes due this week.</p>")
                    .doesNotContain("Nobody comes due, this week or later");
            // Logged, Ann comes due again in a year: named as next, and still nobody is told that nobody comes due.
            HttpResponse<String> logged = ada.postRaw("/contacts/" + due.id() + "/touches", Map.of("kind", "coffee"),
                    Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            assertThat(logged.body()).contains("Next: <a href=\"/contacts/" + due.id() + "\">Ann Due</a>").doesNotContain("Nobody comes due, this week or later");
        }
    }

    @BothDatabases
    void onceTheDaysLimitIsReachedTodaySaysSoAndTheRestWait(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            LocalDate today = LocalDate.now(clock);
            app.kith.accounts().updateProfile(app.owner, new ProfileChanges(null, null, null, null, null, 1));
            List<Long> ids = new java.util.ArrayList<>();
            for (String name : List.of("Ann Due", "Bob Due")) {
                Contact due = app.kith.contacts().add(app.owner, ContactChanges.builder().name(name).every(Cadence.parse("1w")).build());
                app.kith.interactions().log(app.owner, List.of(due.id()), Kind.CALL, today.minusDays(14 - ids.size()), null);
                ids.add(due.id());
            }
            WebApp.Client ada = app.signedIn("ada");
            HttpResponse<String> logged = ada.postRaw("/contacts/" + ids.get(0) + "/touches", Map.of("kind", "coffee", "shown", String.valueOf(ids.get(0))),
                    Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            assertThat(logged.body()).contains("id=\"today-lead\" hx-swap-oob=\"true\">You reached out to 1 person today, as many as your daily limit.</p>")
                    .contains("1 more is due, waiting beyond your").doesNotContain("beforeend:#today-agenda");
            assertThat(ada.get("/").body()).contains("<p class=\"empty\" id=\"today-lead\">You reached out to 1 person today, as many as your daily limit. Enjoy the rest of the day.</p>")
                    .contains("1 more is due, waiting beyond your").doesNotContain("id=\"entry-" + ids.get(1) + "\"")
                    .doesNotContain("Nobody is due today");
        }
    }

    @BothDatabases
    void aOneTapChangeAddsWhoeverIsDueThatThePageDoesNotShowEvenAfterAChangeMadeElsewhere(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            LocalDate today = LocalDate.now(clock);
            app.kith.accounts().updateProfile(app.owner, new ProfileChanges(null, null, null, null, null, 2));
            List<Long> ids = new java.util.ArrayList<>();
            for (String name : List.of("Ann Due", "Bob Due", "Cy Due", "Di Due")) {
                Contact due = app.kith.contacts().add(app.owner, ContactChanges.builder().name(name).every(Cadence.parse("1w")).build());
                app.kith.interactions().log(app.owner, List.of(due.id()), Kind.CALL, today.minusDays(14 - ids.size()), null);
                ids.add(due.id());
            }
            long ann = ids.get(0);
            long bob = ids.get(1);
            long cy = ids.get(2);
            long di = ids.get(3);
            WebApp.Client ada = app.signedIn("ada");
            // The page keeps whom it shows, and each entry's forms send it along (htmx, from the list).
            String page = ada.get("/").body();
            // One change at a time, each sending the field as the last answer left it: two quick taps would each add
            // whoever moved up, twice.
            assertThat(page).contains("<ol class=\"agenda\" id=\"today-agenda\" hx-target=\"closest .entry\" hx-swap=\"outerHTML\""
                            + " hx-include=\"#today-shown\" hx-sync=\"this:queue all\">")
                    .contains("<input type=\"hidden\" id=\"today-shown\" name=\"shown\" value=\"" + ann + "," + bob + "\" autocomplete=\"off\">");

            // Ann is snoozed elsewhere (another tab, a command): Cy moves up, but this page does not show him.
            app.kith.contacts().snooze(app.owner, ann, today.plusDays(6), today);
            HttpResponse<String> snoozedHere = ada.postRaw("/contacts/" + bob + "/snooze", Map.of("for", "1w", "shown", ann + "," + bob),
                    Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            assertThat(snoozedHere.statusCode()).isEqualTo(200);
            // Cy and Di are due now and neither is on the page: both join it (Today as it was before this snooze had
            // Cy already, so it added Di alone, and Cy never showed without a reload). Ann, no longer due, leaves it.
            assertThat(snoozedHere.body()).contains("Snoozed Bob Due")
                    .contains("<li class=\"entry\" id=\"entry-" + cy + "\">").contains("<li class=\"entry\" id=\"entry-" + di + "\">")
                    .contains("<li id=\"entry-" + ann + "\" hx-swap-oob=\"delete\"></li>")
                    .doesNotContain("<li id=\"entry-" + bob + "\" hx-swap-oob=\"delete\">")
                    .contains("<input type=\"hidden\" id=\"today-shown\" name=\"shown\" value=\"" + cy + "," + di
                            + "\" autocomplete=\"off\" hx-swap-oob=\"true\">");

            // A page that shows everyone due already is sent nobody again; nor the contact just logged, who stays as
            // their message.
            app.kith.contacts().endSnooze(app.owner, ann);
            HttpResponse<String> logged = ada.postRaw("/contacts/" + cy + "/touches", Map.of("kind", "coffee", "shown", ann + "," + bob + "," + cy + "," + di),
                    Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            assertThat(logged.body()).contains("Logged coffee with Cy Due").doesNotContain("<li class=\"entry\" id=\"entry-")
                    .doesNotContain("beforeend:#today-agenda");
            // Cy, reached, counts in the day's limit of 2: one place is left, Ann's, the longest overdue. Di, listed, now
            // waits and leaves the page, as does Bob, snoozed; the count above the list says 1 and so does the list.
            assertThat(logged.body()).contains("<li id=\"entry-" + di + "\" hx-swap-oob=\"delete\"></li>")
                    .contains("<li id=\"entry-" + bob + "\" hx-swap-oob=\"delete\"></li>")
                    .doesNotContain("<li id=\"entry-" + ann + "\" hx-swap-oob=\"delete\">")
                    .doesNotContain("<li id=\"entry-" + cy + "\" hx-swap-oob=\"delete\">")
                    .contains("Reach out to 1 person. You reached out to 1 today.")
                    .contains("<input type=\"hidden\" id=\"today-shown\" name=\"shown\" value=\"" + ann + "\" autocomplete=\"off\" hx-swap-oob=\"true\">");

            // A field that is not a list of ids is passed over: whom Today showed before the change is worked out.
            for (String shown : List.of("x", ann + ",,", "1,".repeat(1_001) + "1")) {
                HttpResponse<String> again = ada.postRaw("/contacts/" + di + "/snooze", Map.of("for", "1w", "shown", shown),
                        Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
                assertThat(again.statusCode()).as(shown).isEqualTo(200);
                assertThat(again.body()).as(shown).contains("Snoozed Di Due").doesNotContain("beforeend:#today-agenda");
            }
        }
    }

    @BothDatabases
    void todayShowsWhoIsDueWhoWaitsAndTheWeekAheadAndLoggingRemovesAnEntry(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            LocalDate today = LocalDate.now(clock);
            app.kith.accounts().updateProfile(app.owner, new app.kith.account.ProfileChanges(null, null, null, null, null, 2));
            for (String name : List.of("Ann Due", "Bob Due", "Cy Due")) {
                Contact due = app.kith.contacts().add(app.owner, ContactChanges.builder().name(name).every(Cadence.parse("1w")).build());
                app.kith.interactions().log(app.owner, List.of(due.id()), Kind.CALL, today.minusDays(10), null);
            }
            Contact soon = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Dee Soon").every(Cadence.parse("1w")).build());
            app.kith.interactions().log(app.owner, List.of(soon.id()), Kind.CALL, today.minusDays(4), null);
            app.kith.contacts().add(app.owner, ContactChanges.builder().name("Eve Later").every(Cadence.parse("1m")).build());

            WebApp.Client ada = app.signedIn("ada");
            String page = ada.get("/").body();
            // Where they live is not known, nor their time zone: no hours, and why.
            assertThat(page).contains("Send a message.\n Their time zone is not known, so no hours are suggested: set it on their page.</p>");
            assertThat(page).contains("Tuesday 10 March").contains("Reach out to 2 people.")
                    .contains("1 more is due, waiting beyond your").contains("daily limit of 2");
            assertThat(page.substring(page.indexOf("Next 7 days"))).contains("Dee Soon").contains("<span class=\"when\">Fri 13 Mar</span>")
                    .doesNotContain("Eve Later");

            Contact ann = app.kith.contacts().resolve(app.owner, "Ann Due");
            HttpResponse<String> logged = ada.postRaw("/contacts/" + ann.id() + "/touches",
                    Map.of("kind", "coffee", "note", "flat white"), Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            assertThat(logged.statusCode()).isEqualTo(200);
            assertThat(logged.body()).contains("Logged coffee with Ann Due.").doesNotContain("<html")
                    // htmx focuses what it swaps in with autofocus: the keyboard and a screen reader stay on the entry, and read it.
                    .contains("<li class=\"entry done\" tabindex=\"-1\" autofocus>Logged coffee with Ann Due.\n<form");
            // Each entry's forms are named for its person: fifty "Log" buttons are told apart by who they are for.
            assertThat(page).contains("<div class=\"controls\" role=\"group\" aria-label=\"Log a touch with Ann Due\">")
                    .contains("<div class=\"controls\" role=\"group\" aria-label=\"Snooze Ann Due\">")
                    // Labels on the page, not only read out: a voice says what it sees ("click How").
                    .contains("<label class=\"label\" for=\"kind-" + ann.id() + "\">How</label>")
                    .contains("<label class=\"label\" for=\"note-" + ann.id() + "\">Note</label>")
                    .doesNotContain("<form method=\"post\" action=\"/contacts/" + ann.id() + "/touches\" class=\"log\" hx-post=\"/contacts/"
                            + ann.id() + "/touches\" role=");
            // The rest of the page follows without a reload: the count and the waiting line. Cy still waits: Ann,
            // reached today, counts in the day's limit, so acting on Today does not fill it again.
            Contact cy = app.kith.contacts().resolve(app.owner, "Cy Due");
            assertThat(logged.body()).contains("id=\"today-lead\" hx-swap-oob=\"true\">Reach out to 1 person. You reached out to 1 today.</p>")
                    .contains("1 more is due, waiting beyond your")
                    .doesNotContain("beforeend:#today-agenda")
                    .doesNotContain("<li class=\"entry\" id=\"entry-" + cy.id() + "\">")
                    .doesNotContain("<li class=\"entry\" id=\"entry-" + ann.id() + "\">")
                    .doesNotContain("<li class=\"entry\" id=\"entry-" + app.kith.contacts().resolve(app.owner, "Bob Due").id() + "\">");
            assertThat(app.kith.interactions().timeline(app.owner, ann.id()).get(0).note()).isEqualTo("flat white");
            // The message offers Undo, in place as the log was (htmx), or as a plain form that comes back to Today at
            // the entry (so that the keyboard goes on from there).
            long touch = app.kith.interactions().timeline(app.owner, ann.id()).get(0).id();
            String undo = "/contacts/" + ann.id() + "/touches/" + touch + "/undo";
            String back = "/#entry-" + ann.id();
            assertThat(logged.body()).contains("<form method=\"post\" action=\"" + undo + "\" hx-post=\"" + undo + "\" class=\"undo\">")
                    .contains("<input type=\"hidden\" name=\"back\" value=\"" + back + "\">");
            // The page shows Bob's entry (and Ann's message).
            long bobsId = app.kith.contacts().resolve(app.owner, "Bob Due").id();
            HttpResponse<String> undone = ada.postRaw(undo, Map.of("back", back, "shown", String.valueOf(bobsId)),
                    Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            assertThat(undone.statusCode()).isEqualTo(200);
            // Ann is due again: her entry comes back under what was done, with no Undo of the Undo; the count follows.
            assertThat(undone.body()).contains("<li class=\"entry done\" tabindex=\"-1\" autofocus>Took back the coffee with Ann Due. They are due.\n</li>")
                    .contains("<li class=\"entry\" id=\"entry-" + ann.id() + "\">").doesNotContain("class=\"undo\"")
                    .contains("id=\"today-lead\" hx-swap-oob=\"true\">Reach out to 2 people.</p>")
                    .doesNotContain("beforeend:#today-agenda")
                    .contains("<input type=\"hidden\" id=\"today-shown\" name=\"shown\" value=\"" + bobsId + "," + ann.id()
                            + "\" autocomplete=\"off\" hx-swap-oob=\"true\">");
            assertThat(app.kith.interactions().timeline(app.owner, ann.id())).extracting(Interaction::id).doesNotContain(touch);
            assertThat(ada.get("/").body()).contains("id=\"entry-" + ann.id() + "\"");
            assertThat(ada.post(undo, Map.of("back", "https://evil.example/")).statusCode()).as("already undone").isEqualTo(404);
            logged = ada.postRaw("/contacts/" + ann.id() + "/touches",
                    Map.of("kind", "coffee", "note", "flat white"), Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            assertThat(logged.statusCode()).isEqualTo(200);
            // The week ahead follows without a reload too: Ann, due again in a week, joins it.
            String week = logged.body().substring(logged.body().indexOf("<section class=\"week-ahead\" id=\"week-ahead\""));
            assertThat(week).startsWith("<section class=\"week-ahead\" id=\"week-ahead\" aria-labelledby=\"week-ahead-heading\" hx-swap-oob=\"true\">")
                    .contains(">Ann Due</a>");
            String after = ada.get("/").body();
            // Logged today on a weekly cadence: off the agenda, back in the week ahead.
            assertThat(after.substring(0, after.indexOf("Next 7 days"))).doesNotContain("Ann Due");
            assertThat(after.substring(after.indexOf("Next 7 days"))).contains("Ann Due");

            Contact bob = app.kith.contacts().resolve(app.owner, "Bob Due");
            HttpResponse<String> snoozedHere = ada.postRaw("/contacts/" + bob.id() + "/snooze", Map.of("for", "1w"),
                    Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            // Said as the contact's page says it: the last day of the snooze.
            String undoSnooze = "/contacts/" + bob.id() + "/snooze/undo?through=" + today.plusWeeks(1).minusDays(1);
            assertThat(snoozedHere.body()).contains("Snoozed Bob Due through " + Dates.written(today.plusWeeks(1).minusDays(1)) + ".")
                    .contains("action=\"" + undoSnooze + "\" hx-post=\"" + undoSnooze + "\" class=\"undo\"");
            // A snooze reaches nobody: Cy, who waited beyond the limit, moves up into Bob's place, and the page says so.
            assertThat(snoozedHere.body()).contains("<ol hx-swap-oob=\"beforeend:#today-agenda\">")
                    .contains("<li class=\"entry\" id=\"entry-" + cy.id() + "\">")
                    .contains("id=\"today-lead\" hx-swap-oob=\"true\">Reach out to 1 person. You reached out to 1 today.</p>")
                    .containsPattern("id=\"today-waiting\" hx-swap-oob=\"true\" hidden>\\s*</p>");
            HttpResponse<String> unsnoozed = ada.post(undoSnooze, Map.of("back", "//evil.example/"));
            assertThat(unsnoozed.headers().firstValue("Location")).as("only a path of this site").hasValue("/#entry-" + bob.id());
            assertThat(app.kith.contacts().get(app.owner, bob.id()).snoozedUntil()).isNull();
            HttpResponse<String> snoozed = ada.post("/contacts/" + bob.id() + "/snooze", Map.of("for", "2w"));
            assertThat(snoozed.statusCode()).isEqualTo(303);
            assertThat(snoozed.headers().firstValue("Location")).hasValue("/?done=snoozed&contact=" + bob.id() + "&through=" + today.plusWeeks(2).minusDays(1));
            assertThat(app.kith.contacts().get(app.owner, bob.id()).dueOn()).isEqualTo(today.plusWeeks(2));
            assertThat(ada.post("/contacts/" + bob.id() + "/touches", Map.of("kind", "tea")).statusCode()).isEqualTo(422);
            assertThat(ada.post("/contacts/" + bob.id() + "/snooze", Map.of("for", "forever")).statusCode()).isEqualTo(422);
        }
    }

    @BothDatabases
    void withoutJavaScriptTodaySaysWhatWasDoneWithItsUndoFromTheIdsAlone(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact ann = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Ann <Due>").every(Cadence.parse("1w")).build());
            Contact bob = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Bob Due").every(Cadence.parse("1w")).build());
            for (Contact due : List.of(ann, bob)) {
                app.kith.interactions().log(app.owner, List.of(due.id()), Kind.CALL, LocalDate.now(clock).minusDays(10), null);
            }
            WebApp.Client ada = app.signedIn("ada");

            // A plain form: no HX-Request, so the page reloads.
            HttpResponse<String> logged = ada.post("/contacts/" + ann.id() + "/touches", Map.of("kind", "coffee"));
            assertThat(logged.statusCode()).isEqualTo(303);
            String location = logged.headers().firstValue("Location").orElseThrow();
            long touch = app.kith.interactions().timeline(app.owner, ann.id()).get(0).id();
            assertThat(location).isEqualTo("/?done=logged&contact=" + ann.id() + "&interaction=" + touch);
            String page = ada.get(location).body();
            assertThat(page).contains("<div class=\"notice\" role=\"status\">Logged coffee with Ann &lt;Due&gt;.")
                    .contains("action=\"/contacts/" + ann.id() + "/touches/" + touch + "/undo\"")
                    .doesNotContain("id=\"entry-" + ann.id() + "\"");
            // Only a touch on that contact's timeline, seen by its own user, is said: another pairing of ids says nothing.
            assertThat(ada.get("/?done=logged&contact=" + bob.id() + "&interaction=" + touch).body()).doesNotContain("class=\"notice\"");
            assertThat(app.signedIn("eve").get(location).body()).doesNotContain("class=\"notice\"").doesNotContain("Ann");
            // Its Undo takes the touch back, and comes back to Ann's entry: the same address then says nothing.
            HttpResponse<String> undone = ada.post("/contacts/" + ann.id() + "/touches/" + touch + "/undo", Map.of("back", "/"));
            assertThat(undone.statusCode()).isEqualTo(303);
            assertThat(undone.headers().firstValue("Location")).hasValue("/#entry-" + ann.id());
            assertThat(ada.get(location).body()).doesNotContain("class=\"notice\"").contains("id=\"entry-" + ann.id() + "\"");

            HttpResponse<String> snoozed = ada.post("/contacts/" + bob.id() + "/snooze", Map.of("for", "1w"));
            String told = "/?done=snoozed&contact=" + bob.id() + "&through=2026-03-16";
            assertThat(snoozed.headers().firstValue("Location")).hasValue(told);
            assertThat(ada.get(told).body()).contains("Snoozed Bob Due through Mon 16 Mar 2026.")
                    .contains("action=\"/contacts/" + bob.id() + "/snooze/undo?through=2026-03-16\"");
            // Snoozed again since (another tab, a command): the address no longer says what was done.
            app.kith.contacts().snooze(app.owner, bob.id(), LocalDate.parse("2026-03-20"), LocalDate.now(clock));
            assertThat(ada.get(told).body()).doesNotContain("class=\"notice\"");
            assertThat(ada.get("/?done=snoozed&contact=" + bob.id() + "&through=soon").body()).doesNotContain("class=\"notice\"");
            // Words in the address are never shown, and another account's ids say nothing.
            assertThat(ada.get("/?done=%3Cscript%3E&contact=" + bob.id()).body()).doesNotContain("class=\"notice\"").doesNotContain("<script>");
            WebApp.Client eve = app.signedIn("eve");
            assertThat(eve.get("/?done=snoozed&contact=" + bob.id()).body()).doesNotContain("class=\"notice\"");
        }
    }

    @BothDatabases
    void theUndoOfASnoozeThatReplacedAnotherPutsThatOneBack(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            LocalDate today = LocalDate.now(clock);
            Contact bob = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Bob Due").every(Cadence.parse("1w")).build());
            LocalDate christmas = today.plusDays(20);
            app.kith.contacts().snooze(app.owner, bob.id(), christmas, today);
            WebApp.Client ada = app.signedIn("ada");

            HttpResponse<String> week = ada.postRaw("/contacts/" + bob.id() + "/snooze", Map.of("for", "1w"),
                    Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            String undo = "/contacts/" + bob.id() + "/snooze/undo?through=" + today.plusWeeks(1).minusDays(1) + "&until=" + christmas;
            String inPage = undo.replace("&", "&amp;");
            assertThat(week.body()).contains("action=\"" + inPage + "\" hx-post=\"" + inPage + "\" class=\"undo\"");
            assertThat(app.kith.contacts().get(app.owner, bob.id()).snoozedUntil()).isEqualTo(today.plusWeeks(1).minusDays(1));

            assertThat(ada.post(undo, Map.of("back", "/")).statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().get(app.owner, bob.id()).snoozedUntil()).isEqualTo(christmas);

            // Without JavaScript: the page it comes back to offers the same Undo, from the date in the address.
            HttpResponse<String> plain = ada.post("/contacts/" + bob.id() + "/snooze", Map.of("for", "1m"));
            String location = plain.headers().firstValue("Location").orElseThrow();
            String monthUndo = "/contacts/" + bob.id() + "/snooze/undo?through=" + today.plusMonths(1).minusDays(1) + "&until=" + christmas;
            assertThat(location).isEqualTo("/?done=snoozed&contact=" + bob.id() + "&through=" + today.plusMonths(1).minusDays(1) + "&until=" + christmas);
            assertThat(ada.get(location).body()).contains("action=\"" + monthUndo.replace("&", "&amp;") + "\"");
            assertThat(ada.get("/?done=snoozed&contact=" + bob.id() + "&until=soon").body()).doesNotContain("class=\"notice\"");
            // A snooze already over is not put back: the Undo ends the snooze.
            assertThat(ada.post("/contacts/" + bob.id() + "/snooze/undo?until=" + today.minusDays(1), Map.of()).statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().get(app.owner, bob.id()).snoozedUntil()).isNull();
            assertThat(ada.post("/contacts/" + bob.id() + "/snooze/undo?until=someday", Map.of()).statusCode()).isEqualTo(422);
            // The contact's page ends a snooze, whatever the address adds: the Undo's date is Today's alone.
            app.kith.contacts().snooze(app.owner, bob.id(), christmas, today);
            HttpResponse<String> ended = ada.post("/contacts/" + bob.id() + "/snooze/end?until=" + christmas, Map.of("back", "/"));
            assertThat(ended.headers().firstValue("Location")).hasValue("/contacts/" + bob.id() + "?done=unsnoozed");
            assertThat(app.kith.contacts().get(app.owner, bob.id()).snoozedUntil()).isNull();
        }
    }

    @BothDatabases
    void anUndoTakesBackOnlyItsOwnChangeAndThePageFollowsTodayAsItIsNow(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            LocalDate today = LocalDate.now(clock);
            Contact dee = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Dee Due").every(Cadence.parse("1w")).build());
            app.kith.interactions().log(app.owner, List.of(dee.id()), Kind.CALL, today.minusDays(10), null);
            WebApp.Client ada = app.signedIn("ada");
            Map<String, String> htmx = Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true");
            String deeOnly = String.valueOf(dee.id());

            // A snooze made on Today, then another made elsewhere: the first one's Undo leaves the second as it is.
            HttpResponse<String> week = ada.postRaw("/contacts/" + dee.id() + "/snooze", Map.of("for", "1w", "shown", deeOnly), htmx);
            String undo = "/contacts/" + dee.id() + "/snooze/undo?through=" + today.plusWeeks(1).minusDays(1);
            assertThat(week.body()).contains("hx-post=\"" + undo + "\"");
            app.kith.contacts().snooze(app.owner, dee.id(), today.plusDays(40), today);
            HttpResponse<String> kept = ada.postRaw(undo, Map.of("shown", ""), htmx);
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).contains("The snooze of Dee Due was changed since: it stays, through " + Dates.written(today.plusDays(40)) + ".")
                    .doesNotContain("id=\"entry-" + dee.id() + "\"");
            assertThat(app.kith.contacts().get(app.owner, dee.id()).snoozedUntil()).isEqualTo(today.plusDays(40));
            // Ended elsewhere: said so, and she is due again, her entry back under the message.
            app.kith.contacts().endSnooze(app.owner, dee.id(), today);
            assertThat(ada.postRaw(undo, Map.of("shown", ""), htmx).body())
                    .contains("The snooze of Dee Due was changed since: it has ended. They are due.")
                    .contains("<li class=\"entry\" id=\"entry-" + dee.id() + "\">");

            // A social touch leaves her due, her entry under its message. Reached elsewhere, and the social touch taken
            // back: her entry leaves the page as well, rather than stay listed under a count that leaves her out.
            HttpResponse<String> social = ada.postRaw("/contacts/" + dee.id() + "/touches", Map.of("kind", "social", "shown", deeOnly), htmx);
            assertThat(social.body()).contains("Logged social with Dee Due; a like or a comment does not count as being in touch. They are still due.").contains("id=\"entry-" + dee.id() + "\"");
            Matcher undoSocial = Pattern.compile("hx-post=\"(/contacts/" + dee.id() + "/touches/\\d+/undo)\"").matcher(social.body());
            assertThat(undoSocial.find()).isTrue();
            app.kith.interactions().log(app.owner, List.of(dee.id()), Kind.COFFEE, today, null);
            HttpResponse<String> took = ada.postRaw(undoSocial.group(1), Map.of("shown", deeOnly), htmx);
            assertThat(took.body()).contains("Took back the social with Dee Due.")
                    .contains("<li id=\"entry-" + dee.id() + "\" hx-swap-oob=\"delete\"></li>")
                    .contains("id=\"today-shown\" name=\"shown\" value=\"\"");
            // A contact may have several messages on the page (a snooze's, an undo's): none has an id two could share.
            for (HttpResponse<String> answer : List.of(week, kept, social, took)) {
                assertThat(answer.body()).doesNotContain("id=\"done-");
            }
        }
    }

    @BothDatabases
    void eachEntrysLogFormPreselectsTheKindItsSuggestionNames(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            app.kith.accounts().updateProfile(app.owner, new app.kith.account.ProfileChanges(null, "Lyon", "France", null, null, null));
            Map<String, String> suggested = Map.of("Nell Near", "coffee", "Fay Far", "video", "Una Unplaced", "message");
            Map<String, String> cities = Map.of("Nell Near", "Lyon", "Fay Far", "Oslo");
            for (String name : suggested.keySet()) {
                Contact due = app.kith.contacts().add(app.owner, ContactChanges.builder().name(name).city(cities.get(name))
                        .every(Cadence.parse("1w")).build());
                app.kith.interactions().log(app.owner, List.of(due.id()), Kind.CALL, LocalDate.now(clock).minusDays(10), null);
            }

            String page = app.signedIn("ada").get("/").body();
            suggested.forEach((name, kind) -> {
                String entry = page.substring(page.indexOf("<li class=\"entry\" id=\"entry-" + app.kith.contacts().resolve(app.owner, name).id()));
                String options = entry.substring(entry.indexOf("<select"), entry.indexOf("</select>"));
                // Every kind, in order, with only the suggested one selected.
                assertThat(options.replace("<option selected>", "<option>"))
                        .endsWith(">" + java.util.Arrays.stream(Kind.values()).map(k -> "<option>" + k.word() + "</option>").collect(java.util.stream.Collectors.joining()));
                assertThat(options).contains("<option selected>" + kind + "</option>").containsOnlyOnce("selected");
            });
        }
    }

    @BothDatabases
    void todayIsTheDateInTheUsersTimeZoneNotTheServers(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            // 10:00 on Tuesday 10 March on the server (UTC) is already Wednesday 11 March on Kiritimati (UTC+14).
            app.kith.accounts().updateProfile(app.owner,
                    new app.kith.account.ProfileChanges(null, null, null, java.time.ZoneId.of("Pacific/Kiritimati"), null, null));
            Contact dueTomorrow = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Wed Due").every(Cadence.parse("1w")).build());
            app.kith.interactions().log(app.owner, List.of(dueTomorrow.id()), Kind.CALL, LocalDate.of(2026, 3, 4), null);

            WebApp.Client ada = app.signedIn("ada");
            String page = ada.get("/").body();
            assertThat(page).contains("Wednesday 11 March").contains("id=\"entry-" + dueTomorrow.id() + "\"");
            assertThat(ada.get("/contacts/" + dueTomorrow.id()).body()).contains("name=\"on\" type=\"date\" value=\"2026-03-11\"");
            // Everywhere on the web: "due" in the contact list, and what is past for an away date.
            assertThat(ada.get("/contacts?overdue=1").body()).contains("Wed Due");
            HttpResponse<String> away = ada.post("/contacts/" + dueTomorrow.id() + "/away", Map.of("until", "2026-03-10"));
            assertThat(away.statusCode()).isEqualTo(422);
            assertThat(away.body()).contains("The date 2026-03-10 is in the past");
            // Met on their today, the server's tomorrow: not the future; added on their today.
            HttpResponse<String> added = ada.post("/contacts/new", Map.of("name", "Met Today", "metOn", "2026-03-11"));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
            Contact met = app.kith.contacts().resolve(app.owner, "Met Today");
            assertThat(met.metOn()).isEqualTo(LocalDate.of(2026, 3, 11));
            assertThat(met.addedOn()).isEqualTo(LocalDate.of(2026, 3, 11));
            // Logged on their today from Today: accepted, as the 11th.
            HttpResponse<String> logged = ada.postRaw("/contacts/" + dueTomorrow.id() + "/touches", Map.of("kind", "call"),
                    Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            assertThat(logged.statusCode()).isEqualTo(200);
            assertThat(app.kith.interactions().timeline(app.owner, dueTomorrow.id()).get(0).on()).isEqualTo(LocalDate.of(2026, 3, 11));
            // A day after their today is the future, even with the day's grace the service gives callers without a zone.
            assertThat(ada.post("/contacts/" + dueTomorrow.id() + "/log", Map.of("kind", "call", "on", "2026-03-12")).statusCode())
                    .isEqualTo(422);
        }
    }

    @BothDatabases
    void aSocialTouchFromTodayKeepsTheEntryForItDoesNotResetTheClock(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact due = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Ann Due").every(Cadence.parse("1w")).build());
            app.kith.interactions().log(app.owner, List.of(due.id()), Kind.CALL, LocalDate.now(clock).minusDays(10), null);
            WebApp.Client ada = app.signedIn("ada");

            HttpResponse<String> liked = ada.postRaw("/contacts/" + due.id() + "/touches", Map.of("kind", "social"),
                    Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            assertThat(liked.statusCode()).isEqualTo(200);
            assertThat(liked.body()).contains("Logged social with Ann Due; a like or a comment does not count as being in touch. They are still due.")
                    .contains("<li class=\"entry\" id=\"entry-" + due.id() + "\">")
                    .contains("id=\"today-lead\" hx-swap-oob=\"true\">Reach out to 1 person.</p>");
            assertThat(ada.get("/").body()).contains("id=\"entry-" + due.id() + "\"");

            // Refused: htmx is told to show the message in the page's message area, not in place of the entry.
            HttpResponse<String> refused = ada.postRaw("/contacts/" + due.id() + "/touches", Map.of("kind", "tea"),
                    Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.headers().firstValue("HX-Retarget")).hasValue("#htmx-error");
            assertThat(refused.headers().firstValue("HX-Reswap")).hasValue("innerHTML");
            assertThat(refused.body()).startsWith("<p class=\"error\">").contains("tea");
            assertThat(liked.body()).contains("<div id=\"htmx-error\" class=\"htmx-error\" role=\"alert\" hx-swap-oob=\"true\"></div>");

            // Its Undo replaces the message: the entry under it, still on the page, is not sent a second time.
            long like = app.kith.interactions().timeline(app.owner, due.id()).get(0).id();
            HttpResponse<String> undone = ada.postRaw("/contacts/" + due.id() + "/touches/" + like + "/undo",
                    Map.of("shown", String.valueOf(due.id())), Map.of("X-CSRF-Token", ada.csrf, "HX-Request", "true"));
            assertThat(undone.statusCode()).isEqualTo(200);
            assertThat(undone.body()).contains("Took back the social with Ann Due. They are still due.")
                    .doesNotContain("id=\"entry-" + due.id() + "\"").doesNotContain("hx-swap-oob=\"delete\"")
                    .contains("<input type=\"hidden\" id=\"today-shown\" name=\"shown\" value=\"" + due.id()
                            + "\" autocomplete=\"off\" hx-swap-oob=\"true\">");
            assertThat(app.kith.interactions().timeline(app.owner, due.id())).hasSize(1);
        }
    }

    @BothDatabases
    void theWeekAheadNamesTheFirstTwentyAndSaysMoreFollow(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            LocalDate today = LocalDate.now(clock);
            for (int i = 1; i <= 21; i++) {
                Contact soon = app.kith.contacts().add(app.owner,
                        ContactChanges.builder().name(String.format("Soon %02d", i)).every(Cadence.parse("1w")).build());
                app.kith.interactions().log(app.owner, List.of(soon.id()), Kind.CALL, today.minusDays(i % 5 + 1), null);
            }
            WebApp.Client ada = app.signedIn("ada");
            String ahead = ada.get("/").body();
            ahead = ahead.substring(ahead.indexOf("Next 7 days"));
            assertThat(ahead.split("<li>", -1)).hasSize(21);
            assertThat(ahead).contains("More come due this week: these are the first 20.");

            app.kith.contacts().archive(app.owner, app.kith.contacts().resolve(app.owner, "Soon 21").id(), true);
            String all = ada.get("/").body();
            assertThat(all.substring(all.indexOf("Next 7 days"))).doesNotContain("More come due");
        }
    }

    @BothDatabases
    void pagesAreUtf8HtmlWithNamesAsWritten(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact due = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Zoë Ødegård 王芳 <b>").every(Cadence.parse("1w")).build());
            app.kith.interactions().log(app.owner, List.of(due.id()), Kind.CALL, LocalDate.now(clock).minusDays(10), null);

            HttpResponse<String> today = app.signedIn("ada").get("/");
            assertThat(today.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualToIgnoringCase("text/html;charset=utf-8");
            assertThat(today.body()).contains("Today · Kith").contains(">Zoë Ødegård 王芳 &lt;b&gt;</a>");
        }
    }

    @BothDatabases
    void eachEntrySaysTheHoursThatSuitBothOrThatTodayIsNotOneOfYourWorkingDays(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            app.kith.accounts().updateProfile(app.owner, new ProfileChanges(null, "Berlin", "DE", ZoneId.of("Europe/Berlin"), null, null));
            Contact grace = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Grace Hopper").every(Cadence.parse("1w"))
                    .city("Berlin").build());
            app.kith.interactions().log(app.owner, List.of(grace.id()), Kind.CALL, LocalDate.now(clock).minusDays(10), null);
            WebApp.Client ada = app.signedIn("ada");
            assertThat(ada.get("/").body()).contains("Meet in person: coffee or a meal.\n Between 09:00-18:00 your time.</p>");

            // Today, a Tuesday, is not one of the days worked.
            app.kith.accounts().updateProfile(app.owner, new ProfileChanges(null, null, null, null, null, null, false,
                    Weekdays.parse("wed,thu,fri,sat,sun")));
            // Said once, for the day, not under every entry.
            assertThat(ada.get("/").body()).contains("Meet in person: coffee or a meal.\n</p>")
                    .contains("<p class=\"hint\">Tuesday is not one of your working days, so no hours are suggested today (<a href=\"/settings\">Settings</a>).</p>")
                    .containsOnlyOnce("working days");
        }
    }

    @BothDatabases
    void onASaturdayYouWorkAContactInYourCitySaysItIsTheirWeekend(TestDatabase db) {
        Clock saturday = Clock.fixed(Instant.parse("2026-03-14T10:00:00Z"), ZoneOffset.UTC);
        try (WebApp app = new WebApp(db, saturday)) {
            app.kith.accounts().updateProfile(app.owner, new ProfileChanges(null, "Berlin", "DE", ZoneId.of("Europe/Berlin"), null, null,
                    false, Weekdays.parse("tue,wed,thu,fri,sat")));
            Contact grace = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Grace Hopper").every(Cadence.parse("1w"))
                    .city("Berlin").build());
            app.kith.interactions().log(app.owner, List.of(grace.id()), Kind.CALL, LocalDate.now(saturday).minusDays(10), null);
            assertThat(app.signedIn("ada").get("/").body()).contains("Meet in person: coffee or a meal.\n"
                    + " It is the weekend where they are, so no working hours are suggested: ask what suits them.</p>");
        }
    }

    @BothDatabases
    void aBrowserThatAcceptsGzipGetsThePageGzipped(TestDatabase db) throws IOException {
        try (WebApp app = new WebApp(db, clock)) {
            for (int i = 0; i < 20; i++) {
                Contact due = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Due " + i).every(Cadence.parse("1w")).build());
                app.kith.interactions().log(app.owner, List.of(due.id()), Kind.CALL, LocalDate.now(clock).minusDays(10), null);
            }
            WebApp.Client browser = app.signedIn("ada");
            String plain = browser.get("/").body();

            HttpResponse<byte[]> gzipped = browser.sendForBytes(HttpRequest.newBuilder(URI.create(app.url("/")))
                    .header("Accept-Encoding", "gzip").GET().build());

            assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gzipped.body().length).isLessThan(plain.length() / 4);
            // At zlib's fastest level, not the default 6 (which costs the server about four times the CPU).
            int fastest = deflated(plain, WebServer.GZIP_LEVEL);
            int usual = deflated(plain, 6);
            assertThat(usual).isLessThan(fastest);
            assertThat(Math.abs(gzipped.body().length - fastest)).isLessThan(Math.abs(gzipped.body().length - usual));
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                // The same page, but for its token, masked anew where the page is made anew (PostgreSQL keeps no page).
                String token = "[A-Za-z0-9_-]{86,}";
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll(token, "")).isEqualTo(plain.replaceAll(token, ""))
                        .contains("15 more are due");
            }
        }
    }

    /** The size of the text deflated at a zlib level, with gzip's 18 bytes of header and trailer. */
    private static int deflated(String text, int level) {
        Deflater deflater = new Deflater(level, true);
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        int size = 18;
        while (!deflater.finished()) {
            size += deflater.deflate(buffer);
        }
        deflater.end();
        return size;
    }
}
