package app.kith.cli;

import app.kith.contact.Contact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kith archive CONTACT}: keeps a contact and its history but never puts it on the agenda. */
@Command(name = "archive", description = "Archive a contact: kept with its history, never on the agenda.")
final class ArchiveCommand implements Callable<Integer> {
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
        if (found.archived()) {
            spec.commandLine().getOut().println(found.name() + " (#" + found.id() + ") was already archived: 'kith unarchive "
                    + found.id() + "' brings them back.");
            return 0;
        }
        Contact archived = root.kith().contacts().archive(userId, found.id(), true);
        spec.commandLine().getOut().println("Archived " + archived.name() + " (#" + archived.id() + ").");
        return 0;
    }
}
