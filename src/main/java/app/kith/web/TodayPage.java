package app.kith.web;

import app.kith.agenda.Agenda;
import app.kith.agenda.AgendaService;

import java.util.List;

/** The model of the Today page: the day's agenda, who waits, and who comes due in the next seven days. */
public record TodayPage(Layout layout, String day, Agenda agenda, List<String> kinds, List<AgendaService.Upcoming> nextWeek) {
}
