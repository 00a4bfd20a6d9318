package app.kith.contact;

import app.kith.shared.Dates;
import app.kith.shared.NotFoundException;
import app.kith.shared.PlainText;
import app.kith.shared.Quoted;
import app.kith.shared.TimeZones;
import app.kith.shared.ValidationException;
import app.kith.shared.Weekdays;
import app.kith.storage.Database;
import app.kith.storage.Dialect;
import app.kith.storage.Ids;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Adds, changes, finds and lists a user's contacts, keeping each one's due date right as it goes. */
public final class ContactService {
    public static final int MAX_NAME = 200;
    public static final int MAX_FIELD = 500;
    public static final int MAX_NOTE = 20_000;
    public static final int MAX_TAG = 100;
    private static final int MAX_CITIES = 200;

    /**
     * The most emails, phones, tags and circles a change may give a contact: more than anyone needs. A change that
     * would take a contact past one (and not merely leave one imported with more as it was) is refused.
     */
    public enum Limit {
        EMAILS("emails", "emails", 100), PHONES("phones", "phone numbers", 100), TAGS("tags", "tags", 200),
        CIRCLES("circles", "circles", 200);

        private final String field;
        private final String label;
        private final int most;

        Limit(String field, String label, int most) {
            this.field = field;
            this.label = label;
            this.most = most;
        }

        public int most() {
            return most;
        }

        /** Refuses a contact going from {@code before} to {@code after} of them, if that grows it past the limit. */
        public void check(int before, int after) {
            if (after > most && after > before) {
                throw new InvalidField(field, after + " " + label + " are more than a contact may have: at most " + most);
            }
        }
    }

    private final Database database;
    private final Dialect dialect;
    private final CircleService circles;
    private final Clock clock;

    public ContactService(Database database, CircleService circles, Clock clock) {
        this.database = database;
        this.dialect = database.dialect();
        this.circles = circles;
        this.clock = clock;
    }

    /**
     * Which contacts to list. Every field is optional: {@code text} is searched by word prefix in the name,
     * company, title, city and notes (and as the start of an email or its domain); {@code city} is a whole
     * city, any case; archived contacts are listed only when asked for, and then only they.
     */
    public record Search(String text, String circle, String city, String tag, boolean dueOnly, boolean archived, boolean untracked) {
        /** Each text without control characters, as no field holds one (and PostgreSQL can take no NUL in a query). */
        public Search {
            text = PlainText.withoutControls(text);
            circle = PlainText.withoutControls(circle);
            city = PlainText.withoutControls(city);
            tag = PlainText.withoutControls(tag);
        }

        public Search(String text, String circle, String city, String tag, boolean dueOnly, boolean archived) {
            this(text, circle, city, tag, dueOnly, archived, false);
        }

        public static final Search ALL = new Search(null, null, null, null, false, false);
    }

    /** One page of a listing: its contacts, from {@code offset}, and how many match in all. */
    public record Page(List<Contact> contacts, int total, int offset, int limit) {
        /** The page's number, from 1. */
        public int number() {
            return offset / limit + 1;
        }

        /** How many pages the listing fills (at least one, if empty). */
        public int pages() {
            return Math.max(1, (total + limit - 1) / limit);
        }

        public boolean hasPrevious() {
            return offset > 0;
        }

        public boolean hasNext() {
            return offset + limit < total;
        }
    }

    /** A {@link ValidationException} about one field of a contact, so that a form can show it beside that field. */
    public static final class InvalidField extends ValidationException {
        private final String field;

        /** {@code field} is the name of the {@link ContactChanges} component concerned, such as "emails" or "metOn". */
        public InvalidField(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * Several fields of a contact refused at once, each with why, in the form's order (name, emails, phones,
     * company, ...), so that a form can show every one beside its field; its message joins them.
     */
    public static final class InvalidFields extends ValidationException {
        private final Map<String, String> fields;

        private InvalidFields(Map<String, String> fields) {
            super(String.join("; ", fields.values()));
            this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The refusals (field to message, at least one): one alone as an {@link InvalidField}. */
        public static ValidationException of(Map<String, String> fields) {
            if (fields.size() == 1) {
                Map.Entry<String, String> only = fields.entrySet().iterator().next();
                return new InvalidField(only.getKey(), only.getValue());
            }
            return new InvalidFields(fields);
        }

        public Map<String, String> fields() {
            return fields;
        }
    }

    /**
     * A contact already there who may be the one being added again: the same name (case, accents and punctuation
     * aside), or an email address in common ({@code email}, as they have it; null for the same name).
     */
    public record Alike(long id, String name, boolean archived, String email) {
        /** "Ana Lima (#12, archived)", and "with ana@example.org" when an address is what they share. */
        public String described() {
            return name + " (#" + id + (archived ? ", archived" : "") + ")" + (email == null ? "" : " with " + email);
        }
    }

    /** Refused: the contact being added looks like one or more already there. Each door then asks before adding. */
    public static final class AlreadyThere extends ValidationException {
        /** How many the message names; the rest are counted. */
        public static final int SHOWN_ALIKE = 5;
        private final List<Alike> alike;

        AlreadyThere(List<Alike> alike) {
            super("you already have " + alike.stream().limit(SHOWN_ALIKE).map(Alike::described).collect(Collectors.joining(", "))
                    + (alike.size() > SHOWN_ALIKE ? " and " + (alike.size() - SHOWN_ALIKE) + " more" : ""));
            this.alike = List.copyOf(alike);
        }

        public List<Alike> alike() {
            return alike;
        }
    }

    /** Adds a contact, even one like a contact already there (imports and the demo match people on their own). */
    public Contact add(long userId, ContactChanges fields) {
        return add(userId, fields, LocalDate.now(clock));
    }

    /** As {@link #add(long, ContactChanges)}, on the caller's {@code today} (the web's: in the user's time zone). */
    public Contact add(long userId, ContactChanges fields, LocalDate today) {
        return add(userId, fields, today, true);
    }

    /**
     * As {@link #add(long, ContactChanges, LocalDate)}; unless {@code evenIfAlike}, refuses with {@link AlreadyThere}
     * a contact whose name or an email address is one a contact already has, once every field was found valid.
     */
    public Contact add(long userId, ContactChanges fields, LocalDate today, boolean evenIfAlike) {
        if (fields.name() == null) {
            throw new InvalidField("name", "a contact needs a name");
        }
        // A blank name is refused with the other fields' errors, as the row is written (and rolled back).
        return database.inTransaction(handle -> {
            long id = handle.createQuery("INSERT INTO contacts (id, user_id, full_name, added_on) VALUES (" + Ids.next(dialect, "contacts")
                            + ", :userId, :name, :today) RETURNING id")
                    .bind("userId", userId)
                    // No name yet: it is written with the rest, checked as a new one (not as the name the contact had).
                    .bind("name", "")
                    .bind("today", today)
                    .mapTo(Long.class)
                    .one();
            Contact added = apply(handle, userId, id, fields, false, today);
            if (!evenIfAlike) {
                List<Alike> alike = ContactStore.alike(handle, dialect, userId, added);
                if (!alike.isEmpty()) {
                    throw new AlreadyThere(alike);
                }
            }
            return added;
        });
    }

    public Contact edit(long userId, long contactId, ContactChanges changes) {
        return edit(userId, contactId, changes, false);
    }

    /** Like {@link #edit(long, long, ContactChanges)}; also forgets the date you met when asked (a form's emptied date field). */
    public Contact edit(long userId, long contactId, ContactChanges changes, boolean forgetMetOn) {
        return edit(userId, contactId, changes, forgetMetOn, LocalDate.now(clock));
    }

    /** As {@link #edit(long, long, ContactChanges, boolean)}, dates in the future counted from the caller's {@code today}. */
    public Contact edit(long userId, long contactId, ContactChanges changes, boolean forgetMetOn, LocalDate today) {
        return edit(userId, contactId, changes, forgetMetOn, today, true);
    }

    /**
     * As {@link #edit(long, long, ContactChanges, boolean, LocalDate)}; unless {@code evenIfAlike}, refuses with
     * {@link AlreadyThere} a change that gives the contact the name of another (case, accents and punctuation aside)
     * or an email address another has, as adding them would be: only what the change brings is compared, so namesakes
     * added on purpose can still be edited.
     */
    public Contact edit(long userId, long contactId, ContactChanges changes, boolean forgetMetOn, LocalDate today, boolean evenIfAlike) {
        return database.inTransaction(handle -> {
            Contact before = get(handle, userId, contactId);
            Contact after = apply(handle, userId, contactId, changes, forgetMetOn, today);
            if (!evenIfAlike) {
                List<Alike> alike = newlyAlike(handle, userId, before, after);
                if (!alike.isEmpty()) {
                    throw new AlreadyThere(alike);
                }
            }
            return after;
        });
    }

    /** The contacts {@code after} is like that {@code before} was not: by a name it did not have, or an address it gained. */
    private List<Alike> newlyAlike(Handle handle, long userId, Contact before, Contact after) {
        String name = NameKey.of(after.name());
        boolean renamed = !name.equals(NameKey.of(before.name()));
        Set<String> gained = new HashSet<>();
        after.emails().forEach(email -> gained.add(email.toLowerCase(Locale.ROOT)));
        before.emails().forEach(email -> gained.remove(email.toLowerCase(Locale.ROOT)));
        Map<Long, Alike> alike = new TreeMap<>();
        if (renamed) {
            ContactStore.alike(handle, dialect, userId, after).stream()
                    .filter(other -> NameKey.of(other.name()).equals(name))
                    .forEach(other -> alike.put(other.id(), new Alike(other.id(), other.name(), other.archived(), null)));
        }
        if (!gained.isEmpty()) {
            // The addresses gained, each sought: another contact may share an older one of this contact's too.
            ContactStore.holdingEmails(handle, userId, after.id(), gained)
                    .forEach(other -> alike.merge(other.id(), other, ContactStore::withAddress));
        }
        return List.copyOf(alike.values());
    }

    /**
     * What deleting a contact takes with it: the interactions they alone took part in go too; those shared with
     * others stay on the others' timelines, without them.
     */
    public record Deletion(Contact contact, int interactionsDeleted, int interactionsKept) {
    }

    /** What {@link #delete} would take with it, without changing anything (for a page that asks first). */
    public Deletion deletion(long userId, long contactId) {
        return database.withHandle(handle -> deletion(handle, userId, contactId));
    }

    /**
     * Deletes a contact for good: their details, emails, phones, tags, photo, circles and the interactions they alone
     * took part in. Interactions shared with others stay for those others. Their number is not given again.
     */
    public Deletion delete(long userId, long contactId) {
        return database.inTransaction(handle -> {
            Deletion deletion = deletion(handle, userId, contactId);
            // One statement for all they alone took part in; an imported one keeps its key, so that an import of the
            // same file, once they are added again, does not bring it back.
            List<Map.Entry<Long, String>> gone = handle.createQuery("DELETE FROM interactions WHERE id IN (" + SOLE_INTERACTIONS
                            + ") RETURNING id, source_key")
                    .bind("id", contactId).map((rows, context) -> Map.entry(rows.getLong(1), Objects.toString(rows.getString(2), "")))
                    .list();
            PreparedBatch keys = handle.prepareBatch("INSERT INTO deleted_imports (user_id, source_key) VALUES (:userId, :key)");
            gone.stream().map(Map.Entry::getValue).filter(key -> !key.isEmpty())
                    .forEach(key -> keys.bind("userId", userId).bind("key", key).add());
            if (keys.size() > 0) {
                keys.execute();
            }
            gone.stream().map(Map.Entry::getKey).max(Long::compare).ifPresent(last -> Ids.retire(handle, dialect, "interactions", last));
            handle.createUpdate("DELETE FROM contacts WHERE id = :id AND user_id = :userId")
                    .bind("id", contactId).bind("userId", userId).execute();
            Ids.retire(handle, dialect, "contacts", contactId);
            return deletion;
        });
    }

    /** The interactions a contact alone took part in. */
    private static final String SOLE_INTERACTIONS = """
            SELECT ic.interaction_id FROM interaction_contacts ic
             WHERE ic.contact_id = :id
               AND NOT EXISTS (SELECT 1 FROM interaction_contacts other
                                WHERE other.interaction_id = ic.interaction_id AND other.contact_id <> :id)
            """;

    private Deletion deletion(Handle handle, long userId, long contactId) {
        Contact contact = get(handle, userId, contactId);
        int alone = handle.createQuery("SELECT count(*) FROM (" + SOLE_INTERACTIONS + ") sole").bind("id", contactId).mapTo(Integer.class).one();
        int all = handle.createQuery("SELECT count(*) FROM interaction_contacts WHERE contact_id = :id").bind("id", contactId)
                .mapTo(Integer.class).one();
        return new Deletion(contact, alone, all - alone);
    }

    public Contact archive(long userId, long contactId, boolean archived) {
        return database.inTransaction(handle -> {
            get(handle, userId, contactId);
            handle.createUpdate("UPDATE contacts SET archived = :archived WHERE id = :id")
                    .bind("archived", archived).bind("id", contactId).execute();
            Schedule.refresh(handle, userId, List.of(contactId));
            return get(handle, userId, contactId);
        });
    }

    /** Keeps the contact off the agenda through {@code until}; it is due again the day after at the earliest. */
    public Contact snooze(long userId, long contactId, LocalDate until) {
        return snooze(userId, contactId, until, LocalDate.now(clock));
    }

    /** As {@link #snooze(long, long, LocalDate)}, on the caller's {@code today} (the web's: in the user's time zone). */
    public Contact snooze(long userId, long contactId, LocalDate until, LocalDate today) {
        return setBlockedThrough(userId, contactId, "snoozed_until", until, today);
    }

    /** Records that the contact is away (travelling, on leave) through {@code until}. */
    public Contact away(long userId, long contactId, LocalDate until) {
        return away(userId, contactId, until, LocalDate.now(clock));
    }

    /** As {@link #away(long, long, LocalDate)}, on the caller's {@code today} (the web's: in the user's time zone). */
    public Contact away(long userId, long contactId, LocalDate until, LocalDate today) {
        return setBlockedThrough(userId, contactId, "away_until", until, today);
    }

    /** Ends a snooze before its date: the contact is due again as if never snoozed. */
    public Contact endSnooze(long userId, long contactId) {
        return endSnooze(userId, contactId, LocalDate.now(clock));
    }

    /**
     * As {@link #endSnooze(long, long)}, on the caller's {@code today}. A snooze that is over already (through a day
     * before today) is left as it is: it still puts the due date after it, and ending it would make the contact as
     * late as if it had never been.
     */
    public Contact endSnooze(long userId, long contactId, LocalDate today) {
        return clearBlocked(userId, contactId, "snoozed_until", today);
    }

    /** Records that the contact is back before the away date given: due again as if never away. */
    public Contact endAway(long userId, long contactId) {
        return endAway(userId, contactId, LocalDate.now(clock));
    }

    /** As {@link #endAway(long, long)}, on the caller's {@code today}; a time away that is over is left, as a snooze is. */
    public Contact endAway(long userId, long contactId, LocalDate today) {
        return clearBlocked(userId, contactId, "away_until", today);
    }

    private Contact clearBlocked(long userId, long contactId, String column, LocalDate today) {
        return database.inTransaction(handle -> {
            get(handle, userId, contactId);
            int ended = handle.createUpdate("UPDATE contacts SET " + column + " = NULL WHERE id = :id AND " + column + " >= :today")
                    .bind("id", contactId).bind("today", today).execute();
            if (ended > 0) {
                Schedule.refresh(handle, userId, List.of(contactId));
            }
            return get(handle, userId, contactId);
        });
    }

    private Contact setBlockedThrough(long userId, long contactId, String column, LocalDate until, LocalDate today) {
        Dates.inRange(until, until.toString());
        if (until.isBefore(today)) {
            throw new ValidationException("the date " + until + " is in the past: give today or a later date");
        }
        return database.inTransaction(handle -> {
            get(handle, userId, contactId);
            handle.createUpdate("UPDATE contacts SET " + column + " = :until WHERE id = :id")
                    .bind("until", until).bind("id", contactId).execute();
            Schedule.refresh(handle, userId, List.of(contactId));
            return get(handle, userId, contactId);
        });
    }

    /** Sets contacts' last touch dates (null: never touched) and moves their due dates, in the caller's transaction. */
    public void recordLastTouch(Handle handle, long userId, Map<Long, LocalDate> lastTouches) {
        for (Map.Entry<Long, LocalDate> entry : lastTouches.entrySet()) {
            handle.createUpdate("UPDATE contacts SET last_touch_on = :lastTouch WHERE user_id = :userId AND id = :id")
                    .bindByType("lastTouch", entry.getValue(), LocalDate.class)
                    .bind("userId", userId)
                    .bind("id", entry.getKey())
                    .execute();
        }
        Schedule.refresh(handle, userId, lastTouches.keySet());
    }

    public Contact get(long userId, long contactId) {
        return database.withHandle(handle -> get(handle, userId, contactId));
    }

    public Contact get(Handle handle, long userId, long contactId) {
        return ContactStore.find(handle, userId, contactId)
                .orElseThrow(() -> notFound(contactId));
    }

    /**
     * The name of one of the user's contacts, as {@link #get} would find them (another user's is not found), without
     * reading the rest: for a change that names them only (a touch logged from Today).
     */
    public String name(long userId, long contactId) {
        return database.withHandle(handle -> ContactStore.name(handle, userId, contactId)
                .orElseThrow(() -> notFound(contactId)));
    }

    /** Checks, in a transaction under way, that each id is one of the user's contacts: the first that is not is not found. */
    public void requireTheirs(Handle handle, long userId, Collection<Long> contactIds) {
        Set<Long> theirs = ContactStore.theirs(handle, userId, contactIds);
        contactIds.stream().filter(id -> !theirs.contains(id)).findFirst().ifPresent(id -> {
            throw notFound(id);
        });
    }

    private static NotFoundException notFound(long contactId) {
        return new NotFoundException("there is no contact with id " + contactId);
    }

    /** The contact's past jobs as Kith noticed them change, the newest first. */
    public List<CareerMove> career(long userId, long contactId) {
        return database.withHandle(handle -> {
            get(handle, userId, contactId);
            return ContactStore.career(handle, contactId);
        });
    }

    /** The contact's picture, if one was imported. */
    public Optional<Photo> photo(long userId, long contactId) {
        return database.withHandle(handle -> {
            get(handle, userId, contactId);
            return ContactStore.photo(handle, contactId);
        });
    }

    /** Every contact matching the filter, by name; a search for text without a single word finds nobody. */
    public List<Contact> list(long userId, ContactFilter filter) {
        return list(userId, filter, LocalDate.now(clock));
    }

    /** As {@link #list(long, ContactFilter)}, "due" counted on the caller's {@code today} (the user's date). */
    public List<Contact> list(long userId, ContactFilter filter, LocalDate today) {
        if (wordless(filter.search())) {
            return List.of();
        }
        Search search = search(filter);
        return database.withHandle(handle -> {
            ContactStore.Listing listing = listing(handle, userId, search, today);
            return ContactStore.reading(handle, listing, reading -> ContactStore.list(reading, listing, 0, -1));
        });
    }

    /** What a {@link #wordless} search is told to do instead, on every door. */
    public static final String WORDLESS = "search with letters or digits, from a name, company, title, city, notes or email address";

    /**
     * Whether {@code text} is a search with nothing to look for: typed, but without a letter or digit (only
     * punctuation or emoji). It finds nobody, on every door; blank text does not filter.
     */
    public static boolean wordless(String text) {
        return text != null && !text.isBlank() && ContactStore.words(text).isEmpty();
    }

    /** One page of the contacts matching a search, by name; a {@link #wordless} search finds nobody. */
    public Page search(long userId, Search search, int offset, int limit) {
        return search(userId, search, offset, limit, LocalDate.now(clock));
    }

    /** As {@link #search(long, Search, int, int)}, "due" meaning on or before the caller's {@code today}. */
    public Page search(long userId, Search search, int offset, int limit, LocalDate today) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("a page starts at 0 or later and holds at least one contact");
        }
        if (wordless(search.text())) {
            return new Page(List.of(), 0, offset, limit);
        }
        return database.withHandle(handle -> {
            ContactStore.Listing listing = listing(handle, userId, search, today);
            return ContactStore.reading(handle, listing, reading -> {
                int total = ContactStore.count(reading, listing);
                List<Contact> contacts = offset >= total ? List.of() : ContactStore.list(reading, listing, offset, limit, total);
                return new Page(contacts, total, offset, limit);
            });
        });
    }

    /**
     * How many archived contacts a search of current ones would find, to say so when it finds none; 0 for a search of
     * the archived ones already, a {@link #wordless} one, or one with nothing to search by.
     */
    public int archivedMatches(long userId, Search search, LocalDate today) {
        boolean nothingSought = (search.text() == null || search.text().isBlank()) && search.circle() == null && search.city() == null
                && search.tag() == null && !search.dueOnly() && !search.untracked();
        if (search.archived() || nothingSought || wordless(search.text())) {
            return 0;
        }
        Search archived = new Search(search.text(), search.circle(), search.city(), search.tag(), search.dueOnly(), true, search.untracked());
        return database.withHandle(handle -> {
            ContactStore.Listing listing = listing(handle, userId, archived, today);
            return ContactStore.reading(handle, listing, reading -> ContactStore.count(reading, listing));
        });
    }

    /** The same search as a filter of the CLI's asks. */
    public static Search search(ContactFilter filter) {
        return new Search(filter.search(), filter.circle(), null, filter.tag(), filter.dueOnly(), filter.archived(), filter.untracked());
    }

    /** The cities the user's current contacts live in, alphabetically (the 200 most common), to suggest in a filter. */
    public List<String> cities(long userId) {
        // One spelling of each city: the commonest, and among as common ones the best written (accents and small
        // letters kept, no stray full stop: São Paulo before SAO PAULO.). In the order of their keys, so that
        // São Paulo comes where Sao Paulo would.
        Map<String, Map.Entry<String, Integer>> spellings = new TreeMap<>();
        for (Map.Entry<String, Integer> city : database.withHandle(handle -> ContactStore.cities(handle, userId, MAX_CITIES))) {
            String key = NameKey.of(city.getKey());
            spellings.merge(key.isEmpty() ? city.getKey() : key, city, (kept, other) ->
                    other.getValue() > kept.getValue() || other.getValue().equals(kept.getValue())
                            && writtenWell(other.getKey()) > writtenWell(kept.getKey()) ? other : kept);
        }
        return spellings.values().stream().map(Map.Entry::getKey).toList();
    }

    /** How well a place's name is written: no punctuation at its end, capitals and small letters, accents kept. */
    private static int writtenWell(String name) {
        int accents = 0;
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            accents += c > 127 && Character.isLetter(c) ? 1 : 0;
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        String stripped = name.strip();
        boolean tidy = !stripped.isEmpty() && Character.isLetterOrDigit(stripped.charAt(stripped.length() - 1));
        return (tidy ? 100 : 0) + (upper && lower ? 50 : 0) + Math.min(accents, 49);
    }

    private ContactStore.Listing listing(Handle handle, long userId, Search search, LocalDate today) {
        Long circleId = search.circle() == null || search.circle().isBlank() ? null : circles.get(handle, userId, search.circle()).id();
        return ContactStore.listing(handle, dialect, userId, search, circleId, today);
    }

    /** Whether a reference names a contact by number ({@code 12} or {@code #12}) rather than by name. */
    public static boolean isId(String reference) {
        return reference.matches("#?\\d{1,18}");
    }

    /**
     * Finds a contact by id or by name: an exact (case-insensitive) full name first, else a unique part of
     * a name. An ambiguous name fails with the candidates.
     */
    public Contact resolve(long userId, String reference) {
        // Composed and without control characters, as names are stored: an accent typed as a mark of its own is the
        // letter it looks like (and PostgreSQL can compare no NUL).
        String text = reference == null ? "" : PlainText.withoutControls(reference).trim();
        if (text.isEmpty()) {
            throw new ValidationException("name a contact by id or by name");
        }
        return database.withHandle(handle -> {
            if (isId(text)) {
                return get(handle, userId, Long.parseLong(text.replace("#", "")));
            }
            // The exact name in any case first (and a part of one, with accents as typed, when any are); then, with
            // case and accents aside (as the search reads names: "emile" is Émile, "soren" Søren), the exact name
            // (punctuation aside too), then a part of one. A step that finds several is ambiguous: never a guess
            // among them, even when a later step would find one.
            List<Map.Entry<Long, String>> all = null;
            List<Map.Entry<Long, String>> matches;
            if (text.chars().allMatch(c -> c < 128)) {
                matches = ContactStore.sameNames(handle, userId, text);
            } else {
                // SQL's lower() folds only ASCII on SQLite, so other letters are compared here.
                String lower = text.toLowerCase(Locale.ROOT);
                all = ContactStore.allNames(handle, userId);
                matches = all.stream().filter(e -> e.getValue().toLowerCase(Locale.ROOT).equals(lower)).toList();
                if (matches.isEmpty()) {
                    // Accents typed are meant: "Émile" is a part of Émile Zola's name, not of Emile Plain's.
                    matches = partOf(all, name -> name.toLowerCase(Locale.ROOT), lower);
                }
            }
            if (matches.isEmpty()) {
                String key = NameKey.of(text);
                List<Map.Entry<Long, String>> names = all != null ? all : ContactStore.allNames(handle, userId);
                // Text without a letter or digit (an emoji) has no key: it is looked for as typed, below.
                matches = key.isEmpty() ? List.of() : names.stream().filter(e -> NameKey.of(e.getValue()).equals(key)).toList();
                if (matches.isEmpty()) {
                    matches = partOf(names, NameKey::folded, NameKey.folded(text));
                }
                if (matches.isEmpty() && !key.isEmpty()) {
                    // As a search reads a name: "obrien" is a part of O'Brien's, 山田太 of 山田 太郎's.
                    String part = NameKey.joined(text);
                    matches = names.stream().filter(e -> NameKey.joined(e.getValue()).contains(part)).toList();
                }
            }
            if (matches.isEmpty()) {
                throw new NotFoundException("no contact matches " + Quoted.of(text) + ": see 'kith contacts --search TEXT'");
            }
            if (matches.size() > 1) {
                List<Map.Entry<Long, String>> shown = matches.stream().limit(10).toList();
                Set<Long> archived = new HashSet<>(handle.createQuery("SELECT id FROM contacts WHERE user_id = :userId AND archived AND id IN (<ids>)")
                        .bind("userId", userId).bindList("ids", shown.stream().map(Map.Entry::getKey).toList()).mapTo(Long.class).list());
                // Namesakes differ by their number alone; an archived one is said to be.
                boolean namesakes = matches.stream().map(e -> e.getValue().toLowerCase(Locale.ROOT)).distinct().count() == 1;
                throw new ValidationException(Quoted.of(text) + " matches " + matches.size() + " contacts: "
                        + shown.stream().map(e -> e.getValue() + " (#" + e.getKey() + (archived.contains(e.getKey()) ? ", archived" : "") + ")")
                        .collect(Collectors.joining(", "))
                        + (matches.size() > 10 ? ", ..." : "") + (namesakes ? "; name one by its id, the number alone" : "; name one by its full name or its id, the number alone")
                        + " (a shell takes # for a comment)");
            }
            return get(handle, userId, matches.get(0).getKey());
        });
    }

    /**
     * The names of which {@code part} is a part, in the {@code form} given: those in which it starts a word if any
     * ("anna" is Anna Becker, not Hannah Vogel, whose name holds it too), else every one that holds it.
     */
    private static List<Map.Entry<Long, String>> partOf(List<Map.Entry<Long, String>> names, UnaryOperator<String> form, String part) {
        List<Map.Entry<Long, String>> holding = names.stream().filter(e -> form.apply(e.getValue()).contains(part)).toList();
        List<Map.Entry<Long, String>> starting = holding.stream().filter(e -> startsAWord(form.apply(e.getValue()), part)).toList();
        return starting.isEmpty() ? holding : starting;
    }

    /** Whether {@code part} stands in {@code name} at the start of a word: at its start, or after a character that is no letter or digit. */
    private static boolean startsAWord(String name, String part) {
        for (int at = name.indexOf(part); at >= 0; at = name.indexOf(part, at + 1)) {
            if (at == 0 || !Character.isLetterOrDigit(name.codePointBefore(at))) {
                return true;
            }
        }
        return false;
    }

    private Contact apply(Handle handle, long userId, long id, ContactChanges changes, boolean forgetMetOn, LocalDate today) {
        Contact current = get(handle, userId, id);
        // Every field is read before anything is written, in the form's order, and every refusal is kept: a form
        // then shows them all at once, each beside its field.
        Refusals refused = new Refusals();
        String name = refused.read(() -> required(changes.name(), current.name()));
        // A form counts its lists as they will be (a change names only what it adds): said here, in their place.
        refused.carry(changes.unreadable(), "emails");
        List<String> addedEmails = refused.read(() -> counted(Limit.EMAILS, changes.addEmails(), ContactService::email));
        refused.carry(changes.unreadable(), "phones");
        List<String> addedPhones = refused.read(() -> counted(Limit.PHONES, changes.addPhones(), ContactService::phone));
        String company = refused.read(() -> line(changes.company(), current.company(), "company", "company", MAX_FIELD));
        String title = refused.read(() -> line(changes.title(), current.title(), "title", "title", MAX_FIELD));
        String city = refused.read(() -> line(changes.city(), current.city(), "city", "city", MAX_FIELD));
        String country = refused.read(() -> line(changes.country(), current.country(), "country", "country", MAX_FIELD));
        ZoneId zone = refused.read(() -> changes.timezone() == null ? current.zone()
                : field("timezone", () -> TimeZones.parse(changes.timezone())));
        String linkedin = refused.read(() -> linkedin(changes.linkedinUrl(), current.linkedinUrl()));
        String metHow = refused.read(() -> text(changes.metHow(), current.metHow(), "metHow", "how you met", MAX_NOTE));
        // A date or cadence the caller could not read is refused here, in its place, with the rest.
        refused.carry(changes.unreadable(), "metOn", "birthday");
        LocalDate metOn = changes.metOn() != null ? changes.metOn() : forgetMetOn ? null : current.metOn();
        Birthday birthday = changes.birthday() != null ? changes.birthday() : changes.clearBirthday() ? null : current.birthday();
        // Only a date being changed is checked: a stored one stays as it is (an import allows a day's grace for time
        // zones), and an edit of another field never fails on it, even from a form that sends every field back.
        refused.check(() -> {
            if (changes.metOn() != null && !changes.metOn().equals(current.metOn()) && metOn.isAfter(today)) {
                throw new InvalidField("metOn", "the date you met (" + metOn + ") is in the future: give a past date");
            }
        });
        boolean newBirthday = changes.birthday() != null && !changes.birthday().equals(current.birthday());
        refused.check(() -> {
            if (newBirthday && !birthday.inRange()) {
                throw new InvalidField("birthday", Birthday.outOfRange(birthday));
            }
            if (newBirthday && birthday.year() != null && birthday.day().atYear(birthday.year()).isAfter(today)) {
                throw new InvalidField("birthday", "the birthday " + birthday + " is in the future: give a past date, or --MM-DD without the year");
            }
        });
        String notes = refused.read(() -> text(changes.notes(), current.notes(), "notes", "note", MAX_NOTE));
        String strengths = refused.read(() -> text(changes.strengths(), current.strengths(), "strengths", "note on their strengths", MAX_NOTE));
        refused.carry(changes.unreadable(), "tags");
        List<String> addedTags = refused.read(() -> counted(Limit.TAGS, splitTags(changes.addTags()),
                tag -> line(tag.trim(), null, "tags", "tag", MAX_TAG)));
        // A circle unknown (removed or renamed in another tab) is said with the other fields' refusals.
        refused.carry(changes.unreadable(), "circles");
        refused.read(() -> counted(Limit.CIRCLES, changes.addCircles(), circle -> circleId(handle, userId, circle)));
        refused.carry(changes.unreadable(), "every");
        Weekdays days = refused.read(() -> changes.days() == null ? current.days() : field("days", () -> Weekdays.parse(changes.days())));
        refused.carry(changes.unreadable(), changes.unreadable().keySet().toArray(String[]::new));
        refused.throwAny();
        Cadence own = changes.clearEvery() ? null : changes.every() != null ? changes.every() : current.ownCadence();
        // A job the user types is theirs: no import changes it from then on (ImportPlan).
        boolean jobTyped = !Objects.equals(company, current.company()) || !Objects.equals(title, current.title());
        handle.createUpdate("""
                        UPDATE contacts SET full_name = :name, company = :company, title = :title, city = :city,
                               country = :country, timezone = :timezone, linkedin_url = :linkedin, met_how = :metHow,
                               met_on = :metOn, notes = :notes, strengths = :strengths, contact_days = :days,
                               own_cadence = :own, birthday = :birthday,
                               job_source = CASE WHEN :jobTyped THEN NULL ELSE job_source END
                         WHERE id = :id AND user_id = :userId
                        """)
                .bind("name", name)
                .bind("company", company)
                .bind("title", title)
                .bind("jobTyped", jobTyped)
                .bind("city", city)
                .bind("country", country)
                .bind("timezone", zone == null ? null : zone.getId())
                .bind("linkedin", linkedin)
                .bind("metHow", metHow)
                .bindByType("metOn", metOn, LocalDate.class)
                .bind("notes", notes)
                .bind("strengths", strengths)
                .bind("days", days.text())
                .bind("own", own == null ? null : own.iso())
                .bind("birthday", birthday == null ? null : birthday.text())
                .bind("id", id)
                .bind("userId", userId)
                .execute();
        if (!changes.addEmails().isEmpty() || !changes.removeEmails().isEmpty()) {
            // One to take off is read as one to add is: "Ana <ana@example.org>" names ana@example.org.
            List<String> removed = changes.removeEmails().stream().map(email -> MailAddresses.address(email.trim())).toList();
            List<String> emails = merged("email", current, current.emails(), addedEmails, removed);
            Limit.EMAILS.check(current.emails().size(), emails.size());
            ContactStore.replaceList(handle, "contact_emails", "email", id, emails);
        }
        if (!changes.addPhones().isEmpty() || !changes.removePhones().isEmpty()) {
            List<String> phones = merged("phone", current, current.phones(), addedPhones, changes.removePhones());
            Limit.PHONES.check(current.phones().size(), phones.size());
            ContactStore.replaceList(handle, "contact_phones", "phone", id, phones);
        }
        // Tags are compared as they are stored, cleaned: "x" and "x" with a Unicode space after it are one tag.
        Set<String> tags = new HashSet<>();
        current.tags().forEach(tag -> tags.add(PlainText.caseKey(tag)));
        int tagCount = current.tags().size();
        for (String clean : addedTags) {
            if (tags.add(PlainText.caseKey(clean))) {
                tagCount++;
                handle.createUpdate("INSERT INTO contact_tags (contact_id, tag) VALUES (:id, :tag)")
                        .bind("id", id).bind("tag", clean).execute();
            }
        }
        for (String tag : distinct(removedTags(changes.removeTags(), current.tags()))) {
            int removed = handle.createUpdate("DELETE FROM contact_tags WHERE contact_id = :id AND lower(tag) = lower(:tag)")
                    .bind("id", id).bind("tag", tag.trim()).execute();
            if (removed == 0) {
                throw new InvalidField("tags", current.name() + " has no tag " + Quoted.of(tag));
            }
            tagCount -= removed;
        }
        // Counted once the change is whole: a tag renamed on a contact at the limit is one added and one taken away.
        Limit.TAGS.check(current.tags().size(), tagCount);
        for (String circle : changes.addCircles()) {
            long circleId = circleId(handle, userId, circle);
            handle.createUpdate("""
                            INSERT INTO contact_circles (contact_id, circle_id) SELECT :id, :circleId
                             WHERE NOT EXISTS (SELECT 1 FROM contact_circles WHERE contact_id = :id AND circle_id = :circleId)
                            """)
                    .bind("id", id).bind("circleId", circleId).execute();
        }
        for (String circle : distinct(changes.removeCircles())) {
            long circleId = circleId(handle, userId, circle);
            int removed = handle.createUpdate("DELETE FROM contact_circles WHERE contact_id = :id AND circle_id = :circleId")
                    .bind("id", id).bind("circleId", circleId).execute();
            if (removed == 0) {
                throw new InvalidField("circles", current.name() + " is not in the circle " + Quoted.of(circle));
            }
        }
        if (!changes.addCircles().isEmpty()) {
            Limit.CIRCLES.check(current.circles().size(), handle.createQuery("SELECT count(*) FROM contact_circles WHERE contact_id = :id")
                    .bind("id", id).mapTo(Integer.class).one());
        }
        Schedule.refresh(handle, userId, List.of(id));
        return get(handle, userId, id);
    }

    /**
     * A circle named in a change; an unknown one is a mistake in the change's circles (one renamed or removed in
     * another tab, say), so a form comes back with it beside that field instead of an error page.
     */
    private long circleId(Handle handle, long userId, String name) {
        try {
            return circles.get(handle, userId, name).id();
        } catch (NotFoundException e) {
            throw new InvalidField("circles", e.getMessage());
        }
    }

    /**
     * The items a change adds to a list, refused unread when there are more than a contact may have at all (the change
     * would fail anyway, after work that grows with the list): read each with {@code read}.
     */
    private static <T> List<T> counted(Limit limit, List<String> added, Function<String, T> read) {
        limit.check(0, added.size());
        return added.stream().map(read).filter(Objects::nonNull).toList();
    }

    /** A contact's emails or phones with some added and some taken away; taking away one it does not have fails. */
    private static List<String> merged(String kind, Contact contact, List<String> current, List<String> added, List<String> removed) {
        // By case key, so that each value is looked up once, however long the lists.
        Map<String, String> result = new LinkedHashMap<>();
        current.forEach(value -> result.putIfAbsent(PlainText.caseKey(value), value));
        added.forEach(value -> result.putIfAbsent(PlainText.caseKey(value), value));
        for (String value : distinct(removed)) {
            if (result.remove(PlainText.caseKey(value)) == null) {
                throw new InvalidField(kind + "s", contact.name() + " has no " + kind + " " + Quoted.of(value)
                        + (current.isEmpty() ? "" : ": the " + kind + "s are " + String.join(", ", current)));
            }
        }
        return new ArrayList<>(result.values());
    }

    /**
     * Tags as given, a comma parting two (as in the web form's one field): "machine learning, AI" is two tags, so
     * that what the command line adds, the form shows and saves back unchanged. An import and a restore part them so
     * too: a tag never holds a comma, which no door could name (a vCard's CATEGORIES:b\,c is the tags b and c).
     */
    private static final Pattern TAG_SEPARATOR = Pattern.compile(",|:::");

    public static List<String> splitTags(List<String> tags) {
        List<String> split = new ArrayList<>();
        for (String tag : tags) {
            // A comma parts two tags, as in the web form; so does " ::: ", which joins them in a CSV export. Control
            // characters go first, as from every field: one inside a separator (":\0::") would leave one in the tag.
            for (String part : TAG_SEPARATOR.split(PlainText.oneLine(tag))) {
                // A tag that shows nothing (a zero-width space) is dropped, as a blank one is: it would be an empty chip.
                if (!part.isBlank() && !PlainText.invisible(part)) {
                    split.add(part);
                }
            }
        }
        return split;
    }

    /**
     * The tags named to be taken away: each parted at commas as tags are ({@link #splitTags}), but for one that is a
     * tag of the contact whole, as an older version kept a vCard's category with a comma in it.
     */
    private static List<String> removedTags(List<String> named, List<String> current) {
        Set<String> whole = new HashSet<>();
        current.forEach(tag -> whole.add(PlainText.caseKey(tag)));
        List<String> removed = new ArrayList<>();
        for (String given : named) {
            // Without control characters, as tags are kept (and PostgreSQL compares no NUL).
            String tag = PlainText.withoutControls(given);
            if (whole.contains(PlainText.caseKey(tag.trim()))) {
                removed.add(tag);
            } else {
                removed.addAll(splitTags(List.of(tag)));
            }
        }
        return removed;
    }

    /** Values to take away, trimmed, each once (in any case): naming one twice is not an error. */
    private static List<String> distinct(List<String> values) {
        return ContactBulk.distinct(values.stream().map(String::trim).toList());
    }

    /**
     * Works out the cadence and due date of the given contacts again from the rules, inside the caller's transaction:
     * for a restore, which takes a file's other fields as they are but not dates that could contradict them.
     */
    public static void reschedule(Handle handle, long userId, Collection<Long> contactIds) {
        Schedule.refresh(handle, userId, contactIds);
    }

    /** An address as given, trimmed, or the one named in a mail program's form ({@code Ana Lima <ana@example.org>}). */
    public static String email(String email) {
        return email(email, FieldFormats::isEmail);
    }

    /**
     * An address as an import reads it: as {@link #email}, but with the looser rule any version kept addresses by
     * ({@link FieldFormats#isStoredEmail}), so that a file's contact is not refused for an address written as an
     * address book let it be ({@code jane@intranet}, or an export of an older Kith's); it is kept as written.
     */
    public static String importedEmail(String email) {
        return email(email, FieldFormats::isStoredEmail);
    }

    private static String email(String email, Predicate<String> rule) {
        String trimmed = MailAddresses.address(email.trim());
        if (!rule.test(trimmed) || trimmed.length() > FieldFormats.MAX_EMAIL) {
            throw new InvalidField("emails", Quoted.of(email) + " is not an email address: use name@example.com");
        }
        return trimmed;
    }

    /** A phone number as given, trimmed, if it is one. */
    public static String phone(String phone) {
        String trimmed = phone.trim();
        if (!FieldFormats.isPhone(trimmed)) {
            throw new InvalidField("phones", Quoted.of(phone) + " is not a phone number: start with a digit, + or (, and give at least"
                    + " 3 digits (letters as on a keypad and 'ext.' are fine)");
        }
        return trimmed;
    }

    /** A LinkedIn profile URL as stored ({@code https://} added), null for none; {@code current} is kept as it is. */
    public static String linkedin(String change, String current) {
        String url = text(change, current, "linkedinUrl", "LinkedIn URL", MAX_FIELD);
        if (url == null || url.equals(current)) {
            return url;
        }
        String withScheme = url.startsWith("http://") || url.startsWith("https://") ? url : "https://" + url;
        if (!FieldFormats.isLinkedinUrl(withScheme)) {
            throw new InvalidField("linkedinUrl", Quoted.of(change) + " is not a LinkedIn profile URL: use https://www.linkedin.com/in/NAME");
        }
        return withScheme;
    }

    private static String required(String change, String current) {
        if (change == null) {
            return current;
        }
        String name = line(change, null, "name", "name", MAX_NAME);
        // The name they have, sent again with the rest of the form, stands, even one an older version kept (restored).
        if (name == null || PlainText.invisible(name) && !name.equals(current)) {
            throw new InvalidField("name", "a contact needs a name: it cannot be blank" + (name == null ? "" : " or only characters that show nothing"));
        }
        return name;
    }

    public static String text(String change, String current, String field, String label, int max) {
        if (change == null) {
            return current;
        }
        String trimmed = PlainText.lines(change).strip();
        if (trimmed.length() > max) {
            throw new InvalidField(field, "the " + label + " is too long (" + trimmed.length() + " characters): at most " + max);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * A field of one line (a name, a company, a city) as {@link #text} cleans it, where a line break, a tab or
     * another control character, with any spaces around it, becomes one space: such a field is shown on a line of
     * its own, in a list, a CSV cell or a vCard's name, and a break there would split it (pasted text, an address
     * book's card).
     */
    public static String line(String change, String current, String field, String label, int max) {
        if (change == null) {
            return current;
        }
        return text(PlainText.oneLine(change), null, field, label, max);
    }

    /** Reads one field with a parser that knows nothing of forms, naming the field if it fails. */
    private static <T> T field(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidField e) {
            throw e;
        } catch (ValidationException e) {
            throw new InvalidField(field, e.getMessage());
        }
    }
}
