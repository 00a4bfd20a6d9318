package app.kith.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kith passwd --password-stdin}: sets the acting account's password (and signs it out everywhere). */
@Command(name = "passwd", description = "Set the password of your account (or of --user NAME), read from standard input.")
final class PasswdCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Option(names = "--password-stdin", required = true, description = "Read the password from the first line of standard input.")
    boolean fromStdin;

    @Override
    public Integer call() {
        long userId = root.userId();
        root.kith().accounts().setPassword(userId, root.readSecret("kith passwd --password-stdin"));
        spec.commandLine().getOut().println("Password set for " + root.kith().accounts().get(userId).username()
                + "; every session of that account has been signed out.");
        return 0;
    }
}
