package app.kith.cli;

import app.kith.exchange.ImportException;
import app.kith.exchange.ImportFormat;
import app.kith.exchange.ImportService;
import app.kith.exchange.ImportSummary;
import app.kith.shared.KithException;
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

/** {@code kith import FORMAT FILE}: brings contacts (or LinkedIn messages) in from another service's export. */
@Command(name = "import", description = {
        "Import contacts from another service's export: all or nothing, merging duplicates.",
        "FORMAT is one of: linkedin (Connections.csv), linkedin-messages (messages.csv), vcard (.vcf), csv (Google or Outlook)."})
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
    @Option(names = "--circle", paramLabel = "NAME", description = "Put the imported contacts in this circle.")
    String circle;
    @Option(names = "--dry-run", description = "Report what would happen; write nothing.")
    boolean dryRun;
    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() {
        byte[] content = read(file);
        ImportSummary summary;
        try (TerminalProgress progress = new TerminalProgress()) {
            summary = root.kith().imports().run(root.userId(), format, content,
                    new ImportService.Options(circle, dryRun), progress);
        } catch (ImportException e) {
            throw new KithException(file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, summary);
        } else {
            out.print(summary.describe());
        }
        return 0;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KithException("there is no file " + file + ": give the path of the exported file");
        } catch (IOException e) {
            throw new KithException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A progress bar on standard error, only on a terminal and only for big files. */
    private static final class TerminalProgress implements ImportService.Progress, AutoCloseable {
        private ProgressBar bar;

        @Override
        public void update(String phase, long done, long total) {
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
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
