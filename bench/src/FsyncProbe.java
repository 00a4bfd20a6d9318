import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * How long the disk under the data takes to make a small write durable: the reference for logging a touch, whose
 * answer waits for its commit to reach the disk (synchronous=FULL). Appends 4 KiB and forces it to disk, over and over
 * for the given seconds, in a file beside the database, alone on the machine; prints {@code PREFIX.*} lines.
 *
 * <p>Usage: {@code java FsyncProbe DIR SECONDS PREFIX}
 */
public final class FsyncProbe {
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]).resolve("fsync-probe.tmp");
        long seconds = Long.parseLong(args[1]);
        String prefix = args[2];
        double[] millis = new double[1 << 16];
        int count = 0;
        ByteBuffer block = ByteBuffer.allocate(4096);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                block.clear();
                channel.write(block);
                long start = System.nanoTime();
                channel.force(false);
                if (count == millis.length) {
                    millis = Arrays.copyOf(millis, count * 2);
                }
                millis[count++] = (System.nanoTime() - start) / 1e6;
                if (channel.size() > (64 << 20)) {
                    channel.truncate(0);
                    channel.position(0);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        double[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        long over20 = Arrays.stream(sorted).filter(ms -> ms >= 20).count();
        System.out.printf("%s.count=%d%n", prefix, count);
        System.out.printf("%s.p50_ms=%.2f%n", prefix, sorted[count / 2]);
        System.out.printf("%s.p99_ms=%.2f%n", prefix, sorted[(int) (count * 0.99)]);
        System.out.printf("%s.p999_ms=%.2f%n", prefix, sorted[(int) (count * 0.999)]);
        System.out.printf("%s.max_ms=%.2f%n", prefix, sorted[count - 1]);
        System.out.printf("%s.over_20ms=%d%n", prefix, over20);
    }
}
