package app.kith.exchange;

import app.kith.contact.ContactBulk;
import app.kith.shared.ValidationException;
import app.kith.storage.Database;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any file given to an import, decoded as the product decodes it, gives contacts that checking accepts or
 * refuses, or an {@link ImportException} with a line inside the file; never another exception. A plain build
 * replays the files in {@code ParserFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes for new ones.
 */
class ParserFuzzTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static Path folder;
    private static Database database;
    private static ContactBulk bulk;

    @BeforeAll
    static void openDatabase() throws IOException {
        // ContactBulk checks drafts without a database, but takes one for the dialect it writes in.
        folder = Files.createTempDirectory("kith-fuzz");
        database = Database.openSqlite(folder.resolve("kith.db"), false);
        bulk = new ContactBulk(database, CLOCK);
    }

    @AfterAll
    static void closeDatabase() throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @FuzzTest(maxDuration = "30s")
    void linkedinConnections(byte[] file) {
        importing(file, LinkedInConnections::parse);
    }

    @FuzzTest(maxDuration = "30s")
    void linkedinMessages(byte[] file) {
        String text = decoded(file);
        if (text == null) {
            return;
        }
        List<LinkedInMessages.Message> messages;
        try {
            messages = LinkedInMessages.parse(text);
        } catch (ImportException refused) {
            assertLineInside(refused.line(), text, 0);
            return;
        }
        for (LinkedInMessages.Message message : messages) {
            assertLineInside(message.line(), text, 1);
            assertThat(message.people()).doesNotContainNull();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void vcard(byte[] file) {
        importing(file, VCardImport::parse);
    }

    @FuzzTest(maxDuration = "30s")
    void contactsCsv(byte[] file) {
        importing(file, ContactsCsv::parse);
    }

    /** What ImportService does before it writes, into an account with no contacts yet. */
    private static void importing(byte[] file, Function<String, Parsed> parser) {
        String text = decoded(file);
        if (text == null) {
            return;
        }
        Parsed parsed;
        try {
            parsed = parser.apply(text);
        } catch (ImportException refused) {
            assertLineInside(refused.line(), text, 0);
            return;
        }
        parsed.skipped().forEach(skip -> assertLineInside(skip.line(), text, 1));
        List<ContactBulk.Draft> checked = new ArrayList<>();
        for (ImportRow row : parsed.rows()) {
            assertLineInside(row.line(), text, 1);
            try {
                checked.add(bulk.checked(row.draft()));
            } catch (ValidationException refused) {
                return; // the whole file fails with this row's line
            }
        }
        ImportPlan plan = new ImportPlan(List.of(), Set.of(), Map.of(), Map.of(), null, LocalDate.now(CLOCK), parsed.format(), checked.size());
        checked.forEach(plan::add);
        assertThat(plan.unwritten()).hasSize(plan.addedCount());
        assertThat(plan.patches()).isEmpty();
    }

    /** The text, or null when TextFile refuses the bytes (with an ImportException, as it should). */
    private static String decoded(byte[] file) {
        try {
            return TextFile.decode(file);
        } catch (ImportException refused) {
            return null;
        }
    }

    /** A line a message names is in the file: from {@code lowest} (0 for the whole file) to its last line. */
    private static void assertLineInside(long line, String text, long lowest) {
        assertThat(line).isBetween(lowest, lines(text));
    }

    /** Lines as the parsers count them: CRLF, LF and a lone CR each end one. */
    private static long lines(String text) {
        long lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                lines++;
            }
        }
        return lines;
    }
}
