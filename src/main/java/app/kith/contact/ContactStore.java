package app.kith.contact;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.kith.storage.Columns.date;

/** The SQL that reads and writes contacts and their lists (emails, phones, tags, circles). */
final class ContactStore {
    private ContactStore() {
    }

    /** The contact with its lists, if it exists and belongs to the user. */
    static Optional<Contact> find(Handle handle, long userId, long contactId) {
        return handle.createQuery("SELECT * FROM contacts WHERE user_id = :userId AND id = :id")
                .bind("userId", userId)
                .bind("id", contactId)
                .map((rows, context) -> row(rows))
                .findOne()
                .map(row -> withLists(handle, userId, List.of(row)).get(0));
    }

    /** Contacts matching a filter, by name, with their lists. */
    static List<Contact> list(Handle handle, long userId, ContactFilter filter, Long circleId, LocalDate today) {
        String search = filter.search() == null || filter.search().isBlank() ? null : "%" + escapeLike(filter.search().trim()) + "%";
        List<Contact> rows = handle.createQuery("""
                        SELECT k.* FROM contacts k
                         WHERE k.user_id = :userId
                           AND k.archived = :archived
                           AND (:circleId IS NULL OR EXISTS (SELECT 1 FROM contact_circles cc
                                                              WHERE cc.contact_id = k.id AND cc.circle_id = :circleId))
                           AND (:tag IS NULL OR EXISTS (SELECT 1 FROM contact_tags t
                                                         WHERE t.contact_id = k.id AND lower(t.tag) = lower(:tag)))
                           AND (:due IS NULL OR k.due_on <= :due)
                           AND (:search IS NULL
                                OR lower(k.full_name) LIKE lower(:search) ESCAPE '!'
                                OR lower(k.company) LIKE lower(:search) ESCAPE '!'
                                OR lower(k.title) LIKE lower(:search) ESCAPE '!'
                                OR lower(k.city) LIKE lower(:search) ESCAPE '!'
                                OR lower(k.notes) LIKE lower(:search) ESCAPE '!'
                                OR EXISTS (SELECT 1 FROM contact_emails e
                                            WHERE e.contact_id = k.id AND lower(e.email) LIKE lower(:search) ESCAPE '!'))
                         ORDER BY lower(k.full_name), k.id
                        """)
                .bind("userId", userId)
                .bind("archived", filter.archived())
                .bindByType("circleId", circleId, Long.class)
                .bindByType("tag", blankToNull(filter.tag()), String.class)
                .bindByType("due", filter.dueOnly() ? today : null, LocalDate.class)
                .bindByType("search", search, String.class)
                .map((result, context) -> row(result))
                .list();
        return withLists(handle, userId, rows);
    }

    /** Id and name of every contact of the user whose name matches exactly (case-insensitive) or contains the text. */
    static List<Map.Entry<Long, String>> matchingNames(Handle handle, long userId, String text, boolean exact) {
        String pattern = exact ? text : "%" + escapeLike(text) + "%";
        return handle.createQuery("""
                        SELECT id, full_name FROM contacts
                         WHERE user_id = :userId AND lower(full_name) LIKE lower(:pattern) ESCAPE '!'
                         ORDER BY lower(full_name), id
                        """)
                .bind("userId", userId)
                .bind("pattern", exact ? escapeLike(pattern) : pattern)
                .map((rows, context) -> Map.entry(rows.getLong(1), rows.getString(2)))
                .list();
    }

    /** Id and name of every contact of the user, for a match in Java where SQL's lower() falls short (non-ASCII). */
    static List<Map.Entry<Long, String>> allNames(Handle handle, long userId) {
        return handle.createQuery("SELECT id, full_name FROM contacts WHERE user_id = :userId ORDER BY lower(full_name), id")
                .bind("userId", userId)
                .map((rows, context) -> Map.entry(rows.getLong(1), rows.getString(2)))
                .list();
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Contact row(ResultSet rows) throws SQLException {
        String zone = rows.getString("timezone");
        return new Contact(rows.getLong("id"), rows.getString("full_name"), List.of(), List.of(),
                rows.getString("company"), rows.getString("title"), rows.getString("city"), rows.getString("country"),
                zone == null ? null : ZoneId.of(zone), rows.getString("linkedin_url"), rows.getString("met_how"),
                date(rows, "met_on"), rows.getString("notes"), rows.getString("strengths"), List.of(), List.of(),
                ContactDays.parse(rows.getString("contact_days")), rows.getBoolean("archived"), date(rows, "added_on"),
                Cadence.ofIso(rows.getString("own_cadence")), Cadence.ofIso(rows.getString("cadence")),
                date(rows, "last_touch_on"), date(rows, "snoozed_until"), date(rows, "away_until"), date(rows, "due_on"));
    }

    private static List<Contact> withLists(Handle handle, long userId, List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return contacts;
        }
        // One query per list for the whole page of contacts; a single contact is the common case.
        String scope = contacts.size() == 1 ? "k.id = :id" : "k.user_id = :userId";
        Map<Long, List<String>> emails = listOf(handle, userId, contacts, scope,
                "SELECT e.contact_id, e.email FROM contact_emails e JOIN contacts k ON k.id = e.contact_id WHERE %s ORDER BY e.contact_id, e.position");
        Map<Long, List<String>> phones = listOf(handle, userId, contacts, scope,
                "SELECT p.contact_id, p.phone FROM contact_phones p JOIN contacts k ON k.id = p.contact_id WHERE %s ORDER BY p.contact_id, p.position");
        Map<Long, List<String>> tags = listOf(handle, userId, contacts, scope,
                "SELECT t.contact_id, t.tag FROM contact_tags t JOIN contacts k ON k.id = t.contact_id WHERE %s ORDER BY t.contact_id, lower(t.tag)");
        Map<Long, List<String>> circles = listOf(handle, userId, contacts, scope,
                "SELECT cc.contact_id, c.name FROM contact_circles cc JOIN circles c ON c.id = cc.circle_id JOIN contacts k ON k.id = cc.contact_id WHERE %s ORDER BY cc.contact_id, lower(c.name)");
        List<Contact> complete = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            complete.add(new Contact(c.id(), c.name(), emails.getOrDefault(c.id(), List.of()),
                    phones.getOrDefault(c.id(), List.of()), c.company(), c.title(), c.city(), c.country(), c.zone(),
                    c.linkedinUrl(), c.metHow(), c.metOn(), c.notes(), c.strengths(), tags.getOrDefault(c.id(), List.of()),
                    circles.getOrDefault(c.id(), List.of()), c.days(), c.archived(), c.addedOn(), c.ownCadence(),
                    c.cadence(), c.lastTouch(), c.snoozedUntil(), c.awayUntil(), c.dueOn()));
        }
        return complete;
    }

    private static Map<Long, List<String>> listOf(Handle handle, long userId, List<Contact> contacts, String scope, String sql) {
        Map<Long, List<String>> lists = new HashMap<>();
        handle.createQuery(String.format(sql, scope))
                .bind("userId", userId)
                .bind("id", contacts.get(0).id())
                .map((rows, context) -> Map.entry(rows.getLong(1), rows.getString(2)))
                .forEach(entry -> lists.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return lists;
    }

    static void replaceList(Handle handle, String table, String column, long contactId, Collection<String> values) {
        handle.createUpdate("DELETE FROM " + table + " WHERE contact_id = :id").bind("id", contactId).execute();
        int position = 0;
        for (String value : values) {
            handle.createUpdate("INSERT INTO " + table + " (contact_id, position, " + column + ") VALUES (:id, :position, :value)")
                    .bind("id", contactId)
                    .bind("position", position++)
                    .bind("value", value)
                    .execute();
        }
    }
}
