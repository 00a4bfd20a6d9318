package app.kith.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One database, SQLite or PostgreSQL: a connection pool (or, for a one-shot command on SQLite, none), JDBI over it, and the schema brought up to date. */
public final class Database implements AutoCloseable {
    /** The first key of the PostgreSQL advisory locks taken on a user's data ("KUSR"). */
    private static final int USER_LOCK_SPACE = 0x4B555352;
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Dialect dialect;
    private final DataSource dataSource;
    private final AutoCloseable pool;
    private final Jdbi jdbi;
    /** SQLite's write transactions of this process; null on PostgreSQL. */
    private final WriteBatches writes;
    /** Whether SQLite's log is copied into the database file on a thread of its own after a big write (see {@link #checkpointSoon}). */
    private final boolean checkpointsApart;
    /** The thread that does it, once needed; guarded by {@code this}. */
    private ExecutorService checkpoints;
    private boolean closed;
    /** On a pooled SQLite file (a server): what tells whether anything was committed since a moment ago; else null. */
    private CommitWatch commits;

    private Database(Dialect dialect, DataSource dataSource, AutoCloseable pool) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.pool = pool;
        this.jdbi = Jdbi.create(dataSource);
        this.writes = dialect == Dialect.SQLITE ? new WriteBatches(jdbi) : null;
        this.checkpointsApart = dialect == Dialect.SQLITE && pool instanceof HikariDataSource;
        // Optional filters bind every parameter and use some: that is intended, not a mistake.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        jdbi.getConfig(SqlStatements.class).setSqlParser(new ColonParameters());
        JdbiTypes.register(jdbi, dialect);
    }

    /** Opens (creating if needed) a SQLite file, with a connection pool: for a server. */
    public static Database openSqlite(Path file) {
        return openSqlite(file, true);
    }

    /**
     * Opens (creating if needed) a SQLite file. Without a pool each handle opens its own connection, which
     * costs SQLite little: a one-shot command then starts without the pool's set-up and threads.
     */
    public static Database openSqlite(Path file, boolean pooled) {
        SqliteNativeLibrary.useCachedCopy();
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // Every transaction takes the write lock at BEGIN: deferred ones fail with SQLITE_BUSY under concurrent writers.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Inserts use RETURNING; without this the driver scans every statement's text for INSERT and runs an extra query.
        sqlite.setGetGeneratedKeys(false);
        // SQLite's "multi-thread" mode: no mutex of its own around each call on a connection. The pool lends a
        // connection to one thread at a time, and sqlite-jdbc serialises the calls on one anyway; SQLite's lock and
        // unlock around each column read were a twentieth of Today's CPU.
        sqlite.setOpenMode(SQLiteOpenMode.NOMUTEX);
        SQLiteDataSource sqliteSource = new UnicodeSqliteDataSource(sqlite);
        sqliteSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        if (!pooled) {
            Migrations.bringUpToDate(sqliteSource, Dialect.SQLITE);
            return new Database(Dialect.SQLITE, sqliteSource, () -> { });
        }

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqliteSource);
        pool.setPoolName("kith-sqlite");
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(1);
        Database database = open(Dialect.SQLITE, pool);
        // Pooled connections live long, so their prepared statements are worth keeping (a one-shot command's are not).
        SqliteStatementCache statements = new SqliteStatementCache();
        database.jdbi.setStatementBuilderFactory(connection -> statements);
        database.commits = new CommitWatch(sqliteSource);
        return database;
    }

    /** Opens a PostgreSQL database by JDBC URL (user and password may be in the URL). */
    public static Database openPostgres(String jdbcUrl) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setPoolName("kith-postgresql");
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(1);
        pool.setInitializationFailTimeout(5_000);
        return open(Dialect.POSTGRESQL, pool);
    }

    private static Database open(Dialect dialect, HikariConfig pool) {
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            Migrations.bringUpToDate(dataSource, dialect);
            return new Database(dialect, dataSource, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs work in one transaction (a write transaction from its first statement on SQLite): all of it is kept, or
     * none. On SQLite the transactions of this process queue on one lock (SQLite's own busy handler sleeps between
     * retries, so writers waiting on each other would leave the database idle; other processes still meet
     * busy_timeout), and those queued together are committed together (see {@link WriteBatches}): the work may share
     * its transaction with others, each undone alone if it fails, and this returns once it is committed.
     */
    public <R, X extends Exception> R inTransaction(HandleCallback<R, X> work) throws X {
        if (writes == null) {
            return jdbi.inTransaction(work);
        }
        return writes.run(work);
    }

    /**
     * As {@link #inTransaction}, for long work (a restore): on SQLite in a transaction of its own, so that writes
     * queued meanwhile are not held back until it ends.
     */
    public <R, X extends Exception> R inTransactionAlone(HandleCallback<R, X> work) throws X {
        if (writes == null) {
            return jdbi.inTransaction(work);
        }
        return writes.runAlone(work);
    }

    public void useTransaction(Consumer<Handle> work) {
        inTransaction(handle -> {
            work.accept(handle);
            return null;
        });
    }

    /**
     * Runs work in one transaction that no other such transaction for the same user runs beside, in this process or
     * another: for work that reads a user's contacts and then writes from what it read (an import), which two at once
     * would both write (the same contacts added twice). SQLite's write transactions already run one at a time; on
     * PostgreSQL it holds an advisory lock on the user until the transaction ends.
     */
    public <R, X extends Exception> R inUserTransaction(long userId, HandleCallback<R, X> work) throws X {
        if (writes != null) {
            // Long, and reading before it writes: a transaction of its own, which others do not wait on to commit.
            return inTransactionAlone(work);
        }
        return jdbi.inTransaction(handle -> {
            handle.createQuery("SELECT pg_advisory_xact_lock(:space, :user)::text")
                    .bind("space", USER_LOCK_SPACE)
                    .bind("user", Long.hashCode(userId))
                    .mapTo(String.class)
                    .one();
            return work.withHandle(handle);
        });
    }

    /**
     * A number that stays the same while nothing is committed to the database, by this process or another, and
     * changes when anything is: taken before reading, it tells later whether what was read may have changed. Empty
     * where it cannot be told cheaply (PostgreSQL, whose other instances commit unseen; a one-shot command).
     */
    public OptionalLong commitMark() {
        return commits == null ? OptionalLong.empty() : commits.mark();
    }

    /** Runs read-only work on a handle without an explicit transaction. */
    public <R, X extends Exception> R withHandle(HandleCallback<R, X> work) throws X {
        return jdbi.withHandle(work);
    }

    /**
     * Whether {@link #checkpointSoon} copies SQLite's log on a thread of its own: on a pooled SQLite database. Without
     * a pool (a one-shot command) a big write's commit must copy it itself: another process (a server) may keep the
     * file open, and SQLite copies the log as a connection closes only when it is the file's last.
     */
    public boolean checkpointsApart() {
        return checkpointsApart;
    }

    /**
     * After a big write transaction on SQLite (an import) that committed without SQLite's automatic checkpoint: copies
     * the pages it left in the write-ahead log into the database file on a thread of its own, so that the work that
     * wrote does not wait for that copy (its data is safe in the log once committed). The copy is PASSIVE: it goes as
     * far as no reader still needs the older pages, and a later commit copies the rest. Does nothing where
     * {@link #checkpointsApart} is false.
     */
    public synchronized void checkpointSoon() {
        if (!checkpointsApart || closed) {
            return;
        }
        if (checkpoints == null) {
            checkpoints = Executors.newSingleThreadExecutor(work -> {
                Thread thread = new Thread(work, "kith-sqlite-checkpoint");
                thread.setDaemon(true);
                return thread;
            });
        }
        checkpoints.execute(() -> {
            try {
                // PASSIVE: it waits for no one, and writers never wait for it; what it cannot copy now, a later
                // commit's automatic checkpoint copies.
                jdbi.useHandle(handle -> handle.createQuery("PRAGMA wal_checkpoint(PASSIVE)").mapToMap().list());
            } catch (RuntimeException e) {
                // Nothing is lost (the log holds it all): the next commit's automatic checkpoint copies it.
            }
        });
    }

    @Override
    public void close() {
        ExecutorService pending;
        synchronized (this) {
            closed = true;
            pending = checkpoints;
        }
        if (pending != null) {
            // A checkpoint under way finishes before its connection is closed, even if this thread is interrupted.
            pending.shutdown();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            boolean interrupted = false;
            while (!pending.isTerminated() && System.nanoTime() < deadline) {
                try {
                    pending.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (commits != null) {
            commits.close();
        }
        try {
            pool.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the database: " + e.getMessage(), e);
        }
    }
}
