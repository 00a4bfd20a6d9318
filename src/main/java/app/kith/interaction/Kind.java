package app.kith.interaction;

import app.kith.shared.Quoted;
import app.kith.shared.ValidationException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How you were in touch. Every kind but {@link #SOCIAL} (a like, comment or share) is a touch and resets the clock. */
public enum Kind {
    COFFEE, MEAL, MEETING, EVENT, VIDEO, CALL, MESSAGE, EMAIL, SOCIAL;

    public boolean touch() {
        return this != SOCIAL;
    }

    public boolean inPerson() {
        return this == COFFEE || this == MEAL || this == MEETING || this == EVENT;
    }

    /** The lower-case word used on the command line, in JSON and in the database. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String text) {
        String word = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.name().equals(word))
                .findFirst()
                .orElseThrow(() -> new ValidationException(Quoted.of(text) + " is not a kind of interaction: use one of " + allWords()));
    }

    public static String allWords() {
        return Arrays.stream(values()).map(Kind::word).collect(Collectors.joining(", "));
    }
}
