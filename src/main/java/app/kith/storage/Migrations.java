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
    static final int LATEST = 17;

    private Migrations() {
    }

    static void bringUpToDate(DataSource dataSource, Dialect dialect) {
        int installed = installedVersion(dataSource);
        if (installed == LATEST) {
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .failOnMissingLocations(true)
                // Every pending migration in one transaction: one commit (and, on SQLite, one sync to disk) instead of
                // one per migration, and an upgrade that fails part-way leaves the schema as it was.
                .group(true)
                // Validation compares the migrations applied with the files: a database without a history has none
                // applied, so there is nothing to compare (a new data directory; Flyway still refuses a non-empty one).
                .validateOnMigrate(installed != NO_HISTORY)
                .load()
                .migrate();
    }

    /** {@link #installedVersion}'s answer when the database has no schema history table. */
    static final int NO_HISTORY = -1;

    /**
     * The newest migration applied; 0 if none succeeded or the history cannot be read (Flyway, reading it next, then
     * says why); {@link #NO_HISTORY} if there is no history table at all.
     */
    static int installedVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success")) {
                return rows.next() ? rows.getInt(1) : 0;
            } catch (SQLException unread) {
                try (ResultSet tables = connection.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                    return tables.next() ? 0 : NO_HISTORY;
                }
            }
        } catch (SQLException cannotTell) {
            return 0;
        }
    }
}
