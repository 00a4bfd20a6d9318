package app.kith.exchange;

import app.kith.contact.ContactBulk;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parts read in turn on a thread of their own: what the importing thread is handed when reading goes wrong. */
class ReadPartsTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);

    private static Parsed part(long firstLine, String... names) {
        List<ImportRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            rows.add(new ImportRow(firstLine + i, new ContactBulk.Draft(names[i], List.of(), List.of(), null, null, null,
                    null, null, null, null, null, null, null, List.of())));
        }
        return new Parsed("test", rows, List.of());
    }

    private ReadParts inTurn(Consumer<Consumer<Parsed>> reader) {
        return ReadParts.inTurn("test", reader, 10, () -> part(2, "Whole"), clock);
    }

    @Test
    void partsComeCheckedAndInOrderThenTheEnd() {
        ReadParts read = inTurn(parts -> {
            parts.accept(part(2, " Ann Lee ", "Bo"));
            parts.accept(new Parsed("test", part(5, "Cy").rows(), List.of(new Skip(4, "a member who hides their name"))));
        });
        assertThat(read.part(0).rows()).extracting(ContactBulk.Draft::name).containsExactly("Ann Lee", "Bo");
        // Parsed to its end before the first part is handed over: how many rows there are, and how many of them the
        // parser kept, are known from it on.
        assertThat(read.rows()).isEqualTo(4);
        assertThat(read.kept()).isEqualTo(3);
        assertThat(read.part(1).rows()).extracting(ContactBulk.Draft::name).containsExactly("Cy");
        assertThat(read.part(2)).isNull();
        assertThat(read.anyFailed()).isFalse();
    }

    @Test
    void anErrorWhileReadingIsAFailedPartNeverAnEarlyEnd() {
        // Were the Error taken for the end of the file, an import would commit the parts read before it.
        ReadParts read = inTurn(parts -> {
            parts.accept(part(2, "Ann"));
            throw new StackOverflowError("deep in the parser");
        });
        assertThatThrownBy(() -> read.part(0)).isInstanceOf(ReadParts.Failed.class);
        assertThat(read.anyFailed()).isTrue();
        assertThat(read.rows()).isEqualTo(-1);
    }

    @Test
    void aBadRowFailsItsPartAndTheFileReadWholeTellsTheFirstError() {
        ReadParts read = ReadParts.inTurn("test", parts -> {
            parts.accept(part(2, "Ann"));
            parts.accept(part(3, "   "));
            parts.accept(part(4, "Cy"));
        }, 10, () -> part(2, "Ann", "   ", "Cy"), clock);
        assertThat(read.part(0).rows()).hasSize(1);
        assertThatThrownBy(() -> read.part(1)).isInstanceOf(ReadParts.Failed.class);
        assertThatThrownBy(read::whole).isInstanceOf(ImportException.class).hasMessageStartingWith("line 3:");
    }
}
