package app.kith.shared;

/** A command-line option given a value it cannot take: a usage error (the CLI's exit code 2), said for the user. */
public class UsageException extends KithException {
    public UsageException(String message) {
        super(message);
    }
}
