package app.kith.cli;

import app.kith.contact.Contact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kith unarchive CONTACT}: brings an archived contact back onto the agenda. */
@Command(name = "unarchive", description = "Bring an archived contact back.")
final class UnarchiveCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "CONTACT", description = "An id or a name.")
    String contact;

    @Override
    public Integer call() {
        long userId = root.userId();
        Contact found = root.kith().contacts().resolve(userId, contact);
        if (!found.archived()) {
            spec.commandLine().getOut().println(found.name() + " (#" + found.id() + ") was not archived.");
            return 0;
        }
        Contact back = root.kith().contacts().archive(userId, found.id(), false);
        spec.commandLine().getOut().println("Unarchived " + back.name() + " (#" + back.id() + "), " + Text.due(back, root.today()) + ".");
        return 0;
    }
}
