package app.kith.account;

import app.kith.storage.Database;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Browser sessions kept in the database, so any instance can serve any request; they lapse when left idle. */
public final class SessionService {
    /** How long a session lasts unused: a fortnight when the user asked to be remembered, else a working day. */
    static final Duration REMEMBERED_IDLE = Duration.ofDays(14);
    static final Duration IDLE = Duration.ofHours(12);
    /** A session used again within this time is not written again: one write a minute at most, not one a request. */
    static final Duration REFRESH_AFTER = Duration.ofMinutes(1);

    private final Database database;
    private final Clock clock;

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
        Optional<Stored> found = database.withHandle(handle -> handle.createQuery("""
                        SELECT user_id, csrf_token, remember, last_seen_at, expires_at FROM sessions WHERE id_hash = :idHash
                        """)
                .bind("idHash", idHash)
                .map((rows, context) -> new Stored(new Session(rows.getLong("user_id"), rows.getString("csrf_token"),
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
            return Optional.of(session);
        }
        Instant expiresAt = Instant.ofEpochMilli(now + idle(session.remember()).toMillis());
        database.useTransaction(handle -> handle.createUpdate("""
                        UPDATE sessions SET last_seen_at = :now, expires_at = :expiresAt WHERE id_hash = :idHash
                        """)
                .bind("now", now)
                .bind("expiresAt", expiresAt.toEpochMilli())
                .bind("idHash", idHash)
                .execute());
        return Optional.of(new Session(session.userId(), session.csrfToken(), session.remember(), expiresAt));
    }

    /** Ends one session (signing out); an unknown id is ignored. */
    public void end(String id) {
        if (Tokens.plausible(id)) {
            database.useTransaction(handle -> handle.createUpdate("DELETE FROM sessions WHERE id_hash = :idHash")
                    .bind("idHash", Tokens.sha256(id))
                    .execute());
        }
    }

    /** Ends every session of a user, on every device. */
    public void endAll(long userId) {
        database.useTransaction(handle -> endAll(handle, userId));
    }

    static void endAll(Handle handle, long userId) {
        handle.createUpdate("DELETE FROM sessions WHERE user_id = :userId").bind("userId", userId).execute();
    }

    private static Duration idle(boolean remember) {
        return remember ? REMEMBERED_IDLE : IDLE;
    }

    /** A session row with the moment it was last refreshed. */
    private record Stored(Session session, long lastSeenAt) {
    }
}
