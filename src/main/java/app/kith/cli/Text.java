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
        return cadence == null ? "untracked" : "every " + cadence.describe();
    }

    /**
     * "due today", "due in 3 days (Fri 27 Nov 2026)", "12 days overdue", or why it is not scheduled, with what to do about
     * it: for one contact.
     */
    static String due(Contact contact, LocalDate today) {
        return contact.dueOn() == null && !contact.archived() ? "untracked: give them a circle or --every" : dueShort(contact, today);
    }

    /** As {@link #due}, in a listing's column: "untracked" alone, without what to do on every such row. */
    static String dueShort(Contact contact, LocalDate today) {
        if (contact.archived()) {
            return "archived";
        }
        if (contact.dueOn() == null) {
            return "untracked";
        }
        if (contact.offForGood() != null) {
            return "never due while " + contact.offForGood();
        }
        long days = ChronoUnit.DAYS.between(today, contact.dueOn());
        if (days == 0) {
            return "due today";
        }
        String waiting = contact.waitingFor(today);
        return days > 0 ? "due in " + days + (days == 1 ? " day" : " days") + " (" + day(contact.dueOn()) + (waiting == null ? "" : ", " + waiting) + ")"
                : -days + (days == -1 ? " day" : " days") + " overdue";
    }

    /** "every 1 month, due in 3 days (...)", or why the contact is not scheduled. */
    static String schedule(Contact contact, LocalDate today) {
        return contact.tracked() ? cadence(contact.cadence()) + ", " + due(contact, today) : due(contact, today);
    }

    static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    /**
     * The text followed by spaces up to {@code width} columns of a terminal, where a Chinese, Japanese or Korean
     * character or an emoji takes two and a combining accent none; longer text is left as it is.
     */
    static String padded(String text, int width) {
        int columns = text.codePoints().map(Text::columns).sum();
        return columns >= width ? text : text + " ".repeat(width - columns);
    }

    private static int columns(int c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = c >= 0x1100 && c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF && c != 0x303F || c >= 0xAC00 && c <= 0xD7A3
                || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60
                || c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x1F300 && c <= 0x1F64F || c >= 0x1F900 && c <= 0x1F9FF
                || c >= 0x20000 && c <= 0x3FFFD;
        return wide ? 2 : 1;
    }
}
