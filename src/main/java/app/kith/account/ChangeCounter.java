package app.kith.account;

import org.jdbi.v3.core.Handle;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the changes this process made to something its instances remember for a moment (sessions, profiles): what
 * was remembered before the latest change is not trusted. A change counts once at once and once more when the work
 * that made it is committed, so a look-up between the change and the commit, which may still read the old row and
 * remember it, is not trusted either.
 */
final class ChangeCounter {
    private final AtomicLong changes = new AtomicLong();

    /** The count now, to keep with what is about to be read. */
    long current() {
        return changes.get();
    }

    /** Counts a change made by the work on this handle. */
    void changed(Handle handle) {
        changes.incrementAndGet();
        if (handle.isInTransaction()) {
            handle.afterCommit(changes::incrementAndGet);
        }
    }
}
