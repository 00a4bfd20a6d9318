package app.kith.storage;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;

import java.sql.Types;
import java.time.LocalDate;

/** Calendar dates as ISO text on SQLite and as DATE on PostgreSQL, so comparisons and ordering work on both. */
final class JdbiTypes {
    private JdbiTypes() {
    }

    static void register(Jdbi jdbi, Dialect dialect) {
        jdbi.registerColumnMapper(LocalDate.class, (ColumnMapper<LocalDate>) (rows, column, context) ->
                Columns.date(rows, column));
        if (dialect == Dialect.SQLITE) {
            jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.VARCHAR) {
                @Override
                protected Argument build(LocalDate value, ConfigRegistry config) {
                    return (position, statement, context) -> statement.setString(position, value.toString());
                }
            });
        } else {
            jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.DATE) {
                @Override
                protected Argument build(LocalDate value, ConfigRegistry config) {
                    return (position, statement, context) -> statement.setObject(position, value);
                }
            });
        }
    }
}
