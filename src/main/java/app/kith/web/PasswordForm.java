package app.kith.web;

/** The change-password form on Settings: the error beside each field (passwords themselves are never sent back). */
public record PasswordForm(String currentError, String passwordError, String confirmError) {
    static final PasswordForm BLANK = new PasswordForm(null, null, null);

    /** The first field of the form with an error, in the form's order (its input takes the focus), or null. */
    public String firstInvalid() {
        return currentError != null ? "current" : passwordError != null ? "password" : confirmError != null ? "confirm" : null;
    }
}
