package app.kith.account;

/** A session just started: the secret id for the cookie (shown this once, stored only as a hash) and the session. */
public record NewSession(String id, Session session) {
    /** Leaves the id out, so a log line never carries a usable session. */
    @Override
    public String toString() {
        return "NewSession[id=(secret), session=" + session + "]";
    }
}
