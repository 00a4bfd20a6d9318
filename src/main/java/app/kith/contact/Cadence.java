package app.kith.contact;

import app.kith.shared.Quoted;
import app.kith.shared.ValidationException;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How often to be in touch: a calendar period such as six weeks or three months. */
public record Cadence(Period period) implements Comparable<Cadence> {
    /** {@code 6w}, or as people write it: {@code 6 weeks}, {@code 1 month}, {@code 2 yrs}. */
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(d|days?|w|wks?|weeks?|m|mos?|months?|y|yrs?|years?)");
    /** The longest a duration may be, in days (months counted at their average length). */
    private static final int MAX_DAYS = 3660;
    private static final double DAYS_PER_MONTH = 365.2425 / 12;
    private static final Map<String, Cadence> STORED = new ConcurrentHashMap<>();

    public Cadence {
        if (period.isNegative() || period.isZero()) {
            throw new ValidationException("a cadence must be longer than zero days, not " + period);
        }
    }

    /**
     * Parses {@code 30d}, {@code 6w}, {@code 3m}, {@code 1y} or an ISO-8601 period ({@code P6W}).
     */
    public static Cadence parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher shortForm = SHORT.matcher(trimmed);
        Period period;
        try {
            if (shortForm.matches()) {
                // Any number of digits is read, so that 1000000y is said to be too long, not to be no duration.
                String digits = shortForm.group(1).replaceFirst("^0+(?=\\d)", "");
                int amount = digits.length() > 6 ? MAX_DAYS + 1 : Integer.parseInt(digits);
                period = switch (shortForm.group(2).charAt(0)) {
                    case 'd' -> Period.ofDays(amount);
                    case 'w' -> Period.ofWeeks(amount);
                    case 'm' -> Period.ofMonths(amount);
                    default -> Period.ofYears(amount);
                };
            } else {
                period = Period.parse(trimmed.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException e) {
            throw new ValidationException(Quoted.of(text) + " is not a duration: use 30d, 6w, 3m, 1y or an ISO-8601 period such as P6W");
        } catch (ArithmeticException e) {
            // An ISO period whose weeks, or whose parts added up, go past what a number holds (P999999999W).
            throw tooLong(text);
        }
        if (period.isZero() || period.isNegative() && period.getYears() <= 0 && period.getMonths() <= 0 && period.getDays() <= 0) {
            throw new ValidationException(Quoted.of(text) + " is not a usable duration: it must be longer than zero days");
        }
        if (period.isNegative()) {
            throw new ValidationException(Quoted.of(text) + " is not a usable duration: give it without a part below zero (P11M29D, not P1Y-1D)");
        }
        // Months and days together, so a mixed period such as P9Y400D cannot slip past the limit.
        if (new Cadence(period).approximateDays() > MAX_DAYS) {
            throw tooLong(text);
        }
        return new Cadence(period.normalized());
    }

    private static ValidationException tooLong(String text) {
        return new ValidationException(Quoted.of(text) + " is too long: a duration may be at most 10 years (" + MAX_DAYS + " days)");
    }

    /** A stored cadence; the few distinct ones are parsed once, since every agenda and list reads them per row. */
    public static Cadence ofIso(String iso) {
        if (iso == null) {
            return null;
        }
        Cadence known = STORED.get(iso);
        if (known == null) {
            known = new Cadence(Period.parse(iso));
            if (STORED.size() < 1_000) {
                STORED.put(iso, known);
            }
        }
        return known;
    }

    /** Length in days, months counted at their average length: used to compare and rank, never to add. */
    public double approximateDays() {
        return period.toTotalMonths() * DAYS_PER_MONTH + period.getDays();
    }

    /** The date one cadence after {@code date}, month ends clamped (31 Jan + 1 month = 28 or 29 Feb). */
    public LocalDate after(LocalDate date) {
        return date.plus(period);
    }

    /** ISO-8601, as stored and as printed in JSON. */
    public String iso() {
        return period.toString();
    }

    /** Words for people: "6 weeks", "3 months", "1 year 2 months". */
    public String describe() {
        int years = period.getYears();
        int months = period.getMonths();
        int days = period.getDays();
        StringBuilder words = new StringBuilder();
        append(words, years, "year");
        append(words, months, "month");
        if (days > 0 && days % 7 == 0) {
            append(words, days / 7, "week");
        } else {
            append(words, days, "day");
        }
        return words.toString();
    }

    private static void append(StringBuilder words, int amount, String unit) {
        if (amount == 0) {
            return;
        }
        if (words.length() > 0) {
            words.append(' ');
        }
        words.append(amount).append(' ').append(unit).append(amount == 1 ? "" : "s");
    }

    @Override
    public int compareTo(Cadence other) {
        return Double.compare(approximateDays(), other.approximateDays());
    }

    @Override
    public String toString() {
        return iso();
    }
}
