package app.kith.storage;

import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Write transactions committed in groups, on a real SQLite file: grouped, each unit undone alone, durable on return. */
class WriteBatchesTest {
    @TempDir
    Path folder;
    private Database database;
    private WriteBatches batches;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void open() {
        database = Database.openSqlite(folder.resolve("kith.db"));
        database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));
        batches = new WriteBatches(database.jdbi());
    }

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        database.close();
    }

    @Test
    void aUnitQueuedBehindAnotherSharesItsTransactionAndItsFailureUndoesOnlyItsOwnWrites() throws Exception {
        AtomicReference<Handle> first = new AtomicReference<>();
        AtomicReference<Handle> second = new AtomicReference<>();
        Future<Boolean> kept = threads.submit(() -> batches.run(handle -> {
            first.set(handle);
            insert(handle, "kept");
            waitUntilQueued();
            return true;
        }));
        waitUntil(() -> first.get() != null);
        Future<Object> failed = threads.submit(() -> batches.run(handle -> {
            second.set(handle);
            insert(handle, "undone");
            throw new IllegalArgumentException("refused");
        }));

        assertThat(kept.get(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("refused");
        assertThat(second.get()).as("one transaction for both").isSameAs(first.get());
        assertThat(notes()).containsExactly("kept");
    }

    @Test
    void aUnitReturnsOnlyOnceTheGroupItJoinedIsCommitted() throws Exception {
        AtomicReference<Handle> first = new AtomicReference<>();
        Future<List<String>> seenOnReturn = threads.submit(() -> {
            batches.run(handle -> {
                first.set(handle);
                insert(handle, "one");
                waitUntilQueued();
                return null;
            });
            // Read on another connection: committed, not merely written in a transaction still open.
            return notes();
        });
        waitUntil(() -> first.get() != null);
        Future<?> next = threads.submit(() -> batches.run(handle -> insert(handle, "two")));

        next.get(10, TimeUnit.SECONDS);
        assertThat(seenOnReturn.get(10, TimeUnit.SECONDS)).containsExactly("one", "two");
    }

    @Test
    void aUnitRunAloneCommitsTheGroupLeftOpenBeforeItStartsAndDoesNotShareItsOwn() throws Exception {
        AtomicReference<Handle> first = new AtomicReference<>();
        AtomicReference<Handle> alone = new AtomicReference<>();
        AtomicReference<List<String>> committedWhenAloneStarted = new AtomicReference<>();
        Future<?> grouped = heldUntilQueued(first, "before");
        Future<?> import_ = threads.submit(() -> batches.runAlone(handle -> {
            alone.set(handle);
            committedWhenAloneStarted.set(notes());
            return insert(handle, "alone");
        }));

        grouped.get(10, TimeUnit.SECONDS);
        import_.get(10, TimeUnit.SECONDS);
        assertThat(committedWhenAloneStarted.get()).containsExactly("before");
        assertThat(alone.get()).isNotSameAs(first.get());
        assertThat(notes()).containsExactly("before", "alone");
    }

    @Test
    void manyWritersAtOnceKeepEveryWriteButThoseThatFailed() throws Exception {
        int writers = 6;
        int each = 60;
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(threads.submit(() -> {
                int refused = 0;
                for (int i = 0; i < each; i++) {
                    int n = i;
                    try {
                        batches.run(handle -> {
                            insert(handle, writer + "-" + n);
                            if (n % 7 == 3) {
                                throw new IllegalStateException("every seventh is refused");
                            }
                            return null;
                        });
                    } catch (IllegalStateException e) {
                        refused++;
                    }
                }
                return refused;
            }));
        }
        int refused = 0;
        for (Future<Integer> writer : done) {
            refused += writer.get(60, TimeUnit.SECONDS);
        }

        List<String> kept = notes();
        assertThat(refused).isEqualTo(writers * (int) java.util.stream.IntStream.range(0, each).filter(n -> n % 7 == 3).count());
        assertThat(kept).hasSize(writers * each - refused);
        assertThat(kept).noneMatch(text -> Integer.parseInt(text.substring(text.indexOf('-') + 1)) % 7 == 3);
    }

    @Test
    void aWriteCalledForFromAUnitsOwnWorkIsPartOfThatUnitKeptOrUndoneWithIt() {
        assertThatThrownBy(() -> batches.run(handle -> {
            insert(handle, "outer before");
            batches.run(inner -> insert(inner, "inner"));
            insert(handle, "outer after");
            throw new IllegalArgumentException("the outer work fails");
        })).hasMessage("the outer work fails");
        assertThat(notes()).isEmpty();

        batches.run(handle -> {
            insert(handle, "outer");
            return batches.runAlone(inner -> insert(inner, "inner"));
        });
        assertThat(notes()).containsExactly("outer", "inner");
    }

    @Test
    void aTransactionLostInAGroupFailsEveryUnitOfItAndKeepsNothing() throws Exception {
        Future<?> earlier = heldUntilQueued(new AtomicReference<>(), "earlier");
        // Ends the shared transaction under the batches' feet, as SQLite does itself on some errors (a full disk).
        Future<?> breaking = threads.submit(() -> batches.run(handle -> {
            handle.getConnection().createStatement().execute("ROLLBACK");
            return null;
        }));

        assertThatThrownBy(() -> breaking.get(10, TimeUnit.SECONDS)).isInstanceOf(java.util.concurrent.ExecutionException.class);
        assertThatThrownBy(() -> earlier.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(org.jdbi.v3.core.transaction.TransactionException.class)
                .hasMessageContaining("not saved");
        assertThat(notes()).isEmpty();
        batches.run(handle -> insert(handle, "after"));
        assertThat(notes()).containsExactly("after");
    }

    @Test
    void aUnitAloneWithNobodyQueuedCommitsAtOnce() {
        int inserted = batches.run(handle -> insert(handle, "solo"));
        assertThat(inserted).isEqualTo(1);
        assertThat(notes()).containsExactly("solo");
    }

    private static int insert(Handle handle, String text) {
        return handle.createUpdate("INSERT INTO notes (text) VALUES (:text)").bind("text", text).execute();
    }

    /** The notes as committed, in the order written, read on a connection of their own. */
    private List<String> notes() {
        return database.withHandle(handle -> handle.createQuery("SELECT text FROM notes ORDER BY id").mapTo(String.class).list());
    }

    /**
     * Starts a unit that writes a note, then holds its transaction open until another unit queues behind it; returns
     * once it runs, its handle in {@code handle}.
     */
    private Future<?> heldUntilQueued(AtomicReference<Handle> handle, String text) {
        Future<?> unit = threads.submit(() -> batches.run(own -> {
            handle.set(own);
            insert(own, text);
            waitUntilQueued();
            return null;
        }));
        waitUntil(() -> handle.get() != null);
        return unit;
    }

    /** Called from a unit's work: returns once another unit waits for the write lock. */
    private void waitUntilQueued() {
        waitUntil(batches::hasQueuedUnits);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited 10 s in vain");
            }
            Thread.onSpinWait();
        }
    }
}
