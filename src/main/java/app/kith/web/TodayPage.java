package app.kith.web;

import app.kith.agenda.Agenda;
import app.kith.agenda.AgendaService;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model of the Today page: the day's agenda, who waits, and who comes due in the next seven days, with the
 * short names of those days ("Fri 27"), worked out once a page rather than once a contact.
 */
public record TodayPage(Layout layout, String day, Agenda agenda, KindOptions kinds, AgendaService.Ahead nextWeek,
                        Map<LocalDate, String> weekDays) {
    private static final DateTimeFormatter WEEK_DAY = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);

    /** The days after {@code today} up to {@code today + days}, each with its short name. */
    static Map<LocalDate, String> weekDays(LocalDate today, int days) {
        return today.plusDays(1).datesUntil(today.plusDays(days + 1)).collect(Collectors.toMap(d -> d, WEEK_DAY::format));
    }

    /** When someone in the week ahead comes due, as "Fri 27". */
    public String when(LocalDate dueOn) {
        String name = weekDays.get(dueOn);
        return name != null ? name : WEEK_DAY.format(dueOn);
    }
}
