package app.kith.cli;

import app.kith.shared.KithException;
import app.kith.shared.Quoted;
import app.kith.shared.UsageException;
import app.kith.storage.DatabaseFailures;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** One clear line on stderr for every error: exit 1 for a failed action, 2 for a usage error; stack traces only with --debug. */
final class Errors {
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Errors() {
    }

    static void install(CommandLine commandLine, KithCommand root) {
        commandLine.setExecutionExceptionHandler((error, failed, parseResult) -> {
            PrintWriter err = failed.getErr();
            if (error instanceof KithException) {
                err.println("kith: " + error.getMessage());
            } else {
                // Never the error's own text: a driver's names Java classes and repeats the statement with its data.
                err.println("kith: " + DatabaseFailures.explain(error).orElse("something went wrong ("
                        + error.getClass().getSimpleName() + "); run again with --debug for details"));
            }
            if (root.debug()) {
                error.printStackTrace(err);
            }
            return error instanceof UsageException ? USAGE : FAILED;
        });
        commandLine.setParameterExceptionHandler((error, args) -> {
            CommandLine failed = error.getCommandLine();
            String help = failed.getCommandSpec().qualifiedName();
            String said = said(error);
            Misplaced misplaced = Misplaced.of(error, args);
            if (misplaced != null) {
                help = misplaced.command().getCommandSpec().qualifiedName();
                said = misplaced.said();
            }
            failed.getErr().println("kith: " + said + " (see '" + help + " --help')");
            if (root.debug()) {
                error.printStackTrace(failed.getErr());
            }
            return USAGE;
        });
    }

    /**
     * Whether a word mistyped is close enough to one Kith knows to suggest it: a letter or two off (picocli suggests
     * the likeliest of all, even for a word like none of them).
     */
    private static boolean close(String typed, String known) {
        String a = typed.toLowerCase(Locale.ROOT);
        String b = known.toLowerCase(Locale.ROOT);
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int swap = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + swap);
            }
            int[] kept = previous;
            previous = current;
            current = kept;
        }
        return previous[b.length()] <= Math.max(2, b.length() / 3);
    }

    /**
     * An option of a command given before it, among the options of {@code kith} itself ({@code kith --json me}),
     * which picocli calls unknown, or takes the option's value for the command ({@code kith --on today log grace}),
     * or reports as the command's first missing part: said where it goes instead, whatever picocli made of it.
     */
    private record Misplaced(CommandLine command, CommandLine.Model.OptionSpec option) {
        static Misplaced of(CommandLine.ParameterException error, String[] args) {
            CommandLine root = error.getCommandLine();
            while (root.getParent() != null) {
                root = root.getParent();
            }
            // Past kith's own options (and their values) to the first that is not one of them, before any command.
            for (int at = 0; at < args.length && args[at].startsWith("-") && !args[at].equals("--"); at++) {
                String given = args[at];
                String name = given.split("=", 2)[0];
                boolean valueGiven = given.contains("=");
                CommandLine.Model.OptionSpec own = root.getCommandSpec().findOption(name);
                if (own != null) {
                    at += own.arity().max() > 0 && !valueGiven ? 1 : 0;
                    continue;
                }
                // The command comes right after the option, or after its value when that is the next word.
                for (int next = at + 1; next <= at + 2 && next < args.length; next++) {
                    CommandLine command = KithCommand.subcommand(root, args[next]);
                    CommandLine.Model.OptionSpec option = command == null ? null : command.getCommandSpec().findOption(name);
                    boolean takesValue = option != null && option.arity().max() > 0;
                    if (option != null && (next == at + 1 ? valueGiven || !takesValue : !valueGiven && takesValue)) {
                        return new Misplaced(command, option);
                    }
                }
                return null;
            }
            return null;
        }

        String said() {
            String example = command.getCommandSpec().qualifiedName() + " " + option.longestName() + (option.arity().max() > 0 ? " ..." : "");
            return Quoted.of(option.longestName()) + " is an option of '" + command.getCommandName() + "': give it after the command, as in '" + example + "'";
        }
    }

    /** picocli's words for a usage error, with what to do where it gives none. */
    private static String said(CommandLine.ParameterException error) {
        String message = String.valueOf(error.getMessage());
        // Some of picocli's messages start with its own "Error: ", after Kith's "kith: ".
        if (message.startsWith("Error: ")) {
            message = message.substring("Error: ".length());
        }
        if (message.startsWith("Missing required subcommand")) {
            return "give a command, such as today, add, log, import or serve";
        }
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> words = unmatched.getUnmatched();
            String closest = words.isEmpty() ? null : unmatched.getSuggestions().stream()
                    .filter(suggestion -> close(words.get(0), suggestion)).findFirst().orElse(null);
            if (error.getCommandLine().getParent() == null && !words.isEmpty() && !words.get(0).startsWith("-")) {
                return Quoted.of(words.get(0)) + " is not a command" + (closest == null ? "" : ": did you mean '" + closest + "'?");
            }
            return closest == null ? message : message + ": did you mean '" + closest + "'?";
        }
        return message;
    }
}
