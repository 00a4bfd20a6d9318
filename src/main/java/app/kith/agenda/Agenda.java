package app.kith.agenda;

import app.kith.account.Profile;
import app.kith.contact.Cadence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Whom to reach out to on a day: the most overdue first, at most the daily limit less those reached that day already
 * ({@code reached}: the people touched on it, each once), so that acting on a day's agenda does not fill it again; the
 * rest wait and are counted.
 */
public record Agenda(LocalDate date, int limit, int reached, int waiting, List<Entry> due) {
    /**
     * Whether the day is not one of the user's working days, so that no entry has hours suggested, for that one reason
     * (it comes before any other): said once for the day rather than under every entry.
     */
    public boolean dayOff() {
        return !due.isEmpty() && due.get(0).suggestion().dayOff();
    }


    /** One contact on the agenda, with how late it is and how to reach out. */
    public record Entry(long id, String name, LocalDate dueOn, long overdueDays, Cadence cadence, LocalDate lastTouch,
                        Suggestion suggestion) {
    }

    /** Ties in lateness go to the earlier due date, then the name (then the id, so the order is total). */
    private static final Comparator<DueContact> TIE_BREAK = Comparator
            .comparing(DueContact::dueOn)
            .thenComparing(DueContact::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparingLong(DueContact::id);

    /** A due contact with its lateness; the latest first, then the tie-break. */
    private record Ranked(DueContact contact, double lateness) {
    }

    private static final Comparator<Ranked> RANKING = Comparator
            .comparingDouble((Ranked r) -> -r.lateness())
            .thenComparing(Ranked::contact, TIE_BREAK);

    /**
     * Plans a day from the contacts due on or before it (others are ignored, as are those who do not take contact on
     * that day of the week: they wait for one of theirs). Pure: the same inputs give the same agenda on every door.
     */
    public static Agenda plan(LocalDate day, Profile me, List<DueContact> candidates) {
        return plan(day, me, candidates, 0);
    }

    /** As {@link #plan(LocalDate, Profile, List)}, with {@code reached} people touched on the day already. */
    public static Agenda plan(LocalDate day, Profile me, List<DueContact> candidates, int reached) {
        // Each contact's lateness is worked out once, not at every comparison of the sort.
        List<DueContact> due = candidates.stream()
                .filter(c -> c.dueOn() != null && c.cadence() != null && !c.dueOn().isAfter(day) && c.days().accepts(day.getDayOfWeek()))
                .map(c -> new Ranked(c, lateness(c, day)))
                .sorted(RANKING)
                .map(Ranked::contact)
                .toList();
        int limit = me.dailyLimit();
        List<Entry> shown = due.stream()
                .limit(Math.max(0, limit - reached))
                .map(c -> new Entry(c.id(), c.name(), c.dueOn(), ChronoUnit.DAYS.between(c.dueOn(), day), c.cadence(),
                        c.lastTouch(), Suggestion.forContact(me, c, day)))
                .toList();
        return new Agenda(day, limit, reached, due.size() - shown.size(), shown);
    }

    /**
     * Plans a day from some of the contacts due on or before it, which must include every one the full ranking
     * would show, how many are due in all (so the rest are counted as waiting without being read), and how many people
     * were reached on the day already.
     */
    public static Agenda plan(LocalDate day, Profile me, List<DueContact> candidates, int totalDue, int reached) {
        Agenda agenda = plan(day, me, candidates, reached);
        return new Agenda(agenda.date(), agenda.limit(), reached, totalDue - agenda.due().size(), agenda.due());
    }

    /** Days overdue as a fraction of the cadence: a week late on a monthly cadence outranks a week late on a yearly one. */
    static double lateness(DueContact contact, LocalDate day) {
        return ChronoUnit.DAYS.between(contact.dueOn(), day) / contact.cadence().approximateDays();
    }
}
