package app.kith.exchange;

import app.kith.shared.ValidationException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** The files Kith imports, by the word a user names them with. */
public enum ImportFormat {
    LINKEDIN("linkedin", "LinkedIn's Connections.csv", LinkedInConnections::parse),
    LINKEDIN_MESSAGES("linkedin-messages", "LinkedIn's messages.csv", null),
    VCARD("vcard", "vCard (.vcf) from Apple Contacts, iCloud, Google or Outlook", VCardImport::parse),
    CSV("csv", "Google Contacts, Outlook or Kith CSV", ContactsCsv::parse);

    private final String word;
    private final String description;
    private final BiFunction<String, BadRows, Parsed> parser;

    ImportFormat(String word, String description, BiFunction<String, BadRows, Parsed> parser) {
        this.word = word;
        this.description = description;
        this.parser = parser;
    }

    public String word() {
        return word;
    }

    public String description() {
        return description;
    }

    /** Reads a file of contacts, a bad row failing it or left out as {@code bad} says; not for messages, which are not contacts. */
    Parsed parse(String text, BadRows bad) {
        if (parser == null) {
            throw new IllegalStateException(word + " holds no contacts");
        }
        return parser.apply(text, bad);
    }

    public static ImportFormat of(String word) {
        return find(word).orElseThrow(() -> new ValidationException("'" + word + "' is not an import format: use one of "
                        + Arrays.stream(values()).map(ImportFormat::word).collect(Collectors.joining(", "))));
    }

    /** The format of this word (any case, blanks around it aside), if one has it. */
    public static Optional<ImportFormat> find(String word) {
        String wanted = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.word.equals(wanted)).findFirst();
    }
}
