package app.kith.web;

import app.kith.contact.Circle;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CirclePagesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);

    @BothDatabases
    void theDefaultCirclesAreListedWithCadenceAndMemberCount(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            app.kith.contacts().add(app.owner, ContactChanges.builder().name("Grace Hopper").circles(List.of("Mentors")).build());
            HttpResponse<String> page = app.signedIn("ada").get("/circles");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Mentors").contains("every 1 month · 1 member")
                    .contains("Current team").contains("every 6 weeks · 0 members")
                    .contains("value=\"6w\"").contains("<label for=\"new-name\">").contains("<label for=\"new-cadence\">");
        }
    }

    @BothDatabases
    void addingRenamingRetimingAndRemovingACircleMovesItsMembersDueDates(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");

            HttpResponse<String> added = ada.post("/circles", Map.of("name", " Investors ", "cadence", "2m"));
            assertThat(added.statusCode()).isEqualTo(303);
            Circle investors = circle(app, "Investors");
            assertThat(investors.cadence().period()).isEqualTo(Period.ofMonths(2));
            assertThat(added.headers().firstValue("Location")).hasValue("/circles?done=added#circle-" + investors.id());
            assertThat(ada.get("/circles?done=added").body()).contains("<p class=\"notice\" role=\"status\">Circle added.</p>");
            assertThat(ada.get("/circles?done=%3Cb%3E").body()).as("only fixed words").doesNotContain("class=\"notice\"");
            Contact vera = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Vera").circles(List.of("Investors")).build());
            assertThat(vera.dueOn()).isEqualTo(TODAY.plusMonths(2));
            assertThat(ada.get("/circles").body()).contains("Investors").contains("every 2 months · 1 member");

            assertThat(ada.post("/circles/" + investors.id() + "/edit", Map.of("name", "Backers", "cadence", "2m")).statusCode())
                    .isEqualTo(303);
            assertThat(app.kith.circles().get(app.owner, investors.id()).name()).isEqualTo("Backers");
            assertThat(app.kith.contacts().get(app.owner, vera.id()).circles()).containsExactly("Backers");
            assertThat(app.kith.contacts().get(app.owner, vera.id()).dueOn()).isEqualTo(TODAY.plusMonths(2));

            assertThat(ada.post("/circles/" + investors.id() + "/edit", Map.of("name", "Backers", "cadence", "P6W")).statusCode())
                    .isEqualTo(303);
            assertThat(app.kith.circles().get(app.owner, investors.id()).cadence().period()).isEqualTo(Period.ofWeeks(6));
            assertThat(app.kith.contacts().get(app.owner, vera.id()).dueOn()).isEqualTo(TODAY.plusWeeks(6));
            assertThat(ada.get("/circles").body()).contains("every 6 weeks · 1 member");

            HttpResponse<String> confirm = ada.get("/circles/" + investors.id() + "/remove");
            assertThat(confirm.statusCode()).isEqualTo(200);
            assertThat(confirm.body()).contains("Its 1 member stays in your contacts").contains("Remove circle “Backers”");
            assertThat(ada.post("/circles/" + investors.id() + "/remove", Map.of()).headers().firstValue("Location"))
                    .hasValue("/circles?done=removed&untracked=1");
            assertThat(ada.get("/circles?done=removed&untracked=1").body()).contains("Circle removed; its members stay in your "
                    + "contacts. 1 of them is now untracked (in no other circle, with no cadence of their own): put them in another "
                    + "circle or give them a cadence. <a href=\"/contacts?untracked=1\">See who is untracked</a>.");
            // An address edited by hand says no more than a plain removal.
            assertThat(ada.get("/circles?done=removed&untracked=%3Cb%3E").body()).contains("Circle removed; its members stay in "
                    + "your contacts.</").doesNotContain("untracked (").doesNotContain("untracked=1");
            assertThat(app.kith.circles().list(app.owner)).extracting(Circle::name).doesNotContain("Backers");
            Contact kept = app.kith.contacts().get(app.owner, vera.id());
            assertThat(kept.circles()).isEmpty();
            assertThat(kept.tracked()).isFalse();
            assertThat(kept.dueOn()).isNull();
        }
    }

    @BothDatabases
    void aMemberInTwoCirclesFollowsTheShorterOneWhenTheOtherIsRemoved(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            ada.post("/circles", Map.of("name", "Weekly", "cadence", "1w"));
            Contact vera = app.kith.contacts().add(app.owner, ContactChanges.builder().name("Vera")
                    .circles(List.of("Weekly", "Past teams")).build());
            assertThat(vera.dueOn()).isEqualTo(TODAY.plusWeeks(1));

            // Vera stays tracked through her other circle: nobody is left untracked.
            assertThat(ada.post("/circles/" + circle(app, "Weekly").id() + "/remove", Map.of()).headers().firstValue("Location"))
                    .hasValue("/circles?done=removed");

            Contact after = app.kith.contacts().get(app.owner, vera.id());
            assertThat(after.circles()).containsExactly("Past teams");
            assertThat(after.dueOn()).isEqualTo(TODAY.plusMonths(3));
        }
    }

    @BothDatabases
    void aDuplicateNameIsRefusedWithTheTypedValuesKept(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");

            HttpResponse<String> duplicate = ada.post("/circles", Map.of("name", "MENTORS", "cadence", "5w"));

            assertThat(duplicate.statusCode()).isEqualTo(422);
            assertThat(duplicate.body()).contains("id=\"new-name-error\"").contains("There is already a circle named 'Mentors'")
                    .contains("value=\"MENTORS\"").contains("value=\"5w\"");
            assertThat(app.kith.circles().list(app.owner)).hasSize(5);

            Circle pastTeams = circle(app, "Past teams");
            HttpResponse<String> clash = ada.post("/circles/" + pastTeams.id() + "/edit", Map.of("name", "mentors", "cadence", "2m"));
            assertThat(clash.statusCode()).isEqualTo(422);
            assertThat(clash.body()).contains("id=\"name-" + pastTeams.id() + "-error\"").contains("value=\"mentors\"")
                    .contains("<details class=\"circle-edit\" open>");
            assertThat(app.kith.circles().get(app.owner, pastTeams.id())).isEqualTo(pastTeams);
        }
    }

    @BothDatabases
    void aBadCadenceIsRefusedNextToItsField(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");

            HttpResponse<String> added = ada.post("/circles", Map.of("name", "Investors", "cadence", "often"));
            assertThat(added.statusCode()).isEqualTo(422);
            assertThat(added.body()).contains("id=\"new-cadence-error\"").contains("is not a duration")
                    .contains("value=\"Investors\"").contains("value=\"often\"");
            assertThat(app.kith.circles().list(app.owner)).extracting(Circle::name).doesNotContain("Investors");
            // Weeks past what a number holds: too long, as any duration over 10 years, not a failure of the server.
            HttpResponse<String> huge = ada.post("/circles", Map.of("name", "Investors", "cadence", "P999999999W"));
            assertThat(huge.statusCode()).isEqualTo(422);
            assertThat(huge.body()).contains("id=\"new-cadence-error\"").contains("is too long: a duration may be at most 10 years");

            Circle mentors = circle(app, "Mentors");
            HttpResponse<String> edited = ada.post("/circles/" + mentors.id() + "/edit", Map.of("name", "Guides", "cadence", "0w"));
            assertThat(edited.statusCode()).isEqualTo(422);
            assertThat(edited.body()).contains("id=\"cadence-" + mentors.id() + "-error\"").contains("value=\"Guides\"")
                    .contains("value=\"0w\"");
            assertThat(app.kith.circles().get(app.owner, mentors.id())).isEqualTo(mentors);

            // Both fields wrong: both errors at once, each beside its field.
            HttpResponse<String> both = ada.post("/circles", Map.of("name", " ", "cadence", "often"));
            assertThat(both.statusCode()).isEqualTo(422);
            assertThat(both.body()).contains("id=\"new-name-error\"").contains("A circle needs a name of 1 to 100 characters")
                    .contains("id=\"new-cadence-error\"").contains("is not a duration")
                    .containsPattern("<input id=\"new-name\"[^>]*autofocus");
            assertThat(both.body().split("autofocus", -1)).as("only the first field in error takes the focus").hasSize(2);
            // ... so a summary above the form says both are refused.
            assertThat(both.body()).contains("<p class=\"error form-error\" role=\"alert\">Nothing was added: see the 2 fields marked below.</p>");
            HttpResponse<String> bothEdited = ada.post("/circles/" + mentors.id() + "/edit", Map.of("name", "x".repeat(101), "cadence", "0w"));
            assertThat(bothEdited.statusCode()).isEqualTo(422);
            assertThat(bothEdited.body()).contains("id=\"name-" + mentors.id() + "-error\"")
                    .contains("id=\"cadence-" + mentors.id() + "-error\"")
                    .contains("<p class=\"error form-error\" role=\"alert\">Nothing was saved: see the 2 fields marked below.</p>");
            assertThat(ada.post("/circles", Map.of("name", "Investors", "cadence", "often")).body()).doesNotContain("form-error");
            // Another circle's name, typed in another case, with a bad cadence: both said, the name as the circle has it.
            HttpResponse<String> taken = ada.post("/circles", Map.of("name", "current TEAM", "cadence", "fortnight"));
            assertThat(taken.statusCode()).isEqualTo(422);
            assertThat(taken.body()).contains("id=\"new-name-error\">There is already a circle named 'Current team'")
                    .contains("id=\"new-cadence-error\"");
            HttpResponse<String> takenEdit = ada.post("/circles/" + mentors.id() + "/edit", Map.of("name", "Current team", "cadence", "0w"));
            assertThat(takenEdit.statusCode()).isEqualTo(422);
            assertThat(takenEdit.body()).contains("There is already a circle named 'Current team'").contains("id=\"cadence-" + mentors.id() + "-error\"");
            assertThat(ada.post("/circles", Map.of("name", "role MODELS", "cadence", "1w")).body())
                    .contains("There is already a circle named 'Role models'");
            assertThat(app.kith.circles().list(app.owner)).hasSize(5);
        }
    }

    @BothDatabases
    void anotherUsersCircleIsNotFound(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            Circle mentors = circle(app, "Mentors");
            WebApp.Client bob = app.signedIn("bob");

            assertThat(bob.get("/circles/" + mentors.id() + "/remove").statusCode()).isEqualTo(404);
            assertThat(bob.post("/circles/" + mentors.id() + "/edit", Map.of("name", "Mine", "cadence", "1w")).statusCode())
                    .isEqualTo(404);
            assertThat(bob.post("/circles/" + mentors.id() + "/remove", Map.of()).statusCode()).isEqualTo(404);
            assertThat(bob.post("/circles/abc/remove", Map.of()).statusCode()).isEqualTo(404);
            assertThat(bob.get("/circles").body()).doesNotContain("/circles/" + mentors.id() + "/");
            assertThat(bob.get("/circles/" + mentors.id() + "/edit").statusCode()).isEqualTo(404);
            assertThat(app.signedIn("ada").get("/circles/" + mentors.id() + "/edit").headers().firstValue("Location"))
                    .as("going back to a refused edit's address").hasValue("/circles#circle-" + mentors.id());
            assertThat(app.kith.circles().get(app.owner, mentors.id())).isEqualTo(mentors);
        }
    }

    @BothDatabases
    void circleFormsNeedTheCsrfToken(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            Circle mentors = circle(app, "Mentors");

            assertThat(ada.postRaw("/circles", Map.of("name", "Investors", "cadence", "2m"), Map.of()).statusCode()).isEqualTo(403);
            assertThat(ada.postRaw("/circles/" + mentors.id() + "/remove", Map.of(), Map.of()).statusCode()).isEqualTo(403);
            assertThat(app.kith.circles().list(app.owner)).hasSize(5);
        }
    }

    @BothDatabases
    void aCircleNameIsShownEscaped(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            String name = "<script>alert(1)</script>";

            assertThat(ada.post("/circles", Map.of("name", name, "cadence", "1w")).statusCode()).isEqualTo(303);
            Circle circle = circle(app, name);

            for (String path : List.of("/circles", "/circles/" + circle.id() + "/remove")) {
                String body = ada.get(path).body();
                assertThat(body).as(path).doesNotContain(name).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            }
        }
    }

    private static Circle circle(WebApp app, String name) {
        return app.kith.circles().list(app.owner).stream().filter(circle -> circle.name().equals(name)).findFirst().orElseThrow();
    }
}
