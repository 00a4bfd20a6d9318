package app.kith.cli;

import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.shared.Dates;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Plain-text phrasing shared by the commands. */
final class Text {
    private Text() {
    }

    static String day(LocalDate date) {
        return date == null ? "-" : Dates.written(date);
    }

    static String cadence(Cadence cadence) {
        return cadence == null ? "not tracked" : "every " + cadence.describe();
    }

    /** "due today", "due in 3 days (Fri 27 Nov 2026)", "12 days overdue", or why it is not scheduled. */
    static String due(Contact contact, LocalDate today) {
        if (contact.archived()) {
            return "archived";
        }
        if (contact.dueOn() == null) {
            return "not tracked: give it a circle or --every";
        }
        if (contact.offForGood() != null) {
            return "never due while " + contact.offForGood();
        }
        long days = ChronoUnit.DAYS.between(today, contact.dueOn());
        if (days == 0) {
            return "due today";
        }
        return days > 0 ? "due in " + days + (days == 1 ? " day" : " days") + " (" + day(contact.dueOn()) + ")"
                : -days + (days == -1 ? " day" : " days") + " overdue";
    }

    /** "every 1 month, due in 3 days (...)", or why the contact is not scheduled. */
    static String schedule(Contact contact, LocalDate today) {
        return contact.tracked() ? cadence(contact.cadence()) + ", " + due(contact, today) : due(contact, today);
    }

    static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
