package app.kith.storage;

/** The two databases Kith runs on; SQL is written to suit both, and differences live in migrations. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** The classpath folder holding this dialect's Flyway migrations. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    public static Dialect ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL " + jdbcUrl);
    }
}
