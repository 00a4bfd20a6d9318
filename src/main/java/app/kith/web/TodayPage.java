package app.kith.web;

import app.kith.agenda.Agenda;

/** The model of the Today page: the day's agenda, who waits, and who comes due in the next seven days. */
public record TodayPage(Layout layout, String day, Agenda agenda, KindOptions kinds, WeekAhead week) {
}
