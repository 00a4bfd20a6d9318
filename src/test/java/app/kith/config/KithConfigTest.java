package app.kith.config;

import app.kith.shared.KithException;
import app.kith.shared.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KithConfigTest {
    @TempDir
    Path folder;

    @Test
    void flagsComeFirstThenTheEnvironmentThenTheDefaults() {
        Path home = folder.resolve("home");
        Map<String, String> env = Map.of("HOME", home.toString(), "KITH_HOME", folder.resolve("env").toString(),
                "KITH_DB_URL", "jdbc:postgresql://db/kith", "USER", "ada");

        KithConfig flags = KithConfig.resolve(folder.resolve("flag"), "jdbc:postgresql://flag/kith", "grace", false, env);
        assertThat(flags.dataDir()).isEqualTo(folder.resolve("flag"));
        assertThat(flags.databaseUrl()).isEqualTo("jdbc:postgresql://flag/kith");
        assertThat(flags.user()).isEqualTo("grace");
        assertThat(flags.defaultOwnerName()).isEqualTo("grace");

        KithConfig fromEnv = KithConfig.resolve(null, null, null, false, env);
        assertThat(fromEnv.dataDir()).isEqualTo(folder.resolve("env"));
        assertThat(fromEnv.databaseUrl()).isEqualTo("jdbc:postgresql://db/kith");
        assertThat(fromEnv.user()).isNull();
        assertThat(fromEnv.defaultOwnerName()).isEqualTo("ada");

        KithConfig defaults = KithConfig.resolve(null, null, null, false, Map.of("HOME", home.toString()));
        assertThat(defaults.dataDir()).isEqualTo(home.resolve(".kith"));
        assertThat(defaults.usesSqlite()).isTrue();
        assertThat(defaults.sqliteFile()).isEqualTo(home.resolve(".kith/kith.db"));
        assertThat(defaults.defaultOwnerName()).isEqualTo("owner");
    }

    @Test
    void kithPropertiesInTheDataDirectoryFillWhatFlagsAndEnvironmentLeaveOpen() throws IOException {
        Files.writeString(folder.resolve("kith.properties"), "db.url=jdbc:postgresql://file/kith\nuser=lin\n");
        KithConfig config = KithConfig.resolve(folder, null, null, false, Map.of());
        assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://file/kith");
        assertThat(config.user()).isEqualTo("lin");
        assertThat(KithConfig.resolve(folder, "jdbc:postgresql://flag/kith", null, false, Map.of()).databaseUrl())
                .isEqualTo("jdbc:postgresql://flag/kith");
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresqlIsRefusedWithWhereItCameFromAndWhatToDo() throws IOException {
        assertThatThrownBy(() -> KithConfig.resolve(folder, "jdbc:mysql://x/kith", null, false, Map.of()))
                .isInstanceOf(KithException.class)
                .hasMessage("'jdbc:mysql://x/kith' (from --db) is not a PostgreSQL URL: use jdbc:postgresql://HOST:PORT/DATABASE, "
                        + "or leave it out to use the SQLite file in the data directory");
        assertThatThrownBy(() -> KithConfig.resolve(folder, null, null, false, Map.of("KITH_DB_URL", "garbage")))
                .hasMessageStartingWith("'garbage' (from KITH_DB_URL) is not a PostgreSQL URL");
        Files.writeString(folder.resolve("kith.properties"), "db.url=garbage\n");
        assertThatThrownBy(() -> KithConfig.resolve(folder, null, null, false, Map.of()))
                .hasMessageStartingWith("'garbage' (from db.url in " + folder.resolve("kith.properties") + ") is not a PostgreSQL URL");
    }

    @Test
    void aPostgresqlUrlItsDriverCannotReadOrNamingNoDatabaseIsRefusedBeforeAnyConnection() throws IOException {
        // The driver read these as no URL, with WARNING lines of its own, and Kith then said the server could not be reached.
        for (String url : List.of("jdbc:postgresql://[::1", "jdbc:postgresql://127.0.0.1:99999/kith")) {
            assertThatThrownBy(() -> KithConfig.resolve(folder, url, null, false, Map.of())).as(url).isInstanceOf(UsageException.class)
                    .hasMessage("'" + url + "' (from --db) is not a PostgreSQL URL its driver can read: use jdbc:postgresql://HOST:PORT/DATABASE"
                            + " (a port from 1 to 65535, an IPv6 address in brackets), with ?user=NAME&password=SECRET if needed");
        }
        // With no database named, the driver would take the user's name for it, and Kith would make its tables there.
        for (String url : List.of("jdbc:postgresql://", "jdbc:postgresql://127.0.0.1:5432/", "jdbc:postgresql://h/?user=kith")) {
            assertThatThrownBy(() -> KithConfig.resolve(folder, null, null, false, Map.of("KITH_DB_URL", url))).as(url)
                    .isNotInstanceOf(UsageException.class)
                    .hasMessage("'" + url + "' (from KITH_DB_URL) names no database: use jdbc:postgresql://HOST:PORT/DATABASE, with a"
                            + " database made for Kith (createdb kith)");
        }
        assertThat(KithConfig.resolve(folder, "jdbc:postgresql://[::1]:5432/kith?user=a", null, false, Map.of()).databaseUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/kith?user=a");
        // An sslmode the driver does not know: it refused it only as it connected, said as the server being out of reach.
        assertThatThrownBy(() -> KithConfig.resolve(folder, "jdbc:postgresql://h/kith?sslmode=bogus", null, false, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("'jdbc:postgresql://h/kith?sslmode=bogus' (from --db) asks for sslmode=bogus, which is none of disable, allow,"
                        + " prefer, require, verify-ca, verify-full");
        assertThat(KithConfig.resolve(folder, "jdbc:postgresql://h/kith?sslmode=verify-full", null, false, Map.of()).databaseUrl())
                .endsWith("sslmode=verify-full");
        // An empty --db is an unset variable, not a wish for the SQLite file in ~/.kith.
        assertThatThrownBy(() -> KithConfig.resolve(folder, " ", null, false, Map.of())).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--db is empty: give a PostgreSQL URL");
        Files.writeString(folder.resolve("kith.properties"), "db.url=\\u00zz\n");
        assertThatThrownBy(() -> KithConfig.resolve(folder, null, null, false, Map.of())).isInstanceOf(KithException.class)
                .hasMessage("cannot read " + folder.resolve("kith.properties") + ": it holds a \\u not followed by four hexadecimal digits"
                        + " (write a backslash as \\\\)");
    }
}
