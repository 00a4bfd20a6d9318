package app.kith.storage;

import org.jdbi.v3.core.Handle;

import java.util.regex.Pattern;

/** Hands out ids for rows a bulk write inserts by the thousand, so it can link them without reading each id back. */
public final class Ids {
    /** A table's name, as the SQL these methods write takes it; compiled once (each new interaction asks). */
    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    private Ids() {
    }

    /**
     * The first of {@code count} consecutive new ids of {@code table}, inside a write transaction. On SQLite the
     * transaction holds the write lock, so the ids past the largest (and past every one {@link #retire}d) are free; on PostgreSQL the table's
     * identity sequence is moved on past them, so that nobody else is given them.
     */
    public static long reserve(Handle handle, Dialect dialect, String table, int count) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        if (dialect == Dialect.SQLITE) {
            return handle.createQuery("SELECT " + nextSqlite(table)).mapTo(Long.class).one();
        }
        if (count == 0) {
            return 1;
        }
        String sequence = "pg_get_serial_sequence('" + table + "', 'id')";
        handle.execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
        long first = handle.createQuery("SELECT nextval(" + sequence + ")").mapTo(Long.class).one();
        handle.createQuery("SELECT setval(" + sequence + ", :last)").bind("last", first + count - 1).mapTo(Long.class).one();
        return first;
    }

    /**
     * A new row's id in an INSERT's VALUES, as SQL: on SQLite one past the largest the table has or had (see
     * {@link #retire}), where SQLite alone would give a deleted newest row's number again; on PostgreSQL the sequence's next.
     */
    public static String next(Dialect dialect, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return dialect == Dialect.SQLITE ? "(SELECT " + nextSqlite(table) + ")" : "DEFAULT";
    }

    /** Keeps in mind that {@code id} of {@code table} was deleted, so that SQLite does not give it to a new row. */
    public static void retire(Handle handle, Dialect dialect, String table, long id) {
        if (dialect == Dialect.SQLITE) {
            handle.createUpdate("""
                            INSERT INTO retired_ids (table_name, last_id) VALUES (:table, :id)
                                ON CONFLICT (table_name) DO UPDATE SET last_id = max(last_id, excluded.last_id)
                            """)
                    .bind("table", table).bind("id", id).execute();
        }
    }

    private static String nextSqlite(String table) {
        return "max(coalesce((SELECT max(id) FROM " + table + "), 0), coalesce((SELECT last_id FROM retired_ids WHERE table_name = '"
                + table + "'), 0)) + 1";
    }

    /** After rows were inserted with ids of their own (a restore), moves PostgreSQL's sequence past the largest. */
    public static void catchUp(Handle handle, Dialect dialect, String table) {
        if (dialect == Dialect.POSTGRESQL) {
            handle.createQuery("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((SELECT max(id) FROM "
                    + table + "), 0) + 1, false)").mapTo(Long.class).one();
        }
    }
}
