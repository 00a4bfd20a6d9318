package app.kith.shared;

/** Input that cannot be accepted as given; the message says what was wrong and what to do. */
public class ValidationException extends KithException {
    public ValidationException(String message) {
        super(message);
    }
}
