package app.kith.account;

import app.kith.shared.Quoted;
import app.kith.shared.ValidationException;

/** How many reach-outs a day someone can handle: a whole number from 1 to {@link #MAX}, read alike by every door. */
public final class DailyLimit {
    public static final int MAX = 100;

    private DailyLimit() {
    }

    /** Reads a limit as typed, such as {@code 5}. */
    public static int parse(String text) {
        String limit = text == null ? "" : text.trim();
        if (!limit.matches("[-+]?\\d+")) {
            throw new ValidationException(Quoted.of(text) + " is not a whole number: give a daily limit from 1 to " + MAX);
        }
        if (limit.replaceFirst("^[-+]?0*", "").length() > 9) {
            // A whole number, if not an int's: out of range as 101 is.
            throw new ValidationException("the daily limit must be from 1 to " + MAX + ", not " + Quoted.of(limit));
        }
        return checked(Integer.parseInt(limit));
    }

    /** The limit if it is one Kith takes. */
    public static int checked(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new ValidationException("the daily limit must be from 1 to " + MAX + ", not " + limit);
        }
        return limit;
    }
}
