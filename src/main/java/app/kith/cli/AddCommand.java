package app.kith.cli;

import app.kith.contact.Contact;
import app.kith.contact.ContactService;
import app.kith.shared.KithException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kith add NAME ...}: adds a contact. */
@Command(name = "add", description = "Add a contact.")
final class AddCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "NAME", description = "Their full name.")
    String name;
    @Mixin
    ContactOptions options;
    @Option(names = "--anyway", description = "Add them even if a contact has the same name or one of their email addresses.")
    boolean anyway;

    @Override
    public Integer call() {
        Contact contact;
        try {
            contact = root.kith().contacts().add(root.userId(), options.changes(root).name(name).build(), root.today(), anyway);
        } catch (ContactService.AlreadyThere e) {
            long first = e.alike().get(0).id();
            throw new KithException(e.getMessage() + ". Nothing was added: to add them all the same, add --anyway;"
                    + " to change theirs, use 'kith edit " + first + "'");
        }
        spec.commandLine().getOut().println("Added " + contact.name() + " (#" + contact.id() + "), "
                + Text.schedule(contact, root.today()) + ".");
        return 0;
    }
}
