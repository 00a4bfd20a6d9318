package app.kith.cli;

import app.kith.contact.Cadence;
import app.kith.contact.Circle;
import app.kith.contact.CircleService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code kith circle add|edit|remove}: manages circles. */
@Command(name = "circle", description = "Add, rename, re-time or remove a circle.",
        subcommands = {CircleCommand.Add.class, CircleCommand.Edit.class, CircleCommand.Remove.class})
final class CircleCommand {
    @ParentCommand
    KithCommand root;

    /** {@code kith circle add NAME --every DURATION}. */
    @Command(name = "add", description = "Add a circle with its default cadence.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        CircleCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--every", required = true, paramLabel = "DURATION", description = "30d, 6w, 3m, 1y or P6W.")
        Cadence every;

        @Override
        public Integer call() {
            Circle circle = parent.root.kith().circles().add(parent.root.userId(), name, every);
            spec.commandLine().getOut().println("Added the circle " + circle.name() + ", every " + circle.cadence().describe() + ".");
            return 0;
        }
    }

    /** {@code kith circle edit NAME [--every D] [--rename NEW]}. */
    @Command(name = "edit", description = "Rename or re-time a circle; its members' due dates follow.")
    static final class Edit implements Callable<Integer> {
        @ParentCommand
        CircleCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--every", paramLabel = "DURATION", description = "A new cadence.")
        Cadence every;
        @Option(names = "--rename", paramLabel = "NEW", description = "A new name.")
        String rename;

        @Override
        public Integer call() {
            if (every == null && rename == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --every DURATION, --rename NEW or both");
            }
            CircleService circles = parent.root.kith().circles();
            long userId = parent.root.userId();
            // The name as it was, for the message (the one typed may differ in case or accents).
            List<Circle> before = rename == null ? List.of() : circles.list(userId);
            Circle circle = circles.edit(userId, name, rename, every);
            String was = before.stream().filter(c -> c.id() == circle.id()).map(Circle::name).findFirst().orElse(name);
            String members = " (" + circle.members() + (circle.members() == 1 ? " contact)." : " contacts).");
            spec.commandLine().getOut().println(rename == null || was.equals(circle.name())
                    ? "The circle " + circle.name() + " is now every " + circle.cadence().describe() + members
                    : "Renamed the circle " + was + " to " + circle.name() + ", every " + circle.cadence().describe() + members);
            return 0;
        }
    }

    /** {@code kith circle remove NAME}. */
    @Command(name = "remove", description = "Remove a circle; its members stay, on their own or other circles' cadence.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        CircleCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            CircleService.Removed removed = parent.root.kith().circles().remove(parent.root.userId(), name);
            int untracked = removed.untracked();
            spec.commandLine().getOut().println("Removed the circle " + removed.circle().name() + (untracked == 0 ? "." : "; "
                    + untracked + (untracked == 1 ? " of its members is" : " of its members are") + " now untracked (in no other"
                    + " circle, with no cadence of their own): put them in another circle or give them --every."));
            return 0;
        }
    }
}
