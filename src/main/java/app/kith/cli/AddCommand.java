package app.kith.cli;

import app.kith.contact.Contact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Override
    public Integer call() {
        Contact contact = root.kith().contacts().add(root.userId(), options.changes(root).name(name).build(), root.today());
        spec.commandLine().getOut().println("Added " + contact.name() + " (#" + contact.id() + "), "
                + Text.schedule(contact, root.today()) + ".");
        return 0;
    }
}
