package app.kith.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * sqlite-jdbc copies its native library out of the jar into a temporary file on every start, a large
 * share of a CLI command's time. This keeps one copy per sqlite-jdbc version in the user's cache folder
 * and points sqlite-jdbc at it; on any trouble it leaves sqlite-jdbc to do as it always does.
 */
final class SqliteNativeLibrary {
    private static boolean prepared;

    private SqliteNativeLibrary() {
    }

    static synchronized void useCachedCopy() {
        if (prepared || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        prepared = true;
        try {
            String resource = "/org/sqlite/native/" + osFolder() + "/" + System.mapLibraryName("sqlitejdbc");
            String version = version();
            if (version == null || SqliteNativeLibrary.class.getResource(resource) == null) {
                return;
            }
            Path folder = cacheFolder().resolve("sqlite-jdbc-" + version);
            Path library = folder.resolve(System.mapLibraryName("sqlitejdbc"));
            if (!Files.isRegularFile(library)) {
                Files.createDirectories(folder);
                Path partial = Files.createTempFile(folder, "lib", ".partial");
                try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(resource)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                // A rename is atomic: a process starting meanwhile sees no library or the whole one.
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", library.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            // The cache is an optimisation only: sqlite-jdbc extracts its own copy as usual.
        }
    }

    private static String version() throws IOException {
        try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream("/sqlite-jdbc.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            return version == null || !version.matches("[\\w.-]+") ? null : version;
        }
    }

    /** sqlite-jdbc's folder naming for the platforms Kith runs on; others fall back to its own loader. */
    private static String osFolder() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osName = os.contains("linux") ? "Linux" : os.contains("mac") ? "Mac" : "unknown";
        String archName = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> "unknown";
        };
        if (osName.equals("Linux") && Files.exists(Path.of("/etc/alpine-release"))) {
            osName = "Linux-Musl";
        }
        return osName + "/" + archName;
    }

    private static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("kith");
    }
}
