package app.kith.web;

import app.kith.contact.ContactService;
import app.kith.shared.ValidationException;

import java.util.function.Supplier;

/** Why a form was refused, and which of its fields that concerns (null when it is not one field in particular). */
public record FieldError(String field, String message) {
    public static final FieldError NONE = new FieldError(null, null);

    /** The error a service reported, beside the field it names if it names one. */
    static FieldError of(ValidationException e) {
        return e instanceof ContactService.InvalidField invalid ? on(invalid.field(), e) : new FieldError(null, sentence(e.getMessage()));
    }

    /** The error, shown beside this field whatever the service said. */
    static FieldError on(String field, ValidationException e) {
        return new FieldError(field, sentence(e.getMessage()));
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
        return name.equals(field) ? message : null;
    }

    public boolean any() {
        return message != null;
    }

    /** An error that concerns no field in particular, shown at the top. */
    public String general() {
        return field == null ? message : null;
    }

    private static String sentence(String message) {
        if (message == null || message.isEmpty()) {
            return "That could not be saved.";
        }
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
