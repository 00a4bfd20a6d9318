package app.kith.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The dates Kith keeps: years 1 to 9999, always written {@code YYYY-MM-DD}. In that form they sort as text in the
 * order of time, which SQLite's text columns rely on ({@code +10000-01-01} would sort before every real date).
 */
public final class Dates {
    public static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    /** How a date is shown to people, on pages and in the terminal alike: "Thu 28 Jan 2027". */
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private Dates() {
    }

    /** The date itself, if from 0001-01-01 to 9999-12-31; else a message that quotes {@code given}, as typed. */
    public static LocalDate inRange(LocalDate date, String given) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw new ValidationException(Quoted.of(given) + " is out of range: use a date from 0001-01-01 to 9999-12-31");
        }
        return date;
    }

    /**
     * The latest date it may be anywhere on Earth by {@code clock}: its date and one day more, since time zones run up
     * to 14 hours ahead of UTC. What a caller that does not know the user's time zone allows as "today" at the latest.
     */
    public static LocalDate latestAnywhere(Clock clock) {
        return LocalDate.now(clock).plusDays(1);
    }

    /** The day after {@code date}, but never past {@link #LAST}. */
    public static LocalDate dayAfter(LocalDate date) {
        return date.isBefore(LAST) ? date.plusDays(1) : LAST;
    }

    /** How long a snooze or an away date holds, as people read it: "through Thu 28 Jan 2027", or "for good" through {@link #LAST}. */
    public static String through(LocalDate last) {
        return last.equals(LAST) ? "for good" : "through " + written(last);
    }

    /** {@code date} as people read it: "Thu 28 Jan 2027" (forms and files keep {@code YYYY-MM-DD}). */
    public static String written(LocalDate date) {
        return WRITTEN.format(date);
    }
}
