package app.kith.cli;

import app.kith.contact.CareerMove;
import app.kith.contact.Contact;
import app.kith.interaction.Interaction;
import app.kith.shared.Dates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kith show CONTACT}: details, circles, cadence, last touch, next due and the timeline. */
@Command(name = "show", description = "Show a contact: details, cadence, last touch, next due, timeline.")
final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "CONTACT", description = "An id or a name.")
    String reference;
    @Option(names = "--json", description = "Print the contact as JSON.")
    boolean json;

    @Override
    public Integer call() {
        long userId = root.userId();
        Contact c = root.kith().contacts().resolve(userId, reference);
        List<Interaction> timeline = root.kith().interactions().timeline(userId, c.id());
        List<CareerMove> career = root.kith().contacts().career(userId, c.id());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, Json.ContactJson.of(c, timeline, career));
            return 0;
        }
        out.println(c.name() + " (#" + c.id() + ")" + (c.archived() ? " [archived]" : ""));
        line(out, c.title() == null ? "works at" : "works as", join(c.title(), c.company(), " at "));
        line(out, "lives in", join(c.city(), c.country(), ", "));
        ZoneId placed = c.placeZone(root.kith().accounts().profile(userId).country());
        line(out, "time zone", c.zone() != null ? c.zone().getId() : placed == null ? null : placed.getId() + " (from where they live)");
        line(out, "email", c.emails().isEmpty() ? null : String.join(", ", c.emails()));
        line(out, "phone", c.phones().isEmpty() ? null : String.join(", ", c.phones()));
        line(out, "linkedin", c.linkedinUrl());
        line(out, "met", join(c.metHow(), c.metOn() == null ? null : Text.day(c.metOn()), ", on "));
        line(out, "birthday", c.birthday() == null ? null : c.birthday().written());
        line(out, "strengths", c.strengths());
        line(out, "tags", c.tags().isEmpty() ? null : String.join(", ", c.tags()));
        line(out, "circles", c.circles().isEmpty() ? null : String.join(", ", c.circles()));
        line(out, "cadence", Text.cadence(c.cadence()) + (c.ownCadence() != null ? " (their own)" : ""));
        line(out, "contact on", c.days().any() ? null : c.days().written());
        line(out, "last touch", c.lastTouch() == null ? "never" : Text.day(c.lastTouch()));
        line(out, "next", Text.due(c, root.today()));
        LocalDate snoozed = c.snoozedThrough(root.today());
        LocalDate away = c.awayThrough(root.today());
        line(out, "snoozed", snoozed == null ? null : Dates.through(snoozed));
        line(out, "away", away == null ? null : Dates.through(away));
        line(out, "added", Text.day(c.addedOn()));
        line(out, "notes", c.notes());
        for (CareerMove move : career) {
            line(out, "was", CareerMove.job(move.fromCompany(), move.fromTitle()) + " (until " + Text.day(move.on()) + ")");
        }
        out.println();
        if (timeline.isEmpty()) {
            out.println("No interactions yet: log one with 'kith log " + c.id() + " --kind coffee'.");
        }
        for (Interaction interaction : timeline) {
            List<String> others = interaction.with().stream().filter(p -> p.id() != c.id()).map(Interaction.Participant::name).toList();
            out.println("  #" + interaction.id() + "  " + Text.day(interaction.on()) + "  " + interaction.kind().word()
                    + (others.isEmpty() ? "" : " (with " + String.join(", ", others) + ")")
                    + (interaction.note() == null ? "" : ": " + indented(interaction.note(), "      ")));
        }
        return 0;
    }

    private static void line(PrintWriter out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.printf("  %-11s %s%n", label, indented(value, " ".repeat(14)));
        }
    }

    /** A text of several lines with each line after the first under the first (a note's own line breaks kept). */
    private static String indented(String text, String margin) {
        return text.replace("\r\n", "\n").replace("\n", System.lineSeparator() + margin);
    }

    private static String join(String first, String second, String separator) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + separator + second;
    }
}
