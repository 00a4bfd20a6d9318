package app.kith.account;

import java.time.ZoneId;

/** The fields of a profile to change; null leaves a field as it is, an empty string clears a text field. */
public record ProfileChanges(String name, String city, String country, ZoneId zone, WorkHours workHours,
                             Integer dailyLimit) {
}
