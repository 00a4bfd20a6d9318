package app.kith;

import app.kith.account.AccountService;
import app.kith.account.LoginThrottle;
import app.kith.account.Passwords;
import app.kith.account.SessionService;
import app.kith.account.SetupLinks;
import app.kith.agenda.AgendaService;
import app.kith.config.KithConfig;
import app.kith.contact.CircleService;
import app.kith.contact.ContactBulk;
import app.kith.contact.ContactService;
import app.kith.exchange.ExportService;
import app.kith.exchange.ImportJobs;
import app.kith.exchange.ImportService;
import app.kith.interaction.InteractionService;
import app.kith.shared.FileFailures;
import app.kith.shared.KithException;
import app.kith.storage.Database;
import app.kith.storage.DatabaseFailures;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The composition root: opens the database and builds every feature service once, for every door to share. */
public final class Kith implements AutoCloseable {
    /** A password given in a database URL ({@code password=...} up to the next parameter). */
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private final Database database;
    private final Passwords passwords;
    private final AccountService accounts;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final SetupLinks setupLinks;
    private final CircleService circles;
    private final ContactService contacts;
    private final InteractionService interactions;
    private final AgendaService agenda;
    private final ContactBulk bulk;
    private final ImportService imports;
    private final ExportService exports;
    private final ImportJobs importJobs;

    public Kith(Database database, Clock clock) {
        this.database = database;
        this.passwords = new Passwords();
        this.circles = new CircleService(database);
        this.accounts = new AccountService(database, passwords, circles::seedDefaults);
        this.sessions = new SessionService(database, clock);
        this.throttle = new LoginThrottle(database, clock);
        this.setupLinks = new SetupLinks(database, passwords, clock);
        this.contacts = new ContactService(database, circles, clock);
        this.interactions = new InteractionService(database, contacts, clock);
        this.agenda = new AgendaService(database, accounts, clock);
        this.bulk = new ContactBulk(database, clock);
        this.imports = new ImportService(database, bulk, circles, interactions, accounts, clock);
        this.exports = new ExportService(database, clock);
        this.importJobs = new ImportJobs(database, imports, clock);
    }

    /** Opens the configured database: PostgreSQL when a URL is given, else {@code kith.db} in the data directory. */
    public static Kith open(KithConfig config, Clock clock) {
        return open(config, clock, true);
    }

    /**
     * Opens the configured database; {@code pooled} false suits a one-shot command (on SQLite no connection
     * pool is set up; PostgreSQL always gets one).
     */
    public static Kith open(KithConfig config, Clock clock, boolean pooled) {
        if (config.usesSqlite()) {
            if (Files.isRegularFile(config.dataDir())) {
                throw new KithException(config.dataDir() + " is a file, not a folder: pass --data DIR (or set KITH_HOME) with the "
                        + "folder that holds, or will hold, kith.db");
            }
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new KithException("cannot create the data directory " + config.dataDir() + " (" + FileFailures.reason(e)
                        + "): pass --data DIR or set KITH_HOME to a folder you can write");
            }
            return new Kith(openOrExplain(() -> Database.openSqlite(config.sqliteFile(), pooled), config.sqliteFile().toString(), true),
                    clock);
        }
        return new Kith(openOrExplain(() -> Database.openPostgres(config.databaseUrl()), withoutPassword(config.databaseUrl()), false),
                clock);
    }

    /** A database URL as it may be shown: a password in it as {@code ***}. */
    private static String withoutPassword(String url) {
        return PASSWORD.matcher(url).replaceAll("$1***");
    }

    private static Database openOrExplain(Supplier<Database> opener, String where, boolean sqlite) {
        try {
            return opener.get();
        } catch (KithException e) {
            throw e;
        } catch (RuntimeException e) {
            Optional<String> known = DatabaseFailures.explain(e);
            if (known.isPresent()) {
                throw new KithException("cannot open the database " + where + ": " + known.get(), e);
            }
            if (rootMessage(e).contains("no schema history table")) {
                // Flyway found tables of another program's and no record of Kith's migrations.
                throw new KithException("cannot open the database " + where + ": it holds tables that are not Kith's; "
                        + (sqlite ? "pass --data for a folder of Kith's own" : "give Kith a database of its own"), e);
            }
            throw new KithException("cannot open the database " + where + ": " + rootMessage(e)
                    + (sqlite ? " (check that it is a Kith database; --debug shows more)"
                    : " (check that it is a Kith database and the server is running; --debug shows more)"), e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    public Database database() {
        return database;
    }

    public AccountService accounts() {
        return accounts;
    }

    public Passwords passwords() {
        return passwords;
    }

    public SessionService sessions() {
        return sessions;
    }

    public LoginThrottle throttle() {
        return throttle;
    }

    public SetupLinks setupLinks() {
        return setupLinks;
    }

    public CircleService circles() {
        return circles;
    }

    public ContactService contacts() {
        return contacts;
    }

    public InteractionService interactions() {
        return interactions;
    }

    public AgendaService agenda() {
        return agenda;
    }

    public ContactBulk bulk() {
        return bulk;
    }

    public ImportService imports() {
        return imports;
    }

    public ExportService exports() {
        return exports;
    }

    /** The web app's background imports. */
    public ImportJobs importJobs() {
        return importJobs;
    }

    @Override
    public void close() {
        importJobs.close();
        passwords.close();
        database.close();
    }
}
