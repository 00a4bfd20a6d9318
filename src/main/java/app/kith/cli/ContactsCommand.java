package app.kith.cli;

import app.kith.contact.Contact;
import app.kith.contact.ContactService;
import app.kith.contact.ContactFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kith contacts}: lists contacts, filtered by circle, tag, text, due or untracked. */
@Command(name = "contacts", description = "List your contacts.")
final class ContactsCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Option(names = "--circle", paramLabel = "NAME", description = "Only those in this circle.")
    String circle;
    @Option(names = "--tag", paramLabel = "TAG", description = "Only those with this tag.")
    String tag;
    @Option(names = "--search", paramLabel = "TEXT", description = "Words (by their start) of the name, company, title, city or notes, or the start of an email.")
    String search;
    @Option(names = "--due", description = "Only those due today or overdue.")
    boolean due;
    @Option(names = "--archived", description = "The archived contacts instead.")
    boolean archived;
    @Option(names = "--untracked", description = "Only those Kith never brings up: in no circle, with no cadence of their own.")
    boolean untracked;
    @Option(names = "--json", description = "Print the contacts as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<Contact> contacts = root.kith().contacts().list(root.userId(), filter(), root.today());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, contacts.stream().map(contact -> Json.ContactJson.of(contact, null)).toList());
            return 0;
        }
        if (contacts.isEmpty()) {
            out.println("No contacts" + (circle == null && tag == null && search == null && !due && !archived && !untracked
                    ? " yet: add one with 'kith add NAME --circle Mentors'."
                    : ContactService.wordless(search) ? " match: " + ContactService.WORDLESS + "."
                    : " match." + archivedMatches()));
            return 0;
        }
        for (Contact contact : contacts) {
            // Padded by the columns a terminal gives each character: 李小龙 takes six, not three.
            out.printf("#%-6d %s %s %s%n", contact.id(), Text.padded(contact.name(), 28),
                    Text.padded(contact.circles().isEmpty() ? "-" : String.join(", ", contact.circles()), 24), Text.dueShort(contact, root.today()));
        }
        out.println(contacts.size() + (contacts.size() == 1 ? " contact" : " contacts"));
        return 0;
    }

    private ContactFilter filter() {
        return new ContactFilter(circle, tag, search, due, archived, untracked);
    }

    /** When current contacts match nothing: how many archived ones would, as a hint; else nothing. */
    private String archivedMatches() {
        int matching = root.kith().contacts().archivedMatches(root.userId(),
                ContactService.search(filter()), root.today());
        return matching == 0 ? "" : " " + matching + (matching == 1 ? " archived contact matches" : " archived contacts match")
                + ": add --archived to see " + (matching == 1 ? "it." : "them.");
    }
}
