package app.kith.web;

import app.kith.contact.Cadence;
import app.kith.contact.Circle;

import java.time.Period;

/** What one circle form shows: the values typed (or stored) and the error beside each field; id 0 is the form that adds one. */
public record CircleForm(long id, String name, String cadence, String nameError, String cadenceError) {

    static CircleForm blank() {
        return new CircleForm(0, "", "", null, null);
    }

    /** The form for an existing circle, filled with what is stored. */
    static CircleForm of(Circle circle) {
        return new CircleForm(circle.id(), circle.name(), shortText(circle.cadence()), null, null);
    }

    public boolean hasErrors() {
        return nameError != null || cadenceError != null;
    }

    /** Whether both fields were refused: only the first takes the focus, so a summary above the form says so. */
    public boolean bothRefused() {
        return nameError != null && cadenceError != null;
    }

    /** A cadence as a person would type it ({@code 6w}, {@code 3m}, {@code 1y}), else its ISO form. */
    static String shortText(Cadence cadence) {
        Period period = cadence.period();
        int years = period.getYears();
        int months = period.getMonths();
        int days = period.getDays();
        if (years == 0 && months == 0) {
            return days % 7 == 0 ? days / 7 + "w" : days + "d";
        }
        if (days == 0 && months == 0) {
            return years + "y";
        }
        if (days == 0 && years == 0) {
            return months + "m";
        }
        return cadence.iso();
    }
}
