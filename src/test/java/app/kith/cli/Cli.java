package app.kith.cli;

import app.kith.storage.TestDatabase;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Runs {@code kith} commands in-process against a test database with a fixed clock, capturing output and exit code. */
final class Cli {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);

    private final TestDatabase database;
    private final Clock clock;

    Cli(TestDatabase database) {
        this(database, CLOCK);
    }

    Cli(TestDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    record Result(int exitCode, String out, String err) {
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs a command with the given text on its standard input. */
    Result runWithInput(String stdin, String... args) {
        List<String> all = new ArrayList<>();
        Collections.addAll(all, database.flags());
        Collections.addAll(all, args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KithCommand.run(clock, Map.of("USER", "ada"), new BufferedReader(new StringReader(stdin)),
                new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs a command that must succeed and returns its output. */
    String ok(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("kith " + String.join(" ", args) + " exited " + result.exitCode() + ": " + result.err());
        }
        return result.out();
    }
}
