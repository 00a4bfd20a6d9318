package app.kith.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An import given as a zip archive, as LinkedIn's data export comes ("Get a copy of your data"): the file the import
 * reads is taken out of it, so the archive need not be unpacked first. LinkedIn's imports take their file by name
 * (Connections.csv, messages.csv); the others take the one file of their kind the archive holds.
 */
final class ZipArchive {
    /** How much one file taken out of an archive may hold: a small archive may unpack to far more (a "zip bomb"). */
    static final long MAX_UNPACKED = 200L * 1024 * 1024;
    private static final int LOCAL_HEADER = 0x04034b50;
    /** How an archive of no files starts: with the end of its (empty) central directory. */
    private static final int EMPTY_ARCHIVE = 0x06054b50;

    private ZipArchive() {
    }

    /** Whether the bytes are a zip archive: they start with a zip entry's header, or are an archive of no files. */
    static boolean is(byte[] content) {
        if (content.length < 4) {
            return false;
        }
        int signature = (content[0] & 0xFF) | (content[1] & 0xFF) << 8 | (content[2] & 0xFF) << 16 | (content[3] & 0xFF) << 24;
        return signature == LOCAL_HEADER || signature == EMPTY_ARCHIVE;
    }

    /** The file the import of {@code format} reads, taken out of an archive; any other content as it is. */
    static byte[] unpacked(ImportFormat format, byte[] content) {
        return unpacked(format, content, MAX_UNPACKED, MAX_UNPACKED);
    }

    /**
     * As {@link #unpacked(ImportFormat, byte[])}, a file taken out holding at most {@code most} bytes, and the files
     * passed over on the way at most {@code mostPassedOver} together (unpacked to nothing, they cost time, not memory).
     */
    static byte[] unpacked(ImportFormat format, byte[] content, long most, long mostPassedOver) {
        if (!is(content)) {
            return content;
        }
        String wanted = switch (format) {
            case LINKEDIN -> "connections.csv";
            case LINKEDIN_MESSAGES -> "messages.csv";
            case CSV, VCARD -> null;
        };
        List<String> ofKind = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            byte[] only = null;
            // Every entry passed over is unpacked too (a zip is read in order): together they may unpack to as much.
            long passedOver = 0;
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                String lower = base.toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || base.startsWith(".") || name.startsWith("__MACOSX/")) {
                    passedOver += skip(zip, mostPassedOver - passedOver);
                    continue;
                }
                if (wanted != null && lower.equals(wanted)) {
                    return read(zip, name, most);
                }
                if (wanted == null && isOfKind(format, lower)) {
                    ofKind.add(name);
                    if (ofKind.size() == 1) {
                        only = read(zip, name, most);
                    } else if (ofKind.size() > 3) {
                        break; // enough to say there are several
                    }
                    continue;
                }
                passedOver += skip(zip, mostPassedOver - passedOver);
            }
            if (wanted != null) {
                throw new ImportException("the zip archive holds no " + (format == ImportFormat.LINKEDIN ? "Connections.csv" : "messages.csv")
                        + ": give LinkedIn's data export (Settings, Data privacy, Get a copy of your data), or the file itself");
            }
            if (ofKind.size() == 1) {
                return only;
            }
            String kind = format == ImportFormat.VCARD ? ".vcf" : ".csv";
            throw new ImportException(ofKind.isEmpty() ? "the zip archive holds no " + kind + " file: unzip it and give the file to import"
                    : "the zip archive holds " + (ofKind.size() > 3 ? "more than 3" : String.valueOf(ofKind.size())) + " " + kind + " files (" + String.join(", ", ofKind.subList(0, Math.min(3, ofKind.size())))
                    + (ofKind.size() > 3 ? ", ..." : "") + "): unzip it and give the one to import");
        } catch (IOException | IllegalArgumentException e) {
            // ZipInputStream throws IllegalArgumentException for an entry name in no charset it can read.
            throw new ImportException("the file starts as a zip archive but cannot be read (" + e.getMessage()
                    + "): download or export it again, or unzip it and give the file inside");
        }
    }

    private static boolean isOfKind(ImportFormat format, String lowerName) {
        return format == ImportFormat.VCARD ? lowerName.endsWith(".vcf") || lowerName.endsWith(".vcard") : lowerName.endsWith(".csv");
    }

    /** Passes over the entry the stream is at, unpacking at most {@code most} bytes of it; how many it unpacked. */
    private static long skip(ZipInputStream zip, long most) throws IOException {
        return unpack(zip, most, OutputStream.nullOutputStream(), () -> new ImportException(
                "the zip archive's other files unpack to more than it may hold: unzip it and give the file to import itself"));
    }

    /** The entry the stream is at, up to {@code most} bytes. */
    private static byte[] read(ZipInputStream zip, String name, long most) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        unpack(zip, most, out, () -> new ImportException(name + " in the zip archive unpacks to more than " + most / (1024 * 1024)
                + " MB: unzip it and split the file"));
        return out.toByteArray();
    }

    /** Unpacks the entry the stream is at into {@code out}, failing past {@code most} bytes; how many it unpacked. */
    private static long unpack(ZipInputStream zip, long most, OutputStream out, Supplier<ImportException> tooMuch) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = zip.read(buffer)) > 0; ) {
            total += n;
            if (total > most) {
                throw tooMuch.get();
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}
