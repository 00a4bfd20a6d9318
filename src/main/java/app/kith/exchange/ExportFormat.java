package app.kith.exchange;

import app.kith.shared.ValidationException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The files Kith exports, by the word a user names them with, with their media type and file name. */
public enum ExportFormat {
    VCARD("vcard", "text/vcard; charset=utf-8", "kith-contacts.vcf"),
    CSV("csv", "text/csv; charset=utf-8", "kith-contacts.csv"),
    JSON("json", "application/json", "kith-export.json");

    private final String word;
    private final String contentType;
    private final String fileName;

    ExportFormat(String word, String contentType, String fileName) {
        this.word = word;
        this.contentType = contentType;
        this.fileName = fileName;
    }

    public String word() {
        return word;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * An export as a file is saved: a CSV file starts with a byte-order mark, without which Excel reads UTF-8 as the
     * machine's code page (München as MÃ¼nchen); Kith's import, LibreOffice and Google Sheets read past it. Printed
     * for a pipe, an export has none.
     */
    public byte[] asFile(byte[] content) {
        if (this != CSV) {
            return content;
        }
        byte[] marked = new byte[content.length + UTF8_BOM.length];
        System.arraycopy(UTF8_BOM, 0, marked, 0, UTF8_BOM.length);
        System.arraycopy(content, 0, marked, UTF8_BOM.length, content.length);
        return marked;
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The name a download is saved under. */
    public String fileName() {
        return fileName;
    }

    public static ExportFormat of(String word) {
        String wanted = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.word.equals(wanted)).findFirst()
                .orElseThrow(() -> new ValidationException("'" + word + "' is not an export format: use one of "
                        + Arrays.stream(values()).map(ExportFormat::word).collect(Collectors.joining(", "))));
    }
}
