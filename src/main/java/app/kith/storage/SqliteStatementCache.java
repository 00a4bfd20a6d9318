package app.kith.storage;

import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each pooled SQLite connection's prepared statements for the next use of the same SQL: preparing costs SQLite
 * more than running a short query, and neither JDBI nor Hikari keeps them (PostgreSQL's driver keeps its own).
 *
 * <p>Statements are prepared on the connection under the pool's wrapper, so that the pool does not close them when
 * the connection goes back to it; closing the connection itself finalizes them.
 */
final class SqliteStatementCache extends DefaultStatementBuilder {
    /** Per connection; beyond this the least recently used is closed. */
    private static final int STATEMENTS_PER_CONNECTION = 64;

    private final Map<SQLiteConnection, ConnectionStatements> byConnection = new ConcurrentHashMap<>();

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
            return super.create(connection, sql, context);
        }
        return statements(connection).take(sql);
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        if (!(statement instanceof PreparedStatement prepared) || !statements(connection).giveBack(prepared)) {
            super.close(connection, sql, statement);
        }
    }

    private ConnectionStatements statements(Connection pooled) throws SQLException {
        SQLiteConnection connection = pooled.unwrap(SQLiteConnection.class);
        ConnectionStatements statements = byConnection.get(connection);
        if (statements == null) {
            // A new connection is the moment to forget those the pool has closed since (their statements went with them).
            byConnection.keySet().removeIf(SqliteStatementCache::isClosed);
            statements = new ConnectionStatements(connection);
            byConnection.put(connection, statements);
        }
        return statements;
    }

    private static boolean isClosed(SQLiteConnection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** One connection's statements: those idle by SQL, least recently used first, and those in use with their SQL. */
    private static final class ConnectionStatements {
        private final SQLiteConnection connection;
        private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true);
        // JDBI closes a statement with the SQL as written (named parameters), not the SQL it was prepared from.
        private final Map<PreparedStatement, String> inUse = new IdentityHashMap<>();

        ConnectionStatements(SQLiteConnection connection) {
            this.connection = connection;
        }

        /** An idle statement for this SQL, else a new one (also when the same SQL is already running, nested). */
        PreparedStatement take(String sql) throws SQLException {
            PreparedStatement statement = idle.remove(sql);
            if (statement == null || statement.isClosed()) {
                statement = connection.prepareStatement(sql);
            }
            inUse.put(statement, sql);
            return statement;
        }

        /** Keeps a statement this cache lent for its next use; false if it did not come from here. */
        boolean giveBack(PreparedStatement statement) throws SQLException {
            String sql = inUse.remove(statement);
            if (sql == null) {
                return false;
            }
            if (statement.isClosed()) {
                return true;
            }
            try {
                reset(statement);
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
            PreparedStatement displaced = idle.put(sql, statement);
            if (displaced != null) {
                displaced.close();
            }
            if (idle.size() > STATEMENTS_PER_CONNECTION) {
                Iterator<PreparedStatement> eldest = idle.values().iterator();
                PreparedStatement evicted = eldest.next();
                eldest.remove();
                evicted.close();
            }
            return true;
        }

        /**
         * Resets a statement, so that while idle it holds no transaction open: one run without reading its results
         * (an update with RETURNING) would otherwise stay mid-step. A result set still open is closed first.
         */
        private static void reset(PreparedStatement statement) throws SQLException {
            statement.getMoreResults();
            ((CoreStatement) statement).pointer.safeRunInt(DB::reset);
            // Drops the bound values held in Java. Not clearParameters(): clearing SQLite's bindings can make it prepare
            // the statement again at its next run, which is the cost this cache saves.
            statement.clearBatch();
        }
    }
}
