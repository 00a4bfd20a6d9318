package app.kith.contact;

import app.kith.shared.ValidationException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The refusals of a contact's fields, kept as they come (the first for each field), so that all of them are said at
 * once: a form then shows each beside its field. Read the fields in the form's order; {@link #throwAny} ends it.
 */
public final class Refusals {
    private final Map<String, String> fields = new LinkedHashMap<>();

    /** A field read with a rule that names it ({@link ContactService.InvalidField}); null if refused. */
    public <T> T read(Supplier<T> field) {
        try {
            return field.get();
        } catch (ContactService.InvalidField e) {
            fields.putIfAbsent(e.field(), e.getMessage());
            return null;
        }
    }

    /** A field read with a parser that knows nothing of forms, refused under {@code field}; null if refused. */
    public <T> T read(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            fields.putIfAbsent(field, e.getMessage());
            return null;
        }
    }

    /** A rule that names its field when broken. */
    public void check(Runnable rule) {
        read(() -> {
            rule.run();
            return null;
        });
    }

    /** The refusals in {@code earlier} (field to message) of the fields named, made before: said at this place in the order. */
    public void carry(Map<String, String> earlier, String... names) {
        for (String name : names) {
            String message = earlier.get(name);
            if (message != null) {
                fields.putIfAbsent(name, message);
            }
        }
    }

    /** The refusals kept so far, field to message, in the order they came. */
    public Map<String, String> all() {
        return Collections.unmodifiableMap(fields);
    }

    /** Throws what was refused, if anything: one field as an {@link ContactService.InvalidField}, several together. */
    public void throwAny() {
        if (!fields.isEmpty()) {
            throw ContactService.InvalidFields.of(fields);
        }
    }
}
