package app.kith.shared;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Some days of the week, as people name them ({@code mon,wed,fri}, {@code weekdays}); empty means every day. A
 * contact's days to be contacted on, a user's working days.
 */
public record Weekdays(Set<DayOfWeek> days) {
    public static final Weekdays ANY = new Weekdays(EnumSet.noneOf(DayOfWeek.class));
    public static final Weekdays MONDAY_TO_FRIDAY = new Weekdays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    /** The days' words as forms offer them to tick, Monday first. */
    public static final List<String> WEEK = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    public Weekdays {
        // Unmodifiable, so no caller can change ANY (or anyone else's days) through days().
        days = Collections.unmodifiableSet(days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
    }

    /** Parses {@code mon,tue,fri} (also full names, or {@code weekdays}); blank or {@code any} means every day. */
    public static Weekdays parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("any")) {
            return ANY;
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String word = part.trim().toLowerCase(Locale.ROOT);
            if (word.equals("weekdays")) {
                days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
                continue;
            }
            if (word.equals("weekends")) {
                days.addAll(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
                continue;
            }
            days.add(dayNamed(word, text));
        }
        if (days.isEmpty()) {
            throw new ValidationException(Quoted.of(text) + " names no day of the week: use mon,tue,wed,thu,fri,sat,sun, or any for every day");
        }
        return new Weekdays(days);
    }

    /**
     * Parses the days someone works, as {@link #parse}, but refuses a blank: every day is said as {@code any}, so that a
     * field left empty by mistake does not make every day a working day.
     */
    public static Weekdays parseWorking(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("no working days given: give the days you work, such as mon,tue,wed,thu,fri, or any for every day");
        }
        return parse(text);
    }

    /**
     * Days as a row holds them (null for every day). One that no door of Kith would have written (another program's)
     * is read as {@code otherwise}, so that it cannot keep an agenda or a profile from showing.
     */
    public static Weekdays stored(String text, Weekdays otherwise) {
        try {
            return parse(text);
        } catch (ValidationException e) {
            return otherwise;
        }
    }

    private static DayOfWeek dayNamed(String word, String whole) {
        if (word.length() >= 3) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.name().toLowerCase(Locale.ROOT).startsWith(word)) {
                    return day;
                }
            }
        }
        // The whole list is named only when it holds more than the word refused.
        String where = word.equals(whole.trim().toLowerCase(Locale.ROOT)) ? "" : " in " + Quoted.of(whole);
        throw new ValidationException(Quoted.of(word) + where + " is not a day of the week: use mon,tue,wed,thu,fri,sat,sun");
    }

    /** Whether a list of days as a form sent it ({@code mon,wed}) names {@code day}, one of {@link #WEEK}. */
    public static boolean lists(String text, String day) {
        return Arrays.stream(text.split(",")).anyMatch(word -> word.trim().equalsIgnoreCase(day));
    }

    public boolean accepts(DayOfWeek day) {
        return days.isEmpty() || days.contains(day);
    }

    public boolean any() {
        return days.isEmpty();
    }

    /** As people read it: "Mon, Wed and Fri"; null for every day. */
    public String written() {
        if (days.isEmpty()) {
            return null;
        }
        List<String> names = days.stream().map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The stored and printed form: {@code mon,wed,fri}, or null for every day. */
    public String text() {
        if (days.isEmpty()) {
            return null;
        }
        return days.stream()
                .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    /** As given and shown where a value is needed: {@code mon,wed,fri}, or {@code any} for every day. */
    public String given() {
        return days.isEmpty() ? "any" : text();
    }
}
