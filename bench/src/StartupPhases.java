import app.kith.Kith;
import app.kith.config.KithConfig;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Where a cold start of {@code kith --data DIR today} spends its time, phase by phase, in a fresh JVM (run it once
 * per process; bench/agenda runs it several times and prints medians). Phases are timed from the start of main, so
 * the JVM's own start is not in them: compare with the trivial jar for that.
 *
 * <p>Usage: {@code StartupPhases DIR}. Prints one line: {@code phases cli=.. open=.. account=.. agenda=.. total=..} (ms).
 */
public final class StartupPhases {
    public static void main(String[] args) {
        // t0 is the start of main; everything below is what the product does on a cold start.
        long t0 = System.nanoTime();
        Path dir = Path.of(args[0]);
        Clock clock = Clock.systemDefaultZone();
        Map<String, String> env = BenchData.cleanEnv();
        String[] cliArgs = {"--data", dir.toString(), "today"};

        // picocli: building the command line for 'today' and parsing the arguments (no database yet).
        // (Reached by reflection: the CLI is young, and a change to it should not stop the benchmark from compiling.)
        Method run = null;
        try {
            Class<?> command = Class.forName("app.kith.cli.KithCommand");
            BufferedReader stdin = new BufferedReader(new StringReader(""));
            Object commandLine = command.getMethod("create", Clock.class, Map.class, BufferedReader.class, String[].class)
                    .invoke(null, clock, env, stdin, cliArgs);
            commandLine.getClass().getMethod("parseArgs", String[].class).invoke(commandLine, (Object) cliArgs);
            run = command.getMethod("run", Clock.class, Map.class, BufferedReader.class, PrintWriter.class, PrintWriter.class,
                    String[].class);
        } catch (ReflectiveOperationException e) {
            System.err.println("StartupPhases: the CLI's KithCommand.create/run are not there as expected: " + e);
        }
        long t1 = System.nanoTime();
        // Opening: SQLite's native library, the connection pool, the schema check, JDBI.
        Kith kith = Kith.open(KithConfig.resolve(dir, null, null, false, env), clock);
        long t2 = System.nanoTime();
        // The first query through JDBI: the owner's account.
        long userId = kith.accounts().actingAccount(null, "bench").id();
        long t3 = System.nanoTime();
        // The agenda itself, cold.
        int shown = kith.agenda().day(userId, LocalDate.now(clock)).due().size();
        long t4 = System.nanoTime();
        kith.close();
        long t5 = System.nanoTime();
        // What the whole command does, once more in the same JVM: how much of the cold time was warming up.
        StringWriter sink = new StringWriter();
        if (run != null) {
            try {
                run.invoke(null, clock, env, new BufferedReader(new StringReader("")), new PrintWriter(sink), new PrintWriter(sink), cliArgs);
            } catch (ReflectiveOperationException e) {
                System.err.println("StartupPhases: kith today failed: " + e);
            }
        }
        long t6 = System.nanoTime();
        System.out.printf("phases cli=%.1f open=%.1f account=%.1f agenda=%.1f close=%.1f total=%.1f second_run=%.1f shown=%d%n",
                ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5), ms(t0, t5), ms(t5, t6), shown);
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }
}
