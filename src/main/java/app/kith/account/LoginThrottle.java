package app.kith.account;

import app.kith.shared.PlainText;
import app.kith.storage.Database;
import app.kith.storage.Dialect;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Slows password guessing: too many failed logins for one account, or from one address, lock it for a while. */
public final class LoginThrottle {
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Keys longer than this are cut: a client may send anything as a username. */
    private static final int MAX_KEY = 200;
    /** The first key of the PostgreSQL advisory locks taken on a username and a client ("KITH"). */
    private static final int LOCK_SPACE = 0x4B495448;
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
            long until = Math.max(unlocksAt(handle, NEWEST_BY_ACCOUNT, account(handle, username), since),
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

    /** A password about to be checked: refused for a while ({@code lockedFor}), or counted as failed in advance (row {@code failureId}). */
    public record Attempt(long failureId, Optional<Duration> lockedFor) {
    }

    /**
     * Starts a password check for this username and client: locked if either has failed too often, else counted as
     * a failure from now on, in the same transaction as the look at the count. Checked and counted apart, guesses
     * sent at once all passed the check while the slow hash ran, and the limit let three times as many through.
     * {@link #succeeded} takes the count back when the password was right.
     */
    public Attempt begin(String username, String client) {
        long now = clock.millis();
        String address = address(client);
        return database.inTransaction(handle -> {
            String account = account(handle, username);
            if (database.dialect() == Dialect.POSTGRESQL) {
                // SQLite's write transactions already run one at a time; PostgreSQL's need a lock on each key.
                List<Integer> keys = Stream.of("account:" + account, "client:" + address).map(String::hashCode).sorted().toList();
                for (int key : keys) {
                    handle.createQuery("SELECT pg_advisory_xact_lock(:space, :key)::text")
                            .bind("space", LOCK_SPACE)
                            .bind("key", key)
                            .mapTo(String.class)
                            .one();
                }
            }
            long since = now - WINDOW.toMillis();
            long until = Math.max(unlocksAt(handle, NEWEST_BY_ACCOUNT, account, since), unlocksAt(handle, NEWEST_BY_CLIENT, address, since));
            if (until > now) {
                return new Attempt(0, Optional.of(Duration.ofMillis(until - now)));
            }
            return new Attempt(insertFailure(handle, account, address, now), Optional.empty());
        });
    }

    /** The password of an attempt was right: it no longer counts as a failure. */
    public void succeeded(Attempt attempt) {
        database.useTransaction(handle -> handle.createUpdate("DELETE FROM login_failures WHERE id = :id")
                .bind("id", attempt.failureId())
                .execute());
    }

    /**
     * Counts a failed login against the username (in any case) and the client; failures past the window are dropped.
     * The doors count through {@link #begin}; this sets up a history of failures (tests).
     */
    void recordFailure(String username, String client) {
        long now = clock.millis();
        database.useTransaction(handle -> insertFailure(handle, account(handle, username), address(client), now));
    }

    private static long insertFailure(Handle handle, String account, String address, long now) {
        handle.createUpdate("DELETE FROM login_failures WHERE at <= :before")
                .bind("before", now - WINDOW.toMillis())
                .execute();
        return handle.createQuery("INSERT INTO login_failures (username, client, at) VALUES (:username, :client, :at) RETURNING id")
                .bind("username", account)
                .bind("client", address)
                .bind("at", now)
                .mapTo(Long.class)
                .one();
    }

    /** "1 minute", "15 minutes": a wait rounded up to whole minutes, for "try again in ...". */
    public static String minutesText(Duration wait) {
        long minutes = Math.max(1, (wait.toMillis() + 59_999) / 60_000);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    /**
     * The key of the account a sign-in names: the account's own name when the name given finds one, else the name as
     * it is compared ({@link AccountService#normal}), without controls. Every spelling that signs in to an account
     * counts against it: the database folds case its own way (PostgreSQL's lower() takes MİKA for mika, where Java's
     * toLowerCase keeps the dot), and a key made from the spelling gave each spelling ten more guesses.
     */
    private static String account(Handle handle, String username) {
        String given = username == null ? "" : username;
        String name = AccountService.find(handle, given).map(Account::username).orElse(given);
        return capped(PlainText.withoutControls(AccountService.normal(name)).toLowerCase(Locale.ROOT));
    }

    private static String address(String client) {
        return capped(client == null ? "" : PlainText.withoutControls(client.trim()));
    }

    private static String capped(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }
}
