package app.kith.web;

import app.kith.agenda.Agenda;

import java.util.List;

/**
 * What replaces an entry on Today once it is logged or snoozed, and, for the page around it, the day's agenda
 * after the change: the count and the waiting line are brought up to date, and whoever moved up from waiting
 * (now within the daily limit) joins the list. {@code agenda} is null where there is no page to bring up to date.
 */
public record DoneFragment(String message, long contactId, Agenda agenda, List<Agenda.Entry> joining, List<String> kinds,
                           String csrf) {
}
