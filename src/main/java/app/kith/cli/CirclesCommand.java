package app.kith.cli;

import app.kith.contact.Circle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kith circles}: lists your circles with their cadence and size. */
@Command(name = "circles", description = "List your circles (contact types) with their cadence.")
final class CirclesCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Option(names = "--json", description = "Print the circles as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<Circle> circles = root.kith().circles().list(root.userId());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, circles.stream().map(c -> new CircleJson(c.id(), c.name(), c.cadence().iso(), c.members())).toList());
            return 0;
        }
        if (circles.isEmpty()) {
            out.println("No circles: add one with 'kith circle add NAME --every 3m'.");
        }
        for (Circle circle : circles) {
            out.printf("%-28s every %-16s %d %s%n", circle.name(), circle.cadence().describe(), circle.members(),
                    circle.members() == 1 ? "contact" : "contacts");
        }
        return 0;
    }

    record CircleJson(long id, String name, String cadence, int members) {
    }
}
