package app.kith.cli;

import app.kith.contact.Contact;
import app.kith.contact.ContactService;
import app.kith.contact.NameKey;
import app.kith.shared.KithException;
import app.kith.shared.Quoted;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code kith edit CONTACT ...}: changes a contact; an empty value ("") clears a field. */
@Command(name = "edit", description = "Change a contact; an empty value (\"\") clears a field.")
final class EditCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "CONTACT", description = "An id or a name.")
    String contact;
    @Mixin
    ContactOptions options;
    @Option(names = "--name", paramLabel = "NAME", description = "A new full name.")
    String name;
    @Option(names = "--no-every", description = "Drop their own cadence; their circles' applies.")
    boolean noEvery;
    @Option(names = "--remove-circle", paramLabel = "NAME", description = "Take them out of a circle (repeatable).")
    List<String> removeCircles = List.of();
    @Option(names = "--remove-tag", paramLabel = "TAG", description = "Take a tag away (repeatable; commas part several).")
    List<String> removeTags = List.of();
    @Option(names = "--remove-email", paramLabel = "EMAIL", description = "Take an email address away (repeatable).")
    List<String> removeEmails = List.of();
    @Option(names = "--remove-phone", paramLabel = "PHONE", description = "Take a phone number away (repeatable).")
    List<String> removePhones = List.of();
    @Option(names = "--anyway", description = "Change them even if that gives them the name or an email address of another contact.")
    boolean anyway;

    @Override
    public Integer call() {
        if (noEvery && options.every != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give --every DURATION or --no-every, not both");
        }
        both("--circle", options.circles, "--remove-circle", removeCircles);
        both("--tag", options.tags, "--remove-tag", removeTags);
        boolean changesSomething = spec.commandLine().getParseResult().matchedOptions().stream()
                .anyMatch(option -> option.scopeType() != ScopeType.INHERIT && !option.longestName().equals("--anyway"));
        if (!changesSomething) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "nothing to change: give what changes, such as --city Paris, --circle Mentors or --every 1m");
        }
        long userId = root.userId();
        Contact found = root.kith().contacts().resolve(userId, contact);
        Contact edited;
        try {
            edited = root.kith().contacts().edit(userId, found.id(), options.changes(root).name(name)
                    .clearEvery(noEvery).removeCircles(removeCircles).removeTags(removeTags)
                    .removeEmails(removeEmails).removePhones(removePhones).build(), false, root.today(), anyway);
        } catch (ContactService.AlreadyThere e) {
            throw new KithException(e.getMessage() + ". Nothing was changed: to change " + found.name() + " (#" + found.id()
                    + ") all the same, add --anyway");
        }
        spec.commandLine().getOut().println("Updated " + edited.name() + " (#" + edited.id() + "), "
                + Text.schedule(edited, root.today()) + ".");
        return 0;
    }

    /** Refuses one name both added and removed ("--circle Mentors --remove-circle mentors"): which was meant? */
    private void both(String add, List<String> added, String remove, List<String> removed) {
        for (String name : added) {
            if (removed.stream().anyMatch(other -> NameKey.of(other).equals(NameKey.of(name)))) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give " + add + " " + Quoted.of(name)
                        + " or " + remove + " " + Quoted.of(name) + ", not both");
            }
        }
    }
}
