package app.kith.contact;

import app.kith.storage.Dialect;
import app.kith.storage.TestDatabase;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A big insert's commit on SQLite, and the copy of the write-ahead log into the database file that it leaves. */
class BulkLoadTest {
    private static final int MB = 1024 * 1024;

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int autocheckpoint(Handle handle) {
        return handle.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one();
    }

    /** About 8 MB into the log: past the 1,000 pages at which a commit copies the log itself. */
    private static void fill(Handle handle) {
        handle.execute("CREATE TABLE IF NOT EXISTS filler (b BLOB)");
        handle.execute("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                + " INSERT INTO filler SELECT randomblob(4000) FROM n");
    }

    @Test
    void aBigLoadsCommitLeavesTheCopyOfTheLogToTheCallerAndTurnsTheCopyBackOn() {
        try (TestDatabase test = TestDatabase.create(Dialect.SQLITE)) {
            Path file = test.dataDir().resolve("kith.db");
            long before = size(file);
            AtomicLong atCommit = new AtomicLong(-1);
            test.database().jdbi().useHandle(handle -> {
                handle.begin();
                try (BulkLoad load = BulkLoad.start(handle, Dialect.SQLITE, 30_000, 0, () -> atCommit.set(size(file)))) {
                    assertThat(autocheckpoint(handle)).isZero();
                    fill(handle);
                    load.finish();
                }
                handle.commit();

                // Called once committed, before anything copied the log: the database file has not grown.
                assertThat(atCommit.get()).isBetween(0L, before + MB);
                assertThat(autocheckpoint(handle)).isEqualTo(1000);
                handle.createQuery("PRAGMA wal_checkpoint(PASSIVE)").mapToMap().list();
                assertThat(size(file)).isGreaterThan(before + 4L * MB);
            });
        }
    }

    @Test
    void withoutACopyApartTheCommitCopiesTheLogAsUsual() {
        try (TestDatabase test = TestDatabase.create(Dialect.SQLITE)) {
            Path file = test.dataDir().resolve("kith.db");
            long before = size(file);
            test.database().jdbi().useHandle(handle -> {
                handle.begin();
                try (BulkLoad load = BulkLoad.start(handle, Dialect.SQLITE, 30_000, 0, null)) {
                    assertThat(autocheckpoint(handle)).isEqualTo(1000);
                    fill(handle);
                    load.finish();
                }
                handle.commit();
                assertThat(size(file)).isGreaterThan(before + 4L * MB);
            });
        }
    }

    @Test
    void aRolledBackLoadTurnsTheCopyBackOnWithoutAskingForIt() {
        try (TestDatabase test = TestDatabase.create(Dialect.SQLITE)) {
            AtomicLong asked = new AtomicLong();
            test.database().jdbi().useHandle(handle -> {
                assertThatThrownBy(() -> handle.useTransaction(inside -> {
                    BulkLoad.start(inside, Dialect.SQLITE, 30_000, 0, asked::incrementAndGet).close();
                    throw new IllegalStateException("a bad row");
                })).hasMessage("a bad row");
                assertThat(autocheckpoint(handle)).isEqualTo(1000);
                assertThat(asked.get()).isZero();
            });
        }
    }

    @Test
    void twoLoadsInOneTransactionTurnTheCopyBackOnAndAskForItOnce() {
        try (TestDatabase test = TestDatabase.create(Dialect.SQLITE)) {
            AtomicLong asked = new AtomicLong();
            test.database().jdbi().useHandle(handle -> {
                handle.useTransaction(inside -> {
                    BulkLoad.start(inside, Dialect.SQLITE, 30_000, 0, asked::incrementAndGet).close();
                    BulkLoad.start(inside, Dialect.SQLITE, 30_000, 0, asked::incrementAndGet).close();
                });
                assertThat(autocheckpoint(handle)).isEqualTo(1000);
                assertThat(asked.get()).isOne();
            });
        }
    }
}
