package app.kith.contact;

import app.kith.shared.Weekdays;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DueDateTest {
    private static final Cadence MONTHLY = Cadence.parse("1m");
    private static final Cadence TWO_WEEKS = Cadence.parse("2w");
    /** Thursday. */
    private static final LocalDate ADDED = LocalDate.of(2026, 3, 5);

    private static LocalDate due(Cadence cadence, LocalDate lastTouch, LocalDate snoozedUntil, LocalDate awayUntil,
                                 Weekdays days) {
        return DueDate.of(cadence, lastTouch, ADDED, snoozedUntil, awayUntil, days);
    }

    @Test
    void aContactWithoutACadenceIsNeverDue() {
        assertThat(DueDate.of(null, LocalDate.of(2026, 3, 1), ADDED, null, null, Weekdays.ANY)).isNull();
    }

    @Test
    void awayOrSnoozedThroughTheLastDateIsDueOnTheLastDate() {
        assertThat(due(TWO_WEEKS, null, LocalDate.of(9999, 12, 31), null, Weekdays.ANY)).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(due(TWO_WEEKS, null, null, LocalDate.MAX, Weekdays.parse("mon"))).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void aSnoozeHoldsTheDueDateOnlyWhereItPutIt() {
        LocalDate saturday = LocalDate.of(2026, 3, 14);
        // Due in a month; a snooze of a week did not move that, and is not why they wait.
        LocalDate monthAway = due(MONTHLY, null, saturday, null, Weekdays.ANY);
        assertThat(monthAway).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(DueDate.heldBy(monthAway, saturday, Weekdays.ANY)).isFalse();
        // Due in two weeks (19 Mar), snoozed through 31 Mar: due the day after, as the snooze put it.
        LocalDate held = due(TWO_WEEKS, null, LocalDate.of(2026, 3, 31), null, Weekdays.ANY);
        assertThat(held).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(DueDate.heldBy(held, LocalDate.of(2026, 3, 31), Weekdays.ANY)).isTrue();
        // Only on Mondays: the first Monday after the snooze is where it put them.
        Weekdays mondays = Weekdays.parse("mon");
        LocalDate monday = due(TWO_WEEKS, null, saturday.plusWeeks(1), null, mondays);
        assertThat(monday).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(DueDate.heldBy(monday, saturday.plusWeeks(1), mondays)).isTrue();
        assertThat(DueDate.heldBy(monday.plusWeeks(1), saturday.plusWeeks(1), mondays)).isFalse();
        // For good; and neither a snooze nor a due date.
        LocalDate last = LocalDate.of(9999, 12, 31);
        assertThat(DueDate.heldBy(due(TWO_WEEKS, null, last, null, mondays), last, mondays)).isTrue();
        assertThat(DueDate.heldBy(held, null, Weekdays.ANY)).isFalse();
        assertThat(DueDate.heldBy(null, saturday, Weekdays.ANY)).isFalse();
    }

    @Test
    void aContactNeverTouchedIsDueOneCadenceAfterItWasAdded() {
        assertThat(due(TWO_WEEKS, null, null, null, Weekdays.ANY)).isEqualTo(LocalDate.of(2026, 3, 19));
    }

    @Test
    void theLastTouchStartsTheClock() {
        assertThat(due(TWO_WEEKS, LocalDate.of(2026, 4, 1), null, null, Weekdays.ANY))
                .isEqualTo(LocalDate.of(2026, 4, 15));
    }

    @Test
    void aTouchBeforeTheContactWasAddedStillCounts() {
        // An imported contact may carry a last touch from before the import.
        assertThat(due(TWO_WEEKS, LocalDate.of(2026, 2, 1), null, null, Weekdays.ANY))
                .isEqualTo(LocalDate.of(2026, 2, 15));
    }

    @Test
    void aMonthlyCadenceFromTheThirtyFirstOfJanuaryFallsOnTheLastDayOfFebruary() {
        assertThat(due(MONTHLY, LocalDate.of(2026, 1, 31), null, null, Weekdays.ANY))
                .isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(due(MONTHLY, LocalDate.of(2028, 1, 31), null, null, Weekdays.ANY))
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void aSnoozeMovesTheDueDateToTheDayAfterItEnds() {
        assertThat(due(TWO_WEEKS, null, LocalDate.of(2026, 3, 25), null, Weekdays.ANY))
                .isEqualTo(LocalDate.of(2026, 3, 26));
    }

    @Test
    void aSnoozeEndingOnTheDueDateStillMovesIt() {
        assertThat(due(TWO_WEEKS, null, LocalDate.of(2026, 3, 19), null, Weekdays.ANY))
                .isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @Test
    void aSnoozeThatEndsBeforeTheDueDateChangesNothing() {
        assertThat(due(TWO_WEEKS, null, LocalDate.of(2026, 3, 18), null, Weekdays.ANY))
                .isEqualTo(LocalDate.of(2026, 3, 19));
        assertThat(due(TWO_WEEKS, null, LocalDate.of(2025, 12, 31), null, Weekdays.ANY))
                .isEqualTo(LocalDate.of(2026, 3, 19));
    }

    @Test
    void beingAwayMovesTheDueDateToTheDayAfterTheReturn() {
        assertThat(due(TWO_WEEKS, null, null, LocalDate.of(2026, 4, 30), Weekdays.ANY))
                .isEqualTo(LocalDate.of(2026, 5, 1));
    }

    @Test
    void anAbsenceThatEndedBeforeTheDueDateChangesNothing() {
        assertThat(due(TWO_WEEKS, null, null, LocalDate.of(2026, 3, 10), Weekdays.ANY))
                .isEqualTo(LocalDate.of(2026, 3, 19));
    }

    @Test
    void withBothASnoozeAndAnAbsenceTheLaterOneWins() {
        LocalDate earlier = LocalDate.of(2026, 3, 25);
        LocalDate later = LocalDate.of(2026, 4, 10);
        assertThat(due(TWO_WEEKS, null, earlier, later, Weekdays.ANY)).isEqualTo(LocalDate.of(2026, 4, 11));
        assertThat(due(TWO_WEEKS, null, later, earlier, Weekdays.ANY)).isEqualTo(LocalDate.of(2026, 4, 11));
    }

    @Test
    void aSnoozeEndingInsideAnAbsenceStillLandsAfterTheAbsence() {
        // The snooze moves the date to 21 March, which is inside the absence, so the absence moves it again.
        assertThat(due(TWO_WEEKS, null, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 22), Weekdays.ANY))
                .isEqualTo(LocalDate.of(2026, 3, 23));
    }

    @Test
    void aDueDateOnAWeekendMovesToMondayForAWeekdaysContact() {
        // 5 March 2026 + 2 weeks + 2 days = Saturday 21 March.
        LocalDate saturday = LocalDate.of(2026, 3, 21);
        assertThat(saturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(due(Cadence.parse("16d"), null, null, null, Weekdays.parse("weekdays")))
                .isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(due(Cadence.parse("17d"), null, null, null, Weekdays.parse("weekdays")))
                .isEqualTo(LocalDate.of(2026, 3, 23));
    }

    @Test
    void aDueDateOnAnAcceptedDayStays() {
        assertThat(due(TWO_WEEKS, null, null, null, Weekdays.parse("thu")))
                .isEqualTo(LocalDate.of(2026, 3, 19));
    }

    @Test
    void aContactWhoAcceptsOneDayIsDueOnTheNextSuchDay() {
        // Due Thursday 19 March; Tuesdays only -> Tuesday 24 March.
        LocalDate due = due(TWO_WEEKS, null, null, null, Weekdays.parse("tue"));
        assertThat(due).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    }

    @Test
    void theAcceptedDayIsLookedForAfterTheSnooze() {
        // Snoozed through Friday 27 March; weekdays only -> Monday 30 March, not Saturday 28.
        assertThat(due(TWO_WEEKS, null, LocalDate.of(2026, 3, 27), null, Weekdays.parse("weekdays")))
                .isEqualTo(LocalDate.of(2026, 3, 30));
    }

    @Test
    void theAcceptedDayIsLookedForAfterTheAbsence() {
        // Away through Wednesday 1 April; Mondays only -> Monday 6 April.
        assertThat(due(TWO_WEEKS, null, null, LocalDate.of(2026, 4, 1), Weekdays.parse("monday")))
                .isEqualTo(LocalDate.of(2026, 4, 6));
    }

    @Test
    void anyDayNeverMovesTheDueDate() {
        for (int days = 1; days <= 7; days++) {
            Cadence cadence = Cadence.parse(days + "d");
            assertThat(due(cadence, null, null, null, Weekdays.ANY)).isEqualTo(ADDED.plusDays(days));
        }
    }

    @Test
    void theDueDateIsNeverBeforeTheCadenceHasPassedNorOnARefusedDay() {
        Weekdays monWedFri = Weekdays.parse("mon,wed,fri");
        LocalDate touch = LocalDate.of(2026, 1, 1);
        for (int offset = 0; offset < 60; offset++) {
            LocalDate lastTouch = touch.plusDays(offset);
            LocalDate due = due(MONTHLY, lastTouch, null, null, monWedFri);
            assertThat(due).isAfterOrEqualTo(MONTHLY.after(lastTouch));
            assertThat(due).isBeforeOrEqualTo(MONTHLY.after(lastTouch).plusDays(2));
            assertThat(monWedFri.accepts(due.getDayOfWeek())).as("due %s", due).isTrue();
        }
    }
}
