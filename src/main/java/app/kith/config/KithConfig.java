package app.kith.config;

import app.kith.shared.KithException;
import app.kith.shared.PlainText;
import app.kith.shared.Quoted;
import app.kith.shared.UsageException;
import app.kith.storage.PostgresUrls;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where Kith keeps its data and as whom it acts. Each setting comes from a flag, else the environment,
 * else {@code kith.properties} in the data directory, else its default.
 */
public record KithConfig(Path dataDir, String databaseUrl, String user, String defaultOwnerName, boolean debug) {

    /** Resolves the settings; {@code dataDirFlag}, {@code dbFlag} and {@code userFlag} may be null. */
    public static KithConfig resolve(Path dataDirFlag, String dbFlag, String userFlag, boolean debug, Map<String, String> env) {
        if (dataDirFlag != null && dataDirFlag.toString().isBlank()) {
            // An empty value would be the current directory, which is rarely what was meant (an unset variable).
            throw new UsageException("--data is empty: give a folder (--data ~/kith), or leave --data out to use $KITH_HOME or ~/.kith");
        }
        Path dataDir = dataDirFlag != null ? dataDirFlag
                : present(env.get("KITH_HOME")) ? Path.of(env.get("KITH_HOME"))
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".kith");
        Path propertiesFile = dataDir.resolve("kith.properties");
        Properties file = properties(propertiesFile);
        if (dbFlag != null && dbFlag.isBlank()) {
            // As for --data: an unset variable, which would else quietly mean the SQLite file in ~/.kith.
            throw new UsageException("--db is empty: give a PostgreSQL URL (jdbc:postgresql://HOST:PORT/DATABASE), or leave --db out"
                    + " to use the SQLite file in the data directory");
        }
        String db = firstPresent(dbFlag, env.get("KITH_DB_URL"), file.getProperty("db.url"));
        boolean controls = db != null && db.codePoints().anyMatch(PlainText::isControl);
        boolean postgres = db != null && db.startsWith("jdbc:postgresql://");
        Optional<String> problem = postgres && !controls ? PostgresUrls.problem(db) : Optional.empty();
        if (db != null && (!postgres || controls || problem.isPresent())) {
            // Said where the value came from, so that the user knows what to change.
            String from = present(dbFlag) ? "--db" : present(env.get("KITH_DB_URL")) ? "KITH_DB_URL" : "db.url in " + propertiesFile;
            // A control character (a NUL) would be dropped on the way to the server, which then reads another name.
            String message = Quoted.of(db) + " (from " + from + ")" + (controls
                    ? " holds a control character (such as a NUL): write the URL without it"
                    : problem.isPresent() ? " " + problem.get()
                    : " is not a PostgreSQL URL: use jdbc:postgresql://HOST:PORT/DATABASE, or leave it out to use the SQLite"
                      + " file in the data directory");
            // A flag given a wrong value is a usage error; a setting read from elsewhere is a failed start.
            throw present(dbFlag) ? new UsageException(message) : new KithException(message);
        }
        String user = firstPresent(userFlag, env.get("KITH_USER"), file.getProperty("user"));
        String owner = firstPresent(userFlag, env.get("USER"), "owner");
        return new KithConfig(dataDir.toAbsolutePath().normalize(), db, user, owner, debug);
    }

    public boolean usesSqlite() {
        return databaseUrl == null;
    }

    public Path sqliteFile() {
        return dataDir.resolve("kith.db");
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new KithException("cannot read " + file + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                // Java's own words: "Malformed \\uxxxx encoding."
                throw new KithException("cannot read " + file + ": it holds a \\u not followed by four hexadecimal digits (write a"
                        + " backslash as \\\\)");
            }
        }
        return properties;
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (present(value)) {
                return value.trim();
            }
        }
        return null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
