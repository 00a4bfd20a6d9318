package app.kith.account;

import app.kith.storage.Database;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Slows password guessing: too many failed logins for one account, or from one address, lock it for a while. */
public final class LoginThrottle {
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Keys longer than this are cut: a client may send anything as a username. */
    private static final int MAX_KEY = 200;
    private static final String NEWEST_BY_ACCOUNT = """
            SELECT at FROM login_failures WHERE username = :key AND at > :since ORDER BY at DESC LIMIT 1 OFFSET :skip
            """;
    private static final String NEWEST_BY_CLIENT = """
            SELECT at FROM login_failures WHERE client = :key AND at > :since ORDER BY at DESC LIMIT 1 OFFSET :skip
            """;

    private final Database database;
    private final Clock clock;

    public LoginThrottle(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * How long until this username and this client may try again, if either has failed {@value #MAX_FAILURES}
     * times within the last 15 minutes; empty if a login may be tried now.
     */
    public Optional<Duration> lockedFor(String username, String client) {
        long now = clock.millis();
        long since = now - WINDOW.toMillis();
        return database.withHandle(handle -> {
            long until = Math.max(unlocksAt(handle, NEWEST_BY_ACCOUNT, account(username), since),
                    unlocksAt(handle, NEWEST_BY_CLIENT, address(client), since));
            return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
        });
    }

    /** When the failures counted against one key drop below the limit: the limit-th newest leaves the window; 0 if not locked. */
    private static long unlocksAt(Handle handle, String newestFailures, String key, long since) {
        return handle.createQuery(newestFailures)
                .bind("key", key)
                .bind("since", since)
                .bind("skip", MAX_FAILURES - 1)
                .mapTo(Long.class)
                .findOne()
                .map(at -> at + WINDOW.toMillis())
                .orElse(0L);
    }

    /** Counts a failed login against the username (in any case) and the client; failures past the window are dropped. */
    public void recordFailure(String username, String client) {
        long now = clock.millis();
        database.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM login_failures WHERE at <= :before")
                    .bind("before", now - WINDOW.toMillis())
                    .execute();
            handle.createUpdate("INSERT INTO login_failures (username, client, at) VALUES (:username, :client, :at)")
                    .bind("username", account(username))
                    .bind("client", address(client))
                    .bind("at", now)
                    .execute();
        });
    }

    /** "1 minute", "15 minutes": a wait rounded up to whole minutes, for "try again in ...". */
    public static String minutesText(Duration wait) {
        long minutes = Math.max(1, (wait.toMillis() + 59_999) / 60_000);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static String account(String username) {
        return capped(username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String address(String client) {
        return capped(client == null ? "" : client.trim());
    }

    private static String capped(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }
}
