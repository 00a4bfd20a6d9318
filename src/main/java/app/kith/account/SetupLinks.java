package app.kith.account;

import app.kith.shared.NotFoundException;
import app.kith.storage.Database;

import java.time.Clock;
import java.util.Optional;

/** One-time links through which a new user (or one who forgot it) sets a password, without anyone else knowing it. */
public final class SetupLinks {
    private final Database database;
    private final Passwords passwords;
    private final Clock clock;

    public SetupLinks(Database database, Passwords passwords, Clock clock) {
        this.database = database;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * A new secret token for the user's setup link, valid until a password is set. An earlier link of theirs still
     * works: another instance of {@code serve} on the same database printed it, and may be the one the user opens.
     */
    public String create(long userId) {
        String token = Tokens.random();
        database.useTransaction(handle -> {
            int users = handle.createQuery("SELECT count(*) FROM users WHERE id = :userId")
                    .bind("userId", userId)
                    .mapTo(Integer.class)
                    .one();
            if (users == 0) {
                throw new NotFoundException("there is no account with id " + userId);
            }
            handle.createUpdate("INSERT INTO setup_tokens (token_hash, user_id, created_at) VALUES (:tokenHash, :userId, :now)")
                    .bind("tokenHash", Tokens.sha256(token))
                    .bind("userId", userId)
                    .bind("now", clock.millis())
                    .execute();
        });
        return token;
    }

    /** The user a setup token is for; empty if it is unknown or already used. */
    public Optional<Long> userFor(String token) {
        if (!Tokens.plausible(token)) {
            return Optional.empty();
        }
        return database.withHandle(handle -> handle.createQuery("SELECT user_id FROM setup_tokens WHERE token_hash = :tokenHash")
                .bind("tokenHash", Tokens.sha256(token))
                .mapTo(Long.class)
                .findOne());
    }

    /** Sets the user's password (ending their sessions) and spends the token, both or neither. */
    public void use(String token, String password) {
        // Checked before hashing, so a bad token costs no Argon2 work.
        if (userFor(token).isEmpty()) {
            throw usedOrUnknown();
        }
        String phc = passwords.hash(password);
        database.useTransaction(handle -> {
            long userId = handle.createQuery("DELETE FROM setup_tokens WHERE token_hash = :tokenHash RETURNING user_id")
                    .bind("tokenHash", Tokens.sha256(token))
                    .mapTo(Long.class)
                    .findOne()
                    // Another request used the same link a moment ago.
                    .orElseThrow(SetupLinks::usedOrUnknown);
            AccountService.storePassword(handle, userId, phc);
        });
    }

    /** Said of a link that was used, revoked by a password set since, or never made. */
    public static NotFoundException usedOrUnknown() {
        return new NotFoundException("this setup link has been used or is no longer valid: sign in, or set the password"
                + " from the terminal with 'kith passwd --password-stdin'");
    }
}
