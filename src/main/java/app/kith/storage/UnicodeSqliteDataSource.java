package app.kith.storage;

import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * SQLite connections whose {@code lower()} folds every alphabet, as PostgreSQL's does: SQLite's own folds
 * only ASCII, so "émile" would not find "Émile" in a search, a tag or a name. They also have {@code kith_index()},
 * which the full-text index is filled with, and {@code kith_sort()}, which sorts names.
 */
public final class UnicodeSqliteDataSource extends SQLiteDataSource {
    UnicodeSqliteDataSource(SQLiteConfig config) {
        super(config);
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        SQLiteConnection connection = super.getConnection(username, password);
        addFunctions(connection);
        return connection;
    }

    /**
     * Gives a connection the functions Kith's schema calls: {@code lower()} as above, {@code kith_index()}
     * ({@link SearchTokens#indexed}), by which the contacts' triggers fill the full-text index (migration V15; V12's
     * {@code kith_fold()}, {@link SearchFold#fold}, for a database brought up through V12), and
     * {@code kith_sort()} ({@link SearchFold#plain}), by which they keep the key contacts are listed by (V13). A program
     * that writes contacts through a connection of its own (the benchmarks' data) must add them too.
     */
    public static void addFunctions(Connection connection) throws SQLException {
        textFunction(connection, "kith_fold", SearchFold::fold);
        textFunction(connection, "kith_index", SearchTokens::indexed);
        textFunction(connection, "kith_sort", SearchFold::plain);
        textFunction(connection, "lower", text -> text.toLowerCase(Locale.ROOT));
    }

    /** A deterministic function of one text argument; null gives null. */
    private static void textFunction(Connection connection, String name, UnaryOperator<String> body) throws SQLException {
        Function.create(connection, name, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String text = value_text(0);
                if (text == null) {
                    result();
                } else {
                    result(body.apply(text));
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }
}
