package app.kith.account;

import app.kith.shared.Weekdays;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What Kith knows of its user: where they live, their day (working hours, on their working days), and how many
 * reach-outs a day they can handle.
 */
public record Profile(String username, String name, String city, String country, ZoneId zone,
                      WorkHours workHours, int dailyLimit, Weekdays workDays) {
    /** A profile working Monday to Friday. */
    public Profile(String username, String name, String city, String country, ZoneId zone, WorkHours workHours, int dailyLimit) {
        this(username, name, city, country, zone, workHours, dailyLimit, Weekdays.MONDAY_TO_FRIDAY);
    }

    /** The date it is now for the user: in their time zone, else in the clock's (the machine's). */
    public LocalDate today(Clock clock) {
        return LocalDate.now(zone == null ? clock : clock.withZone(zone));
    }

    /** This profile with the clock's time zone (the machine's) if it has none of its own, as its day has. */
    public Profile zonedBy(Clock clock) {
        return zone != null ? this : new Profile(username, name, city, country, clock.getZone(), workHours, dailyLimit, workDays);
    }
}
