package app.kith.account;

import app.kith.shared.KithException;
import app.kith.shared.PlainText;
import app.kith.shared.TaskFailures;
import app.kith.shared.ValidationException;
import com.password4j.Argon2Function;
import com.password4j.BadParametersException;
import com.password4j.types.Argon2;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Hashes and checks passwords with Argon2id, a few at a time, so that a flood of logins cannot starve the server. */
public final class Passwords implements AutoCloseable {
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 256;
    /** OWASP's Argon2id parameters: 19 MiB, 2 iterations, 1 lane; a 32-byte hash from a 16-byte salt. */
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final int THREADS = 2;
    private static final int QUEUE = 32;
    /** The hash of a random password nobody knows, checked when there is no real hash so that a miss takes as long as a hit. */
    static final String DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$BLyoHDtbAMhw5fOzk5OqMw$mi0/wC/KOECsCBWFHht2BchEbXGe7QhcqBmPQDv6cko";

    /** Made on first use: setting up the security providers costs a one-shot command that hashes nothing. */
    private static final class Salts {
        static final SecureRandom RANDOM = new SecureRandom();

        private Salts() {
        }
    }

    private final ThreadPoolExecutor pool;

    /** Two hashing threads and room for 32 waiting requests: beyond that, callers are told the server is busy. */
    public Passwords() {
        this(THREADS, QUEUE);
    }

    Passwords(int threads, int queue) {
        AtomicInteger made = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), work -> {
            Thread thread = new Thread(work, "kith-passwords-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Idle threads end, so an instance nobody closes (a CLI command, a test) leaves nothing running.
        pool.allowCoreThreadTimeOut(true);
    }

    /** The PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) of a password of 8 to 256 characters. */
    public String hash(String password) {
        byte[] plain = valid(password).getBytes(StandardCharsets.UTF_8);
        byte[] salt = new byte[SALT_BYTES];
        Salts.RANDOM.nextBytes(salt);
        return inPool(() -> Owasp.ARGON2.hash(plain, salt).getResult());
    }

    /** Whether a password matches a PHC string made by {@link #hash}; false for a malformed hash. */
    public boolean verify(String password, String phc) {
        if (password == null || phc == null) {
            return false;
        }
        String normal = normalize(password);
        if (length(normal) > MAX_LENGTH) {
            return false;
        }
        return inPool(() -> {
            try {
                return Argon2Function.getInstanceFromHash(phc).check(normal, phc);
            } catch (BadParametersException malformed) {
                return false;
            }
        });
    }

    /**
     * Throws, saying why, if {@code password} breaks the rule (8 to 256 characters, not all spaces); for a form to say so
     * beside its field.
     */
    static void check(String password) {
        valid(password);
    }

    private static String valid(String password) {
        String normal = normalize(password == null ? "" : password);
        int length = length(normal);
        if (length < MIN_LENGTH) {
            throw new ValidationException("the password is too short: use at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new ValidationException("the password is too long: use at most " + MAX_LENGTH + " characters, not " + length);
        }
        // Spaces are welcome in a passphrase, but a password of nothing else is a blank pasted or a key held down.
        if (PlainText.invisible(normal)) {
            throw new ValidationException("the password is only spaces or characters that show nothing: use some letters, digits or signs too");
        }
        return normal;
    }

    /** NFKC, so the same password typed on another keyboard or device still matches (as NIST SP 800-63B advises). */
    private static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Runs work on the pool's threads and waits for it; a full queue fails at once rather than piling up. */
    <T> T inPool(Callable<T> work) {
        Future<T> result;
        try {
            result = pool.submit(work);
        } catch (RejectedExecutionException full) {
            if (pool.isShutdown()) {
                throw new IllegalStateException("passwords are no longer checked: Kith is closing", full);
            }
            throw new KithException("the server is busy: try again in a moment");
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new KithException("interrupted while checking a password", e);
        } catch (ExecutionException e) {
            throw TaskFailures.unwrapped(e);
        }
    }

    /** How many requests wait for a hashing thread (for tests). */
    int waiting() {
        return pool.getQueue().size();
    }

    /**
     * Builds the hashing function now rather than at the first sign-in: a server calls it as it starts. Building one,
     * password4j registers a shutdown hook (to end its threads), which Java refuses once a stop began: a first sign-in
     * still in flight when SIGTERM came was answered 500 ("Shutdown in progress").
     */
    public void prepare() {
        Objects.requireNonNull(Owasp.ARGON2);
    }

    @Override
    public void close() {
        pool.shutdown();
    }

    /** Built on first use: a CLI command that checks no password does not pay for loading and sizing Argon2. */
    private static final class Owasp {
        static final Argon2Function ARGON2 = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);
    }
}
