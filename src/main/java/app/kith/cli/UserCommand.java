package app.kith.cli;

import app.kith.account.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kith user add|list|remove}: manages the accounts of a shared Kith. */
@Command(name = "user", description = "Add, list or remove accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Remove.class})
final class UserCommand {
    @ParentCommand
    KithCommand root;

    /** {@code kith user add NAME --password-stdin}. */
    @Command(name = "add", description = "Add an account, with its password read from standard input.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--password-stdin", required = true, description = "Read the password from the first line of standard input.")
        boolean fromStdin;

        @Override
        public Integer call() {
            parent.root.userId();
            Account added = parent.root.kith().accounts().createUser(name, parent.root.readSecret());
            spec.commandLine().getOut().println("Added the account " + added.username() + ".");
            return 0;
        }
    }

    /** {@code kith user list}. */
    @Command(name = "list", description = "List the accounts.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            parent.root.userId();
            for (Account account : parent.root.kith().accounts().list()) {
                boolean password = parent.root.kith().accounts().hasPassword(account.id());
                spec.commandLine().getOut().println(account.username() + (account.owner() ? " (owner)" : "")
                        + (password ? "" : " (no password yet)"));
            }
            return 0;
        }
    }

    /** {@code kith user remove NAME}. */
    @Command(name = "remove", description = "Remove an account and all its data.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            parent.root.userId();
            parent.root.kith().accounts().remove(name);
            spec.commandLine().getOut().println("Removed the account " + name + " and all its data.");
            return 0;
        }
    }
}
