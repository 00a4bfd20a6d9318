package app.kith.agenda;

import app.kith.contact.Cadence;
import app.kith.shared.Weekdays;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A contact whose due date has come, with what the agenda needs to rank it and suggest how to reach out, and the days
 * of the week they take contact on (on another day they wait, off the agenda).
 */
public record DueContact(long id, String name, LocalDate dueOn, Cadence cadence, LocalDate lastTouch,
                         String city, String country, ZoneId zone, Weekdays days) {
    /** One who takes contact on any day. */
    public DueContact(long id, String name, LocalDate dueOn, Cadence cadence, LocalDate lastTouch, String city, String country,
                      ZoneId zone) {
        this(id, name, dueOn, cadence, lastTouch, city, country, zone, Weekdays.ANY);
    }
}
