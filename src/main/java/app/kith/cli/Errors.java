package app.kith.cli;

import app.kith.shared.KithException;
import app.kith.shared.UsageException;
import app.kith.storage.DatabaseFailures;
import picocli.CommandLine;

import java.io.PrintWriter;

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
            failed.getErr().println("kith: " + error.getMessage() + " (see '" + help + " --help')");
            if (root.debug()) {
                error.printStackTrace(failed.getErr());
            }
            return USAGE;
        });
    }
}
