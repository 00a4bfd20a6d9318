package app.kith.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows for one table, collected and then written in the order they were added, by statements of many rows each
 * ({@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?), ...}): SQLite binds as many values, but starts and resets one
 * program instead of 64. For 30,000 contacts with an email and a phone each, the lists went in in 60% of the time a
 * JDBC batch took, the contacts in 85%. Like a batch, nothing is written before {@link #write}.
 *
 * <p>A value is bound by its class: {@code String}, {@code Long}, {@code Integer}, {@code Double} and {@code byte[]}
 * with their own setters, anything else (a {@code LocalDate} on PostgreSQL) with {@code setObject}; a null with
 * {@code setNull} and the type its column was given.
 */
public final class MultiRowInsert {
    /** Rows per statement: 64 rows of the widest table (17 columns) are 1,088 parameters, far below either database's limit. */
    static final int ROWS = 64;

    private final String head;
    private final String row;
    private final int[] nullTypes;
    private final List<Object> values = new ArrayList<>();

    /**
     * @param table     the table
     * @param columns   its columns, comma-separated, as in the statement
     * @param nullTypes the {@link java.sql.Types} each column's null is bound with, one per column
     */
    public MultiRowInsert(String table, String columns, int... nullTypes) {
        this.head = "INSERT INTO " + table + " (" + columns + ") VALUES ";
        this.row = "(" + String.join(", ", Collections.nCopies(nullTypes.length, "?")) + ")";
        this.nullTypes = nullTypes.clone();
    }

    /** Adds a row: one value per column, in order. */
    public void add(Object... row) {
        if (row.length != nullTypes.length) {
            throw new IllegalArgumentException("a row of " + row.length + " values for " + nullTypes.length + " columns");
        }
        Collections.addAll(values, row);
    }

    /** How many rows were added. */
    public int size() {
        return values.size() / nullTypes.length;
    }

    /** Inserts every row added, in order, then forgets them. */
    public void write(Connection connection) throws SQLException {
        int width = nullTypes.length;
        int rows = size();
        int full = rows / ROWS;
        int at = 0;
        if (full > 0) {
            try (PreparedStatement statement = connection.prepareStatement(sql(ROWS))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    at = bind(statement, at, ROWS * width);
                    statement.executeUpdate();
                }
            }
        }
        int rest = rows - full * ROWS;
        if (rest > 0) {
            try (PreparedStatement statement = connection.prepareStatement(sql(rest))) {
                bind(statement, at, rest * width);
                statement.executeUpdate();
            }
        }
        values.clear();
    }

    private String sql(int rows) {
        return head + String.join(", ", Collections.nCopies(rows, row));
    }

    /** Binds {@code count} values from {@code from} on; returns where the next statement's values start. */
    private int bind(PreparedStatement statement, int from, int count) throws SQLException {
        int width = nullTypes.length;
        for (int i = 0; i < count; i++) {
            Object value = values.get(from + i);
            int parameter = i + 1;
            if (value == null) {
                statement.setNull(parameter, nullTypes[i % width]);
            } else if (value instanceof String text) {
                statement.setString(parameter, text);
            } else if (value instanceof Long number) {
                statement.setLong(parameter, number);
            } else if (value instanceof Integer number) {
                statement.setInt(parameter, number);
            } else if (value instanceof Double number) {
                statement.setDouble(parameter, number);
            } else if (value instanceof byte[] bytes) {
                statement.setBytes(parameter, bytes);
            } else {
                statement.setObject(parameter, value);
            }
        }
        return from + count;
    }
}
