package app.kith.contact;

import app.kith.shared.NotFoundException;
import app.kith.shared.TimeZones;
import app.kith.shared.ValidationException;
import app.kith.storage.Database;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Adds, changes, finds and lists a user's contacts, keeping each one's due date right as it goes. */
public final class ContactService {
    private static final int MAX_NAME = 200;
    private static final int MAX_FIELD = 500;
    private static final int MAX_NOTE = 20_000;

    private final Database database;
    private final CircleService circles;
    private final Clock clock;

    public ContactService(Database database, CircleService circles, Clock clock) {
        this.database = database;
        this.circles = circles;
        this.clock = clock;
    }

    public Contact add(long userId, ContactChanges fields) {
        if (fields.name() == null || fields.name().isBlank()) {
            throw new ValidationException("a contact needs a name");
        }
        return database.inTransaction(handle -> {
            long id = handle.createQuery("INSERT INTO contacts (user_id, full_name, added_on) VALUES (:userId, :name, :today) RETURNING id")
                    .bind("userId", userId)
                    .bind("name", fields.name().trim())
                    .bind("today", LocalDate.now(clock))
                    .mapTo(Long.class)
                    .one();
            return apply(handle, userId, id, fields);
        });
    }

    public Contact edit(long userId, long contactId, ContactChanges changes) {
        return database.inTransaction(handle -> {
            get(handle, userId, contactId);
            return apply(handle, userId, contactId, changes);
        });
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
        return setBlockedThrough(userId, contactId, "snoozed_until", until);
    }

    /** Records that the contact is away (travelling, on leave) through {@code until}. */
    public Contact away(long userId, long contactId, LocalDate until) {
        return setBlockedThrough(userId, contactId, "away_until", until);
    }

    private Contact setBlockedThrough(long userId, long contactId, String column, LocalDate until) {
        if (until.isBefore(LocalDate.now(clock))) {
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
                .orElseThrow(() -> new NotFoundException("there is no contact with id " + contactId));
    }

    public List<Contact> list(long userId, ContactFilter filter) {
        return database.withHandle(handle -> {
            Long circleId = filter.circle() == null ? null : circles.get(handle, userId, filter.circle()).id();
            return ContactStore.list(handle, userId, filter, circleId, LocalDate.now(clock));
        });
    }

    /**
     * Finds a contact by id or by name: an exact (case-insensitive) full name first, else a unique part of
     * a name. An ambiguous name fails with the candidates.
     */
    public Contact resolve(long userId, String reference) {
        String text = reference == null ? "" : reference.trim();
        if (text.isEmpty()) {
            throw new ValidationException("name a contact by id or by name");
        }
        return database.withHandle(handle -> {
            if (text.matches("#?\\d{1,18}")) {
                return get(handle, userId, Long.parseLong(text.replace("#", "")));
            }
            List<Map.Entry<Long, String>> matches;
            if (text.chars().allMatch(c -> c < 128)) {
                matches = ContactStore.matchingNames(handle, userId, text, true);
                if (matches.isEmpty()) {
                    matches = ContactStore.matchingNames(handle, userId, text, false);
                }
            } else {
                // SQL's lower() folds only ASCII on SQLite, so other letters are compared here, exact names first.
                String folded = text.toLowerCase(Locale.ROOT);
                List<Map.Entry<Long, String>> all = ContactStore.allNames(handle, userId);
                matches = all.stream().filter(e -> e.getValue().toLowerCase(Locale.ROOT).equals(folded)).toList();
                if (matches.isEmpty()) {
                    matches = all.stream().filter(e -> e.getValue().toLowerCase(Locale.ROOT).contains(folded)).toList();
                }
            }
            if (matches.isEmpty()) {
                throw new NotFoundException("no contact matches '" + text + "': see 'kith contacts --search TEXT'");
            }
            if (matches.size() > 1) {
                throw new ValidationException("'" + text + "' matches " + matches.size() + " contacts: "
                        + matches.stream().limit(10).map(e -> e.getValue() + " (#" + e.getKey() + ")").collect(Collectors.joining(", "))
                        + (matches.size() > 10 ? ", ..." : "") + "; name one by its full name or #id");
            }
            return get(handle, userId, matches.get(0).getKey());
        });
    }

    private Contact apply(Handle handle, long userId, long id, ContactChanges changes) {
        Contact current = get(handle, userId, id);
        ZoneId zone = changes.timezone() == null ? current.zone() : TimeZones.parse(changes.timezone());
        ContactDays days = changes.days() == null ? current.days() : ContactDays.parse(changes.days());
        Cadence own = changes.clearEvery() ? null : changes.every() != null ? changes.every() : current.ownCadence();
        LocalDate metOn = changes.metOn() != null ? changes.metOn() : current.metOn();
        if (metOn != null && metOn.isAfter(LocalDate.now(clock))) {
            throw new ValidationException("the date you met (" + metOn + ") is in the future: give a past date");
        }
        handle.createUpdate("""
                        UPDATE contacts SET full_name = :name, company = :company, title = :title, city = :city,
                               country = :country, timezone = :timezone, linkedin_url = :linkedin, met_how = :metHow,
                               met_on = :metOn, notes = :notes, strengths = :strengths, contact_days = :days,
                               own_cadence = :own
                         WHERE id = :id AND user_id = :userId
                        """)
                .bind("name", required(changes.name(), current.name()))
                .bind("company", text(changes.company(), current.company(), "company", MAX_FIELD))
                .bind("title", text(changes.title(), current.title(), "title", MAX_FIELD))
                .bind("city", text(changes.city(), current.city(), "city", MAX_FIELD))
                .bind("country", text(changes.country(), current.country(), "country", MAX_FIELD))
                .bind("timezone", zone == null ? null : zone.getId())
                .bind("linkedin", linkedin(changes.linkedinUrl(), current.linkedinUrl()))
                .bind("metHow", text(changes.metHow(), current.metHow(), "how you met", MAX_NOTE))
                .bindByType("metOn", metOn, LocalDate.class)
                .bind("notes", text(changes.notes(), current.notes(), "note", MAX_NOTE))
                .bind("strengths", text(changes.strengths(), current.strengths(), "strengths", MAX_NOTE))
                .bind("days", days.text())
                .bind("own", own == null ? null : own.iso())
                .bind("id", id)
                .bind("userId", userId)
                .execute();
        if (!changes.addEmails().isEmpty() || !changes.removeEmails().isEmpty()) {
            ContactStore.replaceList(handle, "contact_emails", "email", id,
                    merged(current.emails(), changes.addEmails().stream().map(ContactService::email).toList(), changes.removeEmails()));
        }
        if (!changes.addPhones().isEmpty() || !changes.removePhones().isEmpty()) {
            ContactStore.replaceList(handle, "contact_phones", "phone", id,
                    merged(current.phones(), changes.addPhones().stream().map(ContactService::phone).toList(), changes.removePhones()));
        }
        for (String tag : changes.addTags()) {
            String clean = text(tag, null, "tag", 100);
            if (clean != null && current.tags().stream().noneMatch(clean::equalsIgnoreCase)) {
                handle.createUpdate("INSERT INTO contact_tags (contact_id, tag) VALUES (:id, :tag)")
                        .bind("id", id).bind("tag", clean).execute();
            }
        }
        for (String tag : changes.removeTags()) {
            int removed = handle.createUpdate("DELETE FROM contact_tags WHERE contact_id = :id AND lower(tag) = lower(:tag)")
                    .bind("id", id).bind("tag", tag.trim()).execute();
            if (removed == 0) {
                throw new ValidationException(current.name() + " has no tag '" + tag + "'");
            }
        }
        for (String circle : changes.addCircles()) {
            long circleId = circles.get(handle, userId, circle).id();
            handle.createUpdate("""
                            INSERT INTO contact_circles (contact_id, circle_id) SELECT :id, :circleId
                             WHERE NOT EXISTS (SELECT 1 FROM contact_circles WHERE contact_id = :id AND circle_id = :circleId)
                            """)
                    .bind("id", id).bind("circleId", circleId).execute();
        }
        for (String circle : changes.removeCircles()) {
            long circleId = circles.get(handle, userId, circle).id();
            int removed = handle.createUpdate("DELETE FROM contact_circles WHERE contact_id = :id AND circle_id = :circleId")
                    .bind("id", id).bind("circleId", circleId).execute();
            if (removed == 0) {
                throw new ValidationException(current.name() + " is not in the circle '" + circle + "'");
            }
        }
        Schedule.refresh(handle, userId, List.of(id));
        return get(handle, userId, id);
    }

    private static List<String> merged(List<String> current, List<String> added, List<String> removed) {
        Set<String> result = new LinkedHashSet<>(current);
        for (String value : added) {
            if (result.stream().noneMatch(value::equalsIgnoreCase)) {
                result.add(value);
            }
        }
        for (String value : removed) {
            if (!result.removeIf(existing -> existing.equalsIgnoreCase(value.trim()))) {
                throw new ValidationException("'" + value + "' is not among " + String.join(", ", current));
            }
        }
        return new ArrayList<>(result);
    }

    private static String email(String email) {
        String trimmed = email.trim();
        if (!trimmed.matches("[^@\\s]+@[^@\\s]+") || trimmed.length() > 254) {
            throw new ValidationException("'" + email + "' is not an email address: use name@example.com");
        }
        return trimmed;
    }

    private static String phone(String phone) {
        String trimmed = phone.trim();
        if (!trimmed.matches("[+()\\d][\\d\\s().\\-/x+]{2,40}")) {
            throw new ValidationException("'" + phone + "' is not a phone number: use digits, spaces and + ( ) - only");
        }
        return trimmed;
    }

    private static String linkedin(String change, String current) {
        String url = text(change, current, "LinkedIn URL", MAX_FIELD);
        if (url == null || url.equals(current)) {
            return url;
        }
        String withScheme = url.startsWith("http://") || url.startsWith("https://") ? url : "https://" + url;
        if (!withScheme.matches("https?://([\\w-]+\\.)?linkedin\\.com/\\S+")) {
            throw new ValidationException("'" + change + "' is not a LinkedIn profile URL: use https://www.linkedin.com/in/NAME");
        }
        return withScheme;
    }

    private static String required(String change, String current) {
        if (change == null) {
            return current;
        }
        String name = text(change, null, "name", MAX_NAME);
        if (name == null) {
            throw new ValidationException("a contact needs a name: it cannot be blank");
        }
        return name;
    }

    private static String text(String change, String current, String field, int max) {
        if (change == null) {
            return current;
        }
        String trimmed = change.strip();
        if (trimmed.length() > max) {
            throw new ValidationException("the " + field + " is too long (" + trimmed.length() + " characters): at most " + max);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }
}
