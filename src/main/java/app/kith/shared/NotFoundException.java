package app.kith.shared;

/** Something the user named does not exist (for them): an unknown contact, circle or account. */
public class NotFoundException extends KithException {
    public NotFoundException(String message) {
        super(message);
    }
}
