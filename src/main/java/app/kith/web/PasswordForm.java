package app.kith.web;

import java.util.Objects;
import java.util.stream.Stream;

/** The change-password form on Settings: the error beside each field (passwords themselves are never sent back). */
public record PasswordForm(String currentError, String passwordError, String confirmError) {
    static final PasswordForm BLANK = new PasswordForm(null, null, null);

    /** The summary above a form refused on more than one field ("Nothing was changed: see the 2 fields..."), else null. */
    public String summary() {
        long refused = Stream.of(currentError, passwordError, confirmError).filter(Objects::nonNull).count();
        return refused < 2 ? null : "Nothing was changed: see " + FieldError.marked(refused) + " marked below.";
    }

    /** The first field of the form with an error, in the form's order (its input takes the focus), or null. */
    public String firstInvalid() {
        return currentError != null ? "current" : passwordError != null ? "password" : confirmError != null ? "confirm" : null;
    }
}
