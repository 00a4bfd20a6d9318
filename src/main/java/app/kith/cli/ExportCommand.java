package app.kith.cli;

import app.kith.exchange.ExportFormat;
import app.kith.exchange.ExportService;
import app.kith.shared.FileFailures;
import app.kith.shared.KithException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
    @Option(names = "--force", description = "Replace FILE if it exists (without it, an existing file is left as it is).")
    boolean force;

    @Override
    public Integer call() {
        ExportFormat exportFormat = format;
        byte[] content = root.kith().exports().export(root.userId(), exportFormat);
        if (out == null) {
            spec.commandLine().getOut().print(new String(content, StandardCharsets.UTF_8));
            return 0;
        }
        content = exportFormat.asFile(content);
        if (Files.isDirectory(out)) {
            throw new KithException(out + " is a folder: give the name of a file, such as " + out.resolve(exportFormat.fileName()));
        }
        if (Files.exists(out) && !force) {
            throw new KithException(out + " already exists: add --force to replace it, or give the name of a new file");
        }
        ExportService.requireFolder(out, "the export");
        // Written beside it and then moved into place: a failed export leaves the file as it was.
        Path partial = null;
        try {
            // Created as any file the user writes (their umask), not private as a temporary file would be; on disk
            // before it takes the name, so that a crash leaves the old file or the new one, never half of one.
            partial = out.toAbsolutePath().resolveSibling("." + out.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (Files.exists(out)) {
                keepPermissions(out, partial);
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            // The system's reason alone: the message would name the file written beside it, which the user never asked for.
            throw new KithException("cannot write " + out + ": " + FileFailures.reason(e) + " (check that you may write there)");
        }
        spec.commandLine().getOut().println("Exported to " + out + " (" + exportFormat.word() + ", " + content.length + " bytes).");
        return 0;
    }

    /** A replaced file keeps who may read it (an export holds a whole network); where the system has no such thing, nothing. */
    private static void keepPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the new file has the system's usual permissions.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Left behind: it names itself a part file.
        }
    }
}
