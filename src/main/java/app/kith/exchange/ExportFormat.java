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
