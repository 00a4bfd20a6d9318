package app.kith.agenda;

import app.kith.contact.Cadence;

import java.time.LocalDate;
import java.time.ZoneId;

/** A contact whose due date has come, with what the agenda needs to rank it and suggest how to reach out. */
public record DueContact(long id, String name, LocalDate dueOn, Cadence cadence, LocalDate lastTouch,
                         String city, String country, ZoneId zone) {
}
