package app.kith.account;

import app.kith.shared.Weekdays;

import java.time.ZoneId;

/**
 * The fields of a profile to change; null leaves a field as it is, an empty string clears a text field,
 * {@code forgetZone} clears the time zone (the machine's is then used) when no zone is given, and
 * {@link Weekdays#ANY} makes every day a working day.
 */
public record ProfileChanges(String name, String city, String country, ZoneId zone, WorkHours workHours,
                             Integer dailyLimit, boolean forgetZone, Weekdays workDays) {
    public ProfileChanges(String name, String city, String country, ZoneId zone, WorkHours workHours, Integer dailyLimit,
                          boolean forgetZone) {
        this(name, city, country, zone, workHours, dailyLimit, forgetZone, null);
    }

    public ProfileChanges(String name, String city, String country, ZoneId zone, WorkHours workHours, Integer dailyLimit) {
        this(name, city, country, zone, workHours, dailyLimit, false);
    }
}
