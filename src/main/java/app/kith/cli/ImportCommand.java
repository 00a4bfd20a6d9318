package app.kith.cli;

import app.kith.Kith;
import app.kith.exchange.BadRows;
import app.kith.exchange.ImportException;
import app.kith.exchange.ImportFormat;
import app.kith.exchange.ImportService;
import app.kith.exchange.ImportSummary;
import app.kith.shared.KithException;
import app.kith.shared.TaskFailures;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** {@code kith import FORMAT FILE}: brings contacts (or LinkedIn messages) in from another service's export. */
@Command(name = "import", description = {
        "Import contacts from another service's export: all or nothing, merging duplicates.",
        "FORMAT is one of: linkedin (Connections.csv), linkedin-messages (messages.csv), vcard (.vcf), csv (Google, Outlook, or Kith's own export)."})
final class ImportCommand implements Callable<Integer> {
    /** Files with more rows than this show a progress bar on a terminal. */
    private static final int PROGRESS_FROM = 2000;

    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FORMAT", description = "linkedin, linkedin-messages, vcard or csv.")
    ImportFormat format;
    @Parameters(index = "1", paramLabel = "FILE", description = "The exported file.")
    Path file;
    @Option(names = "--circle", paramLabel = "NAME", description = "Put the new contacts in this circle (contacts already there keep theirs).")
    String circle;
    @Option(names = "--dry-run", description = "Report what would happen; write nothing.")
    boolean dryRun;
    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;
    @Option(names = "--skip-bad-rows", description = "Leave out the rows Kith cannot take (a date or an email that is not one),"
            + " each told with its line and why, and import the rest; without it one bad row imports nothing.")
    boolean skipBadRows;

    @Override
    public Integer call() {
        byte[] content = read(file);
        BadRows bad = skipBadRows ? BadRows.SKIP : BadRows.FAIL;
        ImportSummary summary;
        try (TerminalProgress progress = new TerminalProgress()) {
            // The file is parsed and checked on a thread of its own while this one opens the database (on a first
            // run, making its schema) and finds the account: neither waits for the other. Errors come in the same
            // order as when one followed the other: the database's and the account's first, then the file's.
            FutureTask<ImportService.Read> reading = new FutureTask<>(() -> ImportService.read(format, content, root.clock(), progress, bad));
            Thread reader = new Thread(reading, "kith-import-read");
            reader.setDaemon(true);
            reader.start();
            Kith kith = root.kith();
            long userId = root.userId();
            summary = kith.imports().run(userId, result(reading), new ImportService.Options(circle, dryRun, bad), progress);
        } catch (ImportException e) {
            throw new KithException(file + ": " + e.getMessage()
                    + (e.rowAlone() ? " (correct that row, or give --skip-bad-rows to leave out such rows and import the rest)" : ""));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, summary);
        } else {
            out.print(summary.describe());
        }
        return 0;
    }

    /** What the reading thread came to: its result, or the exception it ended with, thrown here. */
    private static ImportService.Read result(FutureTask<ImportService.Read> reading) {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KithException("the import was interrupted");
        } catch (ExecutionException e) {
            throw TaskFailures.unwrapped(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KithException("there is no file " + file + ": give the path of the exported file");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new KithException(file + " is a folder: give the path of the exported file in it");
            }
            throw new KithException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * A progress bar on standard error, only on a terminal and only for big files. The reading thread and this one
     * both report to it, one after the other; once closed (the import done or failed) it hears nothing more.
     */
    private static final class TerminalProgress implements ImportService.Progress, AutoCloseable {
        private ProgressBar bar;
        private boolean closed;

        @Override
        public synchronized void update(String phase, long done, long total) {
            if (closed) {
                return;
            }
            if (bar == null) {
                if (System.console() == null || total < PROGRESS_FROM) {
                    return;
                }
                bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .build();
            }
            bar.setExtraMessage(phase);
            bar.maxHint(total);
            bar.stepTo(done);
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (bar != null) {
                bar.close();
            }
        }
    }
}
