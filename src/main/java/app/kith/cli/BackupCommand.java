package app.kith.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kith backup FILE}: a consistent snapshot of the whole database, safe while a server is running. */
@Command(name = "backup", description = {
        "Write a consistent snapshot of the whole database to a new FILE, also while kith serve is running.",
        "SQLite: a copy of kith.db (VACUUM INTO). PostgreSQL: every account as JSON, with its password hash."})
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE", description = "The backup to write; it must not exist yet.")
    Path file;

    @Override
    public Integer call() {
        String written = root.kith().exports().backup(file);
        spec.commandLine().getOut().println("Backed up to " + file + " (" + written + ").");
        return 0;
    }
}
