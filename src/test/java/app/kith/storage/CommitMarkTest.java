package app.kith.storage;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class CommitMarkTest {
    @Test
    void theMarkStaysWhileOnlyReadsRunAndMovesWithEveryCommitOfThisProcessOrAnother() {
        try (TestDatabase db = TestDatabase.create(Dialect.SQLITE)) {
            Database server = db.database();
            OptionalLong start = server.commitMark();
            assertThat(start).isPresent();

            server.withHandle(handle -> handle.createQuery("SELECT count(*) FROM contacts").mapTo(Long.class).one());
            assertThat(server.commitMark()).isEqualTo(start);

            // A write through the server's own pool.
            server.useTransaction(handle -> handle.execute("INSERT INTO users (username, is_owner) VALUES ('ben', false)"));
            OptionalLong afterOwn = server.commitMark();
            assertThat(afterOwn).isPresent().isNotEqualTo(start);
            assertThat(server.commitMark()).isEqualTo(afterOwn);

            // A write by another connection to the file, as a CLI command beside the server makes.
            try (Database command = Database.openSqlite(db.dataDir().resolve("kith.db"), false)) {
                assertThat(command.commitMark()).isEmpty();
                command.useTransaction(handle -> handle.execute("UPDATE users SET name = 'Ben' WHERE username = 'ben'"));
            }
            assertThat(server.commitMark()).isPresent().isNotEqualTo(afterOwn);
        }
    }

    @Test
    void postgresqlHasNoMarkSinceOtherInstancesCommitUnseen() {
        try (TestDatabase db = TestDatabase.create(Dialect.POSTGRESQL)) {
            assertThat(db.database().commitMark()).isEmpty();
        }
    }

    @Test
    void aClosedDatabaseHasNoMark() {
        TestDatabase db = TestDatabase.create(Dialect.SQLITE);
        db.close();
        assertThat(db.database().commitMark()).isEmpty();
    }
}
