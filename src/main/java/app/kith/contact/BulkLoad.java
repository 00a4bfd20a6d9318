package app.kith.contact;

import app.kith.storage.Dialect;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;

/**
 * On SQLite, lets a big insert of contacts skip the upkeep each row would cost: the full-text trigger is paused and
 * the new rows indexed by one statement after each write; and when the insert at least doubles the contacts table, its
 * secondary indexes (and those of the email and phone lists) are dropped and built again once, sorted, which costs
 * less than adding tens of thousands of entries in random order. Everything happens inside the caller's
 * transaction, so nobody sees the tables without their trigger or indexes, and a rollback restores them.
 *
 * <p>For the length of the load the connection's page cache is also allowed to grow to {@link #CACHE_KIB}: with
 * SQLite's default of 2 MB, the pages a big insert changes overflow it, and SQLite writes them to the log early
 * (some of them twice) instead of once at the commit. The cache takes memory only for the pages it holds.
 *
 * <p>On a database that copies its write-ahead log into the database file on a thread of its own
 * ({@link app.kith.storage.Database#checkpointSoon}), the load's commit also skips SQLite's automatic checkpoint
 * (that copy, which a commit makes once the log has grown past 1,000 pages) and asks for it there, so that the import
 * that wrote does not wait for it.
 */
final class BulkLoad implements AutoCloseable {
    /** From this many new contacts on, the full-text index is filled in one statement rather than row by row. */
    static final int FROM = 200;
    /** The page cache during a load, in KiB: 30,000 contacts with an email and a phone each take about 13 MB. */
    static final int CACHE_KIB = 64 * 1024;
    private static final String TRIGGER = "contacts_search_insert";

    private final Handle handle;
    private final String trigger;
    private final List<String> indexes;
    /** The connection's cache_size before the load, to set back; null when it was not changed. */
    private final Integer cacheSize;

    private BulkLoad(Handle handle, String trigger, List<String> indexes, Integer cacheSize) {
        this.handle = handle;
        this.trigger = trigger;
        this.indexes = indexes;
        this.cacheSize = cacheSize;
    }

    /**
     * Prepares an insert of {@code rows} contacts into a table whose largest id is {@code largestId}: does nothing
     * on PostgreSQL or for a few rows. {@code checkpointApart}, if not null, copies the log into the database file
     * on a thread of its own once the transaction is committed; null leaves that copy to the commit, as usual.
     */
    static BulkLoad start(Handle handle, Dialect dialect, int rows, long largestId, Runnable checkpointApart) {
        if (dialect != Dialect.SQLITE || rows < FROM) {
            return new BulkLoad(handle, null, List.of(), null);
        }
        String trigger = handle.createQuery("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name")
                .bind("name", TRIGGER).mapTo(String.class).findOne().orElse(null);
        if (trigger != null) {
            handle.execute("DROP TRIGGER " + TRIGGER);
        }
        List<String> indexes = List.of();
        if (rows >= largestId) {
            // Only plain indexes we made: a UNIQUE one enforces a rule, and SQLite's own (sql IS NULL) cannot be dropped.
            List<Map.Entry<String, String>> found = handle.createQuery("""
                            SELECT name, sql FROM sqlite_master
                             WHERE type = 'index' AND tbl_name IN ('contacts', 'contact_emails', 'contact_phones')
                               AND sql IS NOT NULL AND upper(sql) NOT LIKE 'CREATE UNIQUE%'""")
                    .map((result, context) -> Map.entry(result.getString("name"), result.getString("sql")))
                    .list();
            for (Map.Entry<String, String> index : found) {
                handle.execute("DROP INDEX \"" + index.getKey().replace("\"", "\"\"") + "\"");
            }
            indexes = found.stream().map(Map.Entry::getValue).toList();
        }
        int cacheSize = handle.createQuery("PRAGMA cache_size").mapTo(Integer.class).one();
        handle.execute("PRAGMA cache_size = -" + CACHE_KIB);
        if (checkpointApart != null && handle.isInTransaction()) {
            skipCheckpoint(handle, checkpointApart);
        }
        return new BulkLoad(handle, trigger, indexes, cacheSize);
    }

    /**
     * After a write of the contacts with ids from {@code first} (inclusive) to {@code end} (exclusive): puts them in
     * the full-text index, in one statement, if the trigger that would have is paused. An insert written in several
     * goes does it after each, while the rest of its rows are still being made.
     */
    void wrote(long first, long end) {
        if (trigger != null) {
            // The same columns as the trigger of migration V15 indexes, for all the new rows in one statement.
            handle.createUpdate("""
                            INSERT INTO contacts_search (rowid, full_name, company, title, city, notes)
                            SELECT id, kith_index(full_name), kith_index(company), kith_index(title), kith_index(city), kith_index(notes)
                              FROM contacts WHERE id >= :first AND id < :end
                            """)
                    .bind("first", first).bind("end", end).execute();
        }
    }

    /** After the last write: builds the dropped indexes again and brings the trigger back. */
    void finish() {
        indexes.forEach(handle::execute);
        if (trigger != null) {
            handle.execute(trigger);
        }
    }

    /**
     * Turns the connection's automatic checkpoint off until its transaction ends, and on again then, whether it is
     * committed or rolled back (set back when the load closes, it would be on again for the commit, which comes after).
     * A second load in the same transaction finds it off already and leaves it to the first.
     */
    private static void skipCheckpoint(Handle handle, Runnable checkpointApart) {
        int pages = handle.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one();
        if (pages <= 0) {
            return;
        }
        handle.execute("PRAGMA wal_autocheckpoint = 0");
        handle.afterCommit(() -> {
            restoreAutocheckpoint(handle, pages);
            try {
                checkpointApart.run();
            } catch (RuntimeException e) {
                // The transaction is committed: nothing here may make it look failed. A later commit copies the log.
            }
        });
        handle.afterRollback(() -> restoreAutocheckpoint(handle, pages));
    }

    /**
     * Gives the connection its automatic checkpoints back. The transaction has ended: a failure here must not make it
     * look failed, and costs little (the other connections' commits still copy the log).
     */
    private static void restoreAutocheckpoint(Handle handle, int pages) {
        try {
            handle.execute("PRAGMA wal_autocheckpoint = " + pages);
        } catch (RuntimeException e) {
            // The connection goes on without them.
        }
    }

    /** Gives the connection its page cache back, whether the load finished or failed. */
    @Override
    public void close() {
        if (cacheSize != null) {
            handle.execute("PRAGMA cache_size = " + cacheSize);
        }
    }
}
