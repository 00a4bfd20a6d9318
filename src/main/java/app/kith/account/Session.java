package app.kith.account;

import java.time.Instant;

/** A signed-in browser: whose it is, the token its forms must echo, and when it lapses unless used again. */
public record Session(long userId, String csrfToken, boolean remember, Instant expiresAt) {
}
