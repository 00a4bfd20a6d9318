package app.kith.web;

import app.kith.agenda.Agenda;

import java.util.List;

/** The model of the Today page. */
public record TodayPage(Layout layout, Agenda agenda, List<String> kinds) {
}
