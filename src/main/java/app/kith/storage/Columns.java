package app.kith.storage;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Reads columns whose JDBC type differs between SQLite and PostgreSQL, for row mappers. */
public final class Columns {
    private Columns() {
    }

    /** A calendar date: ISO text on SQLite, DATE on PostgreSQL; null stays null. */
    public static LocalDate date(ResultSet rows, String column) throws SQLException {
        return toDate(rows.getObject(column));
    }

    static LocalDate date(ResultSet rows, int column) throws SQLException {
        return toDate(rows.getObject(column));
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return LocalDate.parse(value.toString());
    }
}
