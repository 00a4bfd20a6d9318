package app.kith.account;

import app.kith.shared.Quoted;
import app.kith.shared.ValidationException;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The part of a day someone works, in their own time zone, such as 09:00-18:00. Hours that end before they start run
 * overnight, into the next day (a night shift, 22:00-06:00; 18:00-00:00 ends at midnight): they belong to the day they
 * start on.
 */
public record WorkHours(LocalTime start, LocalTime end) {
    public static final WorkHours DEFAULT = new WorkHours(LocalTime.of(9, 0), LocalTime.of(18, 0));

    public WorkHours {
        if (start.equals(end)) {
            throw new ValidationException("working hours " + start + "-" + end + " start and end at the same time: give when they end,"
                    + " such as 09:00-18:00 (hours that end before they start run overnight, such as 22:00-06:00)");
        }
    }

    /** Whether they run past midnight, into the next day. */
    public boolean overnight() {
        return end.isBefore(start);
    }

    /** Parses {@code 09:00-18:00}. */
    public static WorkHours parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new ValidationException(Quoted.of(text) + " is not a range of hours: use HH:MM-HH:MM, such as 09:00-18:00");
        }
        if (pad(parts[1]).equals("24:00")) {
            throw new ValidationException(Quoted.of(text) + " ends at 24:00, which is not an hour of the day: end at "
                    + (pad(parts[0]).equals("00:00") ? "23:59" : "00:00, midnight,") + " instead");
        }
        WorkHours hours;
        try {
            hours = new WorkHours(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1])));
        } catch (DateTimeParseException e) {
            throw new ValidationException(Quoted.of(text) + " is not a range of hours: use HH:MM-HH:MM, such as 09:00-18:00");
        }
        // 9-5 is a day's work written on a twelve-hour clock far more often than a night shift: whole hours alone
        // that would run overnight (past midnight, not to it) are asked to be written out.
        if (hours.overnight() && !hours.end().equals(LocalTime.MIDNIGHT) && (bareHour(parts[0]) || bareHour(parts[1]))) {
            throw new ValidationException(Quoted.of(text) + " would run overnight, from " + hours.start() + " to " + hours.end()
                    + " the next day: hours are on a 24-hour clock (9-17 is 09:00-17:00); write a night shift out, such as 22:00-06:00");
        }
        return hours;
    }

    private static boolean bareHour(String time) {
        return time.matches("\\d{1,2}");
    }

    /** An hour as HH:MM: {@code 9:30} is 09:30, and a whole hour may be written alone ({@code 9} is 09:00). */
    private static String pad(String time) {
        String hour = bareHour(time) ? time + ":00" : time;
        return hour.length() == 4 && hour.charAt(1) == ':' ? "0" + hour : hour;
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
