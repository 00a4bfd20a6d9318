package app.kith.cli;

import app.kith.contact.Contact;
import app.kith.interaction.Interaction;
import app.kith.interaction.Kind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code kith log CONTACT... --kind KIND}: records an interaction with one or more contacts. */
@Command(name = "log", description = "Log an interaction with one or more contacts.")
final class LogCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "CONTACT", arity = "1..*", description = "Ids or names.")
    List<String> contacts;
    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "coffee, meal, meeting, event, video, call, message, email, or social (a like, comment or share: does not reset the clock).")
    Kind kind;
    @Option(names = "--on", paramLabel = "DATE", description = "When: YYYY-MM-DD, today (default) or yesterday; not a later day.")
    Day on;
    @Option(names = "--note", paramLabel = "TEXT", description = "What you talked about.")
    String note;

    @Override
    public Integer call() {
        long userId = root.userId();
        List<Long> ids = contacts.stream().map(reference -> root.kith().contacts().resolve(userId, reference).id()).toList();
        Interaction logged = root.kith().interactions().log(userId, ids, kind, on != null ? root.date(on) : root.today(), note, root.today());
        // In the order they were named, as the command was typed.
        for (long id : ids.stream().distinct().toList()) {
            Contact contact = root.kith().contacts().get(userId, id);
            spec.commandLine().getOut().println("Logged " + kind.word() + " with " + contact.name() + " on " + Text.day(logged.on())
                    + (kind.touch() ? "; " : " (does not reset the clock); ") + Text.due(contact, root.today()) + ".");
        }
        return 0;
    }
}
