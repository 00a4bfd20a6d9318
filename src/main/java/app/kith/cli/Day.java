package app.kith.cli;

import java.time.LocalDate;

/**
 * A DATE as typed on the command line: a calendar date, or a day counted from today ({@code today}, {@code yesterday},
 * {@code tomorrow}). Which date "today" is depends on the account (the date in its profile's time zone), known only
 * once the command runs, so a counted day is resolved then ({@link KithCommand#date}), not while the words are read.
 */
record Day(LocalDate date, int fromToday) {
    static Day of(LocalDate date) {
        return new Day(date, 0);
    }

    static Day counted(int fromToday) {
        return new Day(null, fromToday);
    }

    /** The date this is, on a day whose date is {@code today}. */
    LocalDate on(LocalDate today) {
        return date != null ? date : today.plusDays(fromToday);
    }
}
