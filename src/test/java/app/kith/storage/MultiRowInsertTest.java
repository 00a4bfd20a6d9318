package app.kith.storage;

import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows written by statements of many rows: every row, in order, with its nulls, whatever their number. */
class MultiRowInsertTest {

    private static List<Map<String, Object>> write(TestDatabase test, int rows) throws SQLException {
        return test.database().<List<Map<String, Object>>, SQLException>inTransaction(handle -> {
            handle.execute("CREATE TABLE multi_rows (n BIGINT NOT NULL, label VARCHAR(20), score DOUBLE PRECISION, small INTEGER)");
            MultiRowInsert insert = new MultiRowInsert("multi_rows", "n, label, score, small",
                    Types.BIGINT, Types.VARCHAR, Types.DOUBLE, Types.INTEGER);
            for (long n = 0; n < rows; n++) {
                insert.add(n, n % 3 == 0 ? null : "row " + n, n % 5 == 0 ? null : n + 0.5, n % 7 == 0 ? null : (int) n);
            }
            assertThat(insert.size()).isEqualTo(rows);
            insert.write(handle.getConnection());
            assertThat(insert.size()).isZero();
            return handle.createQuery("SELECT n, label, score, small FROM multi_rows ORDER BY n").mapToMap().list();
        });
    }

    @BothDatabases
    void everyRowGoesInWithItsNullsAcrossStatementBoundaries(TestDatabase test) throws SQLException {
        int rows = 2 * MultiRowInsert.ROWS + 3;

        List<Map<String, Object>> read = write(test, rows);

        assertThat(read).hasSize(rows);
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int n = 0; n < rows; n++) {
            expected.add(n + "|" + (n % 3 == 0 ? null : "row " + n) + "|" + (n % 5 == 0 ? null : n + 0.5) + "|" + (n % 7 == 0 ? null : n));
            Map<String, Object> row = read.get(n);
            actual.add(((Number) row.get("n")).longValue() + "|" + row.get("label") + "|"
                    + (row.get("score") == null ? null : ((Number) row.get("score")).doubleValue()) + "|"
                    + (row.get("small") == null ? null : ((Number) row.get("small")).intValue()));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @BothDatabases
    void exactlyOneStatementsWorthOrNoneAtAll(TestDatabase test) throws SQLException {
        assertThat(write(test, MultiRowInsert.ROWS)).hasSize(MultiRowInsert.ROWS);
        try (TestDatabase other = TestDatabase.create(test.dialect())) {
            assertThat(write(other, 0)).isEmpty();
        }
    }

    @BothDatabases
    void columnsNullInAWholeStatementAreLeftOutAndTheStatementsServeAgain(TestDatabase test) throws SQLException {
        List<Map<String, Object>> read = test.database().<List<Map<String, Object>>, SQLException>inTransaction(handle -> {
            handle.execute("CREATE TABLE multi_rows (n BIGINT NOT NULL, label VARCHAR(20), score DOUBLE PRECISION, small INTEGER)");
            try (MultiRowInsert insert = new MultiRowInsert("multi_rows", "n, label, score, small",
                    Types.BIGINT, Types.VARCHAR, Types.DOUBLE, Types.INTEGER).leavingOutNulls()) {
                for (int write = 0; write < 2; write++) {
                    // The label only in the first statement's rows, the score only in the last row.
                    for (long n = write * 100L; n < write * 100L + MultiRowInsert.ROWS + 5; n++) {
                        boolean last = n == write * 100L + MultiRowInsert.ROWS + 4;
                        insert.add(n, n < write * 100L + MultiRowInsert.ROWS ? "row " + n : null, last ? 0.5 : null, null);
                    }
                    insert.write(handle.getConnection());
                }
            }
            return handle.createQuery("SELECT n, label, score, small FROM multi_rows ORDER BY n").mapToMap().list();
        });

        assertThat(read).hasSize(2 * (MultiRowInsert.ROWS + 5));
        assertThat(read).filteredOn(row -> row.get("label") != null).hasSize(2 * MultiRowInsert.ROWS);
        assertThat(read).filteredOn(row -> row.get("score") != null).extracting(row -> ((Number) row.get("n")).longValue())
                .containsExactly(MultiRowInsert.ROWS + 4L, 100L + MultiRowInsert.ROWS + 4);
        assertThat(read).allSatisfy(row -> assertThat(row.get("small")).isNull());
    }

    @BothDatabases
    void aRowOfTheWrongWidthIsRefused(TestDatabase test) {
        MultiRowInsert insert = new MultiRowInsert("multi_rows", "n, label", Types.BIGINT, Types.VARCHAR);

        assertThatThrownBy(() -> insert.add(1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
