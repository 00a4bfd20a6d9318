package app.kith.cli;

import app.kith.shared.KithException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a restore and a server apart on one data directory, across processes: each {@code kith serve} holds a shared
 * lock on the file {@value #FILE} there while it runs, and {@code kith restore} an exclusive one while it restores, so
 * a restore does not start under a running server and a server does not start during a restore. The operating system
 * lets a lock go when its process ends, however it ends; the file stays, empty.
 *
 * <p>Meant across processes, as a server and a command run: within one process, closing any channel on the file may
 * let the process's locks on it go (POSIX locks are per process), and a lock this process holds already reads as taken.
 */
final class ServeLock implements AutoCloseable {
    static final String FILE = "serve.lock";
    private final FileChannel channel;

    private ServeLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * A server's lock, held until closed; null if the file cannot be made (a folder it may not write in): the server
     * runs all the same, unguarded. Refused while a restore runs on the directory.
     */
    static ServeLock serve(Path dataDir) {
        ServeLock lock = take(dataDir, true);
        if (lock == TAKEN) {
            throw new KithException("kith restore is running on " + dataDir + ": wait for it to end, then start kith serve");
        }
        return lock;
    }

    /** A restore's lock, held until closed; null as for {@link #serve}. Refused while a server (or another restore) runs. */
    static ServeLock restore(Path dataDir) {
        ServeLock lock = take(dataDir, false);
        if (lock == TAKEN) {
            throw new KithException("kith serve (or another restore) is running on " + dataDir + ": stop it first, then restore"
                    + " (a server would go on with what it holds in memory of the data replaced, such as who is signed in);"
                    + " nothing was restored");
        }
        return lock;
    }

    /** Stands for a lock another holds. */
    private static final ServeLock TAKEN = new ServeLock(null);

    private static ServeLock take(Path dataDir, boolean shared) {
        FileChannel channel;
        try {
            channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return null;
        }
        try {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            if (lock != null) {
                return new ServeLock(channel);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            return null;
        } catch (OverlappingFileLockException e) {
            // Held by this process already: taken, as for another's.
        }
        closeQuietly(channel);
        return TAKEN;
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
