package app.kith.cli;

import app.kith.contact.Contact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code kith away CONTACT --until DATE}: the contact is away (travelling, on leave) through a date. */
@Command(name = "away", description = "Mark a contact away (travelling, on leave) through a date.")
final class AwayCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "CONTACT", description = "An id or a name.")
    String contact;
    @Option(names = "--until", paramLabel = "DATE", required = true, description = "The last day they are away.")
    LocalDate until;

    @Override
    public Integer call() {
        long userId = root.userId();
        Contact away = root.kith().contacts().away(userId, root.kith().contacts().resolve(userId, contact).id(), until);
        spec.commandLine().getOut().println(away.name() + " is away through " + Text.day(until) + "; "
                + Text.due(away, root.today()) + ".");
        return 0;
    }
}
