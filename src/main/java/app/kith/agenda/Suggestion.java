package app.kith.agenda;

import app.kith.account.Profile;
import app.kith.account.WorkHours;
import app.kith.contact.Cities;
import app.kith.contact.CityZones;
import app.kith.contact.Countries;
import app.kith.shared.Weekdays;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How to reach out: in person when they live in your city, a video call when they live elsewhere, a message
 * when Kith does not know; and, when both time zones are known (theirs is yours when they live in your city), the
 * hours of your day inside both working days; when there are none, {@code noHours} says why (null only when there is a
 * window, or when your own time zone is not known).
 */
public record Suggestion(Format format, Window window, NoHours noHours) {
    /** The assumed working day of a contact, in their own time zone. */
    static final WorkHours CONTACT_HOURS = WorkHours.DEFAULT;
    /** The assumed working days of a contact. */
    static final Weekdays CONTACT_DAYS = Weekdays.MONDAY_TO_FRIDAY;

    public enum Format {
        IN_PERSON("in-person"), VIDEO("video"), MESSAGE("message");

        private final String word;

        Format(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** Why no hours are suggested. */
    public enum NoHours {
        /** The day is not one of your working days. */
        YOUR_DAY_OFF,
        /** Their time zone is not known (they live elsewhere, or where is not known): set it for hours that suit both. */
        THEIR_ZONE_UNKNOWN,
        /** Your working hours fall on their weekend (in their zone), though they would meet on a working day of theirs. */
        THEIR_WEEKEND,
        /** Their working day and yours do not meet on any day (the other side of the world). */
        HOURS_APART
    }

    public boolean dayOff() {
        return noHours == NoHours.YOUR_DAY_OFF;
    }

    public boolean theirWeekend() {
        return noHours == NoHours.THEIR_WEEKEND;
    }

    public boolean hoursApart() {
        return noHours == NoHours.HOURS_APART;
    }

    public boolean theirZoneUnknown() {
        return noHours == NoHours.THEIR_ZONE_UNKNOWN;
    }

    /** A span of the user's own day, in the user's time zone; one that ends before it starts runs past midnight. */
    public record Window(LocalTime from, LocalTime to) {
        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    public static Suggestion forContact(Profile me, DueContact contact, LocalDate day) {
        Format format = format(me, contact);
        // A day you do not work has no hours to suggest, whoever it is.
        if (!me.workDays().accepts(day.getDayOfWeek())) {
            return new Suggestion(format, null, NoHours.YOUR_DAY_OFF);
        }
        // Someone who lives in your city lives in your time zone, whether or not their own is known; someone elsewhere
        // without one of their own, in that of where they live, when Kith can tell it.
        ZoneId theirZone = contact.zone() != null ? contact.zone()
                : format == Format.IN_PERSON ? me.zone() : CityZones.of(contact.city(), contact.country(), me.country());
        if (me.zone() == null) {
            return new Suggestion(format, null, null);
        }
        if (theirZone == null) {
            return new Suggestion(format, null, NoHours.THEIR_ZONE_UNKNOWN);
        }
        Window window = window(me, theirZone, day);
        if (window != null) {
            return new Suggestion(format, window, null);
        }
        boolean weekend = window(me, theirZone, day, Weekdays.ANY) != null;
        return new Suggestion(format, null, weekend ? NoHours.THEIR_WEEKEND : NoHours.HOURS_APART);
    }

    static Format format(Profile me, DueContact contact) {
        return format(me, contact.city(), contact.country());
    }

    /** How to reach out to someone who lives in {@code city}, {@code country} (either may be null). */
    public static Format format(Profile me, String city, String country) {
        if (blank(me.city()) || blank(city)) {
            return Format.MESSAGE;
        }
        if (!Cities.same(me.city(), me.country(), city, country)) {
            return Format.VIDEO;
        }
        boolean countriesDiffer = !blank(me.country()) && !blank(country) && !Countries.same(me.country(), country);
        return countriesDiffer ? Format.VIDEO : Format.IN_PERSON;
    }

    /**
     * The longest stretch of the user's working hours on {@code day} that falls inside the contact's, on one of their
     * working days (whether {@code day} is one of the user's is for the caller to ask).
     */
    static Window window(Profile me, ZoneId theirZone, LocalDate day) {
        return window(me, theirZone, day, CONTACT_DAYS);
    }

    /** As {@link #window(Profile, ZoneId, LocalDate)}, for a contact who works on {@code theirDays}. */
    static Window window(Profile me, ZoneId theirZone, LocalDate day, Weekdays theirDays) {
        if (me.zone() == null || theirZone == null) {
            return null;
        }
        WindowKey key = new WindowKey(me.zone(), me.workHours(), theirZone, day, theirDays);
        Optional<Window> known = WINDOWS.get(key);
        if (known == null) {
            if (WINDOWS.size() >= MAX_WINDOWS) {
                WINDOWS.clear();
            }
            known = Optional.ofNullable(longestOverlap(me, theirZone, day, theirDays));
            WINDOWS.put(key, known);
        }
        return known.orElse(null);
    }

    /** What a window depends on: nothing else, so one worked out is good for every agenda that asks again. */
    private record WindowKey(ZoneId mine, WorkHours hours, ZoneId theirs, LocalDate day, Weekdays theirDays) {
    }

    /** Windows already worked out: an agenda asks for one per time zone among those due, and asks again at every view. */
    private static final Map<WindowKey, Optional<Window>> WINDOWS = new ConcurrentHashMap<>();
    private static final int MAX_WINDOWS = 10_000;

    private static Window longestOverlap(Profile me, ZoneId theirZone, LocalDate day, Weekdays theirDays) {
        ZonedDateTime myStart = day.atTime(me.workHours().start()).atZone(me.zone());
        // Hours that run overnight end on the next day.
        ZonedDateTime myEnd = (me.workHours().overnight() ? day.plusDays(1) : day).atTime(me.workHours().end()).atZone(me.zone());
        Window best = null;
        long bestMinutes = 0;
        // Their working day may fall on their yesterday, today or tomorrow relative to ours (a day of ours is less than
        // a day long, overnight hours included, so it meets no other).
        LocalDate theirDay = myStart.withZoneSameInstant(theirZone).toLocalDate();
        for (LocalDate candidate = theirDay.minusDays(1); !candidate.isAfter(theirDay.plusDays(1)); candidate = candidate.plusDays(1)) {
            if (!theirDays.accepts(candidate.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime theirStart = candidate.atTime(CONTACT_HOURS.start()).atZone(theirZone);
            ZonedDateTime theirEnd = candidate.atTime(CONTACT_HOURS.end()).atZone(theirZone);
            ZonedDateTime from = myStart.isAfter(theirStart) ? myStart : theirStart.withZoneSameInstant(me.zone());
            ZonedDateTime to = myEnd.isBefore(theirEnd) ? myEnd : theirEnd.withZoneSameInstant(me.zone());
            long minutes = java.time.Duration.between(from, to).toMinutes();
            if (minutes > bestMinutes) {
                bestMinutes = minutes;
                best = new Window(from.toLocalTime(), to.toLocalTime());
            }
        }
        return best;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
