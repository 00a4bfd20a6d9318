package app.kith.cli;

import app.kith.account.Account;
import app.kith.account.AccountService;
import app.kith.shared.KithException;
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
            Account added = parent.root.kith().accounts().createUser(name, parent.root.readSecret("kith user add " + name + " --password-stdin"));
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
    @Command(name = "remove", description = {"Remove an account and all its data.",
            "Without --yes it only says what would go."})
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--yes", description = "Remove it: it cannot be undone.")
        boolean yes;

        @Override
        public Integer call() {
            parent.root.userId();
            AccountService accounts = parent.root.kith().accounts();
            AccountService.Holdings holdings = accounts.holdings(name);
            String what = "the account " + holdings.username() + " with its " + count(holdings.contacts(), "contact") + " and "
                    + count(holdings.interactions(), "interaction");
            if (!yes) {
                throw new KithException("this would remove " + what + "; it cannot be undone: run 'kith user remove "
                        + holdings.username() + " --yes' to do it (a 'kith backup' first keeps a copy)");
            }
            accounts.remove(holdings.username());
            spec.commandLine().getOut().println("Removed " + what + ".");
            return 0;
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }
}
