package app.kith.cli;

import app.kith.demo.DemoNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code kith demo}: fills a fresh data directory with a small invented network, to see what Kith does. */
@Command(name = "demo", description = "Fill a fresh data directory with a small invented network to try Kith on.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int added = DemoNetwork.fill(root.kith(), root.userId());
        spec.commandLine().getOut().println("Added " + added + " invented contacts with a year of interactions."
                + " Try 'kith today', or 'kith serve' and open Today.");
        return 0;
    }
}
