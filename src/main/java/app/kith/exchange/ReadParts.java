package app.kith.exchange;

import app.kith.contact.ContactBulk;
import app.kith.shared.ValidationException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * A file's contacts read and checked in parts, each part on a core of its own, and handed over in the file's order
 * as each is ready: an import matches and writes the first parts while the next ones are still being read.
 */
final class ReadParts {
    /** Rows are checked in slices of this many, and on every core from this many rows on. */
    private static final int SLICE = 1000;
    private static final int PARALLEL_FROM = 4000;

    /** One part's rows as Kith would store them, each with its match keys, and the rows it left out. */
    record Part(List<ContactBulk.Draft> rows, List<ImportPlan.Keys> keys, List<Skip> skipped) {
    }

    /** A part could not be read or checked: what is wrong with the file is told by {@link #whole()}. */
    static final class Failed extends RuntimeException {
        Failed() {
            super(null, null, false, false);
        }
    }

    private final String format;
    /** The parts made so far, in order; more may come until {@link #ended}. Guarded by {@code this}. */
    private final List<FutureTask<Part>> parts;
    private boolean ended;
    /** The first part no thread has started reading, for parts any thread may read ahead; null for parts made in turn. */
    private final AtomicInteger unread;
    /** Known from the start, or once a file read in turn is read to its end; -1 until then. */
    private volatile int rows;
    private final int expectedRows;
    private final Supplier<Part> whole;
    /** Set when a part made in turn failed, or the import gave up: the parts after it are only parsed. */
    private volatile boolean stopped;

    private ReadParts(String format, List<FutureTask<Part>> parts, boolean ended, AtomicInteger unread, int rows,
                      int expectedRows, Supplier<Part> whole) {
        this.format = format;
        this.parts = parts;
        this.ended = ended;
        this.unread = unread;
        this.rows = rows;
        this.expectedRows = expectedRows;
        this.whole = whole;
    }

    /**
     * A file read in one piece by {@code parse} (which leaves out bad rows, or fails on the first, as it is told) and
     * checked now: the first bad row, by line, fails here.
     */
    static ReadParts of(Function<BadRows, Parsed> parse, Clock clock, ImportService.Progress progress, BadRows bad) {
        Parsed parsed = parsedWhole(parse, clock, bad);
        return done(parsed.format(), checked(parsed, clock, progress, bad));
    }

    /** As {@link #parsedWhole}, checked. */
    private static Part whole(Function<BadRows, Parsed> parse, Clock clock, ImportService.Progress progress, BadRows bad) {
        return checked(parsedWhole(parse, clock, bad), clock, progress, bad);
    }

    /**
     * The file parsed as one, to be checked, the first bad row by line failing it. A parser fails on the first row it
     * cannot read (a date that is not one) before any row is checked (an email that is not one): when it does, the
     * rows above that one are checked before its error is told.
     */
    private static Parsed parsedWhole(Function<BadRows, Parsed> parse, Clock clock, BadRows bad) {
        Parsed parsed;
        try {
            parsed = parse.apply(bad);
        } catch (ImportException refused) {
            if (bad != BadRows.FAIL || !refused.rowAlone()) {
                throw refused;
            }
            Parsed readable;
            try {
                readable = parse.apply(BadRows.SKIP);
            } catch (ImportException unreadable) {
                throw refused;
            }
            for (ImportRow row : readable.rows()) {
                if (row.line() >= refused.line()) {
                    break;
                }
                try {
                    check(row, clock, readable.format());
                } catch (ImportException earlier) {
                    throw earlier.ofRowAlone();
                }
            }
            throw refused;
        }
        return parsed;
    }

    private static ReadParts done(String format, Part part) {
        FutureTask<Part> task = new FutureTask<>(() -> part);
        task.run();
        int rows = part.rows().size() + part.skipped().size();
        return new ReadParts(format, new ArrayList<>(List.of(task)), true, null, rows, rows, () -> part);
    }

    /**
     * A file of {@code rows} rows (counting those a parser leaves out) in parts read and checked, the first parts
     * first, on all cores but one, and by the thread that asks for a part while it waits for it; {@code whole} reads
     * the file from the top with one reader, for the error a part meets.
     */
    static ReadParts inParallel(String format, List<Supplier<Parsed>> pieces, int rows, Function<BadRows, Parsed> whole,
                                Clock clock, BadRows bad) {
        List<FutureTask<Part>> parts = new ArrayList<>(pieces.size());
        for (Supplier<Parsed> piece : pieces) {
            parts.add(new FutureTask<>(() -> checkedInOrder(piece.get(), clock, bad)));
        }
        ReadParts read = new ReadParts(format, parts, true, new AtomicInteger(), rows, rows,
                () -> whole(whole, clock, ImportService.Progress.NONE, bad));
        // One core is left to the thread that matches and writes what they read: it has the most to do.
        int threads = Math.max(1, Math.min(pieces.size(), Runtime.getRuntime().availableProcessors() - 1));
        for (int i = 1; i <= threads; i++) {
            Thread reader = new Thread(read::readUnread, "kith-import-part-" + i);
            reader.setDaemon(true);
            reader.start();
        }
        return read;
    }

    /**
     * A file read from the top by {@code reader} on a thread of its own, which checks each part as it is parsed and
     * hands it over: an import matches and writes a part while the next ones are read. Checked there, the rows cost
     * the importing thread, which has the database's work to do, nothing more than matching them. The file has about
     * {@code expectedRows} rows; {@code whole} reads it as one piece, for the error a part meets.
     */
    static ReadParts inTurn(String format, Consumer<Consumer<Parsed>> reader, int expectedRows, Function<BadRows, Parsed> whole,
                            Clock clock, BadRows bad) {
        ReadParts read = new ReadParts(format, new ArrayList<>(), false, null, -1, expectedRows,
                () -> whole(whole, clock, ImportService.Progress.NONE, bad));
        Thread thread = new Thread(() -> {
            try {
                int[] rows = {0};
                reader.accept(piece -> {
                    rows[0] += piece.rows().size() + piece.skipped().size();
                    FutureTask<Part> part = new FutureTask<>(() -> checkedInOrder(piece, clock, bad));
                    // Once a part failed (the import stops there) or the import gave up, the next ones are only parsed.
                    if (!read.stopped) {
                        part.run(); // a bad row is kept in the part, as a failure for the thread that asks for it
                        if (failed(part)) {
                            read.stopped = true;
                        }
                    }
                    read.add(part);
                });
                read.rows = rows[0];
            } catch (RuntimeException | Error e) {
                // A file that could not be parsed to its end ends in one failed part (the file read whole tells its
                // error); even an Error is handed over so: the file must never look read to its end.
                FutureTask<Part> failed = new FutureTask<>(() -> {
                    throw e;
                });
                failed.run();
                read.add(failed);
            } finally {
                read.end();
            }
        }, "kith-import-read-parts");
        thread.setDaemon(true);
        thread.start();
        return read;
    }

    private static boolean failed(FutureTask<Part> done) {
        try {
            done.get();
            return false;
        } catch (ExecutionException | CancellationException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private synchronized void add(FutureTask<Part> part) {
        parts.add(part);
        notifyAll();
    }

    private synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Reads the parts no thread has started, in order, until there are none. */
    private void readUnread() {
        while (readNextUnread()) {
            // on to the next part
        }
    }

    /** Reads the first part no thread has started, if any thread may read ahead; false when there is none. */
    private boolean readNextUnread() {
        if (unread == null) {
            return false;
        }
        int index = unread.getAndIncrement();
        FutureTask<Part> part;
        synchronized (this) {
            if (index >= parts.size()) {
                return false;
            }
            part = parts.get(index);
        }
        part.run();
        return true;
    }

    String format() {
        return format;
    }

    /** The rows of the file, those left out included; -1 while they are not known. */
    int rows() {
        return rows;
    }

    /** How many rows the file has, for a progress bar once {@code seen} are read: an estimate until that is known. */
    int rowsAbout(int seen) {
        int known = rows;
        return known >= 0 ? known : Math.max(seen, expectedRows);
    }

    /**
     * How many of the file's rows will be new contacts if the rest of it is like the {@code seen} rows read so far,
     * {@code added} of which were: exact once the file is read.
     */
    int newAbout(int added, int seen) {
        return (int) Math.min(Integer.MAX_VALUE, (long) added * rowsAbout(seen) / Math.max(1, seen));
    }

    /** About how many rows there are, to make room for them: known from the start, an estimate for a file read in turn. */
    int expectedRows() {
        return expectedRows;
    }

    /** The part {@code index} once it is made, or null once it is known there is none. */
    private synchronized FutureTask<Part> await(int index) {
        while (index >= parts.size() && !ended) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportException("the import was interrupted");
            }
        }
        return index < parts.size() ? parts.get(index) : null;
    }

    /**
     * The part {@code index}, once it is read (meanwhile this thread reads the next part no thread has started,
     * or reads this one itself), or null past the last part; {@link Failed} if it could not be read.
     */
    Part part(int index) {
        FutureTask<Part> part = await(index);
        if (part == null) {
            return null;
        }
        while (!part.isDone() && readNextUnread()) {
            // a part read meanwhile: look again
        }
        part.run(); // nothing, if another thread reads it or has
        try {
            return part.get();
        } catch (ExecutionException | CancellationException e) {
            throw new Failed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException("the import was interrupted");
        }
    }

    /** Whether any part failed, once they are all read. */
    boolean anyFailed() {
        for (int i = 0; ; i++) {
            try {
                if (part(i) == null) {
                    return false;
                }
            } catch (Failed e) {
                return true;
            }
        }
    }

    /**
     * The whole file read again by one reader from the top, in one part: the error a part met, as the file's first
     * error, is thrown here.
     */
    ReadParts whole() {
        return done(format, whole.get());
    }

    /** Stops reading ahead parts no one will ask for. */
    void cancel() {
        stopped = true;
        if (unread != null) {
            unread.set(Integer.MAX_VALUE / 2);
        }
    }

    /** A part's rows checked one after the other, on the thread that read them. */
    private static Part checkedInOrder(Parsed parsed, Clock clock, BadRows bad) {
        List<ImportRow> rows = parsed.rows();
        List<ContactBulk.Draft> checked = new ArrayList<>(rows.size());
        List<ImportPlan.Keys> keys = new ArrayList<>(rows.size());
        List<Skip> refused = new ArrayList<>();
        for (ImportRow row : rows) {
            ContactBulk.Draft draft;
            try {
                draft = check(row, clock, parsed.format());
            } catch (ImportException e) {
                refused.add(bad.skip(e, row.line()));
                continue;
            }
            checked.add(draft);
            keys.add(ImportPlan.keys(draft));
        }
        return new Part(checked, keys, skipped(parsed, refused));
    }

    /** The rows a parser left out and those refused once read, by line. */
    private static List<Skip> skipped(Parsed parsed, List<Skip> refused) {
        if (refused.isEmpty()) {
            return parsed.skipped();
        }
        List<Skip> all = new ArrayList<>(parsed.skipped());
        all.addAll(refused);
        all.sort(Comparator.comparingLong(Skip::line));
        return all;
    }

    /**
     * A row as Kith would store it; a bad one fails the import with its line. A vCard's row is a card of several
     * lines, told by the line it starts on: the message says so, as the value at fault is on a line further down.
     */
    private static ContactBulk.Draft check(ImportRow row, Clock clock, String format) {
        try {
            return ContactBulk.checked(row.draft(), clock);
        } catch (ValidationException e) {
            throw new ImportException(row.line(), (VCardImport.FORMAT.equals(format) ? "in the card that starts there, " : "")
                    + e.getMessage());
        }
    }

    /**
     * Every row as Kith would store it, with its match keys; the first bad row, by line, fails the import. A big
     * file is checked on every core, in slices whose results are then read in order.
     */
    private static Part checked(Parsed parsed, Clock clock, ImportService.Progress progress, BadRows bad) {
        List<ImportRow> rows = parsed.rows();
        int total = rows.size();
        Object[] results = new Object[total];
        ImportPlan.Keys[] keys = new ImportPlan.Keys[total];
        AtomicInteger done = new AtomicInteger();
        IntStream slices = IntStream.range(0, (total + SLICE - 1) / SLICE);
        (total >= PARALLEL_FROM ? slices.parallel() : slices).forEach(slice -> {
            for (int i = slice * SLICE; i < Math.min(total, (slice + 1) * SLICE); i++) {
                try {
                    ContactBulk.Draft draft = check(rows.get(i), clock, parsed.format());
                    results[i] = draft;
                    keys[i] = ImportPlan.keys(draft);
                } catch (ImportException e) {
                    results[i] = e;
                }
            }
            int checkedSoFar = done.addAndGet(Math.min(SLICE, total - slice * SLICE));
            synchronized (done) { // a listener hears one update at a time
                progress.update("checking", checkedSoFar, total);
            }
        });
        List<ContactBulk.Draft> checked = new ArrayList<>(total);
        List<ImportPlan.Keys> checkedKeys = new ArrayList<>(total);
        List<Skip> refused = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (results[i] instanceof ImportException failure) {
                refused.add(bad.skip(failure, rows.get(i).line()));
            } else {
                checked.add((ContactBulk.Draft) results[i]);
                checkedKeys.add(keys[i]);
            }
        }
        progress.update("checking", total, total);
        return new Part(checked, checkedKeys, skipped(parsed, refused));
    }
}
