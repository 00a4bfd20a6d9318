package app.kith.storage;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This process's write transactions on SQLite: one at a time, and committed in groups.
 *
 * <p>With {@code synchronous=FULL} a commit waits for the disk (fsync), and on a busy server that wait is most of a
 * write: while one request's commit waits, the next ones queue behind it. So a unit of work that ends while others
 * queue leaves its transaction open, and the next unit runs in the same transaction, each in a savepoint of its own
 * (one that fails is rolled back alone); the last unit of a group commits for all of them, once. Every unit's caller
 * returns only after that commit, so what it was told it wrote is on disk, as with a transaction of its own; if the
 * commit fails, every unit of the group fails. A group has at most {@link #MOST_UNITS} units.
 *
 * <p>Work a unit calls for in its own work (a nested call) is part of that unit. A unit's {@code afterCommit}
 * callbacks run when its group commits, even if the unit itself failed.
 *
 * <p>A unit that runs {@linkplain #runAlone alone} (an import: long, and reading before it writes) commits any group
 * left open before it starts, so that the group does not wait for it, and commits its own transaction when it ends.
 */
final class WriteBatches {
    static final int MOST_UNITS = 32;

    private final Jdbi jdbi;
    /** Fair: units run in the order they asked. Only this class takes it, so a thread queued on it brings a unit. */
    private final ReentrantLock lock = new ReentrantLock(true);
    /** The group whose transaction a unit left open for those queued; null if none. Guarded by {@link #lock}. */
    private Batch open;

    WriteBatches(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs a unit of work in a transaction that may be shared with the units just before and after it. */
    <R, X extends Exception> R run(HandleCallback<R, X> work) throws X {
        return run(work, false);
    }

    /** Runs a unit of work in a transaction of its own. */
    <R, X extends Exception> R runAlone(HandleCallback<R, X> work) throws X {
        return run(work, true);
    }

    private <R, X extends Exception> R run(HandleCallback<R, X> work, boolean alone) throws X {
        if (lock.isHeldByCurrentThread()) {
            // Called from a unit's own work: part of that unit, in its transaction, kept or undone with it.
            return work.withHandle(open.handle);
        }
        Batch batch;
        Outcome<R> outcome;
        lock.lock();
        try {
            if (open != null && alone) {
                Batch left = open;
                open = null;
                left.finish();
            }
            if (open == null) {
                open = Batch.begin(jdbi);
            }
            batch = open;
            try {
                outcome = batch.run(work);
            } catch (Throwable e) {
                batch.lose();
                outcome = new Outcome<>(null, e);
            }
            if (alone || batch.lost() || batch.units() >= MOST_UNITS || !lock.hasQueuedThreads()) {
                open = null;
                batch.finish();
            }
        } finally {
            lock.unlock();
        }
        // A unit that failed kept nothing, so it need not wait for the others' commit.
        if (outcome.failure() == null) {
            batch.awaitFinish();
        }
        return outcome.get(batch);
    }

    /** Whether a unit waits for the one running to end (for tests). */
    boolean hasQueuedUnits() {
        return lock.hasQueuedThreads();
    }

    /** What a unit's work gave: its result, or what it threw. */
    private record Outcome<R>(R result, Throwable failure) {
        /** The result once the group is committed; what the work threw, else why the group's commit failed. */
        <X extends Exception> R get(Batch batch) throws X {
            if (failure != null) {
                throw Batch.<RuntimeException>sneaky(failure);
            }
            batch.throwIfFailed();
            return result;
        }
    }

    /** One transaction shared by a group of units. Its state is guarded by the lock, but for the latch. */
    private static final class Batch {
        private final Handle handle;
        private final CountDownLatch finished = new CountDownLatch(1);
        private int units;
        /** The transaction is gone (SQLite rolls back the whole of it on some errors): nothing in it can be kept. */
        private boolean lost;
        /** Why the group's writes were not kept; written before the latch opens, read after. */
        private RuntimeException failure;

        private Batch(Handle handle) {
            this.handle = handle;
        }

        static Batch begin(Jdbi jdbi) {
            Handle handle = jdbi.open();
            try {
                handle.begin();
                return new Batch(handle);
            } catch (RuntimeException e) {
                // Closing a handle whose BEGIN failed (SQLite busy past its timeout) fails too, as it finds no
                // transaction to end: that failure must not hide the one that says what happened.
                try {
                    handle.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }

        int units() {
            return units;
        }

        boolean lost() {
            return lost;
        }

        <R, X extends Exception> Outcome<R> run(HandleCallback<R, X> work) {
            // SQLite's savepoints in plain SQL (JDBI's bookkeeping forgets one rolled back to); one name does for all,
            // as each unit's is released before the next unit starts.
            units++;
            try {
                handle.execute("SAVEPOINT kith_unit");
            } catch (RuntimeException e) {
                lost = true;
                return new Outcome<>(null, e);
            }
            try {
                R result = work.withHandle(handle);
                handle.execute("RELEASE kith_unit");
                return new Outcome<>(result, null);
            } catch (Throwable e) {
                undo(e);
                return new Outcome<>(null, e);
            }
        }

        /** Takes back what a unit that failed wrote, and only that; if its savepoint is gone, the transaction is lost. */
        private void undo(Throwable cause) {
            try {
                handle.execute("ROLLBACK TO kith_unit");
                handle.execute("RELEASE kith_unit");
            } catch (Throwable e) {
                lost = true;
                cause.addSuppressed(e);
            }
        }

        /** Marks the transaction as lost: it is rolled back when the group finishes. */
        void lose() {
            lost = true;
        }

        /**
         * Commits (or, if the transaction was lost, rolls back), ends the handle, and lets the units' callers go. Once
         * the commit is done, a failure to close the handle is not the units' failure: their writes are kept.
         */
        void finish() {
            boolean committed = false;
            try {
                if (lost) {
                    failure = new IllegalStateException("the write transaction was rolled back by an error in work done "
                            + "in it: nothing it held was saved");
                    handle.rollback();
                } else {
                    handle.commit();
                    committed = true;
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                try {
                    handle.rollback();
                } catch (RuntimeException again) {
                    failure.addSuppressed(again);
                }
            } finally {
                try {
                    handle.close();
                } catch (RuntimeException e) {
                    if (failure == null && !committed) {
                        failure = e;
                    }
                } finally {
                    finished.countDown();
                }
            }
        }

        /** Waits for the group's commit; an interrupt does not cut the wait short, and is kept for the caller. */
        void awaitFinish() {
            boolean interrupted = false;
            while (true) {
                try {
                    finished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Why the group's writes were not kept, as an exception of the caller's own (one is thrown on each thread). */
        void throwIfFailed() {
            if (failure != null) {
                throw new TransactionException("the write was not saved: " + failure.getMessage(), failure);
            }
        }

        @SuppressWarnings("unchecked")
        static <T extends Throwable> T sneaky(Throwable e) throws T {
            throw (T) e;
        }
    }
}
