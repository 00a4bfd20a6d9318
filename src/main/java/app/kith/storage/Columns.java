package app.kith.storage;

import org.sqlite.core.CoreResultSet;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Reads columns for row mappers: dates, whose JDBC type differs between SQLite and PostgreSQL, and text.
 *
 * <p>On SQLite both are read as the value's UTF-8 bytes. sqlite-jdbc's {@code getString} hands each value over in a
 * direct ByteBuffer that native code makes by calling its constructor back in Java, which costs about as much again
 * as the rest of reading the value: on Today's 50 due contacts, a tenth of the page's CPU time.
 */
public final class Columns {
    private Columns() {
    }

    /** A text column's value; null stays null. */
    public static String text(ResultSet rows, String column) throws SQLException {
        return sqlite(rows) ? utf8(rows.getBytes(column)) : rows.getString(column);
    }

    /** As {@link #text(ResultSet, String)}, by the column's position (from 1). */
    public static String text(ResultSet rows, int column) throws SQLException {
        return sqlite(rows) ? utf8(rows.getBytes(column)) : rows.getString(column);
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** A number with a fraction; null stays null (not 0, as JDBC gives it). */
    public static Double decimal(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    /** A calendar date: ISO text on SQLite, DATE on PostgreSQL; null stays null. */
    public static LocalDate date(ResultSet rows, String column) throws SQLException {
        return sqlite(rows) ? isoDate(rows.getBytes(column)) : toDate(rows.getObject(column));
    }

    static LocalDate date(ResultSet rows, int column) throws SQLException {
        return sqlite(rows) ? isoDate(rows.getBytes(column)) : toDate(rows.getObject(column));
    }

    /** Whether the rows come from sqlite-jdbc (through the pool's wrapper or not). */
    private static boolean sqlite(ResultSet rows) throws SQLException {
        return rows instanceof CoreResultSet || rows.isWrapperFor(CoreResultSet.class);
    }

    /** A date stored as YYYY-MM-DD, from its bytes, read by hand: several times faster than the general parser. */
    private static LocalDate isoDate(byte[] text) {
        if (text == null) {
            return null;
        }
        if (text.length == 10 && text[4] == '-' && text[7] == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(utf8(text));
    }

    /** The number written in ASCII digits from {@code from} to {@code to}, or -1 if one is not a digit. */
    private static int digits(byte[] text, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            byte c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    /** A PostgreSQL DATE as the driver gives it. */
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
