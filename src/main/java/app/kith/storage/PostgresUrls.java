package app.kith.storage;

import org.postgresql.Driver;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What is wrong with a PostgreSQL URL before any connection is tried: one the driver cannot read, one naming no
 * database, or one asking for an sslmode the driver does not know.
 */
public final class PostgresUrls {
    /**
     * The driver's logger, kept (a logger nobody holds may be collected, and its level with it) and silenced: it wrote
     * its own timestamped WARNING lines on the terminal ahead of Kith's one line, for a URL it could not read.
     */
    private static final Logger DRIVER_LOG = Logger.getLogger("org.postgresql");
    private static final String PREFIX = "jdbc:postgresql://";
    /** The values the driver takes for sslmode. */
    private static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    static {
        DRIVER_LOG.setLevel(Level.OFF);
    }

    private PostgresUrls() {
    }

    /**
     * Why Kith would not use {@code url} (which starts with jdbc:postgresql://), if it would not: the driver cannot read
     * it, it asks for an sslmode the driver does not know, or it names no database in its path (the driver would take
     * the user's name for it).
     */
    public static Optional<String> problem(String url) {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            return Optional.of("is not a PostgreSQL URL its driver can read: use jdbc:postgresql://HOST:PORT/DATABASE (a port from 1 to"
                    + " 65535, an IPv6 address in brackets), with ?user=NAME&password=SECRET if needed");
        }
        String sslmode = parsed.getProperty("sslmode");
        if (sslmode != null && !SSL_MODES.contains(sslmode)) {
            // The driver refuses it only as it connects, and that was said as the server being out of reach.
            return Optional.of("asks for sslmode=" + sslmode + ", which is none of " + String.join(", ", SSL_MODES));
        }
        if (databaseNamed(url).isBlank()) {
            // The driver would take the user's name for the database's, and Kith would make its tables in whatever that is.
            return Optional.of("names no database: use jdbc:postgresql://HOST:PORT/DATABASE, with a database made for Kith (createdb kith)");
        }
        return Optional.empty();
    }

    /** The database a URL names in its path, as written: after the hosts' slash, up to the parameters; "" for none. */
    private static String databaseNamed(String url) {
        String rest = url.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(slash + 1).split("\\?", 2)[0];
    }
}
