package app.kith.web;

/** The change-password form on Settings: the error beside each field (passwords themselves are never sent back). */
public record PasswordForm(String currentError, String passwordError, String confirmError) {
    static final PasswordForm BLANK = new PasswordForm(null, null, null);
}
