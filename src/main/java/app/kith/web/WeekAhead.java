package app.kith.web;

import app.kith.agenda.AgendaService;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who comes up in the days after today, below Today's agenda, with the short names of those days ("Fri 27 Nov"),
 * worked out once a page rather than once a contact; when nobody does, {@code next} is who comes up next, after the
 * week (null if nobody ever does). {@code dueToday}: someone is due today (listed, or waiting beyond the daily limit),
 * so that nobody in the week is nobody <em>else</em>; {@code waiting}, how many of them wait beyond the daily limit (they
 * come first on the days ahead, so the week is said to be besides them). {@code nobodyComes}: nobody is due today, this
 * week or ever after.
 */
public record WeekAhead(AgendaService.Ahead ahead, Map<LocalDate, String> days, AgendaService.Upcoming next, boolean dueToday,
                        int waiting, boolean nobodyComes) {
    private static final DateTimeFormatter WEEK_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /** The days after {@code today} up to {@code today + count}, each with its short name. */
    static Map<LocalDate, String> days(LocalDate today, int count) {
        return today.plusDays(1).datesUntil(today.plusDays(count + 1)).collect(Collectors.toMap(d -> d, WEEK_DAY::format));
    }

    /** When someone in the week ahead comes up, as "Fri 27 Nov" (the week may end in the next month). */
    public String when(LocalDate dueOn) {
        String name = days.get(dueOn);
        return name != null ? name : WEEK_DAY.format(dueOn);
    }
}
