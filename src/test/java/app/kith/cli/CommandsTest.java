package app.kith.cli;

import app.kith.interaction.Kind;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BothDatabases
    void aContactAddedToACircleIsDueAfterTheCircleCadence(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        assertThat(kith.ok("add", "Grace Hopper", "--circle", "Mentors", "--email", "grace@example.com", "--tag", "compilers"))
                .contains("Added Grace Hopper").contains("every 1 month");
        JsonNode grace = JSON.readTree(kith.ok("show", "grace", "--json"));
        assertThat(grace.get("name").asText()).isEqualTo("Grace Hopper");
        assertThat(grace.get("circles").get(0).asText()).isEqualTo("Mentors");
        assertThat(grace.get("tags").get(0).asText()).isEqualTo("compilers");
        assertThat(grace.get("cadence").asText()).isEqualTo("P1M");
        assertThat(grace.get("nextDue").asText()).isEqualTo("2026-04-10");
        assertThat(grace.get("lastTouch").isNull()).isTrue();
        assertThat(grace.get("archived").asBoolean()).isFalse();
        assertThat(grace.get("interactions")).isEmpty();
    }

    @BothDatabases
    void todayListsDueContactsWithSuggestionsAndLoggingATouchRemovesThem(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        kith.ok("me", "--city", "Berlin", "--country", "DE", "--timezone", "Europe/Berlin");
        kith.ok("add", "Grace Hopper", "--every", "2w", "--city", "berlin", "--timezone", "Europe/Berlin");
        kith.ok("add", "Alan Kay", "--every", "30d", "--city", "New York", "--timezone", "America/New_York");
        kith.ok("add", "Ada Lovelace", "--every", "1y");
        kith.ok("log", "Grace Hopper", "--kind", "coffee", "--on", "2026-01-10", "--note", "talked about COBOL");
        kith.ok("log", "Alan Kay", "--kind", "video", "--on", "2026-02-01");

        JsonNode today = JSON.readTree(kith.ok("today", "--json"));
        assertThat(today.get("date").asText()).isEqualTo("2026-03-10");
        assertThat(today.get("limit").asInt()).isEqualTo(5);
        assertThat(today.get("waiting").asInt()).isZero();
        assertThat(today.get("due")).hasSize(2);
        JsonNode first = today.get("due").get(0);
        assertThat(first.get("name").asText()).isEqualTo("Grace Hopper");
        assertThat(first.get("dueOn").asText()).isEqualTo("2026-01-24");
        assertThat(first.get("overdueDays").asInt()).isEqualTo(45);
        assertThat(first.get("cadence").asText()).isEqualTo("P14D");
        assertThat(first.get("lastTouch").asText()).isEqualTo("2026-01-10");
        assertThat(first.get("suggestion").get("format").asText()).isEqualTo("in-person");
        assertThat(first.get("suggestion").get("window").asText()).isEqualTo("09:00-18:00");
        JsonNode second = today.get("due").get(1);
        assertThat(second.get("name").asText()).isEqualTo("Alan Kay");
        assertThat(second.get("suggestion").get("format").asText()).isEqualTo("video");
        assertThat(second.get("suggestion").get("window").asText()).isEqualTo("14:00-18:00"); // New York is already on summer time, Berlin not yet;

        // On a Saturday, not a working day: the hours are not suggested, and the text says why.
        JsonNode saturday = JSON.readTree(kith.ok("today", "--date", "2026-03-14", "--json"));
        assertThat(saturday.get("due").get(0).get("suggestion").get("window").isNull()).isTrue();
        // Said once, for the day, not under every entry.
        assertThat(kith.ok("today", "--date", "2026-03-14"))
                .contains(": reach out to 2 people" + System.lineSeparator() + "Not one of your working days, so no hours are suggested (kith me --work-days).")
                .contains("    meet in person: coffee or a meal" + System.lineSeparator())
                .containsOnlyOnce("working days");
        assertThat(saturday.get("due").get(0).get("suggestion").get("noHours").asText()).isEqualTo("your-day-off");
        assertThat(first.get("suggestion").get("noHours").isNull()).isTrue();
        // Working Saturdays: it is their weekend (taken as Monday to Friday), said as such.
        kith.ok("me", "--work-days", "tue,wed,thu,fri,sat");
        assertThat(JSON.readTree(kith.ok("today", "--date", "2026-03-14", "--json")).get("due").get(0).get("suggestion")
                .get("noHours").asText()).isEqualTo("their-weekend");
        assertThat(kith.ok("today", "--date", "2026-03-14"))
                .contains("    meet in person: coffee or a meal; it is the weekend where they are, so no working hours are suggested: ask what suits them");
        kith.ok("me", "--work-days", "weekdays");
        // Without a time zone of his own, New York's: the same hours.
        kith.ok("edit", "alan", "--timezone", "");
        assertThat(JSON.readTree(kith.ok("today", "--json")).get("due").get(1).get("suggestion").get("window").asText())
                .isEqualTo("14:00-18:00");
        assertThat(kith.ok("show", "alan")).contains("  time zone   America/New_York (from where they live)");
        // Elsewhere, in a city whose time zone Kith cannot tell: no hours, and why, with how to give them some.
        kith.ok("edit", "alan", "--city", "Springfield", "--country", "US");
        assertThat(JSON.readTree(kith.ok("today", "--json")).get("due").get(1).get("suggestion").get("noHours").asText())
                .isEqualTo("their-zone-unknown");
        assertThat(kith.ok("today")).contains("    a video call: they live elsewhere; their time zone is not known, so no hours are"
                + " suggested: set it (kith edit NAME --timezone ZONE)");
        // A state's code after the city is read as one of the user's own country's: MI is also Milan's province code.
        kith.ok("edit", "alan", "--city", "Ann Arbor, MI", "--country", "");
        assertThat(kith.ok("show", "alan")).doesNotContain("time zone");
        kith.ok("me", "--country", "US");
        assertThat(kith.ok("show", "alan")).contains("  time zone   America/Detroit (from where they live)");
        assertThat(JSON.readTree(kith.ok("today", "--json")).get("due").get(1).get("suggestion").get("window").asText())
                .isEqualTo("14:00-18:00"); // as New York's
        kith.ok("me", "--country", "DE");
        kith.ok("edit", "alan", "--timezone", "America/New_York", "--city", "New York");
        // Said in the order they were named, not by name.
        assertThat(kith.ok("log", "Grace Hopper", "Alan Kay", "--kind", "meal").lines().map(line -> line.split(" on ")[0]))
                .containsExactly("Logged meal with Grace Hopper", "Logged meal with Alan Kay");
        JsonNode empty = JSON.readTree(kith.ok("today", "--json"));
        assertThat(empty.get("due")).isEmpty();
        assertThat(kith.ok("today")).contains("nobody is due").containsPattern("Next: Grace Hopper \\(#\\d+\\), due Tue 24 Mar 2026\\.");
        // The JSON names who comes next too.
        assertThat(empty.get("next").get("name").asText()).isEqualTo("Grace Hopper");
        assertThat(empty.get("next").get("dueOn").asText()).isEqualTo("2026-03-24");
        assertThat(empty.get("next").get("dueAlready").asBoolean()).isFalse();
        assertThat(JSON.readTree(kith.ok("today", "--json", "--date", "2026-03-24")).get("next").isNull()).isTrue();
    }

    @BothDatabases
    void anEmptyDayNamesWhoComesNextOrSaysHowToGetADueDate(TestDatabase db) {
        Cli kith = new Cli(db);
        kith.ok("add", "Ann Untracked");
        assertThat(kith.ok("today")).isEqualTo(("Tue 10 Mar 2026: nobody is due. Enjoy the day.\nNobody has a due date yet: put "
                + "contacts in a circle (kith edit NAME --circle Mentors) or give them a cadence (--every 1m); kith demo shows a "
                + "network in a new folder.\n").replace("\n", System.lineSeparator()));
        // Someone snoozed for good: never due, and said so.
        kith.ok("add", "Gone Quiet", "--every", "1m");
        kith.ok("snooze", "Gone Quiet", "--until", "9999-12-31");
        assertThat(kith.ok("today")).contains("Nobody comes due: 1 contact is snoozed or away for good (kith snooze NAME --end,"
                + " kith away NAME --back bring one back); any others are in no circle");
        kith.ok("delete", "Gone Quiet", "--yes");
        // However far on: a cadence of five years.
        kith.ok("add", "Far Friend", "--every", "5y");
        assertThat(kith.ok("today")).contains("Next: Far Friend (#3), due Mon 10 Mar 2031.");
        kith.ok("edit", "Ann Untracked", "--circle", "Mentors");
        assertThat(kith.ok("today")).containsPattern("Next: Ann Untracked \\(#\\d+\\), due \\w{3} \\d+ \\w{3} 2026\\.");
        // Due already, but reached on Sundays only: next on Sunday, though today (a Tuesday) has nobody.
        kith.ok("add", "Sunny Day", "--every", "1w", "--days", "sun");
        kith.ok("log", "Sunny", "--kind", "call", "--on", "2026-03-01");
        assertThat(kith.ok("today")).contains("nobody is due").contains("Next: Sunny Day (#4), due already, on Sun 15 Mar 2026, one of their days.");
    }

    @BothDatabases
    void unlogDeletesATouchLoggedByMistakeAndTheDueDateFollows(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        kith.ok("add", "Grace Hopper", "--every", "2w");
        kith.ok("log", "Grace Hopper", "--kind", "coffee", "--on", "2026-03-01");
        kith.ok("log", "Grace Hopper", "--kind", "call", "--on", "2026-03-09", "--note", "wrong person");
        JsonNode logged = JSON.readTree(kith.ok("show", "grace", "--json")).get("interactions");
        long mistake = logged.get(0).get("id").asLong();
        assertThat(kith.ok("show", "grace")).contains("  #" + mistake + "  Mon 9 Mar 2026  call: wrong person");
        // A note's own lines stay under its first; a company alone is where they work.
        kith.ok("add", "Only Company", "--company", "Acme", "--note", "first line\nsecond line");
        kith.ok("log", "Only Company", "--kind", "call", "--on", "2026-03-09", "--note", "asked\nanswered");
        assertThat(kith.ok("show", "only company")).contains("  works at    Acme\n")
                .contains("  notes       first line\n              second line\n")
                .contains("  Mon 9 Mar 2026  call: asked\n      answered\n");

        assertThat(kith.ok("unlog", "#" + mistake)).isEqualTo("Deleted the call of Mon 9 Mar 2026 with Grace Hopper.\n"
                + "Grace Hopper: due in 5 days (Sun 15 Mar 2026).\n");

        JsonNode grace = JSON.readTree(kith.ok("show", "grace", "--json"));
        assertThat(grace.get("interactions")).hasSize(1);
        assertThat(grace.get("lastTouch").asText()).isEqualTo("2026-03-01");
        assertThat(grace.get("nextDue").asText()).isEqualTo("2026-03-15");
        Cli.Result again = kith.run("unlog", String.valueOf(mistake));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("kith: there is no interaction with id " + mistake + "\n");
        Cli.Result word = kith.run("unlog", "the last one");
        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.err()).contains("'the last one' is not an interaction's number: give the number 'kith show CONTACT' lists, such as 12");
        // Another account's interaction is not there for this one.
        assertThat(kith.run("user", "add", "robin", "--password-stdin").err())
                .isEqualTo("kith: no password on standard input: pipe it in, e.g. printf '%s\\n' \"$PASSWORD\" | kith user add robin --password-stdin\n");
        assertThat(kith.run("passwd", "--password-stdin").err()).endsWith("| kith passwd --password-stdin\n");
        assertThat(kith.runWithInput("robin's long password\n", "user", "add", "robin", "--password-stdin").exitCode()).isZero();
        assertThat(kith.run("--user", "robin", "unlog", String.valueOf(logged.get(1).get("id").asLong())).exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("interactions")).hasSize(1);
    }

    @BothDatabases
    void removingAnAccountSaysWhatWouldGoAndNeedsYes(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        assertThat(kith.runWithInput("robin's long password\n", "user", "add", "robin", "--password-stdin").exitCode()).isZero();
        kith.ok("--user", "robin", "add", "Grace Hopper");
        kith.ok("--user", "robin", "add", "Alan Kay");
        kith.ok("--user", "robin", "log", "grace", "--kind", "coffee");

        Cli.Result asked = kith.run("user", "remove", "Robin");
        assertThat(asked.exitCode()).isEqualTo(1);
        assertThat(asked.err()).isEqualTo("kith: this would remove the account robin with its 2 contacts and 1 interaction; it cannot be undone:"
                + " run 'kith user remove robin --yes' to do it (a 'kith backup' first keeps a copy)\n");
        assertThat(kith.ok("user", "list")).contains("robin");

        assertThat(kith.ok("user", "remove", "robin", "--yes")).isEqualTo("Removed the account robin with its 2 contacts and 1 interaction.\n");
        assertThat(kith.ok("user", "list")).doesNotContain("robin");
        Cli.Result owner = kith.run("user", "remove", kith.ok("user", "list").lines().findFirst().orElseThrow().split("\\s+")[0]);
        assertThat(owner.exitCode()).isEqualTo(1);
        assertThat(owner.err()).contains("is the owner of this Kith and cannot be removed").doesNotContain("--yes");
    }

    @BothDatabases
    void todayHonoursTheDailyLimitAndCountsTheRest(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        kith.ok("me", "--daily-limit", "2");
        for (String name : new String[] {"Ann", "Bob", "Cy", "Di"}) {
            kith.ok("add", name, "--every", "1w", "--met-on", "2026-01-01");
        }
        JsonNode today = JSON.readTree(kith.ok("today", "--date", "2026-03-20", "--json"));
        assertThat(today.get("due")).hasSize(2);
        assertThat(today.get("waiting").asInt()).isEqualTo(2);
        assertThat(kith.ok("today", "--date", "2026-03-20")).contains("2 more due");

        // The people reached today count in its limit: acting on the day's agenda does not fill it again.
        kith.ok("log", "Ann", "Bob", "Cy", "Di", "--kind", "email", "--on", "2026-03-01");
        assertThat(kith.ok("today")).startsWith("Tue 10 Mar 2026: reach out to 2 people\n");
        kith.ok("log", "Ann", "--kind", "coffee");
        assertThat(kith.ok("today")).startsWith("Tue 10 Mar 2026: reach out to 1 person (reached so far: 1)\n")
                .contains("2 more due, waiting beyond your daily limit of 2.");
        kith.ok("log", "Bob", "--kind", "call");
        assertThat(kith.ok("today")).isEqualTo("Tue 10 Mar 2026: you reached out to 2 people, as many as your daily limit of 2. Enjoy the rest of the day.\n"
                + "2 more due, waiting: they come first on the days ahead.\n");
        // Past the limit in one touch, said so; of a day gone by, without wishing it well.
        kith.ok("log", "Cy", "--kind", "call");
        assertThat(kith.ok("today")).startsWith("Tue 10 Mar 2026: you reached out to 3 people, more than your daily limit of 2."
                + " Enjoy the rest of the day.\n");
        kith.ok("unlog", String.valueOf(JSON.readTree(kith.ok("show", "Cy", "--json")).get("interactions").get(0).get("id").asInt()));
        today = JSON.readTree(kith.ok("today", "--json"));
        assertThat(today.get("reached").asInt()).isEqualTo(2);
        assertThat(today.get("due")).isEmpty();
        assertThat(today.get("waiting").asInt()).isEqualTo(2);
    }

    @BothDatabases
    void aSocialReactionIsLoggedButDoesNotResetTheClock(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        kith.ok("add", "Grace Hopper", "--every", "1m");
        assertThat(kith.ok("log", "grace", "--kind", "social", "--on", "yesterday")).contains("does not reset the clock");
        JsonNode grace = JSON.readTree(kith.ok("show", "grace", "--json"));
        assertThat(grace.get("lastTouch").isNull()).isTrue();
        assertThat(grace.get("nextDue").asText()).isEqualTo("2026-04-10");
        assertThat(grace.get("interactions").get(0).get("kind").asText()).isEqualTo("social");
        assertThat(grace.get("interactions").get(0).get("date").asText()).isEqualTo("2026-03-09");
    }

    @BothDatabases
    void contactsFiltersByCircleTagSearchDueAndArchived(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        kith.ok("add", "Grace Hopper", "--circle", "Mentors", "--tag", "compilers", "--company", "Navy");
        kith.ok("add", "Alan Kay", "--circle", "Role models", "--note", "Smalltalk and children");
        kith.ok("add", "Ada Lovelace", "--every", "1w");
        kith.ok("log", "Ada", "--kind", "email", "--on", "2026-02-01");
        kith.ok("add", "Old Friend", "--every", "1w");
        assertThat(kith.ok("show", "Old Friend")).contains("No interactions yet: log one with 'kith log 4 --kind coffee'.");
        assertThat(kith.ok("archive", "Old Friend")).isEqualTo("Archived Old Friend (#4).\n");
        assertThat(kith.ok("archive", "Old Friend")).isEqualTo("Old Friend (#4) was already archived: 'kith unarchive 4' brings them back.\n");

        assertThat(names(kith.ok("contacts", "--json"))).containsExactly("Ada Lovelace", "Alan Kay", "Grace Hopper");
        assertThat(names(kith.ok("contacts", "--circle", "mentors", "--json"))).containsExactly("Grace Hopper");
        assertThat(names(kith.ok("contacts", "--tag", "COMPILERS", "--json"))).containsExactly("Grace Hopper");
        assertThat(names(kith.ok("contacts", "--search", "smalltalk", "--json"))).containsExactly("Alan Kay");
        assertThat(names(kith.ok("contacts", "--search", "navy", "--json"))).containsExactly("Grace Hopper");
        assertThat(names(kith.ok("contacts", "--due", "--json"))).containsExactly("Ada Lovelace");
        assertThat(names(kith.ok("contacts", "--archived", "--json"))).containsExactly("Old Friend");
        assertThat(kith.ok("contacts", "--search", "old")).isEqualTo("No contacts match. 1 archived contact matches: add --archived to see it.\n");
        assertThat(kith.ok("contacts", "--search", "nobody")).isEqualTo("No contacts match.\n");
        JsonNode first = JSON.readTree(kith.ok("contacts", "--json")).get(0);
        assertThat(first.fieldNames()).toIterable()
                .contains("id", "name", "circles", "tags", "cadence", "lastTouch", "nextDue", "archived");

        assertThat(kith.ok("unarchive", "Old Friend")).startsWith("Unarchived Old Friend (#4), ");
        assertThat(kith.ok("unarchive", "Old Friend")).isEqualTo("Old Friend (#4) was not archived.\n");
        assertThat(names(kith.ok("contacts", "--json"))).contains("Old Friend");

        // Those Kith never brings up: in no circle, with no cadence of their own.
        assertThat(kith.ok("contacts", "--untracked")).isEqualTo("No contacts match.\n");
        kith.ok("add", "Pen Pal");
        assertThat(names(kith.ok("contacts", "--untracked", "--json"))).containsExactly("Pen Pal");
        // The list's column says the word alone; the contact's own view says what to do about it.
        assertThat(kith.ok("contacts", "--untracked")).matches("#\\d+ +Pen Pal +- +untracked\n1 contact\n");
        assertThat(kith.ok("show", "Pen Pal")).contains("untracked: give them a circle or --every");
        assertThat(kith.ok("contacts", "--untracked", "--circle", "mentors")).isEqualTo("No contacts match.\n");
        kith.ok("edit", "Pen Pal", "--every", "3m");
        assertThat(kith.ok("contacts", "--untracked")).isEqualTo("No contacts match.\n");
    }

    @BothDatabases
    void editChangesFieldsAndTheCadence(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        kith.ok("add", "Grace Hopper", "--circle", "Mentors", "--tag", "compilers", "--city", "Arlington");
        kith.ok("edit", "grace", "--every", "2w", "--remove-tag", "compilers", "--tag", "navy", "--city", "",
                "--title", "Rear Admiral", "--days", "mon,wed");
        JsonNode grace = JSON.readTree(kith.ok("show", "grace", "--json"));
        assertThat(grace.get("cadence").asText()).isEqualTo("P14D");
        assertThat(grace.get("ownCadence").asText()).isEqualTo("P14D");
        assertThat(grace.get("nextDue").asText()).isEqualTo("2026-03-25"); // 24 Mar is a Tuesday: moved to Wednesday
        assertThat(grace.get("tags").get(0).asText()).isEqualTo("navy");
        assertThat(grace.get("city").isNull()).isTrue();
        assertThat(grace.get("title").asText()).isEqualTo("Rear Admiral");

        kith.ok("edit", "grace", "--no-every", "--days", "");
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("cadence").asText()).isEqualTo("P1M");
        kith.ok("edit", "grace", "--remove-circle", "Mentors");
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("nextDue").isNull()).isTrue();
    }

    @BothDatabases
    void theDayIsTheDateInTheProfilesTimeZoneAsOnTheWeb(TestDatabase db) throws IOException {
        // 22:30 on the 10th on the machine's clock (UTC) is 07:30 on the 11th in Tokyo.
        Cli kith = new Cli(db, Clock.fixed(Instant.parse("2026-03-10T22:30:00Z"), ZoneOffset.UTC));
        assertThat(JSON.readTree(kith.ok("today", "--json")).get("date").asText()).isEqualTo("2026-03-10");
        kith.ok("me", "--timezone", "Asia/Tokyo");
        assertThat(JSON.readTree(kith.ok("today", "--json")).get("date").asText()).isEqualTo("2026-03-11");
        kith.ok("add", "Grace Hopper", "--every", "1w", "--met-on", "today");
        JsonNode grace = JSON.readTree(kith.ok("show", "grace", "--json"));
        assertThat(grace.get("metOn").asText()).isEqualTo("2026-03-11");
        assertThat(grace.get("nextDue").asText()).isEqualTo("2026-03-18");
        kith.ok("log", "grace", "--kind", "call", "--on", "yesterday");
        kith.ok("log", "grace", "--kind", "coffee");
        JsonNode interactions = JSON.readTree(kith.ok("show", "grace", "--json")).get("interactions");
        assertThat(interactions).extracting(node -> node.get("date").asText()).containsExactlyInAnyOrder("2026-03-11", "2026-03-10");
        assertThat(kith.run("log", "grace", "--kind", "call", "--on", "tomorrow").err()).contains("is in the future");
        assertThat(kith.ok("snooze", "grace", "--for", "1w")).contains("through Tue 17 Mar 2026");
        // The machine's date would refuse the 11th as a day to come, and count the words from the 10th.
        kith.ok("add", "Alan Kay", "--met-on", "2026-03-11", "--every", "1d");
        kith.ok("edit", "alan", "--met-on", "today");
        assertThat(JSON.readTree(kith.ok("show", "alan", "--json")).get("metOn").asText()).isEqualTo("2026-03-11");
        assertThat(JSON.readTree(kith.ok("today", "--json", "--date", "tomorrow")).get("date").asText()).isEqualTo("2026-03-12");
        assertThat(kith.ok("away", "alan", "--until", "tomorrow")).contains("through Thu 12 Mar 2026");
        assertThat(JSON.readTree(kith.ok("show", "alan", "--json")).get("nextDue").asText()).isEqualTo("2026-03-13");
    }

    @BothDatabases
    void theDemoTellsItsStoryFromTheDateInItsProfilesTimeZone(TestDatabase db) throws IOException {
        // 23:30 UTC on the 10th is 00:30 on the 11th in Berlin, the demo profile's zone.
        Cli kith = new Cli(db, Clock.fixed(Instant.parse("2026-03-10T23:30:00Z"), ZoneOffset.UTC));
        kith.ok("demo");
        assertThat(JSON.readTree(kith.ok("today", "--json")).get("date").asText()).isEqualTo("2026-03-11");
        // Felix was last seen three days ago, counted from the day Today shows.
        assertThat(JSON.readTree(kith.ok("show", "Felix Braun", "--json")).get("lastTouch").asText()).isEqualTo("2026-03-08");

        // A story that reads as true: those far away are never met for coffee (Kenji, in Tokyo, is seen by video);
        // touches fall on working days but for a like or a comment; each was added the day they were met, before it all;
        // and not everyone's history starts on the same day.
        Set<String> firstDays = new HashSet<>();
        for (String name : List.of("Kenji Watanabe", "Carlos Mendes", "Mara Lindqvist", "Felix Braun", "Olivia Grant")) {
            JsonNode shown = JSON.readTree(kith.ok("show", name, "--json"));
            JsonNode touches = shown.get("interactions");
            boolean far = !shown.get("city").asText().equals("Berlin");
            LocalDate added = LocalDate.parse(shown.get("addedOn").asText());
            assertThat(added).as(name).isEqualTo(LocalDate.parse(shown.get("metOn").asText()));
            firstDays.add(touches.get(touches.size() - 1).get("date").asText());
            for (int i = 1; i < touches.size(); i++) { // the last touch, the first listed, is the story's own day
                JsonNode touch = touches.get(i);
                LocalDate on = LocalDate.parse(touch.get("date").asText());
                Kind kind = Kind.parse(touch.get("kind").asText());
                assertThat(on).as(name).isAfter(added);
                if (far) {
                    assertThat(kind.inPerson()).as(name + " " + touch).isFalse();
                }
                if (kind != Kind.SOCIAL) {
                    assertThat(on.getDayOfWeek().getValue()).as(name + " " + touch).isLessThanOrEqualTo(5);
                }
            }
        }
        assertThat(firstDays).hasSizeGreaterThan(1);
        assertThat(JSON.readTree(kith.ok("show", "Kenji Watanabe", "--json")).get("interactions").get(0).get("kind").asText()).isEqualTo("video");
        assertThat(kith.ok("show", "Kenji Watanabe")).doesNotContain("Met at");

        // Run again on the same data, it adds nothing and says to give it a new folder (never this one again).
        Cli.Result again = kith.run("demo");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("kith: this account already has contacts: give 'kith demo' a folder that does not "
                + "exist yet, as in kith --data NEW_FOLDER demo" + System.lineSeparator());
    }

    @BothDatabases
    void deleteSaysWhatWouldGoAndDeletesOnlyWithYes(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        kith.ok("add", "Grace Hopper", "--every", "1w");
        kith.ok("add", "Alan Kay");
        kith.ok("log", "Grace Hopper", "--kind", "coffee", "--on", "2026-03-01");
        kith.ok("log", "Grace Hopper", "Alan Kay", "--kind", "meal", "--on", "2026-03-02");
        long id = JSON.readTree(kith.ok("show", "grace", "--json")).get("id").asLong();

        Cli.Result asked = kith.run("delete", "grace");
        assertThat(asked.exitCode()).isEqualTo(1);
        assertThat(asked.err()).isEqualTo("kith: this would delete Grace Hopper (#" + id + ") and 1 interaction they alone took part in;"
                + " 1 shared with others stays for them; it cannot be undone: run 'kith delete " + id + " --yes' to do it"
                + " (or 'kith archive' to keep them off the agenda instead)\n");
        assertThat(kith.ok("show", "grace")).contains("Grace Hopper");
        // Deleting takes no guess: part of a name that matched one contact is not enough.
        Cli.Result guessed = kith.run("delete", "grac", "--yes");
        assertThat(guessed.exitCode()).isEqualTo(1);
        assertThat(guessed.err()).isEqualTo("kith: 'grac' matched Grace Hopper (#" + id + "): to delete them, give their full name or their id, " + id + "\n");
        assertThat(kith.ok("show", "grace")).contains("Grace Hopper");

        assertThat(kith.ok("delete", "grace hopper", "--yes")).isEqualTo("Deleted Grace Hopper (#" + id + ") and 1 interaction they alone"
                + " took part in; 1 shared with others stays for them.\n");
        assertThat(kith.run("show", "grace").err()).contains("no contact");
        assertThat(kith.ok("show", "alan")).contains("meal");
    }

    @BothDatabases
    void namesakesAreToldApartByNumberAndAnArchivedOneIsSaidToBe(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        kith.ok("add", "Mara Lindqvist");
        kith.ok("add", "Mara Lindqvist", "--anyway");
        long second = JSON.readTree(kith.ok("contacts", "--json")).get(1).get("id").asLong();
        kith.ok("archive", "#" + second);
        Cli.Result ambiguous = kith.run("show", "Mara Lindqvist");
        assertThat(ambiguous.exitCode()).isEqualTo(1);
        assertThat(ambiguous.err()).contains(", archived)").endsWith("; name one by its id, the number alone (a shell takes # for a comment)\n");
        kith.ok("add", "Mara Jones");
        assertThat(kith.run("show", "mara").err()).endsWith("; name one by its full name or its id, the number alone (a shell takes # for a comment)\n");
    }

    @BothDatabases
    void anEmptyValueForAListOrACadenceSaysHowToTakeOneOff(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        kith.ok("add", "Grace Hopper", "--every", "1w", "--email", "grace@example.com");
        Cli.Result every = kith.run("edit", "grace", "--every", "");
        assertThat(every.exitCode()).isEqualTo(2);
        assertThat(every.err()).contains("an empty cadence: give one such as 6w or 3m (on kith edit, --no-every drops their own)");
        Cli.Result email = kith.run("edit", "grace", "--email", "");
        assertThat(email.exitCode()).isEqualTo(1);
        assertThat(email.err()).contains("use kith edit CONTACT --remove-email ADDRESS");
        assertThat(kith.run("add", "Alan Kay", "--phone", " ").err()).contains("--remove-phone NUMBER");
        assertThat(kith.ok("contacts")).doesNotContain("Alan Kay");

        // An address to take off is read as one to add is: with its name, or as a mailto link.
        kith.ok("edit", "grace", "--email", "mailto:grace.h@example.org?subject=Hello", "--email", "Grace <gh@example.net>");
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("emails").toString())
                .isEqualTo("[\"grace@example.com\",\"grace.h@example.org\",\"gh@example.net\"]");
        kith.ok("edit", "grace", "--remove-email", "Grace Hopper <grace@example.com>", "--remove-email", "mailto:gh@example.net");
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("emails").toString()).isEqualTo("[\"grace.h@example.org\"]");
    }

    @BothDatabases
    void snoozeAndAwayMoveTheDueDate(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        kith.ok("add", "Grace Hopper", "--every", "1w", "--met-on", "2026-01-01");
        kith.ok("log", "grace", "--kind", "call", "--on", "2026-03-01");
        assertThat(kith.ok("snooze", "grace", "--for", "2w")).contains("Snoozed Grace Hopper");
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("nextDue").asText()).isEqualTo("2026-03-24");
        kith.ok("snooze", "grace", "--until", "2026-03-30");
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("nextDue").asText()).isEqualTo("2026-03-31");
        // The list says why the date waits.
        assertThat(kith.ok("contacts")).contains("due in 21 days (Tue 31 Mar 2026, snoozed)");
        // A snooze that ends before the date would come anyway does not hold it, and is not said to.
        kith.ok("add", "Alan Kay", "--every", "1m");
        assertThat(kith.ok("snooze", "alan", "--for", "1w")).endsWith("due in 31 days (Fri 10 Apr 2026).\n");
        assertThat(kith.ok("contacts")).contains("due in 31 days (Fri 10 Apr 2026)\n");
        // Nor one through Thursday on someone who takes Saturdays only: they wait for that Saturday anyway.
        kith.ok("add", "Ada Lovelace", "--every", "1w", "--days", "sat");
        assertThat(kith.ok("snooze", "ada", "--until", "2026-03-19")).endsWith("due in 11 days (Sat 21 Mar 2026).\n");
        assertThat(kith.ok("snooze", "ada", "--until", "2026-03-21")).endsWith("due in 18 days (Sat 28 Mar 2026, snoozed).\n");
        // Away through an earlier day, the snooze is still what holds them.
        assertThat(kith.ok("away", "ada", "--until", "2026-03-19")).contains("(Sat 28 Mar 2026, snoozed)");
        // Away for two weeks from today (10 Mar): through 23 Mar, as a snooze --for counts.
        assertThat(kith.ok("away", "grace", "--for", "2w")).startsWith("Grace Hopper is away through Mon 23 Mar 2026;");
        kith.ok("away", "grace", "--until", "2026-04-15");
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("nextDue").asText()).isEqualTo("2026-04-16");
        assertThat(kith.ok("contacts")).contains("(Thu 16 Apr 2026, away)");
        kith.ok("edit", "grace", "--birthday", "1906-12-09");
        assertThat(kith.ok("show", "grace")).contains("birthday    9 Dec 1906").contains("snoozed     through Mon 30 Mar 2026").contains("away        through Wed 15 Apr 2026");
        // Once over, they are history: not shown as if they still held.
        Cli later = new Cli(db, Clock.fixed(Instant.parse("2026-04-20T10:00:00Z"), ZoneOffset.UTC));
        assertThat(later.ok("show", "grace")).doesNotContain("snoozed").doesNotContain("away");
        // Over already, neither is ended: each still puts the due date after it, and "nothing to end" changes nothing
        // (ending them made her as late as if she had never been away).
        assertThat(later.ok("away", "grace", "--back")).startsWith("Grace Hopper was not away;");
        assertThat(later.ok("snooze", "grace", "--end")).startsWith("Grace Hopper was not snoozed;");
        assertThat(JSON.readTree(later.ok("show", "grace", "--json")).get("nextDue").asText()).isEqualTo("2026-04-16");
        // Ended early: due again as if never away or snoozed.
        assertThat(kith.ok("away", "grace", "--back")).startsWith("Grace Hopper is back;");
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("nextDue").asText()).isEqualTo("2026-03-31");
        assertThat(kith.ok("snooze", "grace", "--end")).startsWith("Grace Hopper is no longer snoozed;");
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("nextDue").asText()).isEqualTo("2026-03-08");
        // Said as it is when there was nothing to end.
        assertThat(kith.ok("snooze", "grace", "--end")).startsWith("Grace Hopper was not snoozed;");
        assertThat(kith.ok("away", "grace", "--back")).startsWith("Grace Hopper was not away;");
        // Away "for ever": due on the last date there is, never due before anyone else (dates sort as text on SQLite).
        assertThat(kith.ok("away", "grace", "--until", "9999-12-31")).isEqualTo("Grace Hopper is away for good; never due while away.\n");
        assertThat(kith.ok("show", "grace")).contains("away        for good").contains("next        never due while away");
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("nextDue").asText()).isEqualTo("9999-12-31");
        assertThat(kith.ok("contacts", "--due")).doesNotContain("Grace");
        assertThat(JSON.readTree(kith.ok("today", "--json", "--date", "2026-05-01")).get("waiting").asInt()).isZero();
    }

    @BothDatabases
    void addingSomeoneAlreadyThereByNameOrEmailAsksForAnywayAndAddsNothing(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        kith.ok("add", "Grace Hopper", "--email", "grace@example.com");
        Cli.Result again = kith.run("add", "grace  HOPPER");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("kith: you already have Grace Hopper (#1). Nothing was added: to add them all the same,"
                + " add --anyway; to change theirs, use 'kith edit 1'\n");
        assertThat(kith.run("add", "Amazing Grace", "--email", "GRACE@example.com").err())
                .startsWith("kith: you already have Grace Hopper (#1) with grace@example.com. Nothing was added");
        assertThat(JSON.readTree(kith.ok("contacts", "--json"))).hasSize(1);
        assertThat(kith.ok("add", "Grace Hopper", "--anyway")).startsWith("Added Grace Hopper (#");
        assertThat(JSON.readTree(kith.ok("contacts", "--json"))).hasSize(2);
        // An edit that would make one like another is asked about too.
        String alan = kith.ok("add", "Alan Turing").replaceAll("(?s).*\\(#(\\d+)\\).*", "$1");
        Cli.Result renamed = kith.run("edit", "alan", "--name", "Grace Hopper");
        assertThat(renamed.exitCode()).isEqualTo(1);
        assertThat(renamed.err()).startsWith("kith: you already have Grace Hopper (#1), Grace Hopper (#").endsWith(
                "Nothing was changed: to change Alan Turing (#" + alan + ") all the same, add --anyway\n");
        assertThat(kith.run("edit", "alan", "--anyway").exitCode()).isEqualTo(2);
        assertThat(kith.ok("edit", "alan", "--name", "Grace Hopper", "--anyway")).startsWith("Updated Grace Hopper (#" + alan + ")");
    }

    @BothDatabases
    void circlesCanBeAddedRetimedRenamedAndRemoved(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        JsonNode circles = JSON.readTree(kith.ok("circles", "--json"));
        assertThat(circles).extracting(c -> c.get("name").asText())
                .containsExactly("Mentors", "Current team", "Past teams", "Events & conferences", "Role models");
        kith.ok("circle", "add", "Founders", "--every", "2m");
        kith.ok("add", "Grace Hopper", "--circle", "founders");
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("nextDue").asText()).isEqualTo("2026-05-10");
        assertThat(kith.ok("circle", "edit", "founders", "--every", "3w", "--rename", "Founders & friends"))
                .contains("Renamed the circle Founders to Founders & friends, every 3 weeks");
        JsonNode grace = JSON.readTree(kith.ok("show", "grace", "--json"));
        assertThat(grace.get("nextDue").asText()).isEqualTo("2026-03-31");
        assertThat(grace.get("circles").get(0).asText()).isEqualTo("Founders & friends");
        assertThat(kith.ok("circle", "remove", "founders & friends")).isEqualTo("Removed the circle Founders & friends; 1 of its "
                + "members is now untracked (in no other circle, with no cadence of their own): put them in another circle or give "
                + "them --every.\n");
        kith.ok("circle", "add", "Empty", "--every", "2m");
        assertThat(kith.ok("circle", "remove", "empty")).isEqualTo("Removed the circle Empty.\n");
        assertThat(JSON.readTree(kith.ok("show", "grace", "--json")).get("nextDue").isNull()).isTrue();
        assertThat(kith.ok("circles")).doesNotContain("Founders");
    }

    @BothDatabases
    void meShowsAndChangesTheProfile(TestDatabase db) throws IOException {
        Cli kith = new Cli(db);
        assertThat(kith.ok("me")).startsWith("ada, no name set (kith me --name \"Your Name\")\n"
                + "  home:        not set (kith me --city Berlin --country DE)\n"
                + "  time zone:   the machine's, UTC, until you set yours (kith me --timezone Europe/Berlin)\n");
        kith.ok("me", "--name", "Ada L.", "--city", "London", "--timezone", "Europe/London", "--work-hours", "10:00-16:00",
                "--daily-limit", "3");
        JsonNode me = JSON.readTree(kith.ok("me", "--json"));
        assertThat(me.get("username").asText()).isEqualTo("ada");
        assertThat(me.get("name").asText()).isEqualTo("Ada L.");
        assertThat(me.get("city").asText()).isEqualTo("London");
        assertThat(me.get("timezone").asText()).isEqualTo("Europe/London");
        assertThat(me.get("dailyLimit").asInt()).isEqualTo(3);
        assertThat(me.get("workHours").asText()).isEqualTo("10:00-16:00");
        assertThat(me.get("workDays").asText()).isEqualTo("mon,tue,wed,thu,fri");
        assertThat(kith.ok("me")).contains("  work hours:  10:00-16:00, Mon, Tue, Wed, Thu and Fri\n");
        assertThat(kith.ok("me", "--work-days", "sun,mon,tue,wed,thu")).contains("  work hours:  10:00-16:00, Mon, Tue, Wed, Thu and Sun\n");
        assertThat(kith.ok("me", "--work-days", "any")).contains("  work hours:  10:00-16:00, every day\n");
        assertThat(JSON.readTree(kith.ok("me", "--json")).get("workDays").asText()).isEqualTo("any");
        Cli.Result bad = kith.run("me", "--work-days", "funday");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'funday' is not a day of the week: use mon,tue,wed,thu,fri,sat,sun");
        Cli.Result blank = kith.run("me", "--work-days", " ");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("no working days given: give the days you work, such as mon,tue,wed,thu,fri, or any for every day");
        assertThat(JSON.readTree(kith.ok("me", "--json")).get("workDays").asText()).isEqualTo("any");
        // Hours that end before they start run overnight: a night shift.
        assertThat(kith.ok("me", "--work-hours", "22:00-6:00")).contains("  work hours:  22:00-06:00 (overnight), every day\n");
        assertThat(JSON.readTree(kith.ok("me", "--json")).get("workHours").asText()).isEqualTo("22:00-06:00");
        Cli.Result none = kith.run("me", "--work-hours", "10:00-10:00");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("working hours 10:00-10:00 start and end at the same time");
        assertThat(JSON.readTree(kith.ok("me", "--json")).get("workHours").asText()).isEqualTo("22:00-06:00");
        kith.ok("me", "--work-hours", "10:00-16:00");

        kith.ok("me", "--timezone", "europe/paris");
        assertThat(JSON.readTree(kith.ok("me", "--json")).get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(kith.ok("me", "--timezone", "")).startsWith("Ada L. (ada)\n  home:        London\n").contains("time zone:   the machine's, UTC,");
        assertThat(JSON.readTree(kith.ok("me", "--json")).get("city").asText()).isEqualTo("London");
    }

    @BothDatabases
    void anotherAccountSeesNothingOfTheOwners(TestDatabase db) {
        Cli kith = new Cli(db);
        kith.ok("add", "Grace Hopper", "--every", "1w");
        db.database().useTransaction(handle -> {
            long id = handle.createQuery("INSERT INTO users (username) VALUES ('bob') RETURNING id").mapTo(Long.class).one();
            handle.createUpdate("INSERT INTO circles (user_id, name, cadence) VALUES (:id, 'Mentors', 'P1M')").bind("id", id).execute();
        });
        assertThat(kith.ok("--user", "bob", "contacts")).contains("No contacts");
        Cli.Result show = kith.run("--user", "bob", "show", "Grace Hopper");
        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.err()).contains("no contact matches");
        assertThat(kith.run("--user", "bob", "show", "1").exitCode()).isEqualTo(1);
        Cli.Result unknown = kith.run("--user", "carol", "today");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no account named 'carol'").contains("ada").contains("bob");
    }

    private static java.util.List<String> names(String json) throws IOException {
        java.util.List<String> names = new java.util.ArrayList<>();
        JSON.readTree(json).forEach(node -> names.add(node.get("name").asText()));
        return names;
    }
}
