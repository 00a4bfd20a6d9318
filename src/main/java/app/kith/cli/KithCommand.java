package app.kith.cli;

import app.kith.Kith;
import app.kith.account.Account;
import app.kith.config.KithConfig;
import app.kith.shared.KithException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The {@code kith} command: global options, the subcommands, and the Kith they all work on (opened on first use). */
@Command(name = "kith", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = KithCommand.Version.class,
        description = "Kith remembers your professional network and tells you each day whom to reach out to.")
public final class KithCommand implements AutoCloseable {
    /** The subcommands in the order help lists them. */
    private static final Map<String, Class<?>> COMMANDS = commands();
    /** Global options that take a value, to find the subcommand's name among the arguments. */
    private static final Set<String> OPTIONS_WITH_VALUES = Set.of("--data", "--db", "--user");

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory holding kith.db (default: $KITH_HOME, else ~/.kith).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "PostgreSQL JDBC URL instead of the SQLite file (default: $KITH_DB_URL).")
    String databaseUrl;

    @Option(names = "--user", paramLabel = "NAME", scope = ScopeType.INHERIT, converter = Converters.AccountName.class,
            description = "Act as this account (default: the owner).")
    String user;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces on errors.")
    boolean debug;

    private final Clock clock;
    private final Map<String, String> env;
    private Kith kith;
    private Account account;
    /** The account's date today, once read ({@link #today}). */
    private LocalDate today;

    private final BufferedReader stdin;

    KithCommand(Clock clock, Map<String, String> env, BufferedReader stdin) {
        this.clock = clock;
        this.env = env;
        this.stdin = stdin;
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("today", TodayCommand.class);
        commands.put("add", AddCommand.class);
        commands.put("log", LogCommand.class);
        commands.put("unlog", UnlogCommand.class);
        commands.put("contacts", ContactsCommand.class);
        commands.put("show", ShowCommand.class);
        commands.put("edit", EditCommand.class);
        commands.put("snooze", SnoozeCommand.class);
        commands.put("away", AwayCommand.class);
        commands.put("archive", ArchiveCommand.class);
        commands.put("unarchive", UnarchiveCommand.class);
        commands.put("delete", DeleteCommand.class);
        commands.put("circles", CirclesCommand.class);
        commands.put("circle", CircleCommand.class);
        commands.put("me", MeCommand.class);
        commands.put("import", ImportCommand.class);
        commands.put("export", ExportCommand.class);
        commands.put("backup", BackupCommand.class);
        commands.put("restore", RestoreCommand.class);
        commands.put("demo", DemoCommand.class);
        commands.put("serve", ServeCommand.class);
        commands.put("passwd", PasswdCommand.class);
        commands.put("user", UserCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(commands);
    }

    /**
     * The command line for {@code kith}, with its converters and one-line error handling. Only the
     * subcommand named in {@code args} is built (picocli reads every annotated class it is given, which
     * costs a CLI start dearly); with no known subcommand, all are, for help and error messages.
     */
    public static CommandLine create(Clock clock, Map<String, String> env, BufferedReader stdin, String... args) {
        KithCommand root = new KithCommand(clock, env, stdin);
        CommandLine commandLine = new CommandLine(root);
        String wanted = subcommandName(args);
        COMMANDS.forEach((name, type) -> {
            if (wanted == null || wanted.equals(name)) {
                commandLine.addSubcommand(name, type);
            }
        });
        Converters.register(commandLine);
        Errors.install(commandLine, root);
        return commandLine;
    }

    /**
     * The subcommand of {@code kith} by that name, built now if {@link #create} did not (it builds only the one it took
     * {@code args} to name); null if there is no such command.
     */
    static CommandLine subcommand(CommandLine root, String name) {
        CommandLine built = root.getSubcommands().get(name);
        if (built == null && COMMANDS.containsKey(name)) {
            root.addSubcommand(name, COMMANDS.get(name));
            built = root.getSubcommands().get(name);
        }
        return built;
    }

    private static String subcommandName(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (OPTIONS_WITH_VALUES.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return COMMANDS.containsKey(arg) && !arg.equals("help") ? arg : null;
            }
        }
        return null;
    }

    /** Runs {@code kith} with arguments and returns the exit code, closing the database afterwards. */
    public static int run(Clock clock, Map<String, String> env, BufferedReader stdin, PrintWriter out, PrintWriter err,
                          String... args) {
        CommandLine commandLine = create(clock, env, stdin, args);
        commandLine.setOut(new PrintWriter(new TerminalWriter(out), true));
        // Errors too: one may quote what was given (a file's cell, a name) with an escape sequence in it.
        commandLine.setErr(new PrintWriter(new TerminalWriter(err), true));
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // Most likely a very large file to import: one clear line, as for any other failure. An import writes
            // in one transaction, rolled back when it fails, so its data is as it was.
            err.println("kith: Java ran out of memory (at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB here) and the command stopped (an import adds nothing unless it completes): give it more,"
                    + " as KITH_JAVA_OPTS=-Xmx4g, or split a large file");
            return Errors.FAILED;
        } finally {
            ((KithCommand) commandLine.getCommand()).close();
            out.flush();
            err.flush();
        }
    }

    /** The Kith of a one-shot command. */
    Kith kith() {
        return kith(false);
    }

    /** The Kith this command works on, opened on first use; a server wants a connection pool. */
    Kith kith(boolean pooled) {
        if (kith == null) {
            kith = Kith.open(config(), clock, pooled);
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

    /**
     * The first line of standard input, for passwords given with --password-stdin (never as an argument);
     * {@code command} is the command as the user would pipe into it, for the message when there is none.
     */
    String readSecret(String command) {
        try {
            String line = stdin.readLine();
            if (line == null || line.isEmpty()) {
                throw new KithException("no password on standard input: pipe it in, e.g. printf '%s\\n' \"$PASSWORD\" | " + command);
            }
            return line;
        } catch (IOException e) {
            throw new KithException("cannot read standard input: " + e.getMessage());
        }
    }

    Clock clock() {
        return clock;
    }

    /**
     * The date it is now for the acting account: in its profile's time zone, else in the machine's, as on the web's
     * Today; read once per command, so a command running past midnight keeps one date.
     */
    LocalDate today() {
        if (today == null) {
            today = kith().agenda().todayFor(userId());
        }
        return today;
    }

    /** A DATE option's date ({@code today} and the like counted from {@link #today}), or null when none was given. */
    LocalDate date(Day day) {
        return day == null ? null : day.on(today());
    }

    boolean debug() {
        return debug;
    }

    KithConfig config() {
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
