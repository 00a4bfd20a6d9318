package app.kith.cli;

import app.kith.contact.Contact;
import app.kith.interaction.Interaction;
import app.kith.shared.Quoted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kith unlog NUMBER}: deletes an interaction logged by mistake; its people's last touch and due date follow. */
@Command(name = "unlog", description = "Delete an interaction logged by mistake: its #number is in 'kith show'.")
final class UnlogCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "NUMBER", description = "The interaction's number as 'kith show' lists it: 12, or '#12' in quotes (a shell takes # for a comment).")
    String number;

    @Override
    public Integer call() {
        String digits = number.strip().startsWith("#") ? number.strip().substring(1) : number.strip();
        if (!digits.matches("[0-9]{1,18}")) {
            throw new ParameterException(spec.commandLine(), Quoted.of(number)
                    + " is not an interaction's number: give the number 'kith show CONTACT' lists, such as 12");
        }
        long userId = root.userId();
        Interaction deleted = root.kith().interactions().delete(userId, Long.parseLong(digits));
        List<String> names = deleted.with().stream().map(Interaction.Participant::name).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Deleted the " + deleted.kind().word() + " of " + Text.day(deleted.on())
                + (names.isEmpty() ? "" : " with " + String.join(", ", names)) + ".");
        for (Interaction.Participant person : deleted.with()) {
            Contact contact = root.kith().contacts().get(userId, person.id());
            out.println(contact.name() + ": " + Text.due(contact, root.today()) + ".");
        }
        return 0;
    }
}
