package app.kith.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, migrated database for one test: a SQLite file in a new temporary folder, or a new PostgreSQL
 * database on the machine's server (cloned from a migrated template), dropped again on close.
 */
public final class TestDatabase implements AutoCloseable {
    /** The PostgreSQL server the tests use; it runs on every machine of this project and in CI. */
    public static final String POSTGRES = System.getenv().getOrDefault("KITH_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = "?user=postgres";
    private static String template;

    private final Dialect dialect;
    private final Path folder;
    private final String postgresName;
    private final Database database;

    private TestDatabase(Dialect dialect, Path folder, String postgresName) {
        this.dialect = dialect;
        this.folder = folder;
        this.postgresName = postgresName;
        this.database = dialect == Dialect.SQLITE ? Database.openSqlite(folder.resolve("kith.db")) : Database.openPostgres(url());
    }

    public static TestDatabase create(Dialect dialect) {
        try {
            if (dialect == Dialect.SQLITE) {
                return new TestDatabase(dialect, Files.createTempDirectory("kith-test"), null);
            }
            String name = "kith_test_" + UUID.randomUUID().toString().replace("-", "");
            admin("CREATE DATABASE " + name + " TEMPLATE " + template());
            return new TestDatabase(dialect, null, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A migrated, never-connected database to clone: creating from a template is much faster than migrating each time. */
    private static synchronized String template() {
        if (template == null) {
            String name = "kith_template_" + UUID.randomUUID().toString().replace("-", "");
            admin("CREATE DATABASE " + name);
            Database.openPostgres(POSTGRES + name + USER).close();
            template = name;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        }
        return template;
    }

    static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres" + USER);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES + " refused '" + sql + "': " + e.getMessage()
                    + " (is the server running? .ci/run starts it)", e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public Database database() {
        return database;
    }

    /** The folder holding kith.db (SQLite only). */
    public Path dataDir() {
        return folder;
    }

    /** The JDBC URL (PostgreSQL only). */
    public String url() {
        return POSTGRES + postgresName + USER;
    }

    /** Command-line flags that point the CLI at this database. */
    public String[] flags() {
        return dialect == Dialect.SQLITE ? new String[] {"--data", folder.toString()} : new String[] {"--db", url()};
    }

    @Override
    public void close() {
        database.close();
        if (dialect == Dialect.SQLITE) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            admin("DROP DATABASE IF EXISTS " + postgresName + " WITH (FORCE)");
        }
    }

    @Override
    public String toString() {
        return dialect.name().toLowerCase();
    }
}
