package app.kith.agenda;

import app.kith.OwnerFixture;
import app.kith.account.ProfileChanges;
import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.interaction.Kind;
import app.kith.shared.Weekdays;
import app.kith.storage.BothDatabases;
import app.kith.storage.Dialect;
import app.kith.storage.TestDatabase;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static app.kith.storage.Columns.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AgendaServiceTest extends OwnerFixture {
    @BothDatabases
    void theMostOverdueRelativeToTheirCadenceComeFirst(TestDatabase test) {
        open(test);
        // 24 days late on a yearly cadence is less pressing than 5 days late on a ten-day one.
        Contact yearly = every("Yearly Yara", "1y", LocalDate.of(2025, 3, 1));
        Contact tenDays = every("Ten-day Theo", "10d", null);
        Contact monthly = every("Monthly Mia", "1m", LocalDate.of(2026, 2, 10));

        Agenda agenda = kith.agenda().day(me, LocalDate.of(2026, 3, 25));

        assertThat(agenda.date()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(agenda.due())
                .extracting(Agenda.Entry::id, Agenda.Entry::dueOn, Agenda.Entry::overdueDays)
                .containsExactly(
                        tuple(tenDays.id(), LocalDate.of(2026, 3, 20), 5L),
                        tuple(monthly.id(), LocalDate.of(2026, 3, 10), 15L),
                        tuple(yearly.id(), LocalDate.of(2026, 3, 1), 24L));
        assertThat(agenda.waiting()).isZero();
    }

    @BothDatabases
    void anAgendaShowsAtMostTheDailyLimitAndCountsTheRestAsWaiting(TestDatabase test) {
        open(test);
        kith.accounts().updateProfile(me, new ProfileChanges(null, null, null, null, null, 2));
        for (int late = 1; late <= 5; late++) {
            every("Late " + late, "1m", TODAY.minusMonths(1).minusDays(late));
        }

        Agenda agenda = kith.agenda().day(me, TODAY);

        assertThat(agenda.limit()).isEqualTo(2);
        assertThat(agenda.due()).extracting(Agenda.Entry::name).containsExactly("Late 5", "Late 4");
        assertThat(agenda.waiting()).isEqualTo(3);
    }

    @BothDatabases
    void theDailyLimitCountsThePeopleReachedThatDaySoActingOnTodayDoesNotFillItAgain(TestDatabase test) {
        open(test);
        kith.accounts().updateProfile(me, new ProfileChanges(null, null, null, null, null, 3));
        List<Contact> late = new ArrayList<>();
        for (int days = 1; days <= 7; days++) {
            late.add(every("Late " + days, "1m", TODAY.minusMonths(1).minusDays(days)));
        }
        Contact notDue = every("Not Due", "1m", TODAY.minusDays(3));
        assertThat(kith.agenda().day(me, TODAY).due()).extracting(Agenda.Entry::name).containsExactly("Late 7", "Late 6", "Late 5");

        // Two of the three, in one touch: two people reached. A like reaches nobody, nor does a touch dated yesterday.
        kith.interactions().log(me, List.of(late.get(6).id(), late.get(5).id()), Kind.COFFEE, TODAY, null);
        kith.interactions().log(me, List.of(late.get(4).id()), Kind.SOCIAL, TODAY, null);
        kith.interactions().log(me, List.of(late.get(3).id()), Kind.CALL, TODAY.minusDays(1), null);
        Agenda agenda = kith.agenda().day(me, TODAY);
        assertThat(agenda.reached()).isEqualTo(2);
        assertThat(agenda.due()).extracting(Agenda.Entry::name).containsExactly("Late 5");
        assertThat(agenda.waiting()).isEqualTo(3);

        // Someone reached who was not on the agenda counts as well: the day's limit is reached.
        kith.interactions().log(me, List.of(notDue.id()), Kind.MESSAGE, TODAY, null);
        agenda = kith.agenda().day(me, TODAY);
        assertThat(agenda.reached()).isEqualTo(3);
        assertThat(agenda.due()).isEmpty();
        assertThat(agenda.waiting()).isEqualTo(4);
        // Reached again the same day, they count once.
        kith.interactions().log(me, List.of(notDue.id()), Kind.EMAIL, TODAY, null);
        assertThat(kith.agenda().day(me, TODAY).reached()).isEqualTo(3);

        // The next day those who waited come first, with the whole limit.
        agenda = kith.agenda().day(me, TODAY.plusDays(1));
        assertThat(agenda.reached()).isZero();
        assertThat(agenda.due()).extracting(Agenda.Entry::name).containsExactly("Late 5", "Late 3", "Late 2");
        assertThat(agenda.waiting()).isEqualTo(1);
    }

    @BothDatabases
    void theWeekAheadNamesTheSoonestAndSaysWhetherMoreFollow(TestDatabase test) {
        open(test);
        every("Zoe In Two Days", "1m", TODAY.minusMonths(1).plusDays(2));
        every("bea tomorrow", "1m", TODAY.minusMonths(1).plusDays(1));
        every("Al Tomorrow", "1m", TODAY.minusMonths(1).plusDays(1));
        every("Due Today", "1m", TODAY.minusMonths(1));
        every("In Eight Days", "1m", TODAY.minusMonths(1).plusDays(8));

        AgendaService.Ahead all = kith.agenda().upcoming(me, TODAY, 7, 3);
        assertThat(all.first()).extracting(AgendaService.Upcoming::name, AgendaService.Upcoming::dueOn).containsExactly(
                tuple("Al Tomorrow", TODAY.plusDays(1)), tuple("bea tomorrow", TODAY.plusDays(1)),
                tuple("Zoe In Two Days", TODAY.plusDays(2)));
        assertThat(all.more()).isFalse();

        AgendaService.Ahead first = kith.agenda().upcoming(me, TODAY, 7, 2);
        assertThat(first.first()).extracting(AgendaService.Upcoming::name).containsExactly("Al Tomorrow", "bea tomorrow");
        assertThat(first.more()).isTrue();
    }

    @BothDatabases
    void theWeekAheadShowsThoseDueAlreadyWhoWaitForOneOfTheirDays(TestDatabase test) {
        open(test);
        // Today is a Tuesday. Sam was due on Sunday and takes contact on Sundays only; Tim's day is today.
        dueOn("Sunday Sam", TODAY.minusDays(2), "sun");
        dueOn("Tuesday Tim", TODAY.minusDays(7), "tue");
        dueOn("Friday Fay", TODAY.plusDays(3), "fri");
        dueOn("Any-day Ann", TODAY.plusDays(4), null);

        assertThat(kith.agenda().day(me, TODAY).due()).extracting(Agenda.Entry::name).containsExactly("Tuesday Tim");
        AgendaService.Ahead ahead = kith.agenda().upcoming(me, TODAY, 7, 10);
        assertThat(ahead.first())
                .extracting(AgendaService.Upcoming::name, AgendaService.Upcoming::dueOn, AgendaService.Upcoming::dueAlready)
                .containsExactly(tuple("Friday Fay", TODAY.plusDays(3), false), tuple("Any-day Ann", TODAY.plusDays(4), false),
                        tuple("Sunday Sam", TODAY.plusDays(5), true));
        assertThat(ahead.more()).isFalse();
        AgendaService.Ahead first = kith.agenda().upcoming(me, TODAY, 7, 2);
        assertThat(first.first()).extracting(AgendaService.Upcoming::name).containsExactly("Friday Fay", "Any-day Ann");
        assertThat(first.more()).isTrue();
        // On Sunday, Sam is on the agenda, not ahead.
        assertThat(kith.agenda().upcoming(me, TODAY.plusDays(5), 7, 10).first()).extracting(AgendaService.Upcoming::name)
                .doesNotContain("Sunday Sam");
    }

    @BothDatabases
    void ofManyWaitingForTheirDayTheSoonestAreReadThenByName(TestDatabase test) {
        open(test);
        // Today is a Tuesday. Many wait for Sunday, added first; fewer for Thursday and one for Wednesday, added last.
        for (int i = 0; i < 12; i++) {
            dueOn("Sunday " + (char) ('A' + i), TODAY.minusDays(2), "sun");
        }
        dueOn("thursday Bo", TODAY.minusDays(3), "thu,sat");
        dueOn("Thursday Al", TODAY.minusDays(5), "thu");
        dueOn("Zed Wednesday", TODAY.minusDays(6), "wed,sun");

        AgendaService.Ahead ahead = kith.agenda().upcoming(me, TODAY, 7, 4);
        assertThat(ahead.first()).extracting(AgendaService.Upcoming::name, AgendaService.Upcoming::dueOn)
                .containsExactly(tuple("Zed Wednesday", TODAY.plusDays(1)), tuple("Thursday Al", TODAY.plusDays(2)),
                        tuple("thursday Bo", TODAY.plusDays(2)), tuple("Sunday A", TODAY.plusDays(5)));
        assertThat(ahead.more()).isTrue();
        assertThat(kith.agenda().next(me, TODAY)).map(AgendaService.Upcoming::name).contains("Zed Wednesday");
    }

    @BothDatabases
    void theWaitingAreCutByNameAsJavaOrdersNamesWhateverTheDatabasesCollation(TestDatabase test) {
        open(test);
        if (test.dialect() == Dialect.POSTGRESQL) {
            // As in a database made with glibc's English locale, whose collation passes over spaces: Anna before Ann Lee.
            test.database().withHandle(handle -> handle.execute("""
                    CREATE COLLATION IF NOT EXISTS english_spaces_aside (provider = icu, locale = 'en-u-ka-shifted');
                    ALTER TABLE contacts DROP COLUMN sort_name;
                    ALTER TABLE contacts ALTER COLUMN full_name TYPE text COLLATE english_spaces_aside;
                    ALTER TABLE contacts ADD COLUMN sort_name text GENERATED ALWAYS AS (kith_sort(full_name)) STORED
                    """));
        }
        dueOn("Anna", TODAY.minusDays(5), "thu");
        dueOn("Ann Lee", TODAY.minusDays(5), "thu");

        assertThat(kith.agenda().upcoming(me, TODAY, 7, 1).first()).extracting(AgendaService.Upcoming::name).containsExactly("Ann Lee");
        assertThat(kith.agenda().next(me, TODAY)).map(AgendaService.Upcoming::name).contains("Ann Lee");
    }

    @BothDatabases
    void whoComesUpNextIsTheFirstDueOrOneDueAlreadyOnTheirDay(TestDatabase test) {
        open(test);
        assertThat(kith.agenda().next(me, TODAY)).isEmpty();
        Contact fay = dueOn("Friday Fay", LocalDate.of(2026, 4, 3), "fri");
        assertThat(kith.agenda().next(me, TODAY)).contains(new AgendaService.Upcoming(fay.id(), "Friday Fay", LocalDate.of(2026, 4, 3), false));
        dueOn("Any-day Ann", LocalDate.of(2026, 4, 2), null);
        assertThat(kith.agenda().next(me, TODAY)).map(AgendaService.Upcoming::name).contains("Any-day Ann");
        // Tied with Ann: by name.
        dueOn("Abe Thursday", LocalDate.of(2026, 4, 2), "thu");
        assertThat(kith.agenda().next(me, TODAY)).map(AgendaService.Upcoming::name).contains("Abe Thursday");
        // Someone due already who waits for their Sunday comes before them.
        dueOn("Sunday Sam", TODAY.minusDays(2), "sun");
        assertThat(kith.agenda().next(me, TODAY)).map(next -> next.name() + " " + next.dueOn() + " " + next.dueAlready())
                .contains("Sunday Sam 2026-03-15 true");
    }

    @BothDatabases
    void contactsNotYetDueUntrackedOrArchivedNeverAppear(TestDatabase test) {
        open(test);
        Contact dueToday = every("Due Today", "1m", TODAY.minusMonths(1));
        every("Due Tomorrow", "1m", TODAY.minusMonths(1).plusDays(1));
        kith.contacts().add(me, ContactChanges.named("Untracked"));
        Contact archived = every("Archived", "1m", TODAY.minusMonths(3));
        kith.contacts().archive(me, archived.id(), true);

        Agenda agenda = kith.agenda().day(me, TODAY);

        assertThat(agenda.due()).extracting(Agenda.Entry::id, Agenda.Entry::overdueDays).containsExactly(tuple(dueToday.id(), 0L));
        assertThat(agenda.waiting()).isZero();
    }

    @BothDatabases
    void aSnoozedContactLeavesTheAgendaUntilTheDayAfterTheSnooze(TestDatabase test) {
        open(test);
        Contact grace = every("Grace Hopper", "1m", TODAY.minusMonths(2));
        assertThat(kith.agenda().day(me, TODAY).due()).extracting(Agenda.Entry::id).containsExactly(grace.id());

        kith.contacts().snooze(me, grace.id(), TODAY.plusDays(3));

        assertThat(kith.agenda().day(me, TODAY).due()).isEmpty();
        assertThat(kith.agenda().day(me, TODAY.plusDays(3)).due()).isEmpty();
        assertThat(kith.agenda().day(me, TODAY.plusDays(4)).due()).extracting(Agenda.Entry::id).containsExactly(grace.id());
    }

    @BothDatabases
    void anOverdueContactWaitsForADayTheyTakeContactOn(TestDatabase test) {
        open(test);
        Contact sundays = every("Sunday Sam", "1m", LocalDate.of(2026, 1, 4));
        kith.contacts().edit(me, sundays.id(), ContactChanges.builder().days("sun").build());
        Contact anyDay = every("Any-day Ann", "1m", LocalDate.of(2026, 1, 4));
        Contact typed = every("Typed Ty", "1m", LocalDate.of(2026, 1, 4));
        kith.contacts().edit(me, typed.id(), ContactChanges.builder().days("Sunday").build());
        Contact weekends = every("Weekend Wes", "1m", LocalDate.of(2026, 1, 4));
        kith.contacts().edit(me, weekends.id(), ContactChanges.builder().days("weekends").build());
        LocalDate saturday = LocalDate.of(2026, 3, 14);

        Agenda onSaturday = kith.agenda().day(me, saturday);
        Agenda onSunday = kith.agenda().day(me, saturday.plusDays(1));

        assertThat(kith.contacts().get(me, sundays.id()).dueOn()).isBefore(saturday);
        assertThat(onSaturday.due()).extracting(Agenda.Entry::name).containsExactlyInAnyOrder("Any-day Ann", "Weekend Wes");
        assertThat(onSaturday.waiting()).isZero();
        assertThat(onSunday.due()).extracting(Agenda.Entry::name)
                .containsExactlyInAnyOrder("Any-day Ann", "Sunday Sam", "Typed Ty", "Weekend Wes");
        // With a daily limit below those due, the agenda read a cadence's first ones only: the same ones wait.
        kith.accounts().updateProfile(me, new ProfileChanges(null, null, null, null, null, 1));
        assertThat(kith.agenda().day(me, saturday).waiting()).isEqualTo(1);
        assertThat(kith.agenda().day(me, saturday.plusDays(1)).waiting()).isEqualTo(3);
    }

    @BothDatabases
    void aTouchTakesTheContactOffTheAgenda(TestDatabase test) {
        open(test);
        Contact grace = every("Grace Hopper", "1m", TODAY.minusMonths(2));

        kith.interactions().log(me, List.of(grace.id()), Kind.COFFEE, TODAY, null);

        assertThat(kith.agenda().day(me, TODAY).due()).isEmpty();
        assertThat(kith.agenda().day(me, TODAY.plusMonths(1)).due()).extracting(Agenda.Entry::lastTouch).containsExactly(TODAY);
    }

    @BothDatabases
    void anAgendaShowsOnlyTheAccountsOwnContacts(TestDatabase test) {
        open(test);
        every("Mine", "1m", TODAY.minusMonths(2));
        long other = kith.database().inTransaction(handle -> {
            long id = handle.createQuery("INSERT INTO users (username) VALUES ('bob') RETURNING id").mapTo(Long.class).one();
            kith.circles().seedDefaults(handle, id);
            return id;
        });
        Contact theirs = kith.contacts().add(other, ContactChanges.builder().name("Theirs").every(Cadence.parse("1w")).build());

        assertThat(kith.agenda().day(me, TODAY.plusYears(1)).due()).extracting(Agenda.Entry::name).containsExactly("Mine");
        assertThat(kith.agenda().day(other, TODAY.plusYears(1)).due()).extracting(Agenda.Entry::id).containsExactly(theirs.id());
    }

    @BothDatabases
    void theSuggestionDependsOnWhereTheContactLives(TestDatabase test) {
        open(test);
        kith.accounts().updateProfile(me, new ProfileChanges(null, "Berlin", "DE", ZoneId.of("Europe/Berlin"), null, null));
        kith.contacts().add(me, ContactChanges.builder().name("Near Nina").city("berlin").country("DE")
                .timezone("Europe/Berlin").every(Cadence.parse("1d")).build());
        kith.contacts().add(me, ContactChanges.builder().name("Far Fred").city("New York").country("US")
                .timezone("America/New_York").every(Cadence.parse("1d")).build());
        kith.contacts().add(me, ContactChanges.builder().name("Unknown Una").every(Cadence.parse("1d")).build());

        Agenda agenda = kith.agenda().day(me, TODAY.plusDays(1));

        assertThat(agenda.due()).extracting(Agenda.Entry::name, entry -> entry.suggestion().format())
                .containsExactly(
                        tuple("Far Fred", Suggestion.Format.VIDEO),
                        tuple("Near Nina", Suggestion.Format.IN_PERSON),
                        tuple("Unknown Una", Suggestion.Format.MESSAGE));
        assertThat(agenda.due().get(0).suggestion().window()).hasToString("14:00-18:00");
        assertThat(agenda.due().get(1).suggestion().window()).hasToString("09:00-18:00");
        assertThat(agenda.due().get(2).suggestion().window()).isNull();
    }

    @BothDatabases
    void withoutATimeZoneOfTheirOwnTheUserLivesByTheMachinesForTheHoursSuggested(TestDatabase test) {
        open(test);
        // No time zone in the profile: the clock's (UTC here) is the user's, as for which day it is.
        kith.accounts().updateProfile(me, new ProfileChanges(null, "London", "GB", null, null, null));
        kith.contacts().add(me, ContactChanges.builder().name("Far Fred").city("New York").country("US")
                .timezone("America/New_York").every(Cadence.parse("1d")).build());
        kith.contacts().add(me, ContactChanges.builder().name("Near Nina").city("London").country("GB").every(Cadence.parse("1d")).build());

        Agenda agenda = kith.agenda().day(me, TODAY.plusDays(1));

        // 09:00-18:00 in UTC meets 09:00-18:00 in New York (UTC-4 in March, after the clocks change) from 13:00.
        assertThat(agenda.due()).extracting(Agenda.Entry::name, entry -> String.valueOf(entry.suggestion().window()))
                .containsExactly(tuple("Far Fred", "13:00-18:00"), tuple("Near Nina", "09:00-18:00"));
        assertThat(kith.accounts().profile(me).zone()).isNull();
    }

    @BothDatabases
    void aBacklogAcrossCadencesGetsTheSameAgendaAsRankingEveryDueContact(TestDatabase test) {
        open(test);
        // Names equal but for case, so the case-insensitive name tie-break (then the id) decides between them.
        List<String> names = List.of("ada byron", "Ada Byron", "ADA BYRON", "bob", "Bob", "Carol", "carol", "dave");
        // 2w touched 28 days ago and 4w touched 56 days ago are exactly as late (1.0) on different due dates.
        List<Integer> daysSinceTouch = List.of(0, 14, 28, 56, 61, 120);
        Map<LocalDate, List<Long>> touches = new TreeMap<>();
        int made = 0;
        for (int kind = 0; kind < 9; kind++) {
            // One group per touch day, and one never touched; three contacts in each, all due on the same day.
            for (int touch = 0; touch <= daysSinceTouch.size(); touch++) {
                for (int i = 0; i < 3; i++) {
                    ContactChanges.Builder changes = ContactChanges.builder().name(names.get(made++ % names.size()));
                    switch (kind) {
                        case 0 -> changes.every(Cadence.parse("10d"));
                        case 1 -> changes.every(Cadence.parse("2w"));
                        case 2 -> changes.every(Cadence.parse("4w"));
                        case 3 -> changes.every(Cadence.parse("2m"));
                        case 4 -> changes.every(Cadence.parse("1y"));
                        case 5 -> changes.circles(List.of("Mentors"));
                        // Its own 1m overrides the circle's 6w: one cadence with the Mentors above.
                        case 6 -> changes.circles(List.of("Current team")).every(Cadence.parse("1m"));
                        case 7 -> changes.circles(List.of("Past teams", "Role models"));
                        default -> changes.circles(List.of("Role models"));
                    }
                    Contact contact = kith.contacts().add(me, changes.build());
                    if (touch < daysSinceTouch.size()) {
                        touches.computeIfAbsent(TODAY.minusDays(daysSinceTouch.get(touch)), day -> new ArrayList<>())
                                .add(contact.id());
                    }
                }
            }
        }
        touches.forEach((day, ids) -> kith.interactions().log(me, ids, Kind.CALL, day, null));
        kith.contacts().add(me, ContactChanges.named("untracked"));
        Contact archived = kith.contacts().add(me, ContactChanges.builder().name("archived").every(Cadence.parse("1w")).build());
        kith.contacts().archive(me, archived.id(), true);
        assertThat(tiedOnDueDateAndNameButForCase(allContacts(), TODAY)).isTrue();

        List<LocalDate> days = List.of(TODAY.minusMonths(1), TODAY, TODAY.plusDays(3), TODAY.plusWeeks(3), TODAY.plusMonths(4));
        for (int limit : new int[] {1, 2, 5, 50}) {
            kith.accounts().updateProfile(me, new ProfileChanges(null, null, null, null, null, limit));
            for (LocalDate day : days) {
                assertSameAgendaAsRankingEveryDueContact(day, limit);
            }
        }
        assertThat(kith.agenda().day(me, TODAY).waiting()).isPositive();
    }

    @BothDatabases
    void randomBacklogsGetTheSameAgendaAsRankingEveryDueContact(TestDatabase test) {
        open(test);
        Random random = new Random(20260310);
        List<String> names = List.of("ada", "Ada", "ADA", "bob", "Bob", "carol", "Dave", "dave", "Eve");
        List<String> cadences = List.of("1w", "2w", "14d", "4w", "1m", "2m", "1y");
        List<String> circles = List.of("Mentors", "Current team", "Past teams", "Events & conferences", "Role models");
        for (int round = 0; round < 3; round++) {
            Map<LocalDate, List<Long>> touches = new TreeMap<>();
            for (int i = 0; i < 100; i++) {
                ContactChanges.Builder changes = ContactChanges.builder()
                        .name(names.get(random.nextInt(names.size())) + (random.nextInt(4) == 0 ? " " + i : ""));
                int kind = random.nextInt(10);
                if (kind < 4) {
                    changes.every(Cadence.parse(cadences.get(random.nextInt(cadences.size()))));
                } else if (kind < 9) {
                    changes.circles(List.of(circles.get(random.nextInt(circles.size())),
                            circles.get(random.nextInt(circles.size()))));
                }
                // Some take contact on a few days only: on the others they wait, off the agenda.
                if (random.nextInt(4) == 0) {
                    changes.days(List.of("mon,thu", "sat,sun", "weekdays", "fri", "tue,wed,sun").get(random.nextInt(5)));
                }
                Contact contact = kith.contacts().add(me, changes.build());
                if (random.nextInt(20) == 0) {
                    kith.contacts().archive(me, contact.id(), true);
                } else if (random.nextInt(8) != 0) {
                    // Few touch days, so contacts of one cadence often share a due date.
                    touches.computeIfAbsent(TODAY.minusDays(random.nextInt(10) * 9L), day -> new ArrayList<>())
                            .add(contact.id());
                }
            }
            touches.forEach((day, ids) -> kith.interactions().log(me, ids, Kind.MESSAGE, day, null));
            for (int check = 0; check < 20; check++) {
                int limit = 1 + random.nextInt(random.nextBoolean() ? 4 : 60);
                kith.accounts().updateProfile(me, new ProfileChanges(null, null, null, null, null, limit));
                assertSameAgendaAsRankingEveryDueContact(TODAY.plusDays(random.nextInt(240) - 60), limit);
            }
        }
    }

    /**
     * The reference: Agenda.plan over every contact, which keeps those due on the day, ranks them all and cuts at the
     * limit less the people touched that day (counted here from every interaction of the account).
     */
    private void assertSameAgendaAsRankingEveryDueContact(LocalDate day, int limit) {
        List<DueContact> everyone = allContacts();
        long reached = kith.exports().snapshot(me).interactions().stream()
                .filter(i -> i.on().equals(day.toString()) && Kind.parse(i.kind()).touch())
                .flatMap(i -> i.contacts().stream()).distinct().count();
        Agenda expected = Agenda.plan(day, kith.accounts().profile(me).zonedBy(clock), everyone, (int) reached);
        long totalDue = everyone.stream()
                .filter(c -> c.dueOn() != null && !c.dueOn().isAfter(day) && c.days().accepts(day.getDayOfWeek())).count();

        Agenda agenda = kith.agenda().day(me, day);

        assertThat(agenda).as("agenda of %s with a daily limit of %d", day, limit).isEqualTo(expected);
        assertThat(agenda.due()).hasSize((int) Math.min(Math.max(0, limit - reached), totalDue));
        assertThat(agenda.waiting()).as("waiting on %s, limit %d", day, limit).isEqualTo(totalDue - agenda.due().size());
    }

    /** Every contact of the account as stored, read with plain SQL, whether due or not. */
    private List<DueContact> allContacts() {
        return kith.database().withHandle(handle -> handle.createQuery("""
                        SELECT id, full_name, due_on, cadence, last_touch_on, city, country, timezone, contact_days
                          FROM contacts WHERE user_id = :userId
                        """)
                .bind("userId", me)
                .map((rows, context) -> new DueContact(rows.getLong("id"), rows.getString("full_name"),
                        date(rows, "due_on"), Cadence.ofIso(rows.getString("cadence")), date(rows, "last_touch_on"),
                        rows.getString("city"), rows.getString("country"),
                        rows.getString("timezone") == null ? null : ZoneId.of(rows.getString("timezone")),
                        Weekdays.parse(rows.getString("contact_days"))))
                .list());
    }

    /** Whether two contacts of one cadence, due by the day, share a due date and a name but for its case. */
    private static boolean tiedOnDueDateAndNameButForCase(List<DueContact> contacts, LocalDate day) {
        return contacts.stream()
                .filter(c -> c.dueOn() != null && !c.dueOn().isAfter(day))
                .collect(Collectors.groupingBy(c -> List.of(c.cadence(), c.dueOn(), c.name().toLowerCase(Locale.ROOT)),
                        Collectors.mapping(DueContact::name, Collectors.toSet())))
                .values().stream()
                .anyMatch(spellings -> spellings.size() > 1);
    }

    /** A contact on its own cadence, last touched on a day (or never). */
    /** A contact due on a given day (every 30 days, touched 30 days before it), who takes contact on {@code days} (null: any). */
    private Contact dueOn(String name, LocalDate dueOn, String days) {
        Contact contact = every(name, "30d", dueOn.minusDays(30));
        if (days != null) {
            kith.contacts().edit(me, contact.id(), ContactChanges.builder().days(days).build());
        }
        Contact stored = kith.contacts().get(me, contact.id());
        assertThat(stored.dueOn()).isEqualTo(dueOn);
        return stored;
    }

    private Contact every(String name, String cadence, LocalDate lastTouch) {
        Contact contact = kith.contacts().add(me, ContactChanges.builder().name(name).every(Cadence.parse(cadence)).build());
        if (lastTouch != null) {
            kith.interactions().log(me, List.of(contact.id()), Kind.CALL, lastTouch, null);
        }
        return kith.contacts().get(me, contact.id());
    }
}
