package app.kith.account;

import java.time.ZoneId;

/** What Kith knows of its user: where they live, their day, and how many reach-outs a day they can handle. */
public record Profile(String username, String name, String city, String country, ZoneId zone,
                      WorkHours workHours, int dailyLimit) {
}
