import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times whole commands (start-up included) when hyperfine is not installed: warm-up runs, then the commands in
 * turn, round-robin, so each sees the same machine noise. Output goes to a discarded stream, like hyperfine's.
 *
 * <p>Usage: {@code LaunchTimer WARMUP RUNS NAME 'COMMAND ...' [NAME 'COMMAND ...' ...]} (commands are split on spaces).
 * Prints {@code startup.NAME.mean_ms=}, {@code .median_ms=}, {@code .min_ms=}, {@code .max_ms=} and {@code .runs=}.
 */
public final class LaunchTimer {
    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        List<String> names = new ArrayList<>();
        List<List<String>> commands = new ArrayList<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            names.add(args[i]);
            commands.add(Arrays.asList(args[i + 1].trim().split("\\s+")));
        }
        for (int w = 0; w < warmup; w++) {
            for (List<String> command : commands) {
                time(command);
            }
        }
        double[][] times = new double[commands.size()][runs];
        for (int r = 0; r < runs; r++) {
            for (int c = 0; c < commands.size(); c++) {
                times[c][r] = time(commands.get(c));
            }
        }
        for (int c = 0; c < commands.size(); c++) {
            double[] t = times[c].clone();
            Arrays.sort(t);
            String key = "startup." + names.get(c);
            System.out.printf("%s.mean_ms=%.1f%n", key, Arrays.stream(t).average().orElse(0));
            System.out.printf("%s.median_ms=%.1f%n", key, t[t.length / 2]);
            System.out.printf("%s.min_ms=%.1f%n", key, t[0]);
            System.out.printf("%s.max_ms=%.1f%n", key, t[t.length - 1]);
            System.out.printf("%s.runs=%d%n", key, t.length);
        }
    }

    private static double time(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(new File("/dev/null"));
        long start = System.nanoTime();
        Process process = builder.start();
        int code = process.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (code != 0) {
            System.err.println("LaunchTimer: " + String.join(" ", command) + " exited with " + code + " (timed anyway)");
        }
        return ms;
    }
}
