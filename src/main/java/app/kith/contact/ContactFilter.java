package app.kith.contact;

/** Which contacts to list: every field is optional; archived contacts are listed only when asked for. */
public record ContactFilter(String circle, String tag, String search, boolean dueOnly, boolean archived) {
    public static final ContactFilter ALL = new ContactFilter(null, null, null, false, false);
}
