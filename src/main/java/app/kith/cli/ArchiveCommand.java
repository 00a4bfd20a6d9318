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
        Contact archived = root.kith().contacts().archive(userId, root.kith().contacts().resolve(userId, contact).id(), true);
        spec.commandLine().getOut().println("Archived " + archived.name() + " (#" + archived.id() + ").");
        return 0;
    }
}
