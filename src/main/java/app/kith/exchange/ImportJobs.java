package app.kith.exchange;

import app.kith.shared.KithException;
import app.kith.shared.NotFoundException;
import app.kith.shared.PlainText;
import app.kith.shared.ValidationException;
import app.kith.storage.Database;
import app.kith.storage.Dialect;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static app.kith.storage.Columns.text;

/**
 * Runs imports in the background for the web app, keeping each job's state in {@code import_jobs}, so that any
 * instance behind a load balancer can show a job's progress and summary, whichever instance runs it.
 */
public final class ImportJobs implements AutoCloseable {
    /** A job still queued or running after this long without a word from its instance was left by one that stopped. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    static final String INTERRUPTED = "interrupted: the server stopped; import the file again";
    static final String UNEXPECTED = "the import failed on our side and nothing was imported: try again, and if it"
            + " fails again, import the file with the kith import command";
    static final String TOO_BIG = "the file is too big for the memory this server was given, and nothing was imported:"
            + " import it with the kith import command, or split it in parts";
    /** The largest file a job takes: uploaded as it is, or taken out of an uploaded zip archive (20 MiB). */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    private static final long PROGRESS_EVERY_MILLIS = 250;
    /** A running job's row is touched this often even without progress, so other instances see it is alive. */
    private static final long HEARTBEAT_MILLIS = 60_000;
    private static final int RECENT = 5;
    /**
     * Imports waiting for the one worker, each holding its file (up to {@link #MAX_FILE_BYTES}) in memory. One at a time: an import
     * holds the whole file and its rows in memory, and on SQLite two would only queue for the write lock.
     */
    private static final int WAITING = 4;
    /** Fixed-width UTC text on SQLite, so that stored times order and compare as text. */
    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String COLUMNS = "id, format, file_name, state, done_rows, total_rows, summary, error";

    private final Database database;
    private final ImportService imports;
    private final Clock clock;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor ticks;
    /** The jobs this instance runs or has queued, with what they told of their progress. */
    private final Map<Long, Tracker> active = new ConcurrentHashMap<>();

    public ImportJobs(Database database, ImportService imports, Clock clock) {
        this.database = database;
        this.imports = imports;
        this.clock = clock;
        this.workers = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING), daemon("kith-import"));
        this.workers.allowCoreThreadTimeOut(true);
        this.ticks = new ScheduledThreadPoolExecutor(1, daemon("kith-import-progress"));
        this.ticks.setRemoveOnCancelPolicy(true);
    }

    /** Where a job is. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    /** Ends the message of an import stopped by one bad row, which "Skip bad rows" would have left out. */
    static final String SKIP_HINT = " (correct that row, or import the file again with \"Skip bad rows\" ticked to leave out such rows"
            + " and import the rest)";

    /** One import as its page shows it: the summary once done, the error once failed. */
    public record Job(long id, ImportFormat format, String fileName, State state, long doneRows, long totalRows,
                      ImportSummary summary, String error) {

        /** Whether it stopped at one bad row, which "Skip bad rows" would have left out. */
        public boolean stoppedByARow() {
            return state == State.FAILED && error != null && error.endsWith(SKIP_HINT);
        }

        public boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }

        /** How far it has got, 0 to 100; rows are counted once the file has been read. */
        public int percent() {
            return totalRows <= 0 ? 0 : (int) Math.min(100, doneRows * 100 / totalRows);
        }
    }

    /**
     * Records a job and hands it to a background worker; returns its id at once. Refuses (nothing recorded) when
     * this instance already has a queue of imports waiting.
     */
    public long start(long userId, ImportFormat format, String fileName, byte[] content, ImportService.Options options) {
        long id = database.inTransaction(handle -> handle.createQuery("""
                        INSERT INTO import_jobs (user_id, format, file_name, state, created_at, updated_at)
                        VALUES (:userId, :format, :fileName, 'queued', :now, :now) RETURNING id
                        """)
                .bind("userId", userId)
                .bind("format", format.word())
                // As every stored text, without control characters (PostgreSQL can hold no NUL).
                .bind("fileName", PlainText.oneLine(fileName))
                .bind("now", now())
                .mapTo(Long.class)
                .one());
        active.put(id, new Tracker(id));
        try {
            workers.execute(() -> run(id, userId, format, content, options));
        } catch (RejectedExecutionException e) {
            active.remove(id);
            database.useTransaction(handle -> handle.createUpdate("DELETE FROM import_jobs WHERE id = :id").bind("id", id).execute());
            throw new KithException("Kith is busy with other imports: try again in a minute");
        }
        return id;
    }

    /** The user's job with this id; another user's job, or none, is not found. */
    public Job get(long userId, long jobId) {
        return database.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM import_jobs WHERE id = :id AND user_id = :userId")
                .bind("id", jobId)
                .bind("userId", userId)
                .map((rows, context) -> job(rows))
                .findOne()
                .map(this::withProgress)
                .orElseThrow(() -> new NotFoundException("there is no import with id " + jobId)));
    }

    /** The user's last few jobs, newest first. */
    public List<Job> recent(long userId) {
        return database.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM import_jobs WHERE user_id = :userId ORDER BY id DESC LIMIT " + RECENT)
                .bind("userId", userId)
                .map((rows, context) -> job(rows))
                .map(this::withProgress)
                .list());
    }

    /**
     * A job as stored, with the progress this instance heard from it when it runs here: on SQLite the import holds
     * the write lock until it ends, so the figures written meanwhile wait with it, and the page read 0% throughout.
     */
    private Job withProgress(Job job) {
        Tracker tracker = job.state() == State.RUNNING ? active.get(job.id()) : null;
        if (tracker == null || tracker.done <= job.doneRows()) {
            return job;
        }
        return new Job(job.id(), job.format(), job.fileName(), job.state(), tracker.done, tracker.total, job.summary(), job.error());
    }

    /**
     * Marks as failed the jobs an instance left queued or running when it stopped: none has been heard of for an
     * hour (another instance may be running the others: on PostgreSQL, and on SQLite too, where two servers may
     * share a data directory). An import writes all or nothing, so nothing of theirs remains. Returns how many were marked.
     */
    public int markInterrupted() {
        Instant silentSince = clock.instant().minus(ABANDONED_AFTER);
        return database.inTransaction(handle -> handle.createUpdate("""
                        UPDATE import_jobs SET state = 'failed', error = :error, updated_at = :now
                         WHERE state IN ('queued', 'running') AND updated_at < :before
                        """)
                .bind("error", INTERRUPTED)
                .bind("now", now())
                .bind("before", at(silentSince))
                .execute());
    }

    private void run(long id, long userId, ImportFormat format, byte[] content, ImportService.Options options) {
        Tracker tracker = active.get(id);
        ScheduledFuture<?> progress = null;
        try {
            if (update(handle -> handle.createUpdate("""
                    UPDATE import_jobs SET state = 'running', updated_at = :now WHERE id = :id AND state = 'queued'
                    """).bind("id", id)) == 0) {
                return; // marked interrupted while it waited
            }
            // Progress is written from another thread: the import may hold SQLite's write lock while it reports.
            progress = ticks.scheduleWithFixedDelay(tracker::write, PROGRESS_EVERY_MILLIS, PROGRESS_EVERY_MILLIS, TimeUnit.MILLISECONDS);
            // A file taken out of a zip archive may hold what an upload may: a 20 MiB archive must not unpack to the
            // 200 MB a one-shot command may read, in a server that keeps to its memory.
            ImportSummary summary = imports.run(userId, format, content, options, tracker, MAX_FILE_BYTES);
            progress.cancel(false);
            if (!tracker.ended) {
                record(id, finished(id, summary)); // a dry run, which wrote nothing
            }
        } catch (ValidationException | NotFoundException e) {
            fail(id, e.getMessage() + (e instanceof ImportException row && row.rowAlone() ? SKIP_HINT : ""));
        } catch (OutOfMemoryError e) {
            // What the import held is unreachable again by now, so there is memory enough to say so.
            System.err.println("kith: import " + id + " ran out of memory");
            fail(id, TOO_BIG);
        } catch (RuntimeException | Error e) {
            // The exception's message may hold the file's content or the database's address: only its kind is shown.
            System.err.println("kith: import " + id + " failed: " + e.getClass().getName());
            fail(id, UNEXPECTED);
        } finally {
            if (progress != null) {
                progress.cancel(false);
            }
            active.remove(id);
        }
    }

    /**
     * The statement that marks a job done with its summary: in the import's own transaction (see {@link Tracker#ending}),
     * so that a job is done exactly when its rows are written. Recorded apart, a stop between the two (SIGTERM while a
     * big import committed) left a job marked interrupted over rows all written. An "interrupted" said meanwhile goes.
     */
    private static Function<Handle, Update> finished(long id, ImportSummary summary) {
        return handle -> handle.createUpdate("""
                        UPDATE import_jobs SET state = 'done', done_rows = :rows, total_rows = :rows, summary = :summary,
                               error = NULL, updated_at = :now
                         WHERE id = :id
                        """)
                .bind("id", id)
                .bind("rows", summary.rows())
                .bind("summary", json(summary));
    }

    private void fail(long id, String error) {
        // The message may quote the file (a date cell holding a NUL): kept as every stored text, without control
        // characters, or the job could not be marked failed on PostgreSQL and would read "Reading the file…" for good.
        record(id, failed(id, PlainText.oneLine(error)));
    }

    /** The statement that marks a job failed with why. */
    private static Function<Handle, Update> failed(long id, String error) {
        return handle -> handle.createUpdate("UPDATE import_jobs SET state = 'failed', error = :error, updated_at = :now WHERE id = :id")
                .bind("id", id)
                .bind("error", error);
    }

    /**
     * Records how a job ended; if that fails (a summary the database refuses), the job is marked failed on our side
     * instead, so that its page does not read "Reading the file…" for good; if even that fails, it is left to be
     * marked interrupted later.
     */
    private void record(long id, Function<Handle, Update> statement) {
        try {
            update(statement);
        } catch (RuntimeException e) {
            System.err.println("kith: could not record the end of import " + id + ": " + e.getClass().getName());
            try {
                update(failed(id, UNEXPECTED));
            } catch (RuntimeException again) {
                System.err.println("kith: could not mark import " + id + " failed: " + again.getClass().getName());
            }
        }
    }

    /** Runs one UPDATE with {@code :now} bound, in a transaction of its own; returns the rows changed. */
    private int update(Function<Handle, Update> statement) {
        return database.inTransaction(handle -> execute(handle, statement));
    }

    /** Runs one UPDATE with {@code :now} bound on {@code handle}, in its transaction; returns the rows changed. */
    private int execute(Handle handle, Function<Handle, Update> statement) {
        return statement.apply(handle).bind("now", now()).execute();
    }

    /** Hears the import's progress on its thread; {@link #write} stores the latest figures now and then. */
    private final class Tracker implements ImportService.Progress {
        private final long id;
        private volatile long done;
        private volatile long total;
        /** Whether its end was recorded with its rows (not for a dry run; a rolled-back import's record goes with it). */
        private volatile boolean ended;
        private long writtenDone = -1;
        private long writtenTotal = -1;
        private long writtenAt;

        Tracker(long id) {
            this.id = id;
        }

        @Override
        public void update(String phase, long done, long total) {
            this.total = total;
            this.done = done;
        }

        @Override
        public void ending(Handle handle, ImportSummary summary) {
            execute(handle, finished(id, summary));
            ended = true;
        }

        void write() {
            long doneNow = done;
            long totalNow = total;
            long millis = clock.millis();
            if (doneNow == writtenDone && totalNow == writtenTotal && millis - writtenAt < HEARTBEAT_MILLIS) {
                return;
            }
            try {
                ImportJobs.this.update(handle -> handle.createUpdate("""
                                UPDATE import_jobs SET done_rows = :done, total_rows = :total, updated_at = :now
                                 WHERE id = :id AND state = 'running'
                                """)
                        .bind("id", id)
                        .bind("done", doneNow)
                        .bind("total", totalNow));
                writtenDone = doneNow;
                writtenTotal = totalNow;
                writtenAt = millis;
            } catch (RuntimeException e) {
                // A missed progress figure is harmless: the next tick writes a newer one.
            }
        }
    }

    private static Job job(ResultSet rows) throws SQLException {
        String summary = text(rows, "summary");
        return new Job(rows.getLong("id"), ImportFormat.of(text(rows, "format")), text(rows, "file_name"),
                State.of(text(rows, "state")), rows.getLong("done_rows"), rows.getLong("total_rows"),
                summary == null ? null : summary(summary), text(rows, "error"));
    }

    /**
     * The JSON mapper of stored summaries, made on first use: every command builds an ImportJobs, and Jackson takes
     * tens of milliseconds to make a mapper, which a command that runs no job should not wait for.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static String json(ImportSummary summary) {
        try {
            return Json.MAPPER.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import summary cannot be written as JSON", e);
        }
    }

    private static ImportSummary summary(String json) {
        try {
            return Json.MAPPER.readValue(json, ImportSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import summary cannot be read", e);
        }
    }

    private Object now() {
        return at(clock.instant());
    }

    /** A time as its column takes it: fixed-width text on SQLite, a timestamp with zone on PostgreSQL. */
    private Object at(Instant instant) {
        return database.dialect() == Dialect.SQLITE ? SQLITE_TIME.format(instant) : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static ThreadFactory daemon(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Lets imports in progress finish (up to a few seconds), then stops the workers; a job still unfinished is
     * marked interrupted, unless it commits after all, which then records it as done.
     */
    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        ticks.shutdownNow();
        for (long id : active.keySet()) {
            try {
                database.useTransaction(handle -> handle.createUpdate("""
                                UPDATE import_jobs SET state = 'failed', error = :error, updated_at = :now
                                 WHERE id = :id AND state IN ('queued', 'running')
                                """)
                        .bind("id", id)
                        .bind("error", INTERRUPTED)
                        .bind("now", now())
                        .execute());
            } catch (RuntimeException e) {
                // The database is going away too; the next start marks the job.
            }
        }
    }
}
