package app.kith.cli;

import app.kith.agenda.Agenda;
import app.kith.agenda.AgendaService;
import app.kith.agenda.Suggestion;
import app.kith.contact.Cadence;
import app.kith.contact.CareerMove;
import app.kith.contact.Contact;
import app.kith.interaction.Interaction;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The JSON the CLI prints with {@code --json}: stable field names, ISO dates, ISO-8601 periods. */
final class Json {
    private Json() {
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    record ContactJson(long id, String name, List<String> circles, List<String> tags, String cadence, String lastTouch,
                       String nextDue, boolean archived, List<String> emails, List<String> phones, String company,
                       String title, String city, String country, String timezone, String linkedin, String metHow,
                       String metOn, String notes, String strengths, String birthday, String days, String addedOn,
                       String ownCadence, String snoozedUntil, String awayUntil,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<InteractionJson> interactions,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<CareerJson> career) {

        static ContactJson of(Contact c, List<Interaction> timeline) {
            return of(c, timeline, null);
        }

        static ContactJson of(Contact c, List<Interaction> timeline, List<CareerMove> career) {
            return new ContactJson(c.id(), c.name(), c.circles(), c.tags(), iso(c.cadence()), iso(c.lastTouch()),
                    iso(c.dueOn()), c.archived(), c.emails(), c.phones(), c.company(), c.title(), c.city(), c.country(),
                    c.zone() == null ? null : c.zone().getId(), c.linkedinUrl(), c.metHow(), iso(c.metOn()), c.notes(),
                    c.strengths(), c.birthday() == null ? null : c.birthday().text(), c.days().text(), iso(c.addedOn()),
                    iso(c.ownCadence()), iso(c.snoozedUntil()), iso(c.awayUntil()),
                    timeline == null ? null : timeline.stream().map(InteractionJson::of).toList(),
                    career == null ? null : career.stream().map(CareerJson::of).toList());
        }
    }

    record CareerJson(String date, String fromCompany, String fromTitle, String toCompany, String toTitle) {
        static CareerJson of(CareerMove move) {
            return new CareerJson(move.on().toString(), move.fromCompany(), move.fromTitle(), move.toCompany(), move.toTitle());
        }
    }

    record InteractionJson(long id, String date, String kind, String note, List<String> with) {
        static InteractionJson of(Interaction i) {
            return new InteractionJson(i.id(), i.on().toString(), i.kind().word(), i.note(),
                    i.with().stream().map(Interaction.Participant::name).toList());
        }
    }

    /** {@code next}: on a day with nobody due, who comes up next (as the text says), else null. */
    record TodayJson(String date, int limit, int reached, int waiting, List<EntryJson> due, NextJson next) {
        static TodayJson of(Agenda agenda, AgendaService.Upcoming next) {
            return new TodayJson(agenda.date().toString(), agenda.limit(), agenda.reached(), agenda.waiting(),
                    agenda.due().stream().map(EntryJson::of).toList(), next == null ? null : NextJson.of(next));
        }
    }

    /** Who comes up next: {@code dueOn} is the day they do; {@code dueAlready} when they wait for one of their weekdays. */
    record NextJson(long id, String name, String dueOn, boolean dueAlready) {
        static NextJson of(AgendaService.Upcoming next) {
            return new NextJson(next.id(), next.name(), next.dueOn().toString(), next.dueAlready());
        }
    }

    record EntryJson(long id, String name, String dueOn, long overdueDays, String cadence, String lastTouch,
                     SuggestionJson suggestion) {
        static EntryJson of(Agenda.Entry e) {
            return new EntryJson(e.id(), e.name(), e.dueOn().toString(), e.overdueDays(), e.cadence().iso(),
                    iso(e.lastTouch()), SuggestionJson.of(e.suggestion()));
        }
    }

    /** {@code noHours} says why the window is null ({@code their-weekend}, {@code their-zone-unknown}...); null with a window. */
    record SuggestionJson(String format, String window, String noHours) {
        static SuggestionJson of(Suggestion suggestion) {
            return new SuggestionJson(suggestion.format().word(), suggestion.window() == null ? null : suggestion.window().toString(),
                    suggestion.noHours() == null ? null : suggestion.noHours().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String iso(Cadence cadence) {
        return cadence == null ? null : cadence.iso();
    }
}
