package app.kith.storage;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsTest {
    private static final Path FOLDER = Path.of("src/main/resources/db/migration");

    @Test
    void bothDialectsHaveTheSameMigrationVersions() throws IOException {
        assertThat(versions("sqlite")).isNotEmpty().isEqualTo(versions("postgresql"));
    }

    @Test
    void latestNamesTheNewestMigration() throws IOException {
        List<Integer> versions = versions("sqlite");
        assertThat(Migrations.LATEST).isEqualTo(versions.get(versions.size() - 1));
    }

    @BothDatabases
    void aMigratedDatabaseIsNotMigratedAgain(TestDatabase test) {
        int before = test.database().withHandle(handle ->
                handle.createQuery("SELECT count(*) FROM flyway_schema_history").mapTo(Integer.class).one());
        Database reopened = test.dialect() == Dialect.SQLITE
                ? Database.openSqlite(test.dataDir().resolve("kith.db")) : Database.openPostgres(test.url());
        reopened.close();
        int after = test.database().withHandle(handle ->
                handle.createQuery("SELECT count(*) FROM flyway_schema_history").mapTo(Integer.class).one());
        assertThat(after).isEqualTo(before).isEqualTo(Migrations.LATEST);
    }

    private static SQLiteDataSource sqlite(Path file) {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        return source;
    }

    @Test
    void aNewFileHasNoHistoryAndIsMigratedWhole(@TempDir Path dir) {
        SQLiteDataSource source = sqlite(dir.resolve("kith.db"));
        assertThat(Migrations.installedVersion(source)).isEqualTo(Migrations.NO_HISTORY);

        Migrations.bringUpToDate(source, Dialect.SQLITE);

        assertThat(Migrations.installedVersion(source)).isEqualTo(Migrations.LATEST);
    }

    /** Validation is left out only for a database without a history: one with applied migrations is still checked. */
    @Test
    void anOlderDatabaseWhoseAppliedMigrationWasEditedIsRefused(@TempDir Path dir) throws SQLException {
        SQLiteDataSource source = sqlite(dir.resolve("kith.db"));
        Flyway.configure().dataSource(source).locations(Dialect.SQLITE.migrationLocation()).target("5").load().migrate();
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        }
        assertThat(Migrations.installedVersion(source)).isEqualTo(5);

        assertThatThrownBy(() -> Migrations.bringUpToDate(source, Dialect.SQLITE)).hasMessageContaining("checksum mismatch");
        assertThat(Migrations.installedVersion(source)).isEqualTo(5);
    }

    private static List<Integer> versions(String dialect) throws IOException {
        try (Stream<Path> files = Files.list(FOLDER.resolve(dialect))) {
            return files.map(path -> path.getFileName().toString())
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .sorted()
                    .toList();
        }
    }
}
