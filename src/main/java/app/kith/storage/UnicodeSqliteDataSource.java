package app.kith.storage;

import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

import java.sql.SQLException;
import java.util.Locale;

/**
 * SQLite connections whose {@code lower()} folds every alphabet, as PostgreSQL's does: SQLite's own folds
 * only ASCII, so "émile" would not find "Émile" in a search, a tag or a name.
 */
final class UnicodeSqliteDataSource extends SQLiteDataSource {
    UnicodeSqliteDataSource(SQLiteConfig config) {
        super(config);
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        SQLiteConnection connection = super.getConnection(username, password);
        Function.create(connection, "lower", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String text = value_text(0);
                if (text == null) {
                    result();
                } else {
                    result(text.toLowerCase(Locale.ROOT));
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        return connection;
    }
}
