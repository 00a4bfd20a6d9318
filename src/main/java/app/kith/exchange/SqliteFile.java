package app.kith.exchange;

import app.kith.shared.KithException;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/** A SQLite database file given to restore: recognised by its header, and checked before anything is replaced. */
final class SqliteFile {
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqliteFile() {
    }

    static boolean is(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(HEADER.length), HEADER);
        } catch (IOException e) {
            throw new KithException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Fails unless the file passes {@code PRAGMA integrity_check} and holds Kith's tables. */
    static void check(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
             Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
                String verdict = result.next() ? result.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw damaged(file, verdict);
                }
            }
            try (ResultSet result = statement.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('users', 'contacts', 'interactions')")) {
                if (!result.next() || result.getInt(1) != 3) {
                    throw new KithException(file + " is a SQLite database but not a Kith backup (it has no contacts table); nothing was restored");
                }
            }
        } catch (SQLException e) {
            throw damaged(file, e.getMessage());
        }
    }

    private static KithException damaged(Path file, String reason) {
        String first = reason.lines().findFirst().orElse(reason);
        // The driver's "[SQLITE_CORRUPT] The database disk image is malformed (...)" says less than this does.
        String said = first.contains("malformed") || first.contains("SQLITE_CORRUPT") || first.contains("SQLITE_NOTADB")
                ? "its pages do not hold together, as in a copy cut short or changed since it was made" : first;
        return new KithException(file + " is a damaged SQLite file (" + said + "); nothing was restored: use another backup");
    }
}
