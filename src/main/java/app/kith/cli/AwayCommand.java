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

/** {@code kith away CONTACT --until DATE}: the contact is away (travelling, on leave) through a date. */
@Command(name = "away", description = "Mark a contact away (travelling, on leave) through a date or for a while; --back when they are back sooner.")
final class AwayCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "CONTACT", description = "An id or a name.")
    String contact;
    @ArgGroup(multiplicity = "1")
    When when;

    /** Exactly one: through a date, for a while, or back now. */
    static final class When {
        @Option(names = "--until", paramLabel = "DATE", required = true, description = "The last day they are away.")
        Day until;
        @Option(names = "--for", paramLabel = "DURATION", required = true, description = "2w, 1m ...: away for that long from today.")
        Cadence duration;
        @Option(names = "--back", required = true, description = "They are back: due again as if never away.")
        boolean back;
    }

    @Override
    public Integer call() {
        long userId = root.userId();
        Contact found = root.kith().contacts().resolve(userId, contact);
        long id = found.id();
        if (when.back) {
            boolean away = found.awayUntil() != null && !found.awayUntil().isBefore(root.today());
            Contact back = root.kith().contacts().endAway(userId, id, root.today());
            spec.commandLine().getOut().println(back.name() + (away ? " is back; " : " was not away; ") + Text.due(back, root.today()) + ".");
            return 0;
        }
        // "--for 2w" is back on the day two weeks from now, so away through the day before, as a snooze "--for" is.
        LocalDate until = when.until != null ? root.date(when.until) : when.duration.after(root.today()).minusDays(1);
        Contact away = root.kith().contacts().away(userId, id, until, root.today());
        spec.commandLine().getOut().println(away.name() + " is away " + Dates.through(until) + "; "
                + Text.due(away, root.today()) + ".");
        return 0;
    }
}
