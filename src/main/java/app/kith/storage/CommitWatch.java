package app.kith.storage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * Tells whether anything was committed to a SQLite file since a moment ago, by this process or another (a CLI
 * command beside a server): SQLite's {@code data_version}, read on a connection of its own that never writes, since a
 * connection's own commits do not change the number it reads. A read costs a few microseconds and no disk access.
 */
final class CommitWatch implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MILLIS = 100;
    private final DataSource source;
    /** Opened at the first read; guarded by {@code this}, like the statement. */
    private Connection connection;
    private PreparedStatement dataVersion;
    /** Counts the connections opened: a new one counts from its own start, so its numbers are told apart. */
    private long connections;
    private boolean closed;

    CommitWatch(DataSource source) {
        this.source = source;
    }

    /** The number now; empty if it cannot be read (then nothing may be taken as unchanged). */
    synchronized OptionalLong mark() {
        if (closed) {
            return OptionalLong.empty();
        }
        try {
            if (dataVersion == null) {
                connection = source.getConnection();
                try (Statement settings = connection.createStatement()) {
                    // A read that must wait (SQLite recovering its log) gives up soon: the page is made anew meanwhile,
                    // rather than every request queueing here for the pool's ten seconds.
                    settings.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
                }
                dataVersion = connection.prepareStatement("PRAGMA data_version");
                connections++;
            }
            try (ResultSet rows = dataVersion.executeQuery()) {
                // data_version is a 32-bit count.
                return rows.next() ? OptionalLong.of(connections << 32 | (rows.getLong(1) & 0xFFFF_FFFFL)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            // Read again from a new connection next time.
            closeConnection();
            return OptionalLong.empty();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeConnection();
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // Closing is all that was asked.
        } finally {
            connection = null;
            dataVersion = null;
        }
    }
}
