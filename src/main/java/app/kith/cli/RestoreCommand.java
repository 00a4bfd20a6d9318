package app.kith.cli;

import app.kith.config.KithConfig;
import app.kith.exchange.RestoreSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
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
        // Held for the whole restore: a server does not start meanwhile either (see ServeLock).
        try (ServeLock restoring = config.usesSqlite() && Files.isDirectory(config.dataDir())
                ? ServeLock.restore(config.dataDir()) : null) {
            RestoreSummary summary = root.kith().exports().restore(file, force, root::userId);
            spec.commandLine().getOut().println(summary.describe());
        }
        return 0;
    }
}
