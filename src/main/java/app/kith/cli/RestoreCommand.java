package app.kith.cli;

import app.kith.config.KithConfig;
import app.kith.exchange.RestoreSummary;
import app.kith.shared.KithException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kith restore FILE}: brings back a backup or a JSON export, into an empty data directory or database. */
@Command(name = "restore", description = {
        "Restore a backup (kith backup) or a JSON export (kith export json) into an empty data directory or database.",
        "With --force it replaces the data already there; no kith serve may be running against it then."})
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE", description = "A SQLite backup, a JSON backup or a JSON export.")
    Path file;
    @Option(names = "--force", description = "Replace the contacts already there.")
    boolean force;

    @Override
    public Integer call() {
        KithConfig config = root.config();
        if (config.usesSqlite() && ServeLock.held(config.dataDir())) {
            throw new KithException("kith serve is running on " + config.dataDir() + ": stop it first, then restore (it would"
                    + " go on with what it holds in memory of the data replaced, such as who is signed in); nothing was restored");
        }
        RestoreSummary summary = root.kith().exports().restore(file, force, root::userId);
        spec.commandLine().getOut().println(summary.describe());
        return 0;
    }
}
