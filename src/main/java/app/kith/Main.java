package app.kith;

import app.kith.cli.KithCommand;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Starts Kith from the command line: {@code kith [OPTIONS] COMMAND}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        WarmUp.start();
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.exit(KithCommand.run(new WarmUp.MachineClock(), System.getenv(), stdin, out, err, args));
    }
}
