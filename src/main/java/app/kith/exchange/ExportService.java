package app.kith.exchange;

import app.kith.account.AccountService;
import app.kith.account.SessionService;
import app.kith.shared.KithException;
import app.kith.shared.ValidationException;
import app.kith.storage.Database;
import app.kith.storage.Dialect;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Gives the user's data back in open formats (vCard, CSV, JSON), takes consistent backups while a server runs,
 * and restores a backup or a JSON export into an empty database.
 */
public final class ExportService {
    /** Jackson, set up on first use only: a command that exports nothing (most of them) does not pay for it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
        private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
        static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
                .withObjectIndenter(INDENT)
                .withArrayIndenter(INDENT)
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("").withObjectEmptySeparator("")));

        private Json() {
        }
    }

    private final Database database;
    private final Clock clock;

    public ExportService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The latest day that is today anywhere: the UTC date and one more (UTC+14 is ahead of UTC by less than a day). */
    private LocalDate latestToday() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
    }

    /** Everything of the user, as the JSON export holds it. */
    public UserExport snapshot(long userId) {
        UserExport export = database.withHandle(handle -> Snapshot.of(handle, userId));
        return new UserExport(export.format(), export.version(), export.user().withoutAccount(), export.circles(),
                export.contacts(), export.interactions(), export.careerMoves(), export.deletedImports());
    }

    /** The user's contacts (vCard, CSV) or all their data (JSON), as UTF-8 bytes. */
    public byte[] export(long userId, ExportFormat format) {
        UserExport export = snapshot(userId);
        String text = switch (format) {
            case VCARD -> VcardExport.write(export);
            case CSV -> CsvExport.write(export);
            case JSON -> json(export);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String json(Object document) {
        try {
            return Json.PRETTY.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a consistent snapshot to a new file while other connections may be writing: SQLite's
     * {@code VACUUM INTO} on SQLite; on PostgreSQL, every account's JSON export with its password hash, read in
     * one repeatable-read transaction. Returns what was written, in words.
     */
    /** Refuses a file to write whose folder is not there, in words (the driver's or the system's would name neither). */
    public static void requireFolder(Path file, String what) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new KithException("cannot write " + what + " " + file + ": there is no folder " + folder
                    + "; create it first, or give a file in a folder that exists");
        }
    }

    public String backup(Path file) {
        if (Files.exists(file)) {
            throw new KithException(file + " already exists: give the name of a new file (a backup never overwrites one)");
        }
        requireFolder(file, "the backup");
        if (database.dialect() == Dialect.SQLITE) {
            try {
                database.withHandle(handle -> handle.execute("VACUUM INTO ?", file.toAbsolutePath().toString()));
            } catch (JdbiException e) {
                throw new KithException("cannot write the backup " + file + ": " + rootMessage(e) + " (check that its folder exists and you may write there)");
            }
            return "a SQLite snapshot";
        }
        UserExport.Backup backup = database.jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            handle.execute("SET TRANSACTION READ ONLY");
            return everyAccount(handle);
        });
        try {
            Files.writeString(file, json(backup), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new KithException(file + " already exists: give the name of a new file (a backup never overwrites one)");
        } catch (IOException e) {
            throw new KithException("cannot write the backup " + file + ": " + e.getMessage());
        }
        return "a JSON backup of " + backup.users().size() + " account" + (backup.users().size() == 1 ? "" : "s");
    }

    private static UserExport.Backup everyAccount(Handle handle) {
        List<UserExport> users = new ArrayList<>();
        for (long userId : Snapshot.userIds(handle)) {
            users.add(Snapshot.of(handle, userId));
        }
        return new UserExport.Backup(UserExport.Backup.FORMAT, UserExport.VERSION, users);
    }

    /**
     * Restores a SQLite backup or a JSON export or backup. A JSON export goes into the account {@code actingUser}
     * names; a backup brings back every account it holds. Without {@code force} a target holding contacts is
     * refused; with it, the accounts in the file get their data replaced (for a SQLite backup into SQLite, the
     * whole database). Either everything is restored or nothing changes.
     */
    public RestoreSummary restore(Path file, boolean force, LongSupplier actingUser) {
        if (Files.isDirectory(file)) {
            throw new KithException(file + " is a folder: give the path of a backup or a JSON export");
        }
        if (!Files.isRegularFile(file)) {
            throw new KithException("there is no file " + file + ": give the path of a backup or a JSON export");
        }
        if (SqliteFile.is(file)) {
            SqliteFile.check(file);
            return database.dialect() == Dialect.SQLITE ? replaceSqlite(file, force) : restoreBackup(fromSqlite(file), force, file);
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // Cut short between two values (after a comma), Jackson says so in words, not by JsonEOFException; cut
            // inside a word ("fals"), it finds a token it does not know, at the very end of the file.
            if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input")
                    || e.getLocation() != null && lastWordFrom(file, e.getLocation().getByteOffset())) {
                throw new KithException(file + " ends in the middle of its JSON, as a copy or a download cut short does; nothing was"
                        + " restored: use a whole copy");
            }
            tree = null;
        } catch (IOException e) {
            tree = null;
        }
        String format = tree == null ? "" : tree.path("format").asText("");
        if (!format.equals(UserExport.FORMAT) && !format.equals(UserExport.Backup.FORMAT)) {
            throw new KithException(file + " is neither a Kith backup nor a Kith JSON export (made by kith backup or kith export json), so nothing was restored; for contacts in a CSV, vCard or LinkedIn file, use kith import");
        }
        int version = tree.path("version").asInt(0);
        if (version < 1 || version > UserExport.VERSION) {
            throw new KithException(file + " is a Kith file of version " + version + ", and this Kith reads versions 1 to "
                    + UserExport.VERSION + ": restore it with the Kith that wrote it, or a newer one; nothing was restored");
        }
        try {
            if (format.equals(UserExport.FORMAT)) {
                return restoreExport(Json.MAPPER.treeToValue(tree, UserExport.class), force, actingUser, file);
            }
            return restoreBackup(Json.MAPPER.treeToValue(tree, UserExport.Backup.class), force, file);
        } catch (JsonMappingException e) {
            throw Restore.invalid(file.toString(), e);
        } catch (JsonProcessingException e) {
            throw Restore.invalid(file.toString(), new IllegalArgumentException(e.getOriginalMessage(), e));
        }
    }

    private RestoreSummary restoreExport(UserExport export, boolean force, LongSupplier actingUser, Path file) {
        if (export.user() == null) {
            throw Restore.invalid(file.toString(), new IllegalArgumentException("it has no user"));
        }
        long userId = actingUser.getAsLong();
        return database.inUserTransaction(userId, handle -> {
            Restore restore = new Restore(handle, database.dialect(), latestToday());
            int held = restore.contacts(userId);
            if (held > 0 && !force) {
                throw refused(RestoreSummary.count(held, "contact"), "them");
            }
            written(file, () -> {
                restore.clear(userId);
                restore.settings(userId, export.user().withoutAccount());
                restore.data(userId, export);
                restore.catchUp();
            });
            return new RestoreSummary(file + " (a Kith JSON export)", 1, size(export.contacts()), size(export.interactions()), List.of());
        });
    }

    private RestoreSummary restoreBackup(UserExport.Backup backup, boolean force, Path file) {
        List<UserExport> users = backup.users() == null ? List.of() : backup.users();
        return database.inTransactionAlone(handle -> {
            Restore restore = new Restore(handle, database.dialect(), latestToday());
            int contacts = restore.allContacts();
            int interactions = restore.allInteractions();
            if (contacts + interactions > 0 && !force) {
                throw refused(RestoreSummary.count(contacts, "contact") + " and " + RestoreSummary.count(interactions, "interaction"), "the data of the accounts in the backup");
            }
            for (UserExport user : users) {
                if (user.user() == null || user.user().username() == null) {
                    throw Restore.invalid(file.toString(), new IllegalArgumentException("an account has no username"));
                }
            }
            List<String> removed = restore.retireOthers(users);
            int restoredContacts = 0;
            int restoredInteractions = 0;
            for (UserExport user : users) {
                written(file, () -> {
                    long userId = restore.account(user.user());
                    restore.clear(userId);
                    restore.settings(userId, user.user());
                    restore.data(userId, user);
                });
                restoredContacts += size(user.contacts());
                restoredInteractions += size(user.interactions());
            }
            restore.catchUp();
            return new RestoreSummary(file + " (a Kith backup)", users.size(), restoredContacts, restoredInteractions, removed);
        });
    }

    /** Every account of a SQLite backup, read from a copy (opening it brings its schema up to date). */
    private static UserExport.Backup fromSqlite(Path file) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("kith-restore");
            Path copy = folder.resolve("kith.db");
            Files.copy(file, copy);
            try (Database backup = Database.openSqlite(copy, false)) {
                return backup.withHandle(ExportService::everyAccount);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    /** Copies a checked SQLite backup over this SQLite database with SQLite's backup API, which is safe with WAL. */
    private RestoreSummary replaceSqlite(Path file, boolean force) {
        return database.withHandle(handle -> {
            Restore restore = new Restore(handle, database.dialect(), latestToday());
            int contacts = restore.allContacts();
            int interactions = restore.allInteractions();
            if (contacts + interactions > 0 && !force) {
                throw refused(RestoreSummary.count(contacts, "contact") + " and " + RestoreSummary.count(interactions, "interaction"), "the whole database");
            }
            // The accounts without data before, to say which of them the backup's database no longer has.
            List<String> empty = handle.createQuery("""
                            SELECT username FROM users u
                             WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.user_id = u.id)
                               AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.user_id = u.id)
                             ORDER BY username
                            """)
                    .mapTo(String.class).list();
            try {
                handle.getConnection().unwrap(SQLiteConnection.class).getDatabase().restore("main", file.toAbsolutePath().toString(), null);
            } catch (SQLException e) {
                throw new KithException("cannot restore " + file + ": " + e.getMessage() + "; stop any kith serve using this data directory and try again");
            }
            // Every account, profile and session was replaced.
            AccountService.changed(handle);
            SessionService.forgetRemembered(handle);
            List<String> held = handle.createQuery("SELECT username FROM users").mapTo(String.class).list();
            List<String> removed = empty.stream().filter(name -> !held.contains(name)).toList();
            return new RestoreSummary(file + " (a Kith SQLite backup)", held.size(), restore.allContacts(), restore.allInteractions(), removed);
        });
    }

    private KithException refused(String held, String replaced) {
        String where = database.dialect() == Dialect.SQLITE ? "the data directory" : "the database";
        return new KithException(where + " already holds " + held + ": restore into an empty one, or pass --force to replace "
                + replaced + " (with no kith serve running against it)");
    }

    /** Runs a write of the file's rows, reporting bad values in it as the file's fault. */
    private static void written(Path file, Runnable write) {
        try {
            write.run();
        } catch (IllegalArgumentException | DateTimeException | ValidationException | NullPointerException e) {
            throw Restore.invalid(file.toString(), e);
        } catch (JdbiException e) {
            // A value the database refuses (a duplicate, a missing field) is the file's fault too; the transaction rolls back.
            throw Restore.invalid(file.toString(), new IllegalArgumentException(rootMessage(e).lines().findFirst().orElse(""), e));
        }
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary copy left behind is harmless.
        }
    }

    /**
     * Whether the file ends in one word of JSON's (a {@code fals} of {@code false}) that starts at byte {@code offset},
     * where a value starts: after a {@code :}, {@code ,} or {@code [}. A file that is one short word ({@code hello}) is
     * not JSON cut short.
     */
    private static boolean lastWordFrom(Path file, long offset) {
        if (offset <= 0) {
            return false;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long length = channel.size() - offset;
            if (length <= 0 || length > 32) {
                return false;
            }
            // The word, and up to 32 bytes before it to find what it follows.
            long start = Math.max(0, offset - 32);
            ByteBuffer tail = ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            while (tail.hasRemaining() && channel.read(tail) > 0) {
                // read on until the buffer is full or the file ends
            }
            byte[] bytes = tail.array();
            int word = (int) (offset - start);
            for (int i = word; i < bytes.length; i++) {
                byte b = bytes[i];
                if (!Character.isLetterOrDigit(b) && b != '-' && b != '+' && b != '.') {
                    return false;
                }
            }
            int before = word - 1;
            while (before >= 0 && Character.isWhitespace(bytes[before])) {
                before--;
            }
            return before >= 0 && (bytes[before] == ':' || bytes[before] == ',' || bytes[before] == '[');
        } catch (IOException e) {
            return false;
        }
    }
}
