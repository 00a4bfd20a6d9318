package app.kith.account;

import java.time.ZoneId;

/**
 * The fields of a profile to change; null leaves a field as it is, an empty string clears a text field, and
 * {@code forgetZone} clears the time zone (the machine's is then used) when no zone is given.
 */
public record ProfileChanges(String name, String city, String country, ZoneId zone, WorkHours workHours,
                             Integer dailyLimit, boolean forgetZone) {
    public ProfileChanges(String name, String city, String country, ZoneId zone, WorkHours workHours, Integer dailyLimit) {
        this(name, city, country, zone, workHours, dailyLimit, false);
    }
}
