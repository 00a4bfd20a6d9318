package app.kith.web;

import app.kith.agenda.Agenda;

import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The model of the Today page: the day's agenda, who waits, who comes due in the next seven days, and what was just
 * done from it without JavaScript (null when nothing was).
 */
public record TodayPage(Layout layout, String day, Agenda agenda, KindOptions kinds, WeekAhead week, DoneNotice notice) {
    /** The day's name alone ("Sunday"), to say once that it is not a working day. */
    public String dayName() {
        return agenda.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** Whom the page shows, for a change made on it without a reload to tell who joins it then ({@link DoneFragment#shown}). */
    public String shown() {
        return Params.idList(TodayPages.ids(agenda.due()));
    }
}
