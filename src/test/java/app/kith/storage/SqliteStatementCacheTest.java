package app.kith.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Prepared statements kept per pooled SQLite connection give the same answers as fresh ones, and hold nothing open. */
class SqliteStatementCacheTest {
    private static final String COUNT = "SELECT count(*) FROM notes WHERE text LIKE :prefix";

    @Test
    void aQueryRunAgainSeesWhatWasWrittenInBetween(@TempDir Path folder) {
        Path file = folder.resolve("kith.db");
        try (Database server = Database.openSqlite(file); Database cli = Database.openSqlite(file)) {
            createNotes(server);
            assertThat(count(server, "a%")).isZero();

            note(cli, "apple");
            assertThat(count(server, "a%")).isEqualTo(1);
            note(server, "avocado");
            assertThat(count(server, "a%")).isEqualTo(2);
            assertThat(count(server, "b%")).isZero();
        }
    }

    @Test
    void anInsertWhoseReturnedRowsWereNeverReadLeavesNoTransactionOpen(@TempDir Path folder) {
        Path file = folder.resolve("kith.db");
        try (Database server = Database.openSqlite(file); Database cli = Database.openSqlite(file)) {
            createNotes(server);
            for (int i = 0; i < 3; i++) {
                server.withHandle(handle -> handle.createUpdate("INSERT INTO notes (text) VALUES ('server') RETURNING id").execute());
            }

            note(cli, "cli");
            assertThat(count(server, "%")).isEqualTo(4);
        }
    }

    @Test
    void theSameQueryRunWhileItsResultsAreReadGetsItsOwnStatement(@TempDir Path folder) {
        try (Database database = Database.openSqlite(folder.resolve("kith.db"))) {
            createNotes(database);
            List.of("ant", "bee", "cat").forEach(text -> note(database, text));

            List<String> pairs = database.withHandle(handle -> {
                List<String> found = new ArrayList<>();
                String sql = "SELECT text FROM notes WHERE text >= :from ORDER BY text";
                handle.createQuery(sql).bind("from", "b").mapTo(String.class).useStream(outer -> outer.forEach(text ->
                        found.addAll(handle.createQuery(sql).bind("from", text).mapTo(String.class)
                                .map(later -> text + "-" + later).list())));
                return found;
            });

            assertThat(pairs).containsExactly("bee-bee", "bee-cat", "cat-cat");
        }
    }

    @Test
    void moreDistinctQueriesThanAConnectionKeepsStillAnswerRight(@TempDir Path folder) {
        try (Database database = Database.openSqlite(folder.resolve("kith.db"))) {
            createNotes(database);
            note(database, "one");
            for (int round = 0; round < 2; round++) {
                for (int n = 0; n < 150; n++) {
                    int value = n;
                    int answer = database.withHandle(handle -> handle.createQuery("SELECT count(*) + " + value + " FROM notes")
                            .mapTo(Integer.class)
                            .one());
                    assertThat(answer).isEqualTo(value + 1);
                }
            }
        }
    }

    private static void createNotes(Database database) {
        database.useTransaction(handle -> handle.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));
    }

    private static void note(Database database, String text) {
        database.useTransaction(handle -> handle.createUpdate("INSERT INTO notes (text) VALUES (:text)").bind("text", text).execute());
    }

    private static int count(Database database, String prefix) {
        return database.withHandle(handle -> handle.createQuery(COUNT).bind("prefix", prefix).mapTo(Integer.class).one());
    }
}
