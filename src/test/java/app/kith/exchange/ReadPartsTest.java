package app.kith.exchange;

import app.kith.contact.ContactBulk;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        return ReadParts.inTurn("test", reader, 10, rows -> part(2, "Whole"), clock, BadRows.FAIL);
    }

    @Test
    void eachPartIsHandedOverCheckedWhileTheRestIsStillBeingRead() {
        CountDownLatch rest = new CountDownLatch(1);
        ReadParts read = inTurn(parts -> {
            parts.accept(part(2, " Ann Lee ", "Bo"));
            await(rest);
            parts.accept(new Parsed("test", part(5, "Cy").rows(), List.of(new Skip(4, "a member who hides their name"))));
        });
        // The reader waits before its second part: the first must come without it.
        assertThat(read.part(0).rows()).extracting(ContactBulk.Draft::name).containsExactly("Ann Lee", "Bo");
        assertThat(read.rows()).isEqualTo(-1);
        assertThat(read.rowsAbout(2)).isEqualTo(10); // the estimate the file was opened with
        assertThat(read.rowsAbout(12)).isEqualTo(12);
        // One new contact in the first two rows: five in the file's ten, if the rest is alike.
        assertThat(read.newAbout(1, 2)).isEqualTo(5);
        assertThat(read.newAbout(0, 2)).isZero();
        rest.countDown();
        assertThat(read.part(1).rows()).extracting(ContactBulk.Draft::name).containsExactly("Cy");
        assertThat(read.part(2)).isNull();
        // Read to its end: how many rows there are, the one left out included, is known.
        assertThat(read.rows()).isEqualTo(4);
        assertThat(read.rowsAbout(3)).isEqualTo(4);
        assertThat(read.newAbout(3, 4)).isEqualTo(3);
        assertThat(read.anyFailed()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never let the reader go on");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anErrorWhileReadingIsAFailedPartNeverAnEarlyEnd() {
        // Were the Error taken for the end of the file, an import would commit the parts read before it.
        ReadParts read = inTurn(parts -> {
            parts.accept(part(2, "Ann"));
            throw new StackOverflowError("deep in the parser");
        });
        assertThat(read.part(0).rows()).hasSize(1);
        assertThatThrownBy(() -> read.part(1)).isInstanceOf(ReadParts.Failed.class);
        assertThat(read.anyFailed()).isTrue();
        assertThat(read.rows()).isEqualTo(-1);
    }

    @Test
    void aBadRowFailsItsPartAndTheFileReadWholeTellsTheFirstError() {
        ReadParts read = ReadParts.inTurn("test", parts -> {
            parts.accept(part(2, "Ann"));
            parts.accept(part(3, "   "));
            parts.accept(part(4, "Cy"));
        }, 10, rows -> part(2, "Ann", "   ", "Cy"), clock, BadRows.FAIL);
        assertThat(read.part(0).rows()).hasSize(1);
        assertThatThrownBy(() -> read.part(1)).isInstanceOf(ReadParts.Failed.class);
        assertThatThrownBy(read::whole).isInstanceOf(ImportException.class).hasMessageStartingWith("line 3:");
    }
}
