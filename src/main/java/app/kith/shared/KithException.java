package app.kith.shared;

/** A failure whose message is written for the user: what went wrong, where, and what to do about it. */
public class KithException extends RuntimeException {
    public KithException(String message) {
        super(message);
    }

    public KithException(String message, Throwable cause) {
        super(message, cause);
    }
}
