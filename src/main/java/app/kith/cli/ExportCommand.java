package app.kith.cli;

import app.kith.exchange.ExportFormat;
import app.kith.shared.KithException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kith export FORMAT}: your contacts as vCard or CSV, or everything as JSON, on standard output or to a file. */
@Command(name = "export", description = {
        "Export your contacts (vcard, csv) or all your data (json), to standard output or --out FILE.",
        "CSV cells that start with = + - @ get a leading ' so that spreadsheets do not run them as formulas."})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FORMAT", description = "vcard (vCard 4.0), csv or json.")
    ExportFormat format;
    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        ExportFormat exportFormat = format;
        byte[] content = root.kith().exports().export(root.userId(), exportFormat);
        if (out == null) {
            spec.commandLine().getOut().print(new String(content, StandardCharsets.UTF_8));
            return 0;
        }
        try {
            Files.write(out, content);
        } catch (IOException e) {
            throw new KithException("cannot write " + out + ": " + e.getMessage() + " (check that its folder exists and you may write there)");
        }
        spec.commandLine().getOut().println("Exported to " + out + " (" + exportFormat.word() + ", " + content.length + " bytes).");
        return 0;
    }
}
