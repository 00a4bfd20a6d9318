package app.kith.interaction;

import app.kith.contact.ContactService;
import app.kith.contact.Refusals;
import app.kith.shared.Dates;
import app.kith.shared.NotFoundException;
import app.kith.shared.PlainText;
import app.kith.shared.ValidationException;
import app.kith.storage.Database;
import app.kith.storage.Ids;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static app.kith.storage.Columns.date;
import static app.kith.storage.Columns.text;

/** The log of interactions; adding, changing or removing one moves its contacts' last touch and due date in the same transaction. */
public final class InteractionService {
    private static final int MAX_NOTE = 20_000;

    private final Database database;
    private final ContactService contacts;
    private final Clock clock;

    public InteractionService(Database database, ContactService contacts, Clock clock) {
        this.database = database;
        this.contacts = contacts;
        this.clock = clock;
    }

    /**
     * Logs an interaction on a day up to the day after the clock's: a caller that does not know the user's time zone
     * gives a day's grace, since it may already be tomorrow where they are.
     */
    public Interaction log(long userId, Collection<Long> contactIds, Kind kind, LocalDate on, String note) {
        return log(userId, contactIds, kind, on, note, Dates.latestAnywhere(clock));
    }

    /** Logs an interaction on a day up to {@code today}, the date it is for the user (a door that knows it says so). */
    public Interaction log(long userId, Collection<Long> contactIds, Kind kind, LocalDate on, String note, LocalDate today) {
        Set<Long> ids = new LinkedHashSet<>(contactIds);
        validate(ids, on, note, today);
        return database.inTransaction(handle -> {
            contacts.requireTheirs(handle, userId, ids);
            long id = handle.createQuery("INSERT INTO interactions (id, user_id, occurred_on, kind, note) VALUES ("
                            + Ids.next(database.dialect(), "interactions") + ", :userId, :on, :kind, :note) RETURNING id")
                    .bind("userId", userId).bind("on", on).bind("kind", kind.word()).bind("note", clean(note))
                    .mapTo(Long.class).one();
            link(handle, id, ids);
            refreshLastTouch(handle, userId, ids);
            return get(handle, userId, id);
        });
    }

    /** Changes an interaction's day, kind, note and people; the old and new people's due dates both move. */
    public Interaction edit(long userId, long interactionId, Collection<Long> contactIds, Kind kind, LocalDate on, String note) {
        Set<Long> ids = new LinkedHashSet<>(contactIds);
        validate(ids, on, note, Dates.latestAnywhere(clock));
        return database.inTransaction(handle -> {
            Interaction before = get(handle, userId, interactionId);
            contacts.requireTheirs(handle, userId, ids);
            handle.createUpdate("UPDATE interactions SET occurred_on = :on, kind = :kind, note = :note WHERE id = :id")
                    .bind("on", on).bind("kind", kind.word()).bind("note", clean(note)).bind("id", interactionId).execute();
            handle.createUpdate("DELETE FROM interaction_contacts WHERE interaction_id = :id").bind("id", interactionId).execute();
            link(handle, interactionId, ids);
            Set<Long> affected = new LinkedHashSet<>(ids);
            before.with().forEach(person -> affected.add(person.id()));
            refreshLastTouch(handle, userId, affected);
            return get(handle, userId, interactionId);
        });
    }

    /** Deletes one of the user's interactions; its people's last touch and due date follow. Returns it as it was. */
    public Interaction delete(long userId, long interactionId) {
        return delete(userId, interactionId, null);
    }

    /** One interaction of a contact's timeline (to ask before deleting it); another's, or one without them, is not found. */
    public Interaction onTimeline(long userId, long contactId, long interactionId) {
        return database.withHandle(handle -> onTimeline(handle, userId, contactId, interactionId));
    }

    private Interaction onTimeline(Handle handle, long userId, long contactId, long interactionId) {
        Interaction found = get(handle, userId, interactionId);
        if (found.with().stream().noneMatch(person -> person.id() == contactId)) {
            throw new NotFoundException("there is no interaction with id " + interactionId + " on this contact's timeline");
        }
        return found;
    }

    /** As {@link #delete(long, long)}, for one on a contact's timeline: one the contact had no part in is not found. */
    public Interaction deleteFromTimeline(long userId, long contactId, long interactionId) {
        return delete(userId, interactionId, contactId);
    }

    private Interaction delete(long userId, long interactionId, Long contactId) {
        return database.inTransaction(handle -> {
            Interaction before = contactId == null ? get(handle, userId, interactionId) : onTimeline(handle, userId, contactId, interactionId);
            String sourceKey = handle.createQuery("DELETE FROM interactions WHERE id = :id RETURNING source_key")
                    .bind("id", interactionId).mapTo(String.class).one();
            // Its number is not given again: a second 'unlog' of it, or an old Undo, finds nothing rather than another touch.
            Ids.retire(handle, database.dialect(), "interactions", interactionId);
            if (sourceKey != null) {
                // Imported: the next import of the same file must not bring it back.
                keepImportKeys(handle, userId, List.of(sourceKey));
            }
            Set<Long> affected = new LinkedHashSet<>();
            before.with().forEach(person -> affected.add(person.id()));
            refreshLastTouch(handle, userId, affected);
            return before;
        });
    }

    /**
     * A contact's interactions, newest first. The unary {@code +} keeps SQLite from walking every interaction of
     * the user by date (index interactions_day) instead of the contact's few through interaction_contacts.
     */
    public List<Interaction> timeline(long userId, long contactId) {
        return database.withHandle(handle -> load(handle, userId, """
                SELECT i.id, i.occurred_on, i.kind, i.note, k.id AS person_id, k.full_name AS person_name
                  FROM interaction_contacts mine
                  JOIN interactions i ON i.id = mine.interaction_id
                  LEFT JOIN interaction_contacts ic ON ic.interaction_id = i.id
                  LEFT JOIN contacts k ON k.id = ic.contact_id
                 WHERE mine.contact_id = :contactId AND +i.user_id = :userId
                 ORDER BY i.occurred_on DESC, i.id DESC, k.sort_name, k.id
                """, contactId));
    }

    /** An interaction from another system: its key there (so it is imported once), day, kind, note and people. */
    public record Imported(String sourceKey, LocalDate on, Kind kind, String note, Set<Long> contactIds) {
    }

    /**
     * Keys of imported rows that an interaction imported with another key already stands for (two LinkedIn days of
     * one touch), kept as a deleted interaction's are, so that no later import brings them in on their own.
     */
    public void keepImportKeys(Handle handle, long userId, Collection<String> keys) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO deleted_imports (user_id, source_key) VALUES (:userId, :key)");
        keys.forEach(key -> batch.bind("userId", userId).bind("key", key).add());
        if (!keys.isEmpty()) {
            batch.execute();
        }
    }

    /** The keys of the user's interactions imported so far whose key starts with {@code prefix}. */
    public Set<String> importedKeys(Handle handle, long userId, String prefix) {
        return new HashSet<>(handle.createQuery("""
                        SELECT source_key FROM interactions WHERE user_id = :userId AND source_key LIKE :prefix ESCAPE '!'
                        UNION
                        SELECT source_key FROM deleted_imports WHERE user_id = :userId AND source_key LIKE :prefix ESCAPE '!'
                        """)
                .bind("userId", userId)
                .bind("prefix", prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .mapTo(String.class)
                .list());
    }

    /**
     * Adds imported interactions in the caller's transaction, in batches, and moves their people's last touch
     * (a touch never moves it back) and due dates. The caller has checked that the contacts are the user's.
     */
    public void addImported(Handle handle, long userId, List<Imported> interactions) {
        if (interactions.isEmpty()) {
            return;
        }
        long id = Ids.reserve(handle, database.dialect(), "interactions", interactions.size());
        PreparedBatch insert = handle.prepareBatch("""
                INSERT INTO interactions (id, user_id, occurred_on, kind, note, source_key) VALUES (:id, :userId, :on, :kind, :note, :key)
                """);
        PreparedBatch link = handle.prepareBatch("INSERT INTO interaction_contacts (interaction_id, contact_id) VALUES (:id, :contactId)");
        Map<Long, LocalDate> newest = new HashMap<>();
        for (Imported interaction : interactions) {
            checkLength(interaction.note(), "an imported note");
            insert.bind("id", id).bind("userId", userId).bind("on", interaction.on()).bind("kind", interaction.kind().word())
                    .bind("note", clean(interaction.note())).bind("key", interaction.sourceKey()).add();
            for (long contactId : interaction.contactIds()) {
                link.bind("id", id).bind("contactId", contactId).add();
                if (interaction.kind() != Kind.SOCIAL) {
                    newest.merge(contactId, interaction.on(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            id++;
        }
        insert.execute();
        link.execute();
        Map<Long, LocalDate> current = new HashMap<>();
        List<Long> ids = new ArrayList<>(newest.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            handle.createQuery("SELECT id, last_touch_on FROM contacts WHERE user_id = :userId AND id IN (<ids>)")
                    .bind("userId", userId)
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .map((rows, context) -> Map.entry(rows.getLong(1), Optional.ofNullable(date(rows, "last_touch_on"))))
                    .forEach(row -> row.getValue().ifPresent(last -> current.put(row.getKey(), last)));
        }
        Map<Long, LocalDate> moved = new HashMap<>();
        newest.forEach((contactId, on) -> {
            LocalDate before = current.get(contactId);
            if (before == null || on.isAfter(before)) {
                moved.put(contactId, on);
            }
        });
        contacts.recordLastTouch(handle, userId, moved);
    }

    private Interaction get(Handle handle, long userId, long interactionId) {
        List<Interaction> found = load(handle, userId, """
                SELECT i.id, i.occurred_on, i.kind, i.note, k.id AS person_id, k.full_name AS person_name
                  FROM interactions i
                  LEFT JOIN interaction_contacts ic ON ic.interaction_id = i.id
                  LEFT JOIN contacts k ON k.id = ic.contact_id
                 WHERE i.user_id = :userId AND i.id = :interactionId
                 ORDER BY k.sort_name, k.id
                """, interactionId);
        if (found.isEmpty()) {
            throw new NotFoundException("there is no interaction with id " + interactionId);
        }
        return found.get(0);
    }

    /**
     * Interactions with their people, from one statement giving a row per person (ordered by interaction, then by
     * person), or one row with a null person for an interaction whose people were all removed.
     */
    private static List<Interaction> load(Handle handle, long userId, String sql, long key) {
        List<PersonRow> rows = handle.createQuery(sql)
                .bind("userId", userId).bind("contactId", key).bind("interactionId", key)
                .map((row, context) -> {
                    long personId = row.getLong("person_id");
                    Interaction.Participant person = row.wasNull() ? null : new Interaction.Participant(personId, text(row, "person_name"));
                    return new PersonRow(row.getLong("id"), date(row, "occurred_on"), text(row, "kind"), text(row, "note"), person);
                })
                .list();
        List<Interaction> interactions = new ArrayList<>();
        for (int first = 0; first < rows.size(); ) {
            PersonRow head = rows.get(first);
            List<Interaction.Participant> with = new ArrayList<>();
            int next = first;
            for (; next < rows.size() && rows.get(next).id() == head.id(); next++) {
                if (rows.get(next).person() != null) {
                    with.add(rows.get(next).person());
                }
            }
            interactions.add(new Interaction(head.id(), head.on(), Kind.parse(head.kind()), head.note(), List.copyOf(with)));
            first = next;
        }
        return interactions;
    }

    /** A row of {@link #load}: an interaction and one of its people (null if it has none left). */
    private record PersonRow(long id, LocalDate on, String kind, String note, Interaction.Participant person) {
    }

    private static void link(Handle handle, long interactionId, Set<Long> contactIds) {
        for (long contactId : contactIds) {
            handle.createUpdate("INSERT INTO interaction_contacts (interaction_id, contact_id) VALUES (:interactionId, :contactId)")
                    .bind("interactionId", interactionId).bind("contactId", contactId).execute();
        }
    }

    private void refreshLastTouch(Handle handle, long userId, Collection<Long> contactIds) {
        Map<Long, LocalDate> lastTouches = new HashMap<>();
        for (long contactId : contactIds) {
            LocalDate last = handle.createQuery("""
                            SELECT max(i.occurred_on) FROM interactions i
                              JOIN interaction_contacts ic ON ic.interaction_id = i.id
                             WHERE ic.contact_id = :contactId AND i.kind <> 'social'
                            """)
                    .bind("contactId", contactId)
                    .mapTo(LocalDate.class)
                    .findOne()
                    .orElse(null);
            lastTouches.put(contactId, last);
        }
        contacts.recordLastTouch(handle, userId, lastTouches);
    }

    /** The earliest day a touch can be logged on: one before it is a mistyped year (0001 for 2001). */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private static void validate(Set<Long> contactIds, LocalDate on, String note, LocalDate latest) {
        if (contactIds.isEmpty()) {
            throw new ValidationException("an interaction needs at least one contact");
        }
        // Named fields, so that a form can show each error beside its field, both at once.
        Refusals refused = new Refusals();
        refused.check(() -> checkDay(on, latest));
        refused.check(() -> checkNote(note));
        refused.throwAny();
    }

    /** Refuses a touch's day after {@code latest} (today, for the one logging it) or before 1900, under "on". */
    public static void checkDay(LocalDate on, LocalDate latest) {
        if (on.isAfter(latest)) {
            throw new ContactService.InvalidField("on", "the date " + on + " is in the future: log what has happened, on today or an earlier date");
        }
        if (on.isBefore(EARLIEST)) {
            throw new ContactService.InvalidField("on", "the date " + on + " is before " + EARLIEST.getYear() + ": check its year");
        }
    }

    /** Refuses a touch's note that is too long, under "note". */
    public static void checkNote(String note) {
        checkLength(note, "the note");
    }

    /** A note as it is stored (see {@link #clean}), refused when too long: for a restore, which writes stored values. */
    public static String stored(String note) {
        String kept = clean(note);
        checkLength(kept, "the note");
        return kept;
    }

    /** Refuses a note longer than {@link #MAX_NOTE}, naming the field ({@code what}: "the note", "an imported note"). */
    private static void checkLength(String note, String what) {
        if (note != null && note.length() > MAX_NOTE) {
            throw new ContactService.InvalidField("note", what + " is too long (" + note.length() + " characters): at most " + MAX_NOTE);
        }
    }

    /** A note as kept (see {@link PlainText#lines}), trimmed; a blank one is none. */
    private static String clean(String note) {
        String kept = PlainText.lines(note);
        return kept == null || kept.isBlank() ? null : kept.strip();
    }
}
