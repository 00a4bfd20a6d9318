package app.kith.storage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static List<Integer> versions(String dialect) throws IOException {
        try (Stream<Path> files = Files.list(FOLDER.resolve(dialect))) {
            return files.map(path -> path.getFileName().toString())
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .sorted()
                    .toList();
        }
    }
}
