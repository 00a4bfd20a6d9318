package app.kith.agenda;

import app.kith.account.Profile;
import app.kith.account.WorkHours;
import app.kith.agenda.Agenda.Entry;
import app.kith.agenda.Suggestion.Format;
import app.kith.contact.Cadence;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AgendaTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T07:30:00Z"), BERLIN);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final Cadence WEEKLY = Cadence.parse("1w");
    private static final Cadence TWO_WEEKS = Cadence.parse("2w");
    private static final Cadence MONTHLY = Cadence.parse("1m");
    private static final Cadence HALF_YEARLY = Cadence.parse("6m");

    private static Profile me(int dailyLimit) {
        return new Profile("ada", "Ada Lovelace", "Berlin", "DE", BERLIN, WorkHours.DEFAULT, dailyLimit);
    }

    private static DueContact contact(long id, String name, LocalDate dueOn, Cadence cadence) {
        return new DueContact(id, name, dueOn, cadence, null, "Berlin", "DE", BERLIN);
    }

    private static DueContact daysLate(long id, String name, int days, Cadence cadence) {
        return contact(id, name, TODAY.minusDays(days), cadence);
    }

    private static List<String> names(Agenda agenda) {
        return agenda.due().stream().map(Entry::name).toList();
    }

    @Test
    void todayIsTheTenthOfMarch() {
        assertThat(TODAY).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void overdueContactsComeFirst() {
        Agenda agenda = Agenda.plan(TODAY, me(10), List.of(
                daysLate(1, "Due today", 0, MONTHLY),
                daysLate(2, "Late", 10, MONTHLY),
                daysLate(3, "A little late", 3, MONTHLY)));
        assertThat(names(agenda)).containsExactly("Late", "A little late", "Due today");
    }

    @Test
    void lateOnAShortCadenceOutranksLaterOnALongOne() {
        // 7 days late on a monthly cadence is about 23% of it; 10 days on six months is about 5%.
        Agenda agenda = Agenda.plan(TODAY, me(10), List.of(
                daysLate(1, "Half-yearly", 10, HALF_YEARLY),
                daysLate(2, "Monthly", 7, MONTHLY)));
        assertThat(names(agenda)).containsExactly("Monthly", "Half-yearly");
    }

    @Test
    void latenessIsDaysOverdueAsAFractionOfTheCadence() {
        assertThat(Agenda.lateness(daysLate(1, "A", 7, WEEKLY), TODAY)).isEqualTo(1.0);
        assertThat(Agenda.lateness(daysLate(1, "A", 0, WEEKLY), TODAY)).isZero();
        assertThat(Agenda.lateness(daysLate(1, "A", 7, MONTHLY), TODAY)).isCloseTo(7 / 30.436875, within(1e-12));
        assertThat(Agenda.lateness(daysLate(1, "A", 10, HALF_YEARLY), TODAY)).isCloseTo(10 / 182.62125, within(1e-12));
    }

    @Test
    void equallyLateContactsGoByTheEarlierDueDate() {
        // A week late on a weekly cadence and two weeks late on a two-week cadence are equally late.
        Agenda agenda = Agenda.plan(TODAY, me(10), List.of(
                daysLate(1, "Aaron", 7, WEEKLY),
                daysLate(2, "Zoe", 14, TWO_WEEKS)));
        assertThat(names(agenda)).containsExactly("Zoe", "Aaron");
    }

    @Test
    void equallyLateOnMonthCadencesAlsoGoByTheEarlierDueDate() {
        Agenda agenda = Agenda.plan(TODAY, me(10), List.of(
                daysLate(1, "Monthly", 10, MONTHLY),
                daysLate(2, "Quarterly", 30, Cadence.parse("3m")),
                daysLate(3, "Yearly", 120, Cadence.parse("1y"))));
        assertThat(names(agenda)).containsExactly("Yearly", "Quarterly", "Monthly");
    }

    @Test
    void equallyLateOnTheSameDayGoByName() {
        Agenda agenda = Agenda.plan(TODAY, me(10), List.of(
                daysLate(1, "Charles", 5, MONTHLY),
                daysLate(2, "Ada", 5, MONTHLY),
                daysLate(3, "Betty", 5, MONTHLY)));
        assertThat(names(agenda)).containsExactly("Ada", "Betty", "Charles");
    }

    @Test
    void namesAreComparedWithoutRegardToCase() {
        Agenda agenda = Agenda.plan(TODAY, me(10), List.of(
                daysLate(1, "Bob", 5, MONTHLY),
                daysLate(2, "alice", 5, MONTHLY),
                daysLate(3, "carol", 5, MONTHLY)));
        assertThat(names(agenda)).containsExactly("alice", "Bob", "carol");
    }

    @Test
    void sameNameFallsBackToTheId() {
        Agenda agenda = Agenda.plan(TODAY, me(10), List.of(
                daysLate(9, "Sam Smith", 5, MONTHLY),
                daysLate(4, "sam smith", 5, MONTHLY),
                daysLate(7, "Sam Smith", 5, MONTHLY)));
        assertThat(agenda.due()).extracting(Entry::id).containsExactly(4L, 7L, 9L);
    }

    @Test
    void theOrderDoesNotDependOnTheOrderOfTheCandidates() {
        List<DueContact> candidates = new ArrayList<>(List.of(
                daysLate(1, "Ada", 7, WEEKLY),
                daysLate(2, "Betty", 14, TWO_WEEKS),
                daysLate(3, "Charles", 7, MONTHLY),
                daysLate(4, "dora", 7, MONTHLY),
                daysLate(5, "Dora", 7, MONTHLY),
                daysLate(6, "Emmy", 10, HALF_YEARLY),
                daysLate(7, "Felix", 0, WEEKLY)));
        List<Long> expected = List.of(2L, 1L, 3L, 4L, 5L, 6L, 7L);
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(candidates, random);
            assertThat(Agenda.plan(TODAY, me(10), candidates).due()).extracting(Entry::id).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void contactsNotYetDueAreLeftOut() {
        Agenda agenda = Agenda.plan(TODAY, me(10), List.of(
                contact(1, "Tomorrow", TODAY.plusDays(1), MONTHLY),
                contact(2, "Today", TODAY, MONTHLY),
                contact(3, "Next year", TODAY.plusYears(1), MONTHLY)));
        assertThat(names(agenda)).containsExactly("Today");
        assertThat(agenda.waiting()).isZero();
    }

    @Test
    void contactsWithoutADueDateOrCadenceAreLeftOut() {
        Agenda agenda = Agenda.plan(TODAY, me(10), List.of(
                contact(1, "No due date", null, MONTHLY),
                contact(2, "No cadence", TODAY.minusDays(3), null),
                contact(3, "Tracked", TODAY.minusDays(3), MONTHLY)));
        assertThat(names(agenda)).containsExactly("Tracked");
        assertThat(agenda.waiting()).isZero();
    }

    @Test
    void atMostTheDailyLimitIsShownAndTheRestWait() {
        List<DueContact> candidates = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            candidates.add(daysLate(i, "Contact " + i, i, MONTHLY));
        }
        candidates.add(contact(99, "Not yet", TODAY.plusDays(2), MONTHLY));
        Agenda agenda = Agenda.plan(TODAY, me(3), candidates);
        assertThat(agenda.limit()).isEqualTo(3);
        assertThat(names(agenda)).containsExactly("Contact 8", "Contact 7", "Contact 6");
        assertThat(agenda.waiting()).isEqualTo(5);
    }

    @Test
    void fewerDueThanTheLimitLeavesNobodyWaiting() {
        Agenda agenda = Agenda.plan(TODAY, me(5), List.of(daysLate(1, "Ada", 2, MONTHLY), daysLate(2, "Betty", 1, MONTHLY)));
        assertThat(agenda.due()).hasSize(2);
        assertThat(agenda.waiting()).isZero();
    }

    @Test
    void exactlyTheLimitLeavesNobodyWaiting() {
        Agenda agenda = Agenda.plan(TODAY, me(2), List.of(daysLate(1, "Ada", 2, MONTHLY), daysLate(2, "Betty", 1, MONTHLY)));
        assertThat(agenda.due()).hasSize(2);
        assertThat(agenda.waiting()).isZero();
    }

    @Test
    void aLimitOfZeroShowsNobodyAndCountsEveryoneAsWaiting() {
        Agenda agenda = Agenda.plan(TODAY, me(0), List.of(daysLate(1, "Ada", 2, MONTHLY), daysLate(2, "Betty", 1, MONTHLY)));
        assertThat(agenda.due()).isEmpty();
        assertThat(agenda.waiting()).isEqualTo(2);
    }

    @Test
    void aDayWithNobodyDueIsAnEmptyAgenda() {
        Agenda agenda = Agenda.plan(TODAY, me(5), List.of());
        assertThat(agenda.date()).isEqualTo(TODAY);
        assertThat(agenda.due()).isEmpty();
        assertThat(agenda.waiting()).isZero();
    }

    @Test
    void overdueDaysCountFromTheDueDateAcrossMonthEnds() {
        Agenda agenda = Agenda.plan(LocalDate.of(2026, 3, 3), me(5), List.of(
                contact(1, "Late", LocalDate.of(2026, 2, 25), MONTHLY),
                contact(2, "On time", LocalDate.of(2026, 3, 3), MONTHLY)));
        assertThat(agenda.due()).extracting(Entry::overdueDays).containsExactly(6L, 0L);
    }

    @Test
    void overdueDaysCountTheLeapDay() {
        Agenda agenda = Agenda.plan(LocalDate.of(2028, 3, 1), me(5), List.of(
                contact(1, "Late", LocalDate.of(2028, 2, 27), MONTHLY)));
        assertThat(agenda.due().get(0).overdueDays()).isEqualTo(3);
    }

    @Test
    void anEntryCarriesWhatTheDoorsShow() {
        LocalDate lastTouch = LocalDate.of(2026, 2, 1);
        DueContact grace = new DueContact(42, "Grace Hopper", LocalDate.of(2026, 3, 1), MONTHLY, lastTouch,
                "New York", "US", ZoneId.of("America/New_York"));
        Entry entry = Agenda.plan(TODAY, me(5), List.of(grace)).due().get(0);
        assertThat(entry.id()).isEqualTo(42);
        assertThat(entry.name()).isEqualTo("Grace Hopper");
        assertThat(entry.dueOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(entry.overdueDays()).isEqualTo(9);
        assertThat(entry.cadence()).isEqualTo(MONTHLY);
        assertThat(entry.lastTouch()).isEqualTo(lastTouch);
        assertThat(entry.suggestion().format()).isEqualTo(Format.VIDEO);
        // 10 March: New York has moved its clocks, Berlin has not.
        assertThat(entry.suggestion().window()).hasToString("14:00-18:00");
    }

    @Test
    void eachEntryGetsTheWindowOfItsOwnTimeZoneAndItsOwnFormat() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        List<DueContact> candidates = List.of(
                new DueContact(1, "Ann", TODAY.minusDays(9), MONTHLY, null, "New York", "US", newYork),
                new DueContact(2, "Bo", TODAY.minusDays(8), MONTHLY, null, "Berlin", "DE", BERLIN),
                new DueContact(3, "Cy", TODAY.minusDays(7), MONTHLY, null, "Brooklyn", "US", newYork),
                new DueContact(4, "Di", TODAY.minusDays(6), MONTHLY, null, "Tokyo", "JP", tokyo),
                new DueContact(5, "Ed", TODAY.minusDays(5), MONTHLY, null, null, null, null),
                new DueContact(6, "Flo", TODAY.minusDays(4), MONTHLY, null, "Berlin", "DE", BERLIN));
        List<Entry> due = Agenda.plan(TODAY, me(10), candidates).due();
        assertThat(due).extracting(Entry::name).containsExactly("Ann", "Bo", "Cy", "Di", "Ed", "Flo");
        for (int i = 0; i < due.size(); i++) {
            DueContact contact = candidates.get(i);
            assertThat(due.get(i).suggestion()).as(contact.name())
                    .isEqualTo(Suggestion.forContact(me(10), contact, TODAY));
        }
        assertThat(due).extracting(entry -> String.valueOf(entry.suggestion().window()))
                .containsExactly("14:00-18:00", "09:00-18:00", "14:00-18:00", "09:00-10:00", "null", "09:00-18:00");
    }

    @Test
    void aContactInYourCityIsSuggestedInPerson() {
        Entry entry = Agenda.plan(TODAY, me(5), List.of(daysLate(1, "Neighbour", 1, MONTHLY))).due().get(0);
        assertThat(entry.suggestion().format()).isEqualTo(Format.IN_PERSON);
        assertThat(entry.suggestion().window()).hasToString("09:00-18:00");
    }

    @Test
    void planningTwiceGivesTheSameAgenda() {
        List<DueContact> candidates = List.of(daysLate(1, "Ada", 2, MONTHLY), daysLate(2, "Betty", 9, WEEKLY));
        assertThat(Agenda.plan(TODAY, me(5), candidates)).isEqualTo(Agenda.plan(TODAY, me(5), candidates));
    }

    @Test
    void aPastDayIsPlannedAsOfThatDay() {
        List<DueContact> candidates = List.of(
                contact(1, "Early", LocalDate.of(2026, 3, 1), MONTHLY),
                contact(2, "Later", LocalDate.of(2026, 3, 8), MONTHLY));
        Agenda agenda = Agenda.plan(LocalDate.of(2026, 3, 5), me(5), candidates);
        assertThat(names(agenda)).containsExactly("Early");
        assertThat(agenda.due().get(0).overdueDays()).isEqualTo(4);
    }
}
