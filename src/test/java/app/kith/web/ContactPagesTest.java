package app.kith.web;

import app.kith.contact.Birthday;
import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.contact.ContactFilter;
import app.kith.contact.ContactService;
import app.kith.exchange.ImportFormat;
import app.kith.exchange.ImportService;
import app.kith.interaction.Interaction;
import app.kith.interaction.Kind;
import app.kith.shared.Dates;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact pages over HTTP, against the whole app on a real port, on SQLite and on PostgreSQL. */
class ContactPagesTest {
    /** A Tuesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final String ODD_NAME = "<script>alert(\"x\")</script> O'Brien & \"Q\" 🎉";
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);

    // --- the list ------------------------------------------------------------------------------------------

    @BothDatabases
    void theListShowsNameCirclesWorkCityAndWhenEachIsDue(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = add(app, ContactChanges.builder().name("Grace Hopper").company("US Navy").title("Rear Admiral")
                    .city("Arlington").circles(List.of("Mentors")));
            app.kith.interactions().log(app.owner, List.of(grace.id()), Kind.CALL, TODAY.minusMonths(1).minusDays(3), null);
            add(app, ContactChanges.builder().name("Alan Kay").circles(List.of("Role models")));
            add(app, ContactChanges.builder().name("Linus Torvalds"));

            HttpResponse<String> list = app.signedIn("ada").get("/contacts");

            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body())
                    .contains("3 contacts.")
                    .contains("<a href=\"/contacts/" + grace.id() + "\">Grace Hopper</a>")
                    .contains("Mentors").contains("Rear Admiral, US Navy").contains("Arlington")
                    .contains("3 days overdue")
                    .contains(">Thu 10 Sep 2026</td>")
                    .contains("<td data-label=\"Next due\">untracked</td>");
            assertThat(list.body().indexOf("Alan Kay")).isLessThan(list.body().indexOf("Grace Hopper"));
        }
    }

    @BothDatabases
    void theSearchFindsTheStartOfAWordInNotesAndCompanyButNotTheMiddleOfOne(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            add(app, ContactChanges.builder().name("Alan Kay").notes("invented Smalltalk"));
            add(app, ContactChanges.builder().name("Grace Hopper").company("US Navy"));
            WebApp.Client ada = app.signedIn("ada");

            assertThat(names(ada.get("/contacts?q=small"))).containsExactly("Alan Kay");
            assertThat(names(ada.get("/contacts?q=SMALLTALK"))).containsExactly("Alan Kay");
            assertThat(names(ada.get("/contacts?q=nav"))).containsExactly("Grace Hopper");
            assertThat(names(ada.get("/contacts?q=grace+navy"))).containsExactly("Grace Hopper");
            // An apostrophe inside a word may be left out; a run of CJK characters is found inside a name.
            add(app, ContactChanges.builder().name("Siobhán O'Brien"));
            add(app, ContactChanges.builder().name("李雷"));
            assertThat(names(ada.get("/contacts?q=obrien"))).containsExactly("Siobhán O'Brien");
            assertThat(names(ada.get("/contacts?q=" + java.net.URLEncoder.encode("雷", java.nio.charset.StandardCharsets.UTF_8))))
                    .containsExactly("李雷");
            // A word prefix, not LIKE '%talk%'.
            HttpResponse<String> middle = ada.get("/contacts?q=talk");
            assertThat(names(middle)).isEmpty();
            assertThat(middle.body()).contains("No contacts match.").doesNotContain("archived contact");
            // An archived contact that would match is pointed to.
            Contact old = add(app, ContactChanges.builder().name("Tallulah Old"));
            app.kith.contacts().archive(app.owner, old.id(), true);
            assertThat(ada.get("/contacts?q=tallu").body())
                    .contains("No contacts match. <a href=\"/contacts?q=tallu&amp;archived=1\">1 archived contact matches</a>.");
            // Text without a letter or digit finds nobody, as on the CLI, and says why; nothing typed is query syntax.
            HttpResponse<String> wordless = ada.get("/contacts?q=%25+%F0%9F%8C%99");
            assertThat(names(wordless)).isEmpty();
            assertThat(wordless.body()).contains("No contacts match: search with letters or digits");
            assertThat(names(ada.get("/contacts?q=+"))).containsExactly("Alan Kay", "Grace Hopper", "Siobhán O'Brien", "李雷");
            assertThat(ada.get("/contacts?q=%22*%3A%26%7C!(").statusCode()).isEqualTo(200);
            assertThat(ada.get("/contacts?q=small").body()).contains("value=\"small\"");
        }
    }

    @BothDatabases
    void htmxGetsTheResultsAloneAsTheUserTypes(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            add(app, ContactChanges.builder().name("Alan Kay"));
            WebApp.Client ada = app.signedIn("ada");

            HttpResponse<String> results = ada.getHtmx("/contacts?q=ala");

            assertThat(results.statusCode()).isEqualTo(200);
            assertThat(results.body()).contains("Alan Kay").doesNotContain("<html").doesNotContain("<form")
                    // The count goes into the page's own live region, which stays, so a screen reader reads each new one.
                    .containsPattern("<p id=\"result-count\" hx-swap-oob=\"innerHTML\">\\s*1 contact.\\s*</p>")
                    .doesNotContain("role=\"status\"");
            String page = ada.get("/contacts").body();
            assertThat(page).contains("hx-get=\"/contacts\"").contains("hx-target=\"#contact-results\"")
                    .containsPattern("<p class=\"result-count\" id=\"result-count\" role=\"status\">\\s*1 contact.\\s*</p>");
            assertThat(page.split("id=\"htmx-error\"", -1)).as("one place for htmx's errors").hasSize(2);
        }
    }

    @BothDatabases
    void theFiltersNarrowByCircleCityDueAndArchived(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact olga = add(app, ContactChanges.builder().name("Olga Overdue").city("Berlin").circles(List.of("Mentors")));
            app.kith.interactions().log(app.owner, List.of(olga.id()), Kind.CALL, TODAY.minusMonths(2), null);
            Contact tom = add(app, ContactChanges.builder().name("Tom Today").city("Paris").every(Cadence.parse("30d")));
            app.kith.interactions().log(app.owner, List.of(tom.id()), Kind.CALL, TODAY.minusDays(30), null);
            add(app, ContactChanges.builder().name("Lea Later").city("berlin").circles(List.of("Mentors")));
            Contact otto = add(app, ContactChanges.builder().name("Otto Old").city("Berlin"));
            app.kith.contacts().archive(app.owner, otto.id(), true);
            WebApp.Client ada = app.signedIn("ada");

            assertThat(names(ada.get("/contacts?circle=Mentors"))).containsExactly("Lea Later", "Olga Overdue");
            assertThat(names(ada.get("/contacts?city=BERLIN"))).containsExactly("Lea Later", "Olga Overdue");
            assertThat(names(ada.get("/contacts?overdue=1"))).containsExactly("Olga Overdue", "Tom Today");
            assertThat(names(ada.get("/contacts?archived=1"))).containsExactly("Otto Old");
            assertThat(names(ada.get("/contacts?archived=on"))).containsExactly("Otto Old");
            // An address edited by hand to say no means no.
            assertThat(names(ada.get("/contacts?archived=0&overdue=false"))).containsExactly("Lea Later", "Olga Overdue", "Tom Today");
            assertThat(names(ada.get("/contacts?circle=mentors&city=berlin&overdue=1"))).containsExactly("Olga Overdue");
            assertThat(names(ada.get("/contacts"))).containsExactly("Lea Later", "Olga Overdue", "Tom Today");
            String filtered = ada.get("/contacts?circle=Mentors&overdue=1").body();
            assertThat(filtered).contains("<option value=\"Mentors\" selected>Mentors</option>");
            assertThat(filtered).contains("name=\"overdue\" value=\"1\" checked");
            assertThat(ada.get("/contacts?circle=Investors").statusCode()).isEqualTo(404);

            // Those Kith never brings up (in no circle, with no cadence of their own), current or archived.
            add(app, ContactChanges.builder().name("Nora Nocircle"));
            assertThat(names(ada.get("/contacts?untracked=1"))).containsExactly("Nora Nocircle");
            assertThat(names(ada.get("/contacts?untracked=1&archived=1"))).containsExactly("Otto Old");
            assertThat(names(ada.get("/contacts?untracked=1&city=berlin"))).isEmpty();
            assertThat(ada.get("/contacts?untracked=1").body()).contains("name=\"untracked\" value=\"1\" checked");
        }
    }

    @BothDatabases
    void theListShowsFiftyAPageWithLinksThatKeepTheFilters(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            for (int i = 1; i <= 101; i++) {
                add(app, ContactChanges.builder().name("Person %03d".formatted(i)).city("Lyon").notes("engineer"));
            }
            add(app, ContactChanges.builder().name("Person 000").city("Lyon").notes("painter"));
            WebApp.Client ada = app.signedIn("ada");

            HttpResponse<String> first = ada.get("/contacts?q=engineer&city=Lyon");
            assertThat(names(first)).hasSize(50).startsWith("Person 001").endsWith("Person 050");
            assertThat(first.body()).contains("101 contacts, page 1 of 3.")
                    .contains("href=\"/contacts?q=engineer&amp;city=Lyon&amp;page=2\" rel=\"next\"")
                    .doesNotContain("rel=\"prev\"");

            HttpResponse<String> second = ada.get("/contacts?q=engineer&city=Lyon&page=2");
            assertThat(names(second)).hasSize(50).startsWith("Person 051").endsWith("Person 100");
            assertThat(second.body()).contains("href=\"/contacts?q=engineer&amp;city=Lyon\" rel=\"prev\"")
                    .contains("href=\"/contacts?q=engineer&amp;city=Lyon&amp;page=3\" rel=\"next\"");

            HttpResponse<String> last = ada.get("/contacts?q=engineer&city=Lyon&page=3");
            assertThat(names(last)).containsExactly("Person 101");
            assertThat(last.body()).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

            assertThat(names(ada.get("/contacts?q=engineer&page=abc"))).hasSize(50).startsWith("Person 001");
            assertThat(ada.get("/contacts?q=engineer&page=9").body()).contains("There is no page 9").doesNotContain("page 9 of");
        }
    }

    // --- adding ---------------------------------------------------------------------------------------------

    @BothDatabases
    void aNewContactIsAddedWithEveryFieldAndTheBrowserGoesToItsPage(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            String form = ada.get("/contacts/new").body();
            assertEveryFieldIsLabelled(form);
            // The name takes the focus, to type at once; it alone.
            assertThat(form).containsPattern("<input id=\"c-name\"[^>]*autofocus").containsOnlyOnce("autofocus");

            HttpResponse<String> added = ada.post("/contacts/new", graceForm());

            assertThat(added.statusCode()).isEqualTo(303);
            String location = added.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches("/contacts/\\d+\\?done=added");
            Contact grace = app.kith.contacts().resolve(app.owner, "Grace Hopper");
            // On the contact's own page the edit form is folded away: its name does not take the focus.
            assertThat(ada.get("/contacts/" + grace.id()).body()).doesNotContainPattern("<input id=\"c-name\"[^>]*autofocus");
            assertThat(location).startsWith("/contacts/" + grace.id() + "?");
            assertThat(grace.emails()).containsExactly("grace@navy.mil", "ghopper@example.com");
            assertThat(grace.phones()).containsExactly("+1 555 0100");
            assertThat(grace.company()).isEqualTo("US Navy");
            assertThat(grace.title()).isEqualTo("Rear Admiral");
            assertThat(grace.city()).isEqualTo("Arlington");
            assertThat(grace.country()).isEqualTo("US");
            assertThat(grace.zone()).isEqualTo(ZoneId.of("America/New_York"));
            assertThat(grace.linkedinUrl()).isEqualTo("https://linkedin.com/in/grace-hopper");
            assertThat(grace.metHow()).isEqualTo("a COBOL conference");
            assertThat(grace.metOn()).isEqualTo(LocalDate.of(2020, 5, 1));
            assertThat(grace.notes()).isEqualTo("likes nanoseconds");
            assertThat(grace.strengths()).isEqualTo("compilers");
            assertThat(grace.tags()).containsExactly("COBOL", "navy");
            assertThat(grace.circles()).containsExactly("Mentors");
            assertThat(grace.ownCadence()).isEqualTo(Cadence.parse("6w"));
            assertThat(grace.days().days()).isEqualTo(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));

            String page = ada.get(location).body();
            assertThat(page).contains("Added.").contains("<h1 class=\"contact-title\">Grace Hopper</h1>");

            // Addresses pasted as a mail program writes them, parted by commas or semicolons.
            Map<String, String> pasted = new java.util.HashMap<>(Map.of("name", "Alan Kay", "emails", "alan@example.org, kay@example.net; ak@example.com"));
            assertThat(ada.post("/contacts/new", pasted).statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().resolve(app.owner, "Alan Kay").emails())
                    .containsExactly("alan@example.org", "kay@example.net", "ak@example.com");
            // With their names, as a mail program's To: line holds them, a name in quotes with a comma in it too.
            Map<String, String> named = new java.util.HashMap<>(Map.of("name", "Adele Goldberg",
                    "emails", "\"Goldberg, Adele\" <adele@example.org>; Adele G. <ag@example.net>\nMs Goldberg <goldberg@example.com>"));
            assertThat(ada.post("/contacts/new", named).statusCode()).isEqualTo(303);
            Contact adele = app.kith.contacts().resolve(app.owner, "Adele Goldberg");
            assertThat(adele.emails()).containsExactly("adele@example.org", "ag@example.net", "goldberg@example.com");
            // Saved again with one of them written with its name: nothing changes.
            assertThat(ada.post("/contacts/" + adele.id(), Map.of("name", "Adele Goldberg",
                    "emails", "adele@example.org\nAdele G. <ag@example.net>\ngoldberg@example.com")).statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().get(app.owner, adele.id()).emails())
                    .containsExactly("adele@example.org", "ag@example.net", "goldberg@example.com");
            // A line with one address is that address, whatever it holds: one an older version stored with a semicolon
            // (now refused when given) is saved again as it is.
            Contact odd = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Odd Address").emails(List.of("ab@example.org")).build());
            db.database().jdbi().useHandle(handle -> handle.execute("UPDATE contact_emails SET email = 'a;b@example.org' WHERE contact_id = ?", odd.id()));
            assertThat(ada.post("/contacts/" + odd.id(), Map.of("name", "Odd Address", "emails", "a;b@example.org", "city", "Oslo"))
                    .statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().get(app.owner, odd.id()).emails()).containsExactly("a;b@example.org");
        }
    }

    @BothDatabases
    void aContactLikeOneAlreadyThereIsAskedAboutWithTheFormAsTypedAndAddedOnlyWhenAddedAnyway(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            assertThat(ada.post("/contacts/new", graceForm()).statusCode()).isEqualTo(303);
            Contact grace = app.kith.contacts().resolve(app.owner, "Grace Hopper");
            Map<String, String> again = graceForm();
            again.put("name", "grace hopper");
            again.put("emails", "someone@example.org");

            HttpResponse<String> asked = ada.post("/contacts/new", again);

            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(asked.body())
                    .contains("Nothing was added yet: you may already have them.")
                    .containsPattern("<a href=\"/contacts/" + grace.id() + "\">Grace Hopper</a>\\s*\\(the same name\\)")
                    .contains("<button type=\"submit\" name=\"anyway\" value=\"yes\">Add anyway</button>")
                    .contains("value=\"grace hopper\"")
                    .contains(">someone@example.org</textarea>")
                    .doesNotContain(">Add contact</button>");
            assertThat(app.kith.contacts().list(app.owner, ContactFilter.ALL)).hasSize(1);

            again.put("anyway", "yes");
            HttpResponse<String> added = ada.post("/contacts/new", again);
            assertThat(added.statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().list(app.owner, ContactFilter.ALL))
                    .extracting(Contact::name).containsExactlyInAnyOrder("Grace Hopper", "grace hopper");
        }
    }

    @BothDatabases
    void anEditThatWouldMakeAContactLikeAnotherIsAskedAboutAndSavedOnlyWhenSavedAnyway(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            assertThat(ada.post("/contacts/new", graceForm()).statusCode()).isEqualTo(303);
            Contact grace = app.kith.contacts().resolve(app.owner, "Grace Hopper");
            Contact alan = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Alan Turing").build());
            Map<String, String> edit = new java.util.HashMap<>(Map.of("name", "Alan Turing", "emails", "grace@navy.mil"));

            HttpResponse<String> asked = ada.post("/contacts/" + alan.id(), edit);

            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(asked.body())
                    .contains("Nothing was saved yet: you may already have them.")
                    .containsPattern("<a href=\"/contacts/" + grace.id() + "\">Grace Hopper</a>\\s*\\(also has grace@navy.mil\\)")
                    .contains("With these changes, this contact would look like one you already have:")
                    .contains("<details id=\"edit\" class=\"contact-edit\" open>")
                    .contains("<button type=\"submit\" name=\"anyway\" value=\"yes\">Save anyway</button>")
                    .contains(">grace@navy.mil</textarea>");
            assertThat(app.kith.contacts().get(app.owner, alan.id()).emails()).isEmpty();

            edit.put("anyway", "yes");
            assertThat(ada.post("/contacts/" + alan.id(), edit).statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().get(app.owner, alan.id()).emails()).containsExactly("grace@navy.mil");
        }
    }

    @BothDatabases
    void aRefusedNewContactComesBackAsTypedWithTheMessageBesideItsFieldAndNothingSaved(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            Map<String, String> form = graceForm();
            form.put("emails", "grace@navy.mil\nnot-an-address");

            HttpResponse<String> refused = ada.post("/contacts/new", form);

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body())
                    .contains("Nothing was saved")
                    .containsPattern("(?s)name=\"emails\"[^>]*aria-invalid=\"true\"[^>]*>grace@navy.mil\nnot-an-address</textarea>\\s*"
                            + "<p class=\"field-error\" id=\"c-emails-error\">'not-an-address' is not an email address")
                    .contains("value=\"Grace Hopper\"").contains("value=\"US Navy\"").contains(">likes nanoseconds</textarea>")
                    .contains("value=\"6w\"").contains("value=\"2020-05-01\"")
                    .containsPattern("value=\"Mentors\" checked")
                    .containsPattern("value=\"mon\" checked");
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isZero();

            form.put("emails", "");
            form.put("name", "  ");
            HttpResponse<String> nameless = ada.post("/contacts/new", form);
            assertThat(nameless.statusCode()).isEqualTo(422);
            assertThat(nameless.body()).containsPattern("id=\"c-name-error\">A contact needs a name");

            // Several fields wrong at once: each said beside its own, the first in the form focused, nothing saved.
            form.put("emails", "not-an-address");
            form.put("company", "C".repeat(501));
            form.put("timezone", "Mars/Olympus");
            HttpResponse<String> several = ada.post("/contacts/new", form);
            assertThat(several.statusCode()).isEqualTo(422);
            assertThat(several.body()).contains("Nothing was saved: see the 4 fields marked below.")
                    .contains("id=\"c-name-error\">A contact needs a name")
                    .contains("id=\"c-emails-error\">'not-an-address' is not an email address")
                    .contains("id=\"c-company-error\">The company is too long (501 characters): at most 500.")
                    .contains("id=\"c-timezone-error\">")
                    .containsPattern("<input id=\"c-name\"[^>]*autofocus")
                    .contains("value=\"Mars/Olympus\"");
            assertThat(several.body().split("autofocus", -1)).hasSize(2);
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isZero();

            // A date and a cadence the form cannot read are said with the rest, not before them.
            form.put("metOn", "2020-13-45");
            form.put("every", "fortnightly");
            HttpResponse<String> unreadable = ada.post("/contacts/new", form);
            assertThat(unreadable.statusCode()).isEqualTo(422);
            assertThat(unreadable.body()).contains("Nothing was saved: see the 6 fields marked below.")
                    .contains("id=\"c-name-error\">A contact needs a name")
                    .contains("id=\"c-company-error\">")
                    .contains("id=\"c-met-on-error\">")
                    .contains("id=\"c-every-error\">")
                    .contains("value=\"2020-13-45\"").contains("value=\"fortnightly\"")
                    .containsPattern("<input id=\"c-name\"[^>]*autofocus");
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isZero();

            // The same on an edit: the stored contact stays as it was.
            Contact grace = add(app, ContactChanges.builder().name("Grace Hopper").company("US Navy"));
            Map<String, String> edit = graceForm();
            edit.put("company", "C".repeat(501));
            edit.put("birthday", "1906-02-30");
            HttpResponse<String> editRefused = ada.post("/contacts/" + grace.id(), edit);
            assertThat(editRefused.statusCode()).isEqualTo(422);
            assertThat(editRefused.body()).contains("Nothing was saved: see the 2 fields marked in")
                    .contains("id=\"c-company-error\">").contains("id=\"c-birthday-error\">")
                    .containsPattern("<input id=\"c-company\"[^>]*autofocus");
            assertThat(app.kith.contacts().get(app.owner, grace.id())).isEqualTo(grace);
        }
    }

    @BothDatabases
    void tooManyTagsOrACircleGoneMeanwhileComeBackBesideTheirFieldAndAFormSentAsAFileIsRefused(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            Map<String, String> form = graceForm();
            form.put("tags", String.join(",", java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> "t" + i).toList()));
            form.put("birthday", "1906-02-30");
            form.put("emails", String.join("\n", java.util.Collections.nCopies(101, "grace@navy.mil")));
            HttpResponse<String> tooMany = ada.post("/contacts/new", form);
            assertThat(tooMany.statusCode()).isEqualTo(422);
            // Too many is said with the other fields' errors, not instead of them.
            assertThat(tooMany.body()).contains("id=\"c-tags-error\">5000 tags are more than a contact may have: at most 200")
                    .contains("id=\"c-emails-error\">101 emails are more than a contact may have: at most 100")
                    .contains("id=\"c-birthday-error\">").contains("Nothing was saved: see the 3 fields marked below")
                    .contains("value=\"Grace Hopper\"");
            form.put("birthday", "1906-12-09");
            form.put("emails", "grace@navy.mil");
            // On an edit too: the form counts the lists as they would be, beside the other fields' errors.
            Contact grace = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Grace Hopper").build());
            form.put("birthday", "1906-02-30");
            HttpResponse<String> editTooMany = ada.post("/contacts/" + grace.id(), form);
            assertThat(editTooMany.statusCode()).isEqualTo(422);
            assertThat(editTooMany.body()).contains("id=\"c-tags-error\">5000 tags are more than a contact may have: at most 200")
                    .contains("id=\"c-birthday-error\">").contains("Nothing was saved: see the 2 fields marked");
            assertThat(app.kith.contacts().get(app.owner, grace.id()).tags()).isEmpty();
            app.kith.contacts().delete(app.owner, grace.id());
            form.put("birthday", "1906-12-09");

            // A circle removed (or renamed) in another tab since the form was shown.
            form.put("tags", "navy");
            form.put("circles", "Gone");
            HttpResponse<String> gone = ada.post("/contacts/new", form);
            assertThat(gone.statusCode()).isEqualTo(422);
            assertThat(gone.body()).contains("id=\"c-circles-error\">There is no circle named 'Gone'")
                    .contains("value=\"Grace Hopper\"").contains(">likes nanoseconds</textarea>")
                    // The first of the circles' boxes takes the focus, and each points at the message.
                    .containsPattern("name=\"circles\" value=\"Mentors\"[^>]*aria-describedby=\"c-circles-error\" autofocus>");
            assertThat(gone.body().split("autofocus", -1)).hasSize(2);
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isZero();

            // Only the Import page takes a file: a form sent as one (which could be 20 MiB) is refused unread.
            String boundary = "kith-test-boundary";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + ada.csrf + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nVia Multipart\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"notes\"; filename=\"big.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\n" + "x".repeat(2 * 1024 * 1024) + "\r\n--" + boundary + "--\r\n";
            HttpResponse<String> multipart = ada.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/contacts/new")))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(multipart.statusCode()).isEqualTo(415);
            assertThat(multipart.body()).contains("Only the Import page takes files").contains("Back to Today");
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isZero();

            // A body that is no form is not read as one, whatever it holds: a page elsewhere may send text/plain unasked.
            for (String type : List.of("text/plain", "application/json", "text/plain; charset=utf-8")) {
                HttpResponse<String> other = ada.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/contacts/new")))
                        .header("Content-Type", type)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + ada.csrf + "&name=Via+Text")).build());
                assertThat(other.statusCode()).as(type).isEqualTo(415);
                assertThat(other.body()).contains("Kith's pages send forms (application/x-www-form-urlencoded), and this"
                        + " request's body is not one: send the form from its page").contains("Back to Today");
            }
            // Nor is a body sent with no type at all.
            HttpResponse<String> untyped = ada.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/contacts/new")))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + ada.csrf + "&name=No+Type")).build());
            assertThat(untyped.statusCode()).isEqualTo(415);
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isZero();
            // A form in a character set no one can read is refused as such, before anything reads it (it was a 500),
            // signed in or not.
            for (String charset : List.of("bogus", "utf-7", "\"")) {
                for (String path : List.of("/contacts/new", "/login")) {
                    HttpResponse<String> unread = ada.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url(path)))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=" + charset)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + ada.csrf + "&name=Odd+Set")).build());
                    assertThat(unread.statusCode()).as(charset + " " + path).isEqualTo(415);
                    assertThat(unread.body()).as(charset).contains("send it in UTF-8, as Kith");
                }
            }
            // A request with no body and no type is no body of another type: the token in its header is enough.
            HttpResponse<String> bodiless = ada.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/contacts/new")))
                    .header("X-CSRF-Token", ada.csrf).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertThat(bodiless.statusCode()).isEqualTo(422);
            assertThat(bodiless.body()).contains("id=\"c-name-error\"");
            // As a form, in any case, with its charset, it is one.
            HttpResponse<String> upper = ada.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/contacts/new")))
                    .header("Content-Type", "Application/X-WWW-Form-Urlencoded; charset=UTF-8")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + ada.csrf + "&name=Via+Form")).build());
            assertThat(upper.statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isOne();
        }
    }

    @BothDatabases
    void aContactImportedWithMoreTagsThanTheLimitIsStillEditedByItsForm(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            List<String> many = java.util.stream.IntStream.range(0, 250).mapToObj(i -> "t" + i).toList();
            String card = String.join("\r\n", "BEGIN:VCARD", "VERSION:3.0", "FN:Ola Nordmann", "CATEGORIES:" + String.join(",", many),
                    "END:VCARD", "");
            app.kith.imports().run(app.owner, ImportFormat.VCARD, card.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    ImportService.Options.NONE, ImportService.Progress.NONE);
            Contact ola = app.kith.contacts().list(app.owner, ContactFilter.ALL).get(0);
            WebApp.Client ada = app.signedIn("ada");
            Map<String, String> form = new LinkedHashMap<>(Map.of("name", "Ola Nordmann", "city", "Oslo", "tags", String.join(", ", many)));
            assertThat(ada.post("/contacts/" + ola.id(), form).statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().get(app.owner, ola.id()).city()).isEqualTo("Oslo");
            form.put("tags", String.join(", ", many) + ", one more");
            HttpResponse<String> grown = ada.post("/contacts/" + ola.id(), form);
            assertThat(grown.statusCode()).isEqualTo(422);
            assertThat(grown.body()).contains("251 tags are more than a contact may have: at most 200");
            form.put("tags", "");
            assertThat(ada.post("/contacts/" + ola.id(), form).statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().get(app.owner, ola.id()).tags()).isEmpty();
        }
    }

    // --- a contact's page -----------------------------------------------------------------------------------

    @BothDatabases
    void theContactPageShowsTheDetailsTheCadenceAndTheTimelineWithItsNotesNewestFirst(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = add(app, ContactChanges.builder().name("Grace Hopper").circles(List.of("Mentors"))
                    .emails(List.of("grace@navy.mil")).notes("likes nanoseconds")
                    .birthday(Birthday.parse("--12-09")).days("tue,thu"));
            Contact alan = add(app, ContactChanges.builder().name("Alan Kay"));
            app.kith.interactions().log(app.owner, List.of(grace.id()), Kind.COFFEE, TODAY.minusDays(20), "talked about COBOL");
            app.kith.interactions().log(app.owner, List.of(grace.id(), alan.id()), Kind.MEAL, TODAY.minusDays(3), "dinner\nwith Alan");

            HttpResponse<String> page = app.signedIn("ada").get("/contacts/" + grace.id());

            assertThat(page.statusCode()).isEqualTo(200);
            String body = page.body();
            assertThat(body).contains("Every 1 month (from their circles)").contains("Mentors")
                    .contains("<dt>Last touch</dt><dd>Sat 7 Mar 2026</dd>")
                    .contains("<dt>Next due</dt><dd>Tue 7 Apr 2026</dd>")
                    .contains("<dt>Birthday</dt><dd>9 Dec</dd>").contains("<dt>Contact on</dt><dd>Tue and Thu</dd>")
                    .contains("<time datetime=\"2026-03-07\">Sat 7 Mar 2026</time>")
                    .contains("<a href=\"mailto:grace@navy.mil\">grace@navy.mil</a>")
                    .contains("likes nanoseconds")
                    .contains("with <a href=\"/contacts/" + alan.id() + "\">Alan Kay</a>");
            assertThat(body.indexOf("dinner\nwith Alan")).isPositive().isLessThan(body.indexOf("talked about COBOL"));
            assertEveryFieldIsLabelled(body);
        }
    }

    @BothDatabases
    void anEditReplacesEveryFieldAndList(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            Contact grace = addedThroughTheForm(app, ada);
            Map<String, String> form = formOf(ada.get("/contacts/" + grace.id()).body());
            form.put("emails", "GRACE@navy.mil\nnew@example.com");
            form.put("phones", "");
            form.put("company", "");
            form.put("tags", "compilers, navy");
            form.remove("circles");
            form.put("circles", "Role models");
            form.put("every", "");
            form.put("metOn", "");
            form.put("timezone", "Europe/Berlin");
            form.remove("days");

            HttpResponse<String> saved = ada.post("/contacts/" + grace.id(), form);

            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(saved.headers().firstValue("Location")).hasValue("/contacts/" + grace.id() + "?done=saved");
            Contact stored = app.kith.contacts().get(app.owner, grace.id());
            assertThat(stored.emails()).containsExactly("grace@navy.mil", "new@example.com");
            assertThat(stored.phones()).isEmpty();
            assertThat(stored.company()).isNull();
            assertThat(stored.tags()).containsExactly("compilers", "navy");
            assertThat(stored.circles()).containsExactly("Role models");
            assertThat(stored.ownCadence()).isNull();
            assertThat(stored.cadence()).isEqualTo(Cadence.parse("6m"));
            assertThat(stored.metOn()).isNull();
            assertThat(stored.metHow()).isEqualTo("a COBOL conference");
            assertThat(stored.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(stored.days().any()).isTrue();
            assertThat(ada.get("/contacts/" + grace.id() + "?done=saved").body()).contains("Saved.");
        }
    }

    @BothDatabases
    void aRefusedEditComesBackAsTypedWith422AndSavesNothing(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            Contact before = addedThroughTheForm(app, ada);
            Map<String, String> form = formOf(ada.get("/contacts/" + before.id()).body());
            form.put("name", "Amazing Grace");
            form.put("notes", "typed but refused");
            form.put("every", "fortnightly");

            HttpResponse<String> refused = ada.post("/contacts/" + before.id(), form);

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body())
                    .contains("<details id=\"edit\" class=\"contact-edit\" open>")
                    .contains("value=\"Amazing Grace\"").contains(">typed but refused</textarea>")
                    .containsPattern("value=\"fortnightly\"[^>]*aria-invalid=\"true\"[^>]*>\\s*<p class=\"field-error\" id=\"c-every-error\">"
                            + "'fortnightly' is not a duration");
            // The field with the error takes the focus as the page loads (scrolled to, read with its error), and only it.
            assertThat(refused.body()).containsPattern("<input id=\"c-every\"[^>]*autofocus[^>]*>");
            assertThat(refused.body().split("autofocus", -1)).hasSize(2);
            assertThat(app.kith.contacts().get(app.owner, before.id())).isEqualTo(before);

            // Three fields the form reads wrong: each said beside its own, the first in the form's order focused.
            form.put("birthday", "1990-02-30");
            form.put("metOn", "someday");
            HttpResponse<String> two = ada.post("/contacts/" + before.id(), form);
            assertThat(two.statusCode()).isEqualTo(422);
            assertThat(two.body()).contains("id=\"c-met-on-error\">'someday' is not a date")
                    .contains("id=\"c-birthday-error\">'1990-02-30' is not a birthday: there is no such day")
                    .contains("id=\"c-every-error\">'fortnightly' is not a duration")
                    .containsPattern("<input id=\"c-met-on\"[^>]*autofocus");
            assertThat(two.body().split("autofocus", -1)).hasSize(2);
            assertThat(app.kith.contacts().get(app.owner, before.id())).isEqualTo(before);
            form.put("metOn", "");
            form.put("birthday", "");

            form.put("every", "6w");
            form.put("company", "N".repeat(501));
            HttpResponse<String> tooLong = ada.post("/contacts/" + before.id(), form);
            assertThat(tooLong.statusCode()).isEqualTo(422);
            assertThat(tooLong.body()).contains("id=\"c-company-error\">The company is too long (501 characters): at most 500.");
            assertThat(app.kith.contacts().get(app.owner, before.id())).isEqualTo(before);
        }
    }

    @BothDatabases
    void aBirthdayIsShownAndEditedWithOrWithoutItsYear(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            Contact grace = addedThroughTheForm(app, ada);
            String path = "/contacts/" + grace.id();
            Map<String, String> form = formOf(ada.get(path).body());
            assertThat(form).containsEntry("birthday", "");

            form.put("birthday", "1990-02-30");
            HttpResponse<String> refused = ada.post(path, form);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("value=\"1990-02-30\"")
                    .contains("id=\"c-birthday-error\">'1990-02-30' is not a birthday: there is no such day (check the month and the day).");
            assertThat(app.kith.contacts().get(app.owner, grace.id()).birthday()).isNull();

            form.put("birthday", "--12-09");
            assertThat(ada.post(path, form).statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().get(app.owner, grace.id()).birthday().text()).isEqualTo("--12-09");
            assertThat(ada.get(path).body()).contains("<dt>Birthday</dt><dd>9 Dec</dd>").contains("value=\"--12-09\"");

            form.put("birthday", "1906-12-09");
            ada.post(path, form);
            assertThat(app.kith.contacts().get(app.owner, grace.id()).birthday().text()).isEqualTo("1906-12-09");
            assertThat(ada.get(path).body()).contains("<dt>Birthday</dt><dd>9 Dec 1906</dd>");
            form.put("birthday", "");
            ada.post(path, form);
            assertThat(app.kith.contacts().get(app.owner, grace.id()).birthday()).isNull();
        }
    }

    @BothDatabases
    void namesAndNotesWithMarkupQuotesAndEmojiAreShownEscapedAsTyped(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            Map<String, String> form = graceForm();
            form.put("name", ODD_NAME);
            form.put("notes", "<b>bold</b> \"quoted\" 'single' 🎉");
            HttpResponse<String> added = ada.post("/contacts/new", form);
            assertThat(added.statusCode()).isEqualTo(303);
            Contact odd = app.kith.contacts().resolve(app.owner, "O'Brien");
            assertThat(odd.name()).isEqualTo(ODD_NAME);
            app.kith.interactions().log(app.owner, List.of(odd.id()), Kind.CALL, TODAY, "<img src=x> \"said\" 🎉");

            String page = ada.get("/contacts/" + odd.id()).body();
            String list = ada.get("/contacts?q=brien").body();

            for (String body : List.of(page, list)) {
                assertThat(body).doesNotContain("<script>alert").contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; O'Brien &amp; \"Q\" 🎉");
            }
            assertThat(page).doesNotContain("<b>bold</b>").doesNotContain("<img src=x>")
                    .contains("&lt;b&gt;bold&lt;/b&gt; \"quoted\" 'single' 🎉")
                    .contains("&lt;img src=x&gt; \"said\" 🎉")
                    .contains("<title>&lt;script&gt;");
            // In an attribute, quotes are escaped too: the edit form's name field.
            assertThat(page).contains("value=\"&lt;script>alert(&#34;x&#34;)&lt;/script> O&#39;Brien &amp; &#34;Q&#34; 🎉\"");
        }
    }

    // --- logging, snoozing, away, archive -------------------------------------------------------------------

    @BothDatabases
    void theLogFormOffersTheKindTodaySuggests(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            app.kith.accounts().updateProfile(app.owner, new app.kith.account.ProfileChanges(null, "Lyon", "France", null, null, null));
            WebApp.Client ada = app.signedIn("ada");
            Map<String, String> suggested = Map.of("Nell Near", "coffee", "Fay Far", "video", "Una Unplaced", "message");
            Map<String, String> cities = Map.of("Nell Near", "Lyon", "Fay Far", "Tokyo");
            for (Map.Entry<String, String> person : suggested.entrySet()) {
                ContactChanges.Builder changes = ContactChanges.builder().name(person.getKey());
                if (cities.containsKey(person.getKey())) {
                    changes.city(cities.get(person.getKey()));
                }
                Contact contact = add(app, changes);
                String page = ada.get("/contacts/" + contact.id()).body();
                String select = page.substring(page.indexOf("<select id=\"touch-kind\""), page.indexOf("</select>", page.indexOf("<select id=\"touch-kind\"")));
                assertThat(select).as(person.getKey()).contains("<option value=\"" + person.getValue() + "\" selected>")
                        .containsOnlyOnce("selected");
                if (person.getKey().equals("Fay Far")) {
                    // No time zone of her own: Tokyo's is taken, and the page says so.
                    assertThat(page).contains("Tokyo <span class=\"hint\">(Asia/Tokyo, from where they live)</span>");
                }
            }
            // A state's code after the city, read as one of the user's own country's: OR may be Oristano's in France's eyes.
            Contact portland = add(app, ContactChanges.builder().name("Pat Portland").city("Portland, OR"));
            assertThat(ada.get("/contacts/" + portland.id()).body()).contains("Portland, OR</dd>");
            app.kith.accounts().updateProfile(app.owner, new app.kith.account.ProfileChanges(null, "Boston", "US", null, null, null));
            assertThat(ada.get("/contacts/" + portland.id()).body())
                    .contains("Portland, OR <span class=\"hint\">(America/Los_Angeles, from where they live)</span>");
        }
    }

    @BothDatabases
    void aTouchLoggedOnTheContactPageJoinsTheTimelineAndARefusedOneKeepsItsNote(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = add(app, ContactChanges.builder().name("Grace Hopper").circles(List.of("Mentors")));
            WebApp.Client ada = app.signedIn("ada");
            String path = "/contacts/" + grace.id();

            HttpResponse<String> logged = ada.post(path + "/log", Map.of("kind", "video", "on", TODAY.minusDays(2).toString(),
                    "note", "talked about nanoseconds"));
            assertThat(logged.statusCode()).isEqualTo(303);
            assertThat(logged.headers().firstValue("Location")).hasValue(path + "?done=logged");
            List<Interaction> timeline = app.kith.interactions().timeline(app.owner, grace.id());
            assertThat(timeline).extracting(Interaction::note).containsExactly("talked about nanoseconds");
            assertThat(timeline.get(0).kind()).isEqualTo(Kind.VIDEO);
            assertThat(ada.get(path + "?done=logged").body()).contains("Logged.").contains("talked about nanoseconds");

            HttpResponse<String> future = ada.post(path + "/log", Map.of("kind", "coffee", "on", "2026-04-01", "note", "a plan"));
            assertThat(future.statusCode()).isEqualTo(422);
            assertThat(future.body()).contains("id=\"touch-on-error\">The date 2026-04-01 is in the future")
                    .containsPattern("<input id=\"touch-on\"[^>]*value=\"2026-04-01\"[^>]*aria-invalid=\"true\"[^>]*autofocus")
                    .contains(">a plan</textarea>");
            assertThat(ada.get(path).body()).as("the day picker offers no day after today")
                    .containsPattern("<input id=\"touch-on\"[^>]*max=\"" + TODAY + "\"");
            HttpResponse<String> longNote = ada.post(path + "/log", Map.of("kind", "coffee", "on", TODAY.toString(), "note", "n".repeat(20_001)));
            assertThat(longNote.statusCode()).isEqualTo(422);
            assertThat(longNote.body()).contains("id=\"touch-note-error\">The note is too long (20001 characters): at most 20000.");
            // Going back or forward to where a refused touch was shown asks for the contact's page.
            HttpResponse<String> again = ada.get(path + "/log");
            assertThat(again.statusCode()).isEqualTo(303);
            assertThat(again.headers().firstValue("Location")).hasValue(path);
            HttpResponse<String> badDay = ada.post(path + "/log", Map.of("kind", "coffee", "on", "yesterday-ish", "note", "kept"));
            assertThat(badDay.statusCode()).isEqualTo(422);
            assertThat(badDay.body()).contains("id=\"touch-on-error\">'yesterday-ish' is not a date").contains(">kept</textarea>");
            // A pasted page of text is quoted on one line, cut short.
            HttpResponse<String> pasted = ada.post(path + "/log", Map.of("kind", "coffee", "on", "2026\n" + "x".repeat(5000)));
            assertThat(pasted.statusCode()).isEqualTo(422);
            assertThat(pasted.body()).contains("id=\"touch-on-error\">'2026 " + "x".repeat(54) + "…' is not a date");
            // Every field in error is said at once, each beside its own; the first takes the focus.
            HttpResponse<String> all = ada.post(path + "/log", Map.of("kind", "carrier pigeon", "on", "2026-04-01", "note", "n".repeat(20_001)));
            assertThat(all.statusCode()).isEqualTo(422);
            assertThat(all.body()).contains("id=\"touch-kind-error\">").contains("id=\"touch-on-error\">The date 2026-04-01 is in the future")
                    .contains("id=\"touch-note-error\">The note is too long (20001 characters)")
                    .containsPattern("<select id=\"touch-kind\"[^>]*autofocus");
            assertThat(all.body().split("autofocus", -1)).hasSize(2);
            assertThat(app.kith.interactions().timeline(app.owner, grace.id())).hasSize(1);
        }
    }

    @BothDatabases
    void snoozingFromTheContactPageComesBackToIt(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = add(app, ContactChanges.builder().name("Grace Hopper").circles(List.of("Mentors")));
            WebApp.Client ada = app.signedIn("ada");
            String path = "/contacts/" + grace.id();
            assertThat(ada.get(path).body()).contains("action=\"" + path + "/snooze\"").contains("name=\"back\" value=\"" + path + "?done=snoozed\"");

            HttpResponse<String> snoozed = ada.post(path + "/snooze", Map.of("for", "1w", "back", path + "?done=snoozed"));

            assertThat(snoozed.statusCode()).isEqualTo(303);
            assertThat(snoozed.headers().firstValue("Location")).hasValue(path + "?done=snoozed");
            assertThat(app.kith.contacts().get(app.owner, grace.id()).snoozedUntil()).isEqualTo(TODAY.plusDays(6));
        }
    }

    @BothDatabases
    void awayMovesTheDueDateAndAPastDateIsRefusedBesideItsField(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = add(app, ContactChanges.builder().name("Grace Hopper").every(Cadence.parse("1w")));
            WebApp.Client ada = app.signedIn("ada");
            String path = "/contacts/" + grace.id();

            HttpResponse<String> away = ada.post(path + "/away", Map.of("until", "2026-05-01"));
            assertThat(away.statusCode()).isEqualTo(303);
            Contact stored = app.kith.contacts().get(app.owner, grace.id());
            assertThat(stored.awayUntil()).isEqualTo(LocalDate.of(2026, 5, 1));
            assertThat(stored.dueOn()).isEqualTo(LocalDate.of(2026, 5, 2));
            assertThat(ada.get(path + "?done=away").body()).contains("<dt>Away</dt><dd>through Fri 1 May 2026")
                    .contains("<dt>Next due</dt><dd>Sat 2 May 2026 (away)</dd>");

            HttpResponse<String> past = ada.post(path + "/away", Map.of("until", "2026-01-01"));
            assertThat(past.statusCode()).isEqualTo(422);
            assertThat(past.body()).contains("value=\"2026-01-01\"").contains("id=\"away-until-error\">The date 2026-01-01 is in the past")
                    // The date picker offers no day gone by, as the touch's offers no day to come.
                    .containsPattern("<input id=\"away-until\" name=\"until\" type=\"date\" value=\"2026-01-01\" min=\"" + LocalDate.now(clock) + "\"");
            HttpResponse<String> back = ada.post(path + "/away/end", Map.of());
            assertThat(back.statusCode()).isEqualTo(303);
            assertThat(back.headers().firstValue("Location")).hasValue(path + "?done=back");
            assertThat(app.kith.contacts().get(app.owner, grace.id()).awayUntil()).isNull();
            assertThat(ada.get(path + "?done=back").body()).contains("Noted: they are back.").doesNotContain("<dt>Away</dt>");
            ada.post(path + "/away", Map.of("until", "2026-05-01"));
            HttpResponse<String> tooFar = ada.post(path + "/away", Map.of("until", "+999999999-12-31"));
            assertThat(tooFar.statusCode()).isEqualTo(422);
            assertThat(tooFar.body()).contains("is out of range: use a date from 0001-01-01 to 9999-12-31");
            assertThat(app.kith.contacts().get(app.owner, grace.id()).awayUntil()).isEqualTo(LocalDate.of(2026, 5, 1));
        }
    }

    @BothDatabases
    void aSnoozeOrAnAwayDateThatIsOverIsNoLongerShown(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = add(app, ContactChanges.builder().name("Grace Hopper").every(Cadence.parse("1w")));
            Contact alan = add(app, ContactChanges.builder().name("Alan Kay").every(Cadence.parse("1w")));
            // Set a month ago, over since: kept as history, not shown as if it still held.
            app.kith.contacts().snooze(app.owner, grace.id(), TODAY.minusDays(1), TODAY.minusDays(30));
            app.kith.contacts().away(app.owner, grace.id(), TODAY.minusDays(2), TODAY.minusDays(30));
            // Through today: still holds.
            app.kith.contacts().snooze(app.owner, alan.id(), TODAY, TODAY.minusDays(30));
            app.kith.contacts().away(app.owner, alan.id(), TODAY, TODAY.minusDays(30));
            WebApp.Client ada = app.signedIn("ada");

            String over = ada.get("/contacts/" + grace.id()).body();
            assertThat(over).doesNotContain("<dt>Snoozed</dt>").doesNotContain("<dt>Away</dt>").doesNotContain("End the snooze");
            String holding = ada.get("/contacts/" + alan.id()).body();
            assertThat(holding).contains("<dt>Snoozed</dt><dd>through Tue 10 Mar 2026").contains("<dt>Away</dt><dd>through Tue 10 Mar 2026");
            // The list says why a date waits, where a snooze or an absence put it. One that is over says nothing, nor
            // one that holds but ends before the date would come anyway (Alan's, through today, due in a week).
            Contact linus = add(app, ContactChanges.builder().name("Linus Torvalds").every(Cadence.parse("1w")));
            app.kith.contacts().snooze(app.owner, linus.id(), TODAY.plusDays(10), TODAY);
            String list = ada.get("/contacts").body();
            assertThat(list).contains("<td data-label=\"Next due\">Sat 21 Mar 2026 (snoozed)</td>")
                    .contains("<td data-label=\"Next due\">Tue 17 Mar 2026</td>").doesNotContain("(away)");
            assertThat(list.split("Tue 17 Mar 2026</td>", -1)).hasSize(3);
            // Through the last date there is: for good, and never due.
            app.kith.contacts().away(app.owner, alan.id(), LocalDate.of(9999, 12, 31), TODAY);
            assertThat(ada.get("/contacts/" + alan.id()).body()).contains("<dt>Away</dt><dd>for good")
                    .contains("<dt>Next due</dt><dd>never, while away</dd>");
        }
    }

    @BothDatabases
    void deletingAContactAsksFirstThenTakesThemAndWhatTheyAloneTookPartIn(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = add(app, ContactChanges.builder().name("Grace Hopper").every(Cadence.parse("1w")));
            Contact alan = add(app, ContactChanges.builder().name("Alan Kay"));
            app.kith.interactions().log(app.owner, List.of(grace.id()), Kind.COFFEE, TODAY.minusDays(2), "just us");
            app.kith.interactions().log(app.owner, List.of(grace.id(), alan.id()), Kind.MEAL, TODAY.minusDays(1), "all of us");
            WebApp.Client ada = app.signedIn("ada");
            String path = "/contacts/" + grace.id();

            assertThat(ada.get(path).body()).contains("<a href=\"" + path + "/delete\">Delete Grace Hopper for good…</a>");
            HttpResponse<String> ask = ada.get(path + "/delete");
            assertThat(ask.statusCode()).isEqualTo(200);
            assertThat(ask.body()).contains("<h1>Delete Grace Hopper?</h1>")
                    .contains("Everything Kith keeps about them goes: their details, emails, phones and tags, and the one interaction they alone took part in.")
                    .contains("One interaction shared with others stays on those others' timelines, without them.")
                    .contains("action=\"" + path + "/delete\"").contains("It cannot be undone.");
            assertThat(app.kith.contacts().get(app.owner, grace.id())).isNotNull();

            HttpResponse<String> deleted = ada.post(path + "/delete", Map.of());
            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(deleted.headers().firstValue("Location")).hasValue("/contacts?done=deleted");
            assertThat(ada.get("/contacts?done=deleted").body()).contains("role=\"status\">Deleted, with the interactions they alone took part in.");
            assertThat(names(ada.get("/contacts"))).containsExactly("Alan Kay");
            assertThat(ada.get(path).statusCode()).isEqualTo(404);
            assertThat(ada.get(path + "/delete").statusCode()).isEqualTo(404);
            assertThat(app.kith.interactions().timeline(app.owner, alan.id())).extracting(Interaction::note).containsExactly("all of us");
        }
    }

    @BothDatabases
    void archivingTakesAContactOffTheListAndUnarchivingBringsItBack(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = add(app, ContactChanges.builder().name("Grace Hopper").every(Cadence.parse("1w")));
            WebApp.Client ada = app.signedIn("ada");
            String path = "/contacts/" + grace.id();

            HttpResponse<String> archived = ada.post(path + "/archive", Map.of("archive", "1"));
            assertThat(archived.statusCode()).isEqualTo(303);
            assertThat(app.kith.contacts().get(app.owner, grace.id()).archived()).isTrue();
            assertThat(names(ada.get("/contacts"))).isEmpty();
            assertThat(names(ada.get("/contacts?archived=1"))).containsExactly("Grace Hopper");
            assertThat(ada.get(path + "?done=archived").body()).contains("<span class=\"badge\">Archived</span>")
                    .contains("name=\"archive\" value=\"0\"").contains(">Unarchive</button>");

            assertThat(ada.post(path + "/archive", Map.of("archive", "0")).statusCode()).isEqualTo(303);
            Contact back = app.kith.contacts().get(app.owner, grace.id());
            assertThat(back.archived()).isFalse();
            assertThat(back.dueOn()).isNotNull();
            assertThat(names(ada.get("/contacts"))).containsExactly("Grace Hopper");
            assertThat(ada.post(path + "/archive", Map.of("archive", "maybe")).statusCode()).isEqualTo(422);
        }
    }

    // --- ids that are not yours, or not ids -----------------------------------------------------------------

    @BothDatabases
    void anotherUsersContactIsNotFoundOnEveryRouteThatTakesAnId(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = add(app, ContactChanges.builder().name("Grace Hopper").every(Cadence.parse("1w")).notes("secret"));
            WebApp.Client bob = app.signedIn("bob");
            String path = "/contacts/" + grace.id();

            HttpResponse<String> page = bob.get(path);
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).doesNotContain("Grace").doesNotContain("secret");
            for (Map.Entry<String, Map<String, String>> action : actions()) {
                HttpResponse<String> response = bob.post(path + action.getKey(), action.getValue());
                assertThat(response.statusCode()).as(action.getKey()).isEqualTo(404);
                assertThat(response.body()).as(action.getKey()).doesNotContain("Grace");
            }
            for (String address : List.of("/log", "/away", "/delete")) {
                assertThat(bob.get(path + address).statusCode()).as(address).isEqualTo(404);
            }
            Contact after = app.kith.contacts().get(app.owner, grace.id());
            assertThat(after).isEqualTo(grace);
            assertThat(app.kith.interactions().timeline(app.owner, grace.id())).isEmpty();
            assertThat(names(bob.get("/contacts?q=grace"))).isEmpty();
        }
    }

    @BothDatabases
    void aTouchLoggedByMistakeIsDeletedAndTheDueDateFollows(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = add(app, ContactChanges.builder().name("Grace Hopper").every(Cadence.parse("1w")));
            LocalDate today = LocalDate.now(clock);
            app.kith.interactions().log(app.owner, List.of(grace.id()), Kind.CALL, today.minusDays(10), "real call");
            long mistake = app.kith.interactions().log(app.owner, List.of(grace.id()), Kind.COFFEE, today, "wrong person").id();
            WebApp.Client ada = app.signedIn("ada");
            String path = "/contacts/" + grace.id();
            // The timeline links to a page that asks first, and says what will go.
            assertThat(ada.get(path).body()).contains("href=\"" + path + "/interactions/" + mistake + "/delete\"");
            HttpResponse<String> ask = ada.get(path + "/interactions/" + mistake + "/delete");
            assertThat(ask.statusCode()).isEqualTo(200);
            assertThat(ask.body()).contains("<h1>Delete the coffee of <time datetime=\"" + today + "\">" + Dates.written(today) + "</time>?</h1>").contains("wrong person")
                    .contains("It cannot be undone.").contains("action=\"" + path + "/interactions/" + mistake + "/delete\"");
            assertThat(app.kith.interactions().timeline(app.owner, grace.id())).hasSize(2);

            WebApp.Client bob = app.signedIn("bob");
            Contact bobs = app.kith.contacts().add(app.kith.accounts().actingAccount("bob", "ada").id(), ContactChanges.named("Linus"));
            assertThat(bob.post("/contacts/" + bobs.id() + "/interactions/" + mistake + "/delete", Map.of()).statusCode()).isEqualTo(404);
            assertThat(bob.get("/contacts/" + bobs.id() + "/interactions/" + mistake + "/delete").statusCode()).isEqualTo(404);
            assertThat(bob.get(path + "/interactions/" + mistake + "/delete").statusCode()).isEqualTo(404);
            assertThat(ada.get(path + "/interactions/999999/delete").statusCode()).isEqualTo(404);
            assertThat(ada.post(path + "/interactions/999999/delete", Map.of()).statusCode()).isEqualTo(404);
            assertThat(app.kith.interactions().timeline(app.owner, grace.id())).hasSize(2);

            HttpResponse<String> deleted = ada.post(path + "/interactions/" + mistake + "/delete", Map.of());
            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(deleted.headers().firstValue("Location")).hasValue(path + "?done=forgotten");
            assertThat(app.kith.interactions().timeline(app.owner, grace.id())).extracting(Interaction::note).containsExactly("real call");
            Contact after = app.kith.contacts().get(app.owner, grace.id());
            assertThat(after.lastTouch()).isEqualTo(today.minusDays(10));
            assertThat(after.dueOn()).isEqualTo(today.minusDays(3));
            assertThat(ada.get(path + "?done=forgotten").body()).contains("Deleted from the timeline").doesNotContain("wrong person");
        }
    }

    @BothDatabases
    void aMalformedOrUnknownIdIsNotFound(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            for (String id : List.of("abc", "12abc", "-1", "99999999999999999999", "1.5", "999999")) {
                assertThat(ada.get("/contacts/" + id).statusCode()).as(id).isEqualTo(404);
                for (Map.Entry<String, Map<String, String>> action : actions()) {
                    assertThat(ada.post("/contacts/" + id + action.getKey(), action.getValue()).statusCode())
                            .as(id + action.getKey()).isEqualTo(404);
                }
            }
        }
    }

    @BothDatabases
    void formsWithoutTheCsrfTokenAreRefused(TestDatabase db) {
        try (WebApp app = new WebApp(db, clock)) {
            Contact grace = add(app, ContactChanges.builder().name("Grace Hopper"));
            WebApp.Client ada = app.signedIn("ada");
            assertThat(ada.postRaw("/contacts/new", graceForm(), Map.of()).statusCode()).isEqualTo(403);
            for (Map.Entry<String, Map<String, String>> action : actions()) {
                assertThat(ada.postRaw("/contacts/" + grace.id() + action.getKey(), action.getValue(), Map.of()).statusCode())
                        .as(action.getKey()).isEqualTo(403);
            }
            assertThat(app.kith.contacts().get(app.owner, grace.id())).isEqualTo(grace);
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** Every state-changing route under /contacts/{id}, with a form that would succeed on one's own contact. */
    private static List<Map.Entry<String, Map<String, String>>> actions() {
        Map<String, String> edit = graceForm();
        edit.put("name", "Taken Over");
        return List.of(
                Map.entry("", edit),
                Map.entry("/log", Map.of("kind", "coffee", "note", "hello")),
                Map.entry("/away", Map.of("until", "2026-05-01")),
                Map.entry("/archive", Map.of("archive", "1")),
                Map.entry("/snooze", Map.of("for", "1w", "back", "/contacts")),
                Map.entry("/touches", Map.of("kind", "coffee")),
                Map.entry("/interactions/1/delete", Map.of()),
                Map.entry("/touches/1/undo", Map.of()),
                Map.entry("/snooze/end", Map.of()),
                Map.entry("/snooze/undo", Map.of()),
                Map.entry("/away/end", Map.of()),
                Map.entry("/delete", Map.of()));
    }

    /** Grace Hopper, added as a user adds a contact: through the form at /contacts/new. */
    private static Contact addedThroughTheForm(WebApp app, WebApp.Client client) {
        client.post("/contacts/new", graceForm());
        return app.kith.contacts().resolve(app.owner, "Grace Hopper");
    }

    private static Map<String, String> graceForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Grace Hopper");
        form.put("emails", "grace@navy.mil\r\nghopper@example.com\r\n");
        form.put("phones", "+1 555 0100");
        form.put("company", "US Navy");
        form.put("title", "Rear Admiral");
        form.put("city", "Arlington");
        form.put("country", "US");
        form.put("timezone", "America/New_York");
        form.put("linkedinUrl", "linkedin.com/in/grace-hopper");
        form.put("metHow", "a COBOL conference");
        form.put("metOn", "2020-05-01");
        form.put("notes", "likes nanoseconds");
        form.put("strengths", "compilers");
        form.put("tags", "navy, COBOL");
        form.put("circles", "Mentors");
        form.put("every", "6w");
        form.put("days", "mon,wed");
        return form;
    }

    private static Contact add(WebApp app, ContactChanges.Builder contact) {
        return app.kith.contacts().add(app.owner, contact.build());
    }

    private static final Pattern ROW_NAME = Pattern.compile("<th scope=\"row\" class=\"contact-name\"><a href=\"/contacts/\\d+\">([^<]*)</a>");

    /** The names in the list's rows, in order. */
    private static List<String> names(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        Matcher matcher = ROW_NAME.matcher(response.body());
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static final Pattern INPUT = Pattern.compile("<(input|textarea|select)\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

    /** Every visible field has a label: by {@code for} its id, or a label wrapping it (the checkboxes). */
    private static void assertEveryFieldIsLabelled(String html) {
        Matcher field = INPUT.matcher(html);
        int checked = 0;
        while (field.find()) {
            Map<String, String> attributes = attributes(field.group(2));
            String type = attributes.getOrDefault("type", "text");
            if (type.equals("hidden")) {
                continue;
            }
            if (type.equals("checkbox")) {
                String before = html.substring(Math.max(0, field.start() - 40), field.start());
                assertThat(before).as("a checkbox is wrapped in its label").endsWith("<label class=\"check\">");
            } else {
                assertThat(attributes).as(field.group()).containsKey("id");
                assertThat(html).as("a label for " + attributes.get("id")).contains("<label for=\"" + attributes.get("id") + "\">");
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(text);
        while (matcher.find()) {
            attributes.put(matcher.group(1), matcher.group(2));
        }
        return attributes;
    }

    /** The edit form's fields as the page fills them in (as a browser would post them back), lists joined. */
    private static Map<String, String> formOf(String page) {
        Map<String, String> form = new LinkedHashMap<>();
        String edit = page.substring(page.indexOf("<details id=\"edit\""));
        Matcher field = Pattern.compile("<(input|textarea)\\b([^>]*)>(?:([^<]*)</textarea>)?").matcher(edit);
        while (field.find()) {
            Map<String, String> attributes = attributes(field.group(2));
            String name = attributes.get("name");
            if (name == null || name.equals("_csrf")) {
                continue;
            }
            String value = field.group(1).equals("textarea") ? unescape(field.group(3)) : unescape(attributes.getOrDefault("value", ""));
            boolean checkbox = "checkbox".equals(attributes.get("type"));
            if (checkbox && !field.group(2).contains(" checked")) {
                continue;
            }
            form.merge(name, value, (a, b) -> a + "," + b);
        }
        return form;
    }

    private static String unescape(String html) {
        return html == null ? "" : html.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
