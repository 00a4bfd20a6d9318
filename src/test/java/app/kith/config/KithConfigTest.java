package app.kith.config;

import app.kith.shared.KithException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
