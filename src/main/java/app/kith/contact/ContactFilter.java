package app.kith.contact;

/**
 * Which contacts to list: every field is optional; archived contacts are listed only when asked for. {@code untracked}:
 * only those Kith never brings up (in no circle, with no cadence of their own).
 */
public record ContactFilter(String circle, String tag, String search, boolean dueOnly, boolean archived, boolean untracked) {
    public static final ContactFilter ALL = new ContactFilter(null, null, null, false, false, false);

    public ContactFilter(String circle, String tag, String search, boolean dueOnly, boolean archived) {
        this(circle, tag, search, dueOnly, archived, false);
    }
}
