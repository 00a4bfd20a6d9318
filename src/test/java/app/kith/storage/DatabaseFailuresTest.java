package app.kith.storage;

import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {
    @Test
    void theFileOrServerTroubleUnderAStatementsFailureIsSaidPlainly() {
        assertThat(explain(SQLiteErrorCode.SQLITE_READONLY_DIRECTORY)).startsWith("the database cannot be written");
        assertThat(explain(SQLiteErrorCode.SQLITE_READONLY)).contains("give yourself write permission");
        assertThat(explain(SQLiteErrorCode.SQLITE_CORRUPT)).startsWith("the database file is damaged");
        assertThat(explain(SQLiteErrorCode.SQLITE_NOTADB)).startsWith("the database file is damaged");
        assertThat(explain(SQLiteErrorCode.SQLITE_FULL)).startsWith("the disk holding the database is full");
        assertThat(explain(SQLiteErrorCode.SQLITE_BUSY)).startsWith("the database stayed busy");
        assertThat(explain(SQLiteErrorCode.SQLITE_IOERR_FSYNC)).contains("a disk error");
        assertThat(DatabaseFailures.explain(new IllegalStateException("wrapped", new SQLException("no route", "08001"))))
                .hasValueSatisfying(sentence -> assertThat(sentence).startsWith("the PostgreSQL server cannot be reached"));
        assertThat(DatabaseFailures.explain(new SQLException("FATAL: database \"x\" does not exist", "3D000")))
                .hasValueSatisfying(sentence -> assertThat(sentence).startsWith("the PostgreSQL server has no database of that name"));
        assertThat(DatabaseFailures.explain(new SQLException("FATAL: password authentication failed", "28P01")))
                .hasValueSatisfying(sentence -> assertThat(sentence).startsWith("the PostgreSQL server refused the user or password"));
        // A statement's own failure (a constraint, a syntax error) is not the file's: nothing to say to a user.
        assertThat(DatabaseFailures.explain(new RuntimeException(new SQLiteException("x", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE))))
                .isEmpty();
        assertThat(DatabaseFailures.explain(new IllegalArgumentException("no database here"))).isEmpty();
    }

    private static String explain(SQLiteErrorCode code) {
        return DatabaseFailures.explain(new RuntimeException("a statement failed", new SQLiteException("driver text", code)))
                .orElseThrow();
    }
}
