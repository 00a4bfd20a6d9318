package app.kith.contact;

import app.kith.shared.Dates;
import app.kith.shared.Weekdays;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A person in the user's network, with what Kith needs to know when to reach out and how. */
public record Contact(
        long id,
        String name,
        List<String> emails,
        List<String> phones,
        String company,
        String title,
        String city,
        String country,
        ZoneId zone,
        String linkedinUrl,
        String metHow,
        LocalDate metOn,
        String notes,
        String strengths,
        Birthday birthday,
        List<String> tags,
        List<String> circles,
        Weekdays days,
        boolean archived,
        LocalDate addedOn,
        Cadence ownCadence,
        Cadence cadence,
        LocalDate lastTouch,
        LocalDate snoozedUntil,
        LocalDate awayUntil,
        LocalDate dueOn,
        Double firstDueSpread) {

    /**
     * The order of a contact's tags wherever they are listed (its page, a list, every export): by their lower case,
     * then as written. Sorted in Java, because the two databases order case, accents and characters past U+FFFF
     * differently (SQLite by UTF-8 bytes, PostgreSQL by its collation).
     */
    public static final Comparator<String> TAG_ORDER = Comparator.comparing((String tag) -> tag.toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder());

    /** Whether Kith schedules reach-outs to this contact at all (it has a cadence and is not archived). */
    public boolean tracked() {
        return cadence != null && !archived;
    }

    /** The snooze's last day while it holds on {@code today}; null when there is none or it is over (then it is history). */
    public LocalDate snoozedThrough(LocalDate today) {
        return holding(snoozedUntil, today);
    }

    /** The last day away while that holds on {@code today}; null when not away or back by now. */
    public LocalDate awayThrough(LocalDate today) {
        return holding(awayUntil, today);
    }

    /**
     * Why the contact is never due, if so: "away" or "snoozed" through the last date there is (Kith's "for good"),
     * which pins the due date there; null otherwise.
     */
    public String offForGood() {
        return Dates.LAST.equals(awayUntil) ? "away" : Dates.LAST.equals(snoozedUntil) ? "snoozed" : null;
    }

    /**
     * The time zone of where they live, taken for theirs while they have none of their own; null if it cannot be told.
     * {@code home} is the user's own country, which a state's code after their city is read as one of ("Portland, OR").
     */
    public ZoneId placeZone(String home) {
        return zone == null ? CityZones.of(city, country, home) : null;
    }

    /**
     * Why the due date waits on {@code today}, for a list to say beside it: "away" or "snoozed" when that moved it
     * (without it, they would be due sooner), else null. A snooze of a week on someone due in a month holds, but their
     * due date does not wait for it; nor does one through Thursday on someone who takes Saturdays only.
     */
    public String waitingFor(LocalDate today) {
        if (dueOn == null || dueOn.equals(DueDate.of(cadence, lastTouch, addedOn, firstDueSpread, null, null, days))) {
            return null;
        }
        return DueDate.heldBy(dueOn, awayThrough(today), days) ? "away"
                : DueDate.heldBy(dueOn, snoozedThrough(today), days) ? "snoozed" : null;
    }

    private static LocalDate holding(LocalDate through, LocalDate today) {
        return through != null && !through.isBefore(today) ? through : null;
    }
}
