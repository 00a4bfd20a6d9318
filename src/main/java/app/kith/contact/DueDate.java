package app.kith.contact;

import java.time.LocalDate;

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
                               LocalDate snoozedUntil, LocalDate awayUntil, ContactDays days) {
        if (cadence == null) {
            return null;
        }
        LocalDate due = cadence.after(lastTouch != null ? lastTouch : addedOn);
        due = dayAfter(due, snoozedUntil);
        due = dayAfter(due, awayUntil);
        while (!days.accepts(due.getDayOfWeek())) {
            due = due.plusDays(1);
        }
        return due;
    }

    private static LocalDate dayAfter(LocalDate due, LocalDate blockedThrough) {
        return blockedThrough != null && !due.isAfter(blockedThrough) ? blockedThrough.plusDays(1) : due;
    }
}
