package app.kith.storage;

import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.util.Optional;

/**
 * What a failure of the database itself (not of one statement) means to a user, in a sentence that says what to do:
 * a read-only or damaged file, a full disk, a database kept busy, a PostgreSQL server out of reach. The driver's own
 * message would name Java classes and repeat the statement, with the user's data in it.
 */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    /** The sentence for the first such cause of {@code error}, if it has one. */
    public static Optional<String> explain(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                Optional<String> sentence = sqlite(sqlite.getResultCode().name());
                if (sentence.isPresent()) {
                    return sentence;
                }
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<String> sentence = postgres(sql.getSQLState());
                if (sentence.isPresent()) {
                    return sentence;
                }
            }
        }
        return Optional.empty();
    }

    /** Where a database URL may come from, so that the user finds the one to fix. */
    private static final String URL_FROM = "--db (or KITH_DB_URL, or db.url in the data folder's kith.properties)";

    /** PostgreSQL's refusals to connect, by SQLSTATE: the server out of reach, no such database, a user refused. */
    private static Optional<String> postgres(String state) {
        if (state.startsWith("08")) {
            return Optional.of("the PostgreSQL server cannot be reached: check that it is running and that " + URL_FROM + " names it");
        }
        if (state.equals("3D000")) {
            return Optional.of("the PostgreSQL server has no database of that name: create it (createdb NAME) or fix the name in "
                    + URL_FROM);
        }
        if (state.equals("28000") || state.equals("28P01")) {
            return Optional.of("the PostgreSQL server refused the user or password in " + URL_FROM + ": check them, or create the user"
                    + " (createuser NAME)");
        }
        return Optional.empty();
    }

    private static Optional<String> sqlite(String code) {
        if (code.startsWith("SQLITE_READONLY")) {
            return Optional.of("the database cannot be written: its file, its folder or its -wal and -shm files are read-only; "
                    + "give yourself write permission, or pass --data for another folder");
        }
        if (code.startsWith("SQLITE_CORRUPT") || code.equals("SQLITE_NOTADB")) {
            return Optional.of("the database file is damaged or is not a SQLite database: restore a backup into a new folder "
                    + "(kith --data DIR restore FILE), or move the file away");
        }
        if (code.startsWith("SQLITE_FULL")) {
            return Optional.of("the disk holding the database is full: free some space and try again");
        }
        if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
            return Optional.of("the database stayed busy: another process kept it locked for " + Database.BUSY_TIMEOUT_MILLIS / 1000
                    + " seconds; try again");
        }
        if (code.startsWith("SQLITE_CANTOPEN")) {
            return Optional.of("the database file cannot be opened: check that its folder exists and that you may read and write it");
        }
        if (code.startsWith("SQLITE_IOERR")) {
            return Optional.of("the database file could not be read or written (a disk error): check the disk and try again");
        }
        return Optional.empty();
    }
}
