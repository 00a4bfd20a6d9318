package app.kith.web;

import app.kith.account.Profile;
import app.kith.account.WorkHours;
import app.kith.contact.ContactChanges;
import app.kith.shared.Weekdays;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsPagesTest {
    private static final String NEW_PASSWORD = "a much longer passphrase";
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);

    private static Map<String, String> profile(String zone, String workHours, String dailyLimit) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Ada Lovelace");
        form.put("city", "London");
        form.put("country", "United Kingdom");
        form.put("zone", zone);
        form.put("workHours", workHours);
        form.put("dailyLimit", dailyLimit);
        return form;
    }

    @BothDatabases
    void theSetupPageSaysEveryRefusalAtOnceAndKeepsItsLinkUnused(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            String link = "/setup/" + app.kith.setupLinks().create(app.owner);
            WebApp.Client browser = app.anonymous();
            String token = browser.csrfFrom(browser.get(link).body());

            HttpResponse<String> refused = browser.postRaw(link, Map.of("password", "short", "confirm", "other", "_csrf", token), Map.of());

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).containsPattern("role=\"alert\" id=\"setup-error\">The password is too short: use at least 8 characters\\. "
                    + "The two passwords differ: type the same one twice\\.</p>")
                    // The focus on the first field to type again, which the message describes; the account's name for a
                    // password manager to keep the new password under.
                    .containsPattern("<input id=\"password\"[^>]*autofocus aria-describedby=\"setup-error\">")
                    .contains("<input type=\"text\" name=\"username\" value=\"ada\" autocomplete=\"username\" hidden>");
            HttpResponse<String> set = browser.postRaw(link, Map.of("password", "a long new passphrase", "confirm",
                    "a long new passphrase", "_csrf", browser.csrfFrom(refused.body())), Map.of());
            assertThat(set.statusCode()).isEqualTo(303);
        }
    }

    @BothDatabases
    void everyFieldOfTheSettingsPageHasALabel(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            HttpResponse<String> page = app.signedIn("ada").get("/settings");

            assertThat(page.statusCode()).isEqualTo(200);
            Matcher inputs = Pattern.compile("<input id=\"([^\"]+)\"").matcher(page.body());
            int count = 0;
            while (inputs.find()) {
                assertThat(page.body()).contains("<label for=\"" + inputs.group(1) + "\">");
                count++;
            }
            assertThat(count).isEqualTo(9);
            // The working days are boxes inside their labels, in a fieldset with a legend.
            assertThat(Pattern.compile("<label class=\"check\"><input type=\"checkbox\" name=\"workDays\"").matcher(page.body()).results())
                    .hasSize(7);
            assertThat(page.body().split("<input type=\"checkbox\"", -1)).hasSize(8);
            assertThat(page.body()).contains("value=\"09:00-18:00\"").doesNotContain("style=\"")
                    .contains("<h1>Settings</h1>").contains("Signed in as <strong>ada</strong>.");
        }
    }

    @BothDatabases
    void theProfileIsSaved(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");

            HttpResponse<String> saved = ada.post("/settings/profile", profile("Europe/London", "8:30-17:00", "7"));

            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(saved.headers().firstValue("Location")).hasValue("/settings?saved=profile");
            Profile profile = app.kith.accounts().profile(app.owner);
            assertThat(profile.name()).isEqualTo("Ada Lovelace");
            assertThat(profile.city()).isEqualTo("London");
            assertThat(profile.country()).isEqualTo("United Kingdom");
            assertThat(profile.zone()).isEqualTo(ZoneId.of("Europe/London"));
            assertThat(profile.workHours()).isEqualTo(new WorkHours(LocalTime.of(8, 30), LocalTime.of(17, 0)));
            assertThat(profile.dailyLimit()).isEqualTo(7);
            assertThat(ada.get("/settings?saved=profile").body()).contains("Your profile is saved.")
                    .contains("value=\"Ada Lovelace\"").contains("value=\"Europe/London\"").contains("value=\"08:30-17:00\"");

            // An emptied time zone is forgotten: the machine's is used again.
            assertThat(ada.post("/settings/profile", profile("", "8:30-17:00", "7")).statusCode()).isEqualTo(303);
            assertThat(app.kith.accounts().profile(app.owner).zone()).isNull();
            assertThat(app.kith.accounts().profile(app.owner).city()).isEqualTo("London");
        }
    }

    @BothDatabases
    void workingDaysAreTickedSavedShownAndRefusedNextToTheFieldWhenNoneIsTicked(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            String page = ada.get("/settings").body();
            assertThat(page).contains("<legend>Working days").contains("<input type=\"hidden\" name=\"workDays\" value=\"\">");
            assertThat(ticked(page)).containsExactly("mon", "tue", "wed", "thu", "fri");

            // As the form sends them: an empty value, then one per box ticked.
            Map<String, String> form = profile("Europe/London", "09:00-18:00", "5");
            assertThat(ada.post("/settings/profile", form, "workDays", List.of("", "tue", "wed", "thu", "fri", "sat")).statusCode())
                    .isEqualTo(303);
            assertThat(app.kith.accounts().profile(app.owner).workDays()).isEqualTo(Weekdays.parse("tue,wed,thu,fri,sat"));
            assertThat(ticked(ada.get("/settings").body())).containsExactly("tue", "wed", "thu", "fri", "sat");
            // A form without the field (sent before it was asked) leaves them as they are.
            assertThat(ada.post("/settings/profile", profile("Europe/London", "09:00-18:00", "6")).statusCode()).isEqualTo(303);
            assertThat(app.kith.accounts().profile(app.owner).workDays()).isEqualTo(Weekdays.parse("tue,wed,thu,fri,sat"));
            // A client of its own may send them as one list, as typed for the command.
            form.put("workDays", "any");
            assertThat(ada.post("/settings/profile", form).statusCode()).isEqualTo(303);
            assertThat(app.kith.accounts().profile(app.owner).workDays()).isEqualTo(Weekdays.ANY);
            assertThat(ticked(ada.get("/settings").body())).containsExactlyElementsOf(Weekdays.WEEK);

            Profile before = app.kith.accounts().profile(app.owner);
            form.remove("workDays");
            HttpResponse<String> noneTicked = ada.post("/settings/profile", form, "workDays", List.of(""));
            assertThat(noneTicked.statusCode()).isEqualTo(422);
            assertThat(noneTicked.body()).contains("<p class=\"field-error\" id=\"workDays-error\">No working day ticked: tick the days you work.</p>")
                    .containsPattern("<input type=\"checkbox\" name=\"workDays\" value=\"mon\"[^>]*aria-invalid=\"true\"[^>]*autofocus")
                    .contains("<fieldset class=\"choices invalid\">")
                    .contains("<p class=\"error form-error\" role=\"alert\">Nothing was saved: see the field marked below.</p>");
            assertThat(ticked(noneTicked.body())).isEmpty();
            // Two refused: the summary says so, read out at once, as only the first takes the focus.
            HttpResponse<String> two = ada.post("/settings/profile", profile("Mars/Olympus", "09:00-18:00", "5"), "workDays", List.of(""));
            assertThat(two.statusCode()).isEqualTo(422);
            assertThat(two.body()).contains("<p class=\"error form-error\" role=\"alert\">Nothing was saved: see the 2 fields marked below.</p>");
            form.put("workDays", "fri,funday");
            HttpResponse<String> funday = ada.post("/settings/profile", form);
            assertThat(funday.statusCode()).isEqualTo(422);
            assertThat(funday.body()).contains("funday").contains("is not a day of the week");
            assertThat(ticked(funday.body())).containsExactly("fri");
            assertThat(app.kith.accounts().profile(app.owner)).isEqualTo(before);

            // A form without the field and with another field refused shows the days kept.
            form.put("workDays", "mon,wed");
            assertThat(ada.post("/settings/profile", form).statusCode()).isEqualTo(303);
            HttpResponse<String> otherRefused = ada.post("/settings/profile", profile("Europe/London", "09:00-18:00", "none"));
            assertThat(otherRefused.statusCode()).isEqualTo(422);
            assertThat(ticked(otherRefused.body())).containsExactly("mon", "wed");
            // Days ticked are kept when another field is refused.
            HttpResponse<String> keptTicked = ada.post("/settings/profile", profile("Europe/London", "09:00-18:00", "none"),
                    "workDays", List.of("", "sat", "sun"));
            assertThat(keptTicked.statusCode()).isEqualTo(422);
            assertThat(ticked(keptTicked.body())).containsExactly("sat", "sun");
        }
    }

    /** The working days a Settings page shows ticked. */
    private static List<String> ticked(String page) {
        return Pattern.compile("<input type=\"checkbox\" name=\"workDays\" value=\"(\\w+)\" checked").matcher(page).results()
                .map(match -> match.group(1)).toList();
    }

    @BothDatabases
    void badProfileFieldsAreRefusedNextToTheFieldAndNothingIsSaved(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            Profile before = app.kith.accounts().profile(app.owner);
            List<Map.Entry<Map<String, String>, String>> cases = List.of(
                    Map.entry(profile("Mars/Olympus", "09:00-18:00", "8"), "zone"),
                    Map.entry(profile("EST", "09:00-18:00", "8"), "zone"),
                    Map.entry(profile("Europe/London", "00:00-24:00", "8"), "workHours"),
                    Map.entry(profile("Europe/London", "09:00-18:00", "0"), "dailyLimit"),
                    Map.entry(profile("Europe/London", "09:00-18:00", "101"), "dailyLimit"),
                    Map.entry(profile("Europe/London", "09:00-18:00", "many"), "dailyLimit"),
                    Map.entry(profile("Europe/London", "nine to five", "8"), "workHours"),
                    Map.entry(profile("Europe/London", "18:00-18:00", "8"), "workHours"));

            for (Map.Entry<Map<String, String>, String> bad : cases) {
                HttpResponse<String> response = ada.post("/settings/profile", bad.getKey());
                String field = bad.getValue();
                assertThat(response.statusCode()).as(bad.getKey().toString()).isEqualTo(422);
                assertThat(response.body()).as(field)
                        .contains("aria-describedby=\"" + field + "-error\"")
                        .contains("<p class=\"field-error\" id=\"" + field + "-error\">")
                        .contains("value=\"" + bad.getKey().get(field) + "\"")
                        .contains("value=\"Ada Lovelace\"").contains("value=\"London\"")
                        // The field with the error takes the focus as the page loads: it may lie below the fold.
                        .containsPattern("<input id=\"" + field + "\"[^>]*autofocus");
                assertThat(response.body().split("autofocus", -1)).as(field).hasSize(2);
                if (bad.getKey().get("zone").equals("EST")) {
                    assertThat(response.body()).contains("is an abbreviation, not a time zone: use America/New_York (US Eastern)");
                }
                assertThat(app.kith.accounts().profile(app.owner)).isEqualTo(before);
            }
            // Two fields wrong: both said, the first of them focused.
            HttpResponse<String> negative = ada.post("/settings/profile", profile("Europe/London", "09:00-18:00", "-3"));
            assertThat(negative.body()).contains("The daily limit must be from 1 to 100, not -3.");
            HttpResponse<String> two = ada.post("/settings/profile", profile("Mars/Olympus", "09:00-18:00", "0"));
            assertThat(two.body()).contains("id=\"zone-error\"").contains("id=\"dailyLimit-error\"")
                    .containsPattern("<input id=\"zone\"[^>]*autofocus");
            assertThat(two.body().split("autofocus", -1)).hasSize(2);
            // Going back or forward to where a refused form was shown asks for the Settings page.
            HttpResponse<String> again = ada.get("/settings/profile");
            assertThat(again.statusCode()).isEqualTo(303);
            assertThat(again.headers().firstValue("Location")).hasValue("/settings");
        }
    }

    @BothDatabases
    void aNameCityOrCountryTooLongIsRefusedBesideItsFieldWithTheRestKept(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            Profile before = app.kith.accounts().profile(app.owner);
            for (String field : List.of("name", "city", "country")) {
                Map<String, String> form = profile("Europe/London", "09:00-18:00", "8");
                form.put(field, "x".repeat(201));
                HttpResponse<String> response = ada.post("/settings/profile", form);
                assertThat(response.statusCode()).as(field).isEqualTo(422);
                assertThat(response.body()).as(field)
                        .contains("<p class=\"field-error\" id=\"" + field + "-error\">The " + field
                                + " is too long (201 characters): at most 200.</p>")
                        .contains("value=\"" + "x".repeat(201) + "\"").contains("value=\"Europe/London\"")
                        .doesNotContain("class=\"error\" role=\"alert\"");
                assertThat(app.kith.accounts().profile(app.owner)).isEqualTo(before);
            }
        }
    }

    @BothDatabases
    void aWrongCurrentPasswordIsRefused(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");

            HttpResponse<String> refused = ada.post("/settings/password",
                    Map.of("current", "not my password", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("id=\"current-error\"").contains("That is not your current password.")
                    .doesNotContain(NEW_PASSWORD);
            assertThat(app.kith.accounts().authenticate("ada", WebApp.PASSWORD)).isPresent();
            assertThat(app.kith.accounts().authenticate("ada", NEW_PASSWORD)).isEmpty();
            assertThat(ada.get("/settings").statusCode()).isEqualTo(200);
        }
    }

    @BothDatabases
    void aNewPasswordMustBeTypedTwiceAndLongEnough(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");

            HttpResponse<String> differ = ada.post("/settings/password",
                    Map.of("current", WebApp.PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD + "!"));
            assertThat(differ.statusCode()).isEqualTo(422);
            assertThat(differ.body()).contains("id=\"confirm-error\"").contains("The two new passwords differ");

            HttpResponse<String> tooShort = ada.post("/settings/password",
                    Map.of("current", WebApp.PASSWORD, "password", "short", "confirm", "short"));
            assertThat(tooShort.statusCode()).isEqualTo(422);
            assertThat(tooShort.body()).contains("id=\"password-error\"").contains("too short");

            // All three wrong: each said beside its field at once, the first focused.
            HttpResponse<String> all = ada.post("/settings/password", Map.of("current", "not mine", "password", "short", "confirm", "shirt"));
            assertThat(all.statusCode()).isEqualTo(422);
            assertThat(all.body()).contains("id=\"current-error\"").contains("That is not your current password.")
                    .contains("id=\"password-error\"").contains("too short")
                    .contains("id=\"confirm-error\"").contains("The two new passwords differ")
                    .containsPattern("<input[^>]*id=\"current\"[^>]*autofocus|<input[^>]*autofocus[^>]*id=\"current\"")
                    .contains("<p class=\"error form-error\" role=\"alert\">Nothing was changed: see the 3 fields marked below.</p>");
            assertThat(tooShort.body()).doesNotContain("form-error");
            assertThat(all.body().split("autofocus", -1)).as("only the first field in error takes the focus").hasSize(2);

            assertThat(app.kith.accounts().authenticate("ada", WebApp.PASSWORD)).isPresent();
            assertThat(ada.get("/settings").statusCode()).isEqualTo(200);
        }
    }

    @BothDatabases
    void changingThePasswordKeepsThisBrowserSignedInAndSignsOutTheOthers(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            WebApp.Client otherDevice = app.signedIn("ada");
            WebApp.Client bob = app.signedIn("bob");
            String oldCookie = ada.cookie(Sessions.COOKIE).getValue();

            HttpResponse<String> changed = ada.post("/settings/password",
                    Map.of("current", WebApp.PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));

            assertThat(changed.statusCode()).isEqualTo(303);
            assertThat(changed.headers().firstValue("Location")).hasValue("/settings?saved=password");
            assertThat(ada.cookie(Sessions.COOKIE).getValue()).isNotEqualTo(oldCookie);
            HttpResponse<String> settings = ada.get("/settings?saved=password");
            assertThat(settings.statusCode()).isEqualTo(200);
            assertThat(settings.body()).contains("Your password is changed");
            // The fresh session has a fresh CSRF token, and forms work with it.
            ada.csrf = ada.csrfFrom(settings.body());
            assertThat(ada.post("/settings/profile", profile("Europe/London", "09:00-17:00", "5")).statusCode()).isEqualTo(303);

            HttpResponse<String> other = otherDevice.get("/settings");
            assertThat(other.statusCode()).isEqualTo(302);
            assertThat(other.headers().firstValue("Location").orElseThrow()).startsWith("/login");
            assertThat(bob.get("/settings").statusCode()).isEqualTo(200);
            assertThat(app.kith.accounts().authenticate("ada", NEW_PASSWORD)).isPresent();
            assertThat(app.kith.accounts().authenticate("ada", WebApp.PASSWORD)).isEmpty();
            assertThat(app.anonymous().login("ada", NEW_PASSWORD).statusCode()).isEqualTo(303);
        }
    }

    @BothDatabases
    void settingsFormsNeedTheCsrfToken(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            Profile before = app.kith.accounts().profile(app.owner);

            assertThat(ada.postRaw("/settings/profile", profile("Europe/London", "09:00-17:00", "5"), Map.of()).statusCode())
                    .isEqualTo(403);
            assertThat(ada.postRaw("/settings/password",
                    Map.of("current", WebApp.PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD), Map.of()).statusCode())
                    .isEqualTo(403);
            assertThat(app.kith.accounts().profile(app.owner)).isEqualTo(before);
            assertThat(app.kith.accounts().authenticate("ada", WebApp.PASSWORD)).isPresent();
        }
    }

    @BothDatabases
    void theSettingsPageDownloadsYourDataAsVcardCsvAndJson(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            app.kith.contacts().add(app.owner, ContactChanges.builder().name("Grace Hopper").emails(List.of("grace@example.com"))
                    .notes("=cmd|' /C calc'!A0").build());
            assertThat(ada.get("/settings").body()).contains("href=\"/settings/export/vcard\"")
                    .contains("href=\"/settings/export/csv\"").contains("href=\"/settings/export/json\"");

            HttpResponse<String> vcard = ada.get("/settings/export/vcard");
            assertThat(vcard.statusCode()).isEqualTo(200);
            assertThat(vcard.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/vcard");
            assertThat(vcard.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"kith-contacts.vcf\"");
            assertThat(vcard.body()).startsWith("BEGIN:VCARD").contains("FN:Grace Hopper");

            HttpResponse<String> csv = ada.get("/settings/export/csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"kith-contacts.csv\"");
            assertThat(csv.body()).startsWith("\uFEFFName,Emails,").contains("Grace Hopper,grace@example.com").contains("'=cmd|");

            HttpResponse<String> json = ada.get("/settings/export/json");
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(json.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"kith-export.json\"");
            assertThat(json.body()).contains("\"format\": \"kith-export\"").contains("\"name\": \"Grace Hopper\"");

            assertThat(ada.get("/settings/export/xml").statusCode()).isEqualTo(404);
            // Bob downloads his own contacts, not Ada's; nobody signed in downloads nothing.
            assertThat(app.signedIn("bob").get("/settings/export/csv").body()).doesNotContain("Grace");
            HttpResponse<String> anonymous = app.anonymous().get("/settings/export/json");
            assertThat(anonymous.statusCode()).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location").orElseThrow()).startsWith("/login");
        }
    }
}
