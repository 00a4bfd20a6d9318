package app.kith.cli;

import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.shared.Dates;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code kith snooze CONTACT --until DATE | --for DURATION}: keeps a contact off the agenda for a while. */
@Command(name = "snooze", description = "Keep a contact off the agenda: through --until DATE, or --for a duration (back on that day); --end ends a snooze.")
final class SnoozeCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "CONTACT", description = "An id or a name.")
    String contact;
    @ArgGroup(multiplicity = "1")
    Until until;

    /** Exactly one of the two ways to say how long. */
    static final class Until {
        @Option(names = "--until", paramLabel = "DATE", required = true, description = "The last day to stay snoozed.")
        Day date;
        @Option(names = "--for", paramLabel = "DURATION", required = true, description = "30d, 2w, 1m ...: due again after that long.")
        Cadence duration;
        @Option(names = "--end", required = true, description = "End the snooze now: due again as if never snoozed.")
        boolean end;
    }

    @Override
    public Integer call() {
        long userId = root.userId();
        if (until.end) {
            Contact found = root.kith().contacts().resolve(userId, contact);
            boolean snoozed = found.snoozedUntil() != null && !found.snoozedUntil().isBefore(root.today());
            Contact back = root.kith().contacts().endSnooze(userId, found.id(), root.today());
            spec.commandLine().getOut().println(back.name() + (snoozed ? " is no longer snoozed; " : " was not snoozed; ")
                    + Text.due(back, root.today()) + ".");
            return 0;
        }
        // "--for 2w" brings the contact back on the day two weeks from now, so it is snoozed through the day before.
        LocalDate through = until.date != null ? root.date(until.date) : until.duration.after(root.today()).minusDays(1);
        Contact snoozed = root.kith().contacts().snooze(userId, root.kith().contacts().resolve(userId, contact).id(), through, root.today());
        spec.commandLine().getOut().println("Snoozed " + snoozed.name() + " " + Dates.through(through) + "; "
                + Text.due(snoozed, root.today()) + ".");
        return 0;
    }
}
