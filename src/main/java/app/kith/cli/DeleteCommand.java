package app.kith.cli;

import app.kith.contact.Contact;
import app.kith.contact.ContactService;
import app.kith.shared.KithException;
import app.kith.shared.Quoted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kith delete CONTACT --yes}: deletes a contact for good, with the interactions they alone took part in. */
@Command(name = "delete", description = {
        "Delete a contact for good, with the interactions they alone took part in (shared ones stay for the others).",
        "Without --yes it only says what would go. To keep them but off the agenda, use 'kith archive'."})
final class DeleteCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "CONTACT", description = "An id or a name.")
    String contact;
    @Option(names = "--yes", description = "Delete them: it cannot be undone.")
    boolean yes;

    @Override
    public Integer call() {
        long userId = root.userId();
        ContactService contacts = root.kith().contacts();
        Contact found = contacts.resolve(userId, contact);
        long id = found.id();
        if (!yes) {
            ContactService.Deletion deletion = contacts.deletion(userId, id);
            throw new KithException("this would delete " + what(deletion) + "; it cannot be undone: run 'kith delete " + id + " --yes'"
                    + " to do it (or 'kith archive' to keep them off the agenda instead)");
        }
        // Deleting for good takes no guess: a part of a name that happened to match one contact is not enough.
        String typed = contact.trim();
        if (!ContactService.isId(typed) && !typed.equalsIgnoreCase(found.name())) {
            throw new KithException(Quoted.of(typed) + " matched " + found.name() + " (#" + id + "): to delete them, give their full name"
                    + " or their id, " + id);
        }
        ContactService.Deletion deleted = contacts.delete(userId, id);
        spec.commandLine().getOut().println("Deleted " + what(deleted) + ".");
        return 0;
    }

    /** "Grace Hopper (#12), 3 interactions they alone took part in; 1 shared with others stays for them". */
    private static String what(ContactService.Deletion deletion) {
        Contact c = deletion.contact();
        int alone = deletion.interactionsDeleted();
        int kept = deletion.interactionsKept();
        return c.name() + " (#" + c.id() + ") and " + alone + (alone == 1 ? " interaction" : " interactions")
                + " they alone took part in" + (kept == 0 ? "" : "; " + kept + " shared with others "
                + (kept == 1 ? "stays" : "stay") + " for them");
    }
}
