package app.kith.storage;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Brings a database's schema to the newest version, skipping Flyway entirely when it already is (a fast CLI start). */
final class Migrations {
    /** The highest migration version shipped; a test keeps it equal to the newest file in both folders. */
    static final int LATEST = 7;

    private Migrations() {
    }

    static void bringUpToDate(DataSource dataSource, Dialect dialect) {
        if (installedVersion(dataSource) == LATEST) {
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    private static int installedVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success")) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException noHistoryYet) {
            return 0;
        }
    }
}
