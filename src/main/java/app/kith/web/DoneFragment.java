package app.kith.web;

import app.kith.agenda.Agenda;

import java.util.List;

/**
 * What replaces an entry on Today once it is logged or snoozed, and, for the page around it, the day's agenda
 * after the change: the count and the waiting line are brought up to date, and whoever moved up from waiting
 * (now within the daily limit) joins the list. Whoever the page listed that is no longer on Today leaves it
 * ({@code leaving}: a change made elsewhere reached them, or lowered what the day's limit leaves).
 * {@code agenda} is null where there is no page to bring up to date.
 * {@code stillDue} is the contact's own entry when the change left them due (a social touch does not reset the
 * clock, nor does one logged on an old date): it stays, under the message. {@code undo} is where the message's Undo
 * button posts, to take the change back (null when the change was an undo). {@code week} is who comes due in the days ahead,
 * which a touch or a snooze can change (someone logged on a short cadence joins it). {@code shown} is whom the page
 * shows after it, for its next change to tell who joins then (ids, as {@link Params#idList} writes them).
 */
public record DoneFragment(String message, long contactId, Agenda agenda, List<Agenda.Entry> joining, List<Long> leaving,
                           Agenda.Entry stillDue, KindOptions kinds, String csrf, String undo, WeekAhead week,
                           String shown) {
}
