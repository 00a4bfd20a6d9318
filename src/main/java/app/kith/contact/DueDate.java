package app.kith.contact;

import app.kith.shared.Dates;

import app.kith.shared.Weekdays;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The rule for when a contact is next due: last touch (else the day they were added) plus the cadence,
 * moved past any snooze or away-until date, then onto a day of the week they accept.
 * Pure, so every door and the store that keeps {@code due_on} current agree on it.
 */
public final class DueDate {
    private DueDate() {
    }

    /** The due date, or null when there is no cadence (the contact is not tracked). */
    public static LocalDate of(Cadence cadence, LocalDate lastTouch, LocalDate addedOn,
                               LocalDate snoozedUntil, LocalDate awayUntil, Weekdays days) {
        return of(cadence, lastTouch, addedOn, null, snoozedUntil, awayUntil, days);
    }

    /**
     * The due date of a contact that may have been imported: one never touched and given a {@code firstDueSpread}
     * (0 to 1) is first due that far into its first cadence period (at least a day after it was added) rather
     * than at its end, so that a thousand contacts imported on one day do not all fall due on one day.
     */
    public static LocalDate of(Cadence cadence, LocalDate lastTouch, LocalDate addedOn, Double firstDueSpread,
                               LocalDate snoozedUntil, LocalDate awayUntil, Weekdays days) {
        if (cadence == null) {
            return null;
        }
        LocalDate due;
        if (lastTouch == null && firstDueSpread != null) {
            long period = ChronoUnit.DAYS.between(addedOn, cadence.after(addedOn));
            long offset = 1 + (long) Math.floor(Math.max(0, Math.min(1, firstDueSpread)) * period);
            due = addedOn.plusDays(Math.max(1, Math.min(period, offset)));
        } else {
            due = cadence.after(lastTouch != null ? lastTouch : addedOn);
        }
        due = dayAfter(due, snoozedUntil);
        due = dayAfter(due, awayUntil);
        return onTheirDay(due, days);
    }

    /**
     * Whether a due date is where a snooze or an absence through {@code through} put it: the first of their days
     * after it. One that ends before the due date would come anyway did not move it, and is not why they wait.
     */
    public static boolean heldBy(LocalDate dueOn, LocalDate through, Weekdays days) {
        return dueOn != null && through != null && dueOn.equals(onTheirDay(Dates.dayAfter(through), days));
    }

    /** The first day from {@code due} on that is one of their days. */
    private static LocalDate onTheirDay(LocalDate due, Weekdays days) {
        while (!days.accepts(due.getDayOfWeek()) && due.isBefore(Dates.LAST)) {
            due = due.plusDays(1);
        }
        // Snoozed or away "for ever" (through 9999-12-31): due on the last date a due date can be.
        return due.isAfter(Dates.LAST) ? Dates.LAST : due;
    }

    private static LocalDate dayAfter(LocalDate due, LocalDate blockedThrough) {
        return blockedThrough != null && !due.isAfter(blockedThrough) ? Dates.dayAfter(blockedThrough) : due;
    }
}
