package app.kith.contact;

import app.kith.shared.Quoted;
import app.kith.shared.ValidationException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.TextStyle;
import java.util.Locale;

/** A birthday: a day of the year, with the year when it is known. Stored as {@code YYYY-MM-DD} or {@code --MM-DD}. */
public record Birthday(Integer year, MonthDay day) {

    public Birthday {
        if (day == null) {
            throw new IllegalArgumentException("a birthday needs a day");
        }
        if (year != null && !day.isValidYear(year)) {
            throw new ValidationException("there is no " + day + " in " + year);
        }
    }

    public static Birthday of(LocalDate date) {
        return new Birthday(date.getYear(), MonthDay.from(date));
    }

    /** Reads {@code 1990-03-15}, or {@code --03-15} (also {@code --0315}) when the year is not known; null or blank gives null. */
    public static Birthday parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.startsWith("--")) {
                String digits = value.substring(2).replace("-", "");
                if (digits.length() != 4 || !digits.chars().allMatch(Character::isDigit)) {
                    throw new DateTimeException(value);
                }
                return new Birthday(null, MonthDay.of(Integer.parseInt(digits.substring(0, 2)), Integer.parseInt(digits.substring(2))));
            }
            return of(LocalDate.parse(value));
        } catch (DateTimeException | NumberFormatException e) {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}|--\\d{2}-?\\d{2}")) {
                // Written as asked, but no day of the calendar: say so, not how to write it.
                throw new ValidationException(Quoted.of(value) + " is not a birthday: there is no such day (check the month and the day)");
            }
            throw new ValidationException(Quoted.of(value) + " is not a birthday: use YYYY-MM-DD, or --MM-DD without the year");
        }
    }

    /**
     * Reads a birthday someone typed ({@link #parse}), refusing a year outside 1 to 9999 as well: a file read drops such
     * a year instead, as other tools write it.
     */
    public static Birthday typed(String text) {
        Birthday birthday = parse(text);
        if (birthday != null && !birthday.inRange()) {
            throw new ValidationException(outOfRange(birthday));
        }
        return birthday;
    }

    /** Why a birthday with a year outside 1 to 9999 is refused. */
    static String outOfRange(Birthday birthday) {
        return "the birthday " + birthday + " is out of range: use a year from 0001 to 9999, or --MM-DD without the year";
    }

    /** Whether its year, if known, is one from 1 to 9999: one that files write as YYYY and read back the same. */
    public boolean inRange() {
        return year == null || year >= 1 && year <= 9999;
    }

    /** The same day without its year. */
    public Birthday withoutYear() {
        return new Birthday(null, day);
    }

    /**
     * This birthday as a file's is kept: without its year when no file could hold that year (an address book may
     * write a birthday without one as year 0).
     */
    public Birthday kept() {
        return inRange() ? this : withoutYear();
    }

    /** The stored and exported form: {@code 1990-03-15} or {@code --03-15}. */
    public String text() {
        return year == null ? day.toString() : day.atYear(year).toString();
    }

    /** As people read it: "15 Mar 1990", or "29 Feb" without the year. */
    public String written() {
        String dayAndMonth = day.getDayOfMonth() + " " + day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return year == null ? dayAndMonth : dayAndMonth + " " + year;
    }

    @Override
    public String toString() {
        return text();
    }
}
