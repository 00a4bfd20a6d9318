package app.kith.account;

import app.kith.storage.Database;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static app.kith.storage.Columns.text;

/**
 * Browser sessions kept in the database, so any instance can serve any request; they lapse when left idle.
 *
 * <p>A session found is trusted for {@link #REMEMBER_FOR} without reading it again, so that the requests of a page
 * (and of a busy server) do not each read it. Whatever ends sessions in this process (signing out, a new password,
 * ending all of an account's sessions, removing the account) makes every instance here forget the ones it
 * remembers, so that takes effect at once. A session ended by another process (another instance, a CLI command)
 * may still be honoured for up to {@link #REMEMBER_FOR} by an instance that had just read it.
 */
public final class SessionService {
    /** How long a session lasts unused: a fortnight when the user asked to be remembered, else a working day. */
    public static final Duration REMEMBERED_IDLE = Duration.ofDays(14);
    static final Duration IDLE = Duration.ofHours(12);
    /** A session used again within this time is not written again: one write a minute at most, not one a request. */
    static final Duration REFRESH_AFTER = Duration.ofMinutes(1);
    /** How long a session read from the database is trusted without reading it again. */
    static final Duration REMEMBER_FOR = Duration.ofSeconds(2);
    private static final int MAX_REMEMBERED = 10_000;
    /** Counts the times sessions were ended in this process: one remembered from before the latest is not trusted. */
    private static final ChangeCounter ENDINGS = new ChangeCounter();

    private final Database database;
    private final Clock clock;
    /** Sessions recently read, by the hash of their id. */
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    public SessionService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Starts a session for a user who has just signed in; lapsed sessions of anyone are cleared on the way. */
    public NewSession start(long userId, boolean remember) {
        String id = Tokens.random();
        long now = clock.millis();
        Session session = new Session(userId, Tokens.random(), remember, Instant.ofEpochMilli(now + idle(remember).toMillis()));
        database.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM sessions WHERE expires_at <= :now").bind("now", now).execute();
            handle.createUpdate("""
                            INSERT INTO sessions (id_hash, user_id, csrf_token, remember, created_at, last_seen_at, expires_at)
                            VALUES (:idHash, :userId, :csrfToken, :remember, :now, :now, :expiresAt)
                            """)
                    .bind("idHash", Tokens.sha256(id))
                    .bind("userId", userId)
                    .bind("csrfToken", session.csrfToken())
                    .bind("remember", remember)
                    .bind("now", now)
                    .bind("expiresAt", session.expiresAt().toEpochMilli())
                    .execute();
        });
        return new NewSession(id, session);
    }

    /** The live session with this id, its idle time restarted; empty for an unknown, ended or lapsed one. */
    public Optional<Session> find(String id) {
        if (!Tokens.plausible(id)) {
            return Optional.empty();
        }
        String idHash = Tokens.sha256(id);
        long now = clock.millis();
        Remembered remembered = recent.get(idHash);
        if (remembered != null && remembered.trusted(now)) {
            return Optional.of(remembered.stored().session());
        }
        long endings = ENDINGS.current();
        Optional<Stored> live = read(id, idHash, now);
        if (live.isPresent()) {
            if (recent.size() >= MAX_REMEMBERED) {
                recent.clear();
            }
            recent.put(idHash, new Remembered(live.get(), endings, now));
        } else {
            recent.remove(idHash);
        }
        return live.map(Stored::session);
    }

    /**
     * The session as the database holds it now, not as remembered: for a request that failed, which may have been
     * honoured on a session another process ended (or whose account it removed) a moment ago.
     */
    public Optional<Session> findAfresh(String id) {
        if (Tokens.plausible(id)) {
            recent.remove(Tokens.sha256(id));
        }
        return find(id);
    }

    /** Reads a session from the database, refreshing its idle time at most once a minute; as now stored. */
    private Optional<Stored> read(String id, String idHash, long now) {
        Optional<Stored> found = database.withHandle(handle -> handle.createQuery("""
                        SELECT user_id, csrf_token, remember, last_seen_at, expires_at FROM sessions WHERE id_hash = :idHash
                        """)
                .bind("idHash", idHash)
                .map((rows, context) -> new Stored(new Session(rows.getLong("user_id"), text(rows, "csrf_token"),
                        rows.getBoolean("remember"), Instant.ofEpochMilli(rows.getLong("expires_at"))),
                        rows.getLong("last_seen_at")))
                .findOne());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get().session();
        if (now >= session.expiresAt().toEpochMilli()) {
            end(id);
            return Optional.empty();
        }
        if (now - found.get().lastSeenAt() < REFRESH_AFTER.toMillis()) {
            return found;
        }
        Instant expiresAt = Instant.ofEpochMilli(now + idle(session.remember()).toMillis());
        database.useTransaction(handle -> handle.createUpdate("""
                        UPDATE sessions SET last_seen_at = :now, expires_at = :expiresAt WHERE id_hash = :idHash
                        """)
                .bind("now", now)
                .bind("expiresAt", expiresAt.toEpochMilli())
                .bind("idHash", idHash)
                .execute());
        return Optional.of(new Stored(new Session(session.userId(), session.csrfToken(), session.remember(), expiresAt), now));
    }

    /** Ends one session (signing out); an unknown id is ignored. */
    public void end(String id) {
        if (Tokens.plausible(id)) {
            database.useTransaction(handle -> {
                handle.createUpdate("DELETE FROM sessions WHERE id_hash = :idHash")
                        .bind("idHash", Tokens.sha256(id))
                        .execute();
                forgetRemembered(handle);
            });
        }
    }

    /** Ends every session of a user, on every device. */
    public void endAll(long userId) {
        database.useTransaction(handle -> endAll(handle, userId));
    }

    static void endAll(Handle handle, long userId) {
        handle.createUpdate("DELETE FROM sessions WHERE user_id = :userId").bind("userId", userId).execute();
        forgetRemembered(handle);
    }

    /**
     * Stops every instance of this class in the process trusting the sessions it remembers, once the work on this
     * handle that ended some is committed (a look-up between the delete and the commit may still find them).
     */
    public static void forgetRemembered(Handle handle) {
        ENDINGS.changed(handle);
    }

    private static Duration idle(boolean remember) {
        return remember ? REMEMBERED_IDLE : IDLE;
    }

    /** A session row with the moment it was last refreshed. */
    private record Stored(Session session, long lastSeenAt) {
    }

    /** A session as read at {@code readAt}, when this process had ended sessions {@code endings} times. */
    private record Remembered(Stored stored, long endings, long readAt) {
        /** Still to be trusted: read recently, nothing ended here since, not lapsed, and not due for its refresh. */
        boolean trusted(long now) {
            return endings == ENDINGS.current() && now - readAt < REMEMBER_FOR.toMillis()
                    && now < stored.session().expiresAt().toEpochMilli()
                    && now - stored.lastSeenAt() < REFRESH_AFTER.toMillis();
        }
    }
}
