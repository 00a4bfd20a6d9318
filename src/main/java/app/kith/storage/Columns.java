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
        String text = value.toString();
        // The stored form is always YYYY-MM-DD; reading it by hand is several times faster than the general parser.
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        }
        return LocalDate.parse(text);
    }

    private static int digits(String text, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a date: " + text);
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
