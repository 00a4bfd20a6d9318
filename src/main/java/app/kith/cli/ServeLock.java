package app.kith.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tells a command that must not run beside a server (a restore) that {@code kith serve} runs on the same data
 * directory: each server holds a shared lock on the file {@value #FILE} in it while it runs, and the operating system
 * lets the lock go when the process ends, however it ends. The file stays, empty.
 *
 * <p>Meant across processes, as a server and a command run: within one process, closing any channel on the file may
 * let the process's locks on it go (POSIX locks are per process), so a process that serves never asks.
 */
final class ServeLock implements AutoCloseable {
    static final String FILE = "serve.lock";
    private final FileChannel channel;

    private ServeLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Holds the lock for a server until closed; null if it cannot be (a folder it may not write in): the server runs all the same. */
    static ServeLock hold(Path dataDir) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.lock(0, Long.MAX_VALUE, true);
            return new ServeLock(channel);
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            return null;
        }
    }

    /** Whether a server holds the lock. False when it cannot be told (no such file, one that cannot be opened). */
    static boolean held(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, false);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Closing lets the lock go, or the process's end does.
        }
    }
}
