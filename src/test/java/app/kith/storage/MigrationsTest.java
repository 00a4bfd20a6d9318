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

    /** A SQLite file migrated up to a version only, as an older Kith left it. */
    private static SQLiteDataSource migratedTo(Path file, String version) {
        SQLiteDataSource source = sqlite(file);
        Flyway.configure().dataSource(source).locations(Dialect.SQLITE.migrationLocation()).target(version).load().migrate();
        return source;
    }

    /** As Kith opens one: its connections have the functions its schema calls (kith_fold). */
    private static SQLiteDataSource sqlite(Path file) {
        SQLiteDataSource source = new UnicodeSqliteDataSource(new org.sqlite.SQLiteConfig());
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

    /** Version 16: an account from before working days were kept works Monday to Friday, on both databases. */
    @Test
    void accountsFromBeforeVersion16WorkMondayToFridayOnSqlite(@TempDir Path dir) throws SQLException {
        SQLiteDataSource source = migratedTo(dir.resolve("kith.db"), "15");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (id, username) VALUES (1, 'sam')");
        }
        try (Database database = Database.openSqlite(dir.resolve("kith.db"))) {
            assertWorksMondayToFriday(database);
        }
    }

    @Test
    void accountsFromBeforeVersion16WorkMondayToFridayOnPostgresql() throws SQLException {
        String name = "kith_v15_" + java.util.UUID.randomUUID().toString().replace("-", "");
        TestDatabase.admin("CREATE DATABASE " + name);
        try {
            String url = TestDatabase.POSTGRES + name + "?user=postgres";
            org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
            source.setUrl(url);
            Flyway.configure().dataSource(source).locations(Dialect.POSTGRESQL.migrationLocation()).target("15").load().migrate();
            try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO users (id, username) VALUES (1, 'sam')");
            }
            try (Database database = Database.openPostgres(url)) {
                assertWorksMondayToFriday(database);
            }
        } finally {
            TestDatabase.admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void assertWorksMondayToFriday(Database database) {
        String stored = database.withHandle(handle -> handle.createQuery("SELECT work_days FROM users WHERE id = 1").mapTo(String.class).one());
        assertThat(stored).isEqualTo("mon,tue,wed,thu,fri");
        assertThat(new app.kith.Kith(database, java.time.Clock.systemUTC()).accounts().profile(1).workDays())
                .isEqualTo(app.kith.shared.Weekdays.MONDAY_TO_FRIDAY);
    }

    /** Validation is left out only for a database without a history: one with applied migrations is still checked. */
    @Test
    void anOlderDatabaseWhoseAppliedMigrationWasEditedIsRefused(@TempDir Path dir) throws SQLException {
        SQLiteDataSource source = migratedTo(dir.resolve("kith.db"), "5");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        }
        assertThat(Migrations.installedVersion(source)).isEqualTo(5);

        assertThatThrownBy(() -> Migrations.bringUpToDate(source, Dialect.SQLITE)).hasMessageContaining("checksum mismatch");
        assertThat(Migrations.installedVersion(source)).isEqualTo(5);
    }

    /** Each word as "word=ids": the rows of the search index that hold a word starting with it (ids null for none). */
    private static List<String> found(Statement statement, String... words) throws SQLException {
        List<String> found = new java.util.ArrayList<>();
        for (String word : words) {
            try (var rows = statement.executeQuery("SELECT group_concat(rowid) FROM contacts_search WHERE contacts_search MATCH '\"" + word + "\"*'")) {
                rows.next();
                found.add(word + "=" + rows.getString(1));
            }
        }
        return found;
    }

    /** Version 12 folds ø, ł, ß and the like in SQLite's search index: contacts already there are found by them. */
    @Test
    void contactsFromBeforeVersion12AreFoundByTheirLettersFolded(@TempDir Path dir) throws SQLException {
        SQLiteDataSource source = migratedTo(dir.resolve("kith.db"), "11");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (id, username) VALUES (1, 'sam')");
            statement.execute("INSERT INTO contacts (id, user_id, full_name, city, added_on) VALUES (1, 1, 'Jørgen Łukasiewicz', 'Straße', '2026-01-01')");
        }

        Migrations.bringUpToDate(source, Dialect.SQLITE);

        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE contacts SET city = 'Kraków' WHERE id = 1");
            statement.execute("INSERT INTO contacts (id, user_id, full_name, added_on) VALUES (2, 1, 'Søren Ærø', '2026-01-01')");
            List<String> found = found(statement, "jorgen", "lukasiewicz", "krakow", "strasse", "soren", "aero");
            assertThat(found).containsExactly("jorgen=1", "lukasiewicz=1", "krakow=1", "strasse=null", "soren=2", "aero=2");
            statement.execute("DELETE FROM contacts WHERE id = 2");
            try (var rows = statement.executeQuery("SELECT count(*) FROM contacts_search WHERE contacts_search MATCH 'soren'")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }

    /** Version 15 indexes words without their apostrophe and CJK characters apart: contacts already there too. */
    @Test
    void contactsFromBeforeVersion15AreFoundWithoutTheirApostropheAndByOneCharacter(@TempDir Path dir) throws SQLException {
        SQLiteDataSource source = migratedTo(dir.resolve("kith.db"), "14");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (id, username) VALUES (1, 'sam')");
            statement.execute("INSERT INTO contacts (id, user_id, full_name, city, added_on) VALUES (1, 1, 'Søren O''Brien', '北京', '2026-01-01')");
            statement.execute("INSERT INTO contacts (id, user_id, full_name, added_on) VALUES (2, 1, '李雷', '2026-01-01')");
            // A sort key as version 13 wrote it for a name in hangul: its letters taken apart.
            statement.execute("INSERT INTO contacts (id, user_id, full_name, sort_name, added_on) VALUES (4, 1, '박지민', '"
                    + java.text.Normalizer.normalize("박지민", java.text.Normalizer.Form.NFD) + "', '2026-01-01')");
        }

        Migrations.bringUpToDate(source, Dialect.SQLITE);

        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO contacts (id, user_id, full_name, added_on) VALUES (3, 1, 'Ann D’Arcy', '2026-01-01')");
            List<String> found = found(statement, "obrien", "soren", "brien", "京", "雷", "李 雷", "darcy");
            assertThat(found).containsExactly("obrien=1", "soren=1", "brien=1", "京=1", "雷=2", "李 雷=2", "darcy=3");
            try (var rows = statement.executeQuery("SELECT sort_name FROM contacts WHERE id = 4")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("박지민");
            }
        }
    }

    /** Version 17 indexes words without their hyphens too: contacts already there as well. */
    @Test
    void contactsFromBeforeVersion17AreFoundWithoutTheirHyphens(@TempDir Path dir) throws SQLException {
        SQLiteDataSource source = migratedTo(dir.resolve("kith.db"), "16");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (id, username) VALUES (1, 'sam')");
            statement.execute("INSERT INTO contacts (id, user_id, full_name, company, added_on) VALUES (1, 1, 'Jean-Luc O''Brien', 'Hewlett‑Packard', '2026-01-01')");
            statement.execute("INSERT INTO contacts (id, user_id, full_name, added_on) VALUES (2, 1, 'Luc Besson', '2026-01-01')");
            // The index as version 16's kith_index() filled it (this connection's is today's): apostrophes joined only.
            statement.execute("DELETE FROM contacts_search WHERE rowid = 1");
            statement.execute("INSERT INTO contacts_search (rowid, full_name, company) VALUES (1, 'Jean-Luc O''Brien OBrien', 'Hewlett‑Packard')");
            assertThat(found(statement, "jeanluc", "obrien")).containsExactly("jeanluc=null", "obrien=1");
        }

        Migrations.bringUpToDate(source, Dialect.SQLITE);

        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(found(statement, "jeanluc", "hewlettpackard", "obrien", "besson", "luc"))
                    .containsExactly("jeanluc=1", "hewlettpackard=1", "obrien=1", "besson=2", "luc=1,2");
        }
    }

    /** Versions 13 and 14: contacts already there get their sort key, and their days as the agenda asks for them. */
    @Test
    void contactsFromBeforeVersion13GetASortKeyAndTheirDaysWrittenAsStored(@TempDir Path dir) throws SQLException {
        SQLiteDataSource source = migratedTo(dir.resolve("kith.db"), "12");
        List<String> days = java.util.Arrays.asList("mon,fri", "Weekdays", " ANY ", "\t", "Sunday, Saturday", null);
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (id, username) VALUES (1, 'sam')");
            for (int i = 0; i < days.size(); i++) {
                statement.execute("INSERT INTO contacts (id, user_id, full_name, contact_days, added_on) VALUES (" + (i + 1)
                        + ", 1, 'Émile " + i + "', " + (days.get(i) == null ? "NULL" : "'" + days.get(i) + "'") + ", '2026-01-01')");
            }
        }

        Migrations.bringUpToDate(source, Dialect.SQLITE);

        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT sort_name, contact_days FROM contacts ORDER BY id")) {
            List<String> found = new java.util.ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1) + " / " + rows.getString(2));
            }
            assertThat(found).containsExactly("emile 0 / mon,fri", "emile 1 / mon,tue,wed,thu,fri", "emile 2 / null",
                    "emile 3 / null", "emile 4 / sunday,saturday", "emile 5 / null");
        }
    }

    /** Version 8 keeps where a job came from: jobs already there are marked so that imports still change them. */
    @Test
    void jobsFromBeforeVersion8KeepTheirMoveSourceOrMayStillBeChangedByAnImport(@TempDir Path dir) throws SQLException {
        SQLiteDataSource source = migratedTo(dir.resolve("kith.db"), "7");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (id, username) VALUES (1, 'sam')");
            statement.execute("""
                    INSERT INTO contacts (id, user_id, full_name, company, title, added_on) VALUES
                        (1, 1, 'Moved', 'Globex', 'Lead', '2026-01-01'),
                        (2, 1, 'Kept', 'Initech', NULL, '2026-01-01'),
                        (3, 1, 'Jobless', NULL, NULL, '2026-01-01')""");
            statement.execute("""
                    INSERT INTO career_moves (contact_id, changed_on, old_company, new_company, source) VALUES
                        (1, '2025-01-01', 'A', 'B', 'vCard'),
                        (1, '2026-02-01', 'B', 'Globex', 'LinkedIn connections')""");
        }

        Migrations.bringUpToDate(source, Dialect.SQLITE);

        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT id, job_source FROM contacts ORDER BY id")) {
            List<String> sources = new java.util.ArrayList<>();
            while (rows.next()) {
                sources.add(rows.getLong(1) + "=" + rows.getString(2));
            }
            assertThat(sources).containsExactly("1=LinkedIn connections", "2=an earlier import", "3=null");
        }
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
