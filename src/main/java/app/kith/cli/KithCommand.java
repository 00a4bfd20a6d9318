package app.kith.cli;

import app.kith.Kith;
import app.kith.account.Account;
import app.kith.config.KithConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/** The {@code kith} command: global options, the subcommands, and the Kith they all work on (opened on first use). */
@Command(name = "kith", mixinStandardHelpOptions = true, versionProvider = KithCommand.Version.class,
        description = "Kith remembers your professional network and tells you each day whom to reach out to.",
        subcommands = {MeCommand.class, AddCommand.class, EditCommand.class, ArchiveCommand.class,
                UnarchiveCommand.class, ContactsCommand.class, ShowCommand.class, LogCommand.class,
                TodayCommand.class, SnoozeCommand.class, AwayCommand.class, CirclesCommand.class,
                CircleCommand.class, CommandLine.HelpCommand.class})
public final class KithCommand implements AutoCloseable {
    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory holding kith.db (default: $KITH_HOME, else ~/.kith).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "PostgreSQL JDBC URL instead of the SQLite file (default: $KITH_DB_URL).")
    String databaseUrl;

    @Option(names = "--user", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Act as this account (default: the owner).")
    String user;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces on errors.")
    boolean debug;

    private final Clock clock;
    private final Map<String, String> env;
    private Kith kith;
    private Account account;

    KithCommand(Clock clock, Map<String, String> env) {
        this.clock = clock;
        this.env = env;
    }

    /** The command line for {@code kith}, with its converters and one-line error handling; tests call it with a fixed clock. */
    public static CommandLine create(Clock clock, Map<String, String> env) {
        KithCommand root = new KithCommand(clock, env);
        CommandLine commandLine = new CommandLine(root);
        Converters.register(commandLine, clock);
        Errors.install(commandLine, root);
        return commandLine;
    }

    /** Runs {@code kith} with arguments and returns the exit code, closing the database afterwards. */
    public static int run(Clock clock, Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = create(clock, env);
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } finally {
            ((KithCommand) commandLine.getCommand()).close();
            out.flush();
            err.flush();
        }
    }

    Kith kith() {
        if (kith == null) {
            kith = Kith.open(config(), clock);
        }
        return kith;
    }

    /** The id of the account this command acts as. */
    long userId() {
        if (account == null) {
            KithConfig config = config();
            account = kith().accounts().actingAccount(config.user(), config.defaultOwnerName());
        }
        return account.id();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    boolean debug() {
        return debug;
    }

    private KithConfig config() {
        return KithConfig.resolve(dataDir, databaseUrl, user, debug, env);
    }

    @Override
    public void close() {
        if (kith != null) {
            kith.close();
            kith = null;
        }
    }

    /** The version printed by {@code kith --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = KithCommand.class.getPackage().getImplementationVersion();
            return new String[] {"kith " + (version == null ? "development" : version)};
        }
    }
}
