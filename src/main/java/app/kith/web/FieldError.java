package app.kith.web;

import app.kith.contact.ContactService;
import app.kith.shared.ValidationException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Why a form was refused, and which of its fields that concerns (null when it is not one field in particular); when
 * several fields were refused at once, {@code field} is the first of them in the form and {@code others} the rest.
 */
public record FieldError(String field, String message, Map<String, String> others) {
    public static final FieldError NONE = new FieldError(null, null);

    public FieldError(String field, String message) {
        this(field, message, Map.of());
    }

    /** The error a service reported, beside the field it names if it names one; every field's, for several. */
    static FieldError of(ValidationException e) {
        if (e instanceof ContactService.InvalidFields several) {
            Map<String, String> others = new LinkedHashMap<>();
            several.fields().forEach((field, message) -> others.put(field, said(message)));
            String first = others.keySet().iterator().next();
            return new FieldError(first, others.remove(first), Map.copyOf(others));
        }
        return e instanceof ContactService.InvalidField invalid ? on(invalid.field(), e) : new FieldError(null, said(e.getMessage()));
    }

    /** The error, shown beside this field whatever the service said. */
    static FieldError on(String field, ValidationException e) {
        return new FieldError(field, said(e.getMessage()));
    }

    /** Parses one field's value with a parser that knows nothing of forms, naming the field if it fails. */
    static <T> T about(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ContactService.InvalidField e) {
            throw e;
        } catch (ValidationException e) {
            throw new ContactService.InvalidField(field, e.getMessage());
        }
    }

    /** The message for this field, or null when the error is about another one (or none). */
    public String on(String name) {
        return name.equals(field) ? message : others.get(name);
    }

    /** "the field" or "the N fields", as the summary above a form says which are marked. */
    public String marked() {
        return marked(others.size() + 1);
    }

    /** "the field" or "the N fields", for a form of its own that counts its refused fields ({@link ProfileForm}). */
    static String marked(long refused) {
        return refused <= 1 ? "the field" : "the " + refused + " fields";
    }

    /** Whether this field is the first refused, the one that takes the focus. */
    public boolean first(String name) {
        return name.equals(field);
    }

    public boolean any() {
        return message != null;
    }

    /** An error that concerns no field in particular, shown at the top. */
    public String general() {
        return field == null ? message : null;
    }

    /** A service's message as a sentence to show: a capital first, a full stop last; null or empty as it is. */
    static String sentence(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        // A first word that is a file's name as written (c.csv in a zip archive) keeps its case.
        String first = message.split("[\\s:,]", 2)[0];
        boolean asWritten = first.contains(".") || first.contains("/");
        String text = asWritten ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    /** What a check that may refuse says, as a sentence, or null when it passes: for a form that checks each field. */
    static String refusal(Runnable check) {
        try {
            check.run();
            return null;
        } catch (ValidationException e) {
            return sentence(e.getMessage());
        }
    }

    private static String said(String message) {
        return message == null || message.isEmpty() ? "That could not be saved." : sentence(message);
    }
}
