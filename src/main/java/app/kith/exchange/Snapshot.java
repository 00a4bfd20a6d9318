package app.kith.exchange;

import app.kith.contact.Contact;
import app.kith.exchange.UserExport.CareerEntry;
import app.kith.exchange.UserExport.CircleEntry;
import app.kith.exchange.UserExport.ContactEntry;
import app.kith.exchange.UserExport.InteractionEntry;
import app.kith.exchange.UserExport.PhotoEntry;
import app.kith.shared.Weekdays;
import app.kith.storage.Columns;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static app.kith.storage.Columns.decimal;
import static app.kith.storage.Columns.text;

/** Reads everything of a user, as stored, into a {@link UserExport}: the one read behind every export and backup. */
final class Snapshot {
    private Snapshot() {
    }

    /** The ids of every account, in order, for a backup. */
    static List<Long> userIds(Handle handle) {
        return handle.createQuery("SELECT id FROM users ORDER BY id").mapTo(Long.class).list();
    }

    static UserExport of(Handle handle, long userId) {
        UserExport.User user = handle.createQuery("""
                        SELECT username, is_owner, password_hash, name, city, country, timezone, work_start, work_end, work_days,
                               daily_limit
                          FROM users WHERE id = :userId
                        """)
                .bind("userId", userId)
                .map((rows, context) -> new UserExport.User(text(rows, "username"), rows.getBoolean("is_owner"),
                        text(rows, "password_hash"), text(rows, "name"), text(rows, "city"),
                        text(rows, "country"), text(rows, "timezone"), text(rows, "work_start"),
                        text(rows, "work_end"), Weekdays.stored(text(rows, "work_days"), Weekdays.MONDAY_TO_FRIDAY).given(),
                        rows.getInt("daily_limit")))
                .one();
        List<CircleEntry> circles = handle.createQuery("SELECT id, name, cadence FROM circles WHERE user_id = :userId ORDER BY id")
                .bind("userId", userId)
                .map((rows, context) -> new CircleEntry(rows.getLong(1), text(rows, 2), text(rows, 3)))
                .list();
        Map<Long, List<String>> emails = strings(handle, userId,
                "SELECT e.contact_id, e.email FROM contact_emails e JOIN contacts k ON k.id = e.contact_id WHERE k.user_id = :userId ORDER BY e.contact_id, e.position");
        Map<Long, List<String>> phones = strings(handle, userId,
                "SELECT p.contact_id, p.phone FROM contact_phones p JOIN contacts k ON k.id = p.contact_id WHERE k.user_id = :userId ORDER BY p.contact_id, p.position");
        Map<Long, List<String>> tags = strings(handle, userId,
                "SELECT t.contact_id, t.tag FROM contact_tags t JOIN contacts k ON k.id = t.contact_id WHERE k.user_id = :userId");
        tags.values().forEach(list -> list.sort(Contact.TAG_ORDER));
        Map<Long, List<Long>> memberships = ids(handle, userId,
                "SELECT cc.contact_id, cc.circle_id FROM contact_circles cc JOIN contacts k ON k.id = cc.contact_id WHERE k.user_id = :userId ORDER BY cc.contact_id, cc.circle_id");
        Map<Long, PhotoEntry> photos = new HashMap<>();
        handle.createQuery("SELECT p.contact_id, p.media_type, p.data FROM contact_photos p JOIN contacts k ON k.id = p.contact_id WHERE k.user_id = :userId")
                .bind("userId", userId)
                .map((rows, context) -> Map.entry(rows.getLong(1), new PhotoEntry(text(rows, 2), rows.getBytes(3))))
                .forEach(entry -> photos.put(entry.getKey(), entry.getValue()));
        List<ContactEntry> contacts = handle.createQuery("SELECT * FROM contacts WHERE user_id = :userId ORDER BY id")
                .bind("userId", userId)
                .map((rows, context) -> {
                    long id = rows.getLong("id");
                    return contact(rows, emails.getOrDefault(id, List.of()), phones.getOrDefault(id, List.of()),
                            tags.getOrDefault(id, List.of()), memberships.getOrDefault(id, List.of()), photos.get(id));
                })
                .list();
        Map<Long, List<Long>> people = ids(handle, userId,
                "SELECT ic.interaction_id, ic.contact_id FROM interaction_contacts ic JOIN interactions i ON i.id = ic.interaction_id WHERE i.user_id = :userId ORDER BY ic.interaction_id, ic.contact_id");
        List<InteractionEntry> interactions = handle.createQuery(
                        "SELECT id, occurred_on, kind, note, source_key FROM interactions WHERE user_id = :userId ORDER BY id")
                .bind("userId", userId)
                .map((rows, context) -> new InteractionEntry(rows.getLong("id"), date(rows, "occurred_on"), text(rows, "kind"),
                        text(rows, "note"), text(rows, "source_key"), people.getOrDefault(rows.getLong("id"), List.of())))
                .list();
        List<CareerEntry> moves = handle.createQuery("""
                        SELECT m.* FROM career_moves m JOIN contacts k ON k.id = m.contact_id WHERE k.user_id = :userId ORDER BY m.id
                        """)
                .bind("userId", userId)
                .map((rows, context) -> new CareerEntry(rows.getLong("id"), rows.getLong("contact_id"), date(rows, "changed_on"),
                        text(rows, "old_company"), text(rows, "old_title"), text(rows, "new_company"),
                        text(rows, "new_title"), text(rows, "source")))
                .list();
        List<String> deletedImports = handle.createQuery("SELECT source_key FROM deleted_imports WHERE user_id = :userId ORDER BY source_key")
                .bind("userId", userId)
                .mapTo(String.class)
                .list();
        return new UserExport(UserExport.FORMAT, UserExport.VERSION, user, circles, contacts, interactions, moves, deletedImports);
    }

    private static ContactEntry contact(ResultSet rows, List<String> emails, List<String> phones, List<String> tags,
                                        List<Long> circles, PhotoEntry photo) throws SQLException {
        int cadenceDays = rows.getInt("cadence_days");
        Integer days = rows.wasNull() ? null : cadenceDays;
        Double firstDueSpread = decimal(rows, "first_due_spread");
        return new ContactEntry(rows.getLong("id"), text(rows, "full_name"), emails, phones, text(rows, "company"),
                text(rows, "title"), text(rows, "city"), text(rows, "country"), text(rows, "timezone"),
                text(rows, "linkedin_url"), text(rows, "met_how"), date(rows, "met_on"), text(rows, "notes"),
                text(rows, "strengths"), text(rows, "birthday"), text(rows, "contact_days"),
                rows.getBoolean("archived"), date(rows, "added_on"), text(rows, "own_cadence"), text(rows, "cadence"),
                days, date(rows, "last_touch_on"), date(rows, "snoozed_until"), date(rows, "away_until"),
                date(rows, "due_on"), firstDueSpread, tags, circles, photo, text(rows, "job_source"));
    }

    private static String date(ResultSet rows, String column) throws SQLException {
        LocalDate date = Columns.date(rows, column);
        return date == null ? null : date.toString();
    }

    private static Map<Long, List<String>> strings(Handle handle, long userId, String sql) {
        Map<Long, List<String>> lists = new HashMap<>();
        handle.createQuery(sql)
                .bind("userId", userId)
                .map((rows, context) -> Map.entry(rows.getLong(1), text(rows, 2)))
                .forEach(entry -> lists.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return lists;
    }

    private static Map<Long, List<Long>> ids(Handle handle, long userId, String sql) {
        Map<Long, List<Long>> lists = new HashMap<>();
        handle.createQuery(sql)
                .bind("userId", userId)
                .map((rows, context) -> Map.entry(rows.getLong(1), rows.getLong(2)))
                .forEach(entry -> lists.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return lists;
    }
}
