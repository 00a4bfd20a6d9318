package app.kith.contact;

import app.kith.shared.Weekdays;

import java.time.DayOfWeek;
import java.util.Set;

/** The days of the week a contact accepts being contacted; empty means every day. Read and written as {@link Weekdays}. */
public record ContactDays(Set<DayOfWeek> days) {
    public static final ContactDays ANY = new ContactDays(Weekdays.ANY.days());

    public ContactDays {
        days = new Weekdays(days).days();
    }

    /** Parses {@code mon,tue,fri} (also full names, or {@code weekdays}); blank or {@code any} means every day. */
    public static ContactDays parse(String text) {
        return new ContactDays(Weekdays.parse(text).days());
    }

    public boolean accepts(DayOfWeek day) {
        return days.isEmpty() || days.contains(day);
    }

    public boolean any() {
        return days.isEmpty();
    }

    /** As people read it: "Mon, Wed and Fri"; null for every day. */
    public String written() {
        return new Weekdays(days).written();
    }

    /** The stored and printed form: {@code mon,wed,fri}, or null for every day. */
    public String text() {
        return new Weekdays(days).text();
    }
}
