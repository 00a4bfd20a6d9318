package app.kith.contact;

import app.kith.shared.Dates;
import app.kith.shared.PlainText;
import app.kith.shared.Weekdays;
import app.kith.storage.Database;
import app.kith.storage.Dialect;
import app.kith.storage.Ids;
import app.kith.storage.MultiRowInsert;
import app.kith.storage.SearchFold;
import org.jdbi.v3.core.Handle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static app.kith.storage.Columns.text;

/**
 * Writes contacts by the thousand in the caller's transaction, for imports and restores: the same fields and
 * rules as {@link ContactService}, with batched statements instead of a round of queries per contact.
 */
public final class ContactBulk {
    private final Database database;
    private final Dialect dialect;
    private final Clock clock;

    public ContactBulk(Database database, Clock clock) {
        this.database = database;
        this.dialect = database.dialect();
        this.clock = clock;
    }

    /** A contact's fields as a source gives them; null or empty for what it does not know. */
    public record Draft(String name, List<String> emails, List<String> phones, String company, String title,
                        String city, String country, String linkedinUrl, LocalDate metOn, String metHow,
                        String notes, Birthday birthday, Photo photo, List<String> tags) {
        public Draft {
            emails = emails == null ? List.of() : List.copyOf(emails);
            phones = phones == null ? List.of() : List.copyOf(phones);
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /**
     * The draft as Kith would store it (trimmed, blanks as null, a LinkedIn URL with its scheme), or a
     * {@link ContactService.InvalidField} naming what is wrong, exactly as adding the contact by hand would.
     */
    public Draft checked(Draft draft) {
        return checked(draft, clock);
    }

    /**
     * {@link #checked(Draft)} with {@code clock} for today, for a file checked before the database is opened. A date
     * may be a day past the clock's: the file's dates are the user's, whose time zone may be ahead of the machine's
     * (as for a message or a touch; later than that is a clock gone wrong).
     */
    public static Draft checked(Draft draft, Clock clock) {
        LocalDate latest = Dates.latestAnywhere(clock);
        String name = ContactService.line(draft.name(), null, "name", "name", ContactService.MAX_NAME);
        if (name == null) {
            throw new ContactService.InvalidField("name", "a contact needs a name");
        }
        if (PlainText.invisible(name)) {
            throw new ContactService.InvalidField("name", "a contact needs a name: it cannot be only characters that show nothing");
        }
        if (draft.metOn() != null && draft.metOn().isAfter(latest)) {
            throw new ContactService.InvalidField("metOn", "the date you met (" + draft.metOn() + ") is in the future");
        }
        Birthday birthday = draft.birthday() == null ? null : draft.birthday().kept();
        if (birthday != null && birthday.year() != null && birthday.day().atYear(birthday.year()).isAfter(latest)) {
            throw new ContactService.InvalidField("birthday", "the birthday " + birthday + " is in the future");
        }
        List<String> tags = new ArrayList<>(draft.tags().size());
        for (String tag : ContactService.splitTags(draft.tags())) {
            String clean = ContactService.line(tag, null, "tags", "tag", ContactService.MAX_TAG);
            if (clean != null) {
                tags.add(clean);
            }
        }
        tags = distinct(tags);
        List<String> emails = distinct(draft.emails().stream().map(ContactService::importedEmail).toList());
        List<String> phones = distinct(draft.phones().stream().map(ContactService::phone).toList());
        return new Draft(name, emails, phones,
                ContactService.line(draft.company(), null, "company", "company", ContactService.MAX_FIELD),
                ContactService.line(draft.title(), null, "title", "title", ContactService.MAX_FIELD),
                ContactService.line(draft.city(), null, "city", "city", ContactService.MAX_FIELD),
                ContactService.line(draft.country(), null, "country", "country", ContactService.MAX_FIELD),
                ContactService.linkedin(draft.linkedinUrl(), null),
                draft.metOn(),
                ContactService.text(draft.metHow(), null, "metHow", "how you met", ContactService.MAX_NOTE),
                ContactService.text(draft.notes(), null, "notes", "note", ContactService.MAX_NOTE),
                birthday, draft.photo(), tags);
    }

    /** The values in order, each once in any case (the first spelling kept): one pass, however long the list. */
    public static List<String> distinct(List<String> values) {
        Set<String> seen = new HashSet<>();
        List<String> once = new ArrayList<>(values.size());
        for (String value : values) {
            if (seen.add(PlainText.caseKey(value))) {
                once.add(value);
            }
        }
        return once;
    }

    /** Every contact of the user, archived ones too, with their lists, by id. */
    public List<Contact> all(Handle handle, long userId) {
        return existing(handle, userId).contacts();
    }

    /**
     * The user's contacts, which import each has its company and title from (for those that have them from one), and
     * the job each left last, as its latest career move tells it ({@link #jobKey}).
     */
    public record Existing(List<Contact> contacts, Map<Long, String> jobSources, Map<Long, String> leftJobs) {
    }

    /** A job as compared with another: company and title, case aside; a missing half is empty. */
    public static String jobKey(String company, String title) {
        return (company == null ? "" : company.toLowerCase(Locale.ROOT)) + "\u0000" + (title == null ? "" : title.toLowerCase(Locale.ROOT));
    }

    /** Every contact of the user with its lists, by id, and each one's job source, read in the same pass. */
    public Existing existing(Handle handle, long userId) {
        Map<Long, String> jobSources = new HashMap<>();
        List<Contact> rows = handle.createQuery("SELECT * FROM contacts WHERE user_id = :userId ORDER BY id")
                .bind("userId", userId)
                .map((result, context) -> {
                    Contact contact = ContactStore.row(result);
                    String source = text(result, "job_source");
                    if (source != null) {
                        jobSources.put(contact.id(), source);
                    }
                    return contact;
                })
                .list();
        Map<Long, String> leftJobs = new HashMap<>();
        handle.createQuery("""
                        SELECT m.contact_id, m.old_company, m.old_title FROM career_moves m JOIN contacts c ON c.id = m.contact_id
                         WHERE c.user_id = :userId ORDER BY m.contact_id, m.changed_on, m.id
                        """)
                .bind("userId", userId)
                .map((result, context) -> Map.entry(result.getLong(1), jobKey(text(result, 2), text(result, 3))))
                .forEach(job -> leftJobs.put(job.getKey(), job.getValue()));
        return new Existing(ContactStore.withLists(handle, userId, rows), jobSources, leftJobs);
    }

    /** The ids of the user's contacts that have a picture. */
    public Set<Long> withPhoto(Handle handle, long userId) {
        return new HashSet<>(handle.createQuery("""
                        SELECT p.contact_id FROM contact_photos p JOIN contacts k ON k.id = p.contact_id WHERE k.user_id = :userId
                        """)
                .bind("userId", userId)
                .mapTo(Long.class)
                .list());
    }

    /**
     * A new contact: checked fields, the circles it joins, for one never touched where its first due date falls, and
     * the import its company and title come from (null if it has neither).
     */
    public record NewContact(Draft fields, List<Long> circleIds, Double firstDueSpread, String jobSource) {
    }

    /**
     * Inserts new contacts with their lists, circles, pictures and schedule, and returns their ids in order.
     * Their due dates are set here from their circles' cadences, as {@link Schedule} would.
     */
    public List<Long> insert(Handle handle, long userId, List<NewContact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        try (Insert insert = inserting(handle, userId, LocalDate.now(clock))) {
            List<Long> ids = insert.write(contacts, contacts.size());
            insert.finish();
            return ids;
        }
    }

    /**
     * An {@link Insert} of new contacts into the user's network, in the caller's transaction, added on {@code today}
     * (the user's date) and first due from then.
     */
    public Insert inserting(Handle handle, long userId, LocalDate today) {
        return new Insert(handle, userId, today);
    }

    /**
     * New contacts written a few thousand at a time as an import decides them, so that the database works while the
     * rest of the file is still being read; {@link #finish} then indexes them all at once. Closing it gives the
     * connection its page cache back, whether the insert finished or failed.
     */
    public final class Insert implements AutoCloseable {
        private final Handle handle;
        private final long userId;
        private final LocalDate today;
        private final Object addedOn;
        /** An import's dates repeat (a few thousand days among tens of thousands of contacts): each is written out once. */
        private final Map<LocalDate, Object> dates = new HashMap<>();
        /**
         * The contacts' columns that are null in every row of a statement are left out of it: they default to null.
         * On SQLite the name's sort key is written here (else a trigger writes each row a second time to add it); on
         * PostgreSQL it is a generated column, given as null, so left out.
         */
        private final MultiRowInsert contact = new MultiRowInsert("contacts", """
                id, user_id, full_name, company, title, city, country, linkedin_url, met_how, met_on,
                notes, birthday, added_on, cadence, cadence_days, due_on, first_due_spread, job_source, sort_name""",
                Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, dateType(), Types.VARCHAR, Types.VARCHAR, dateType(), Types.VARCHAR,
                Types.INTEGER, dateType(), Types.DOUBLE, Types.VARCHAR, Types.VARCHAR).leavingOutNulls();
        private final Lists lists = new Lists();
        private Map<Long, Cadence> cadences;
        private BulkLoad load;

        private Insert(Handle handle, long userId, LocalDate today) {
            this.handle = handle;
            this.userId = userId;
            this.today = today;
            this.addedOn = date(today);
        }

        /**
         * Writes new contacts with their lists, circles and pictures, and returns their ids in order. {@code expected}
         * is how many this insert will write in all, as far as the caller knows yet: the first write prepares the
         * load for that many.
         */
        public List<Long> write(List<NewContact> contacts, int expected) {
            if (contacts.isEmpty()) {
                return List.of();
            }
            if (cadences == null) {
                cadences = circleCadences(handle, userId);
            }
            long id = Ids.reserve(handle, dialect, "contacts", contacts.size());
            if (load == null) {
                load = BulkLoad.start(handle, dialect, Math.max(expected, contacts.size()), id - 1,
                        database.checkpointsApart() ? database::checkpointSoon : null);
            }
            List<Long> ids = new ArrayList<>(contacts.size());
            for (NewContact entry : contacts) {
                Draft d = entry.fields();
                Cadence cadence = shortest(entry.circleIds(), cadences);
                contact.add(id, userId, d.name(), d.company(), d.title(), d.city(), d.country(), d.linkedinUrl(), d.metHow(),
                        date(dates, d.metOn()), d.notes(), d.birthday() == null ? null : d.birthday().text(), addedOn,
                        cadence == null ? null : cadence.iso(),
                        cadence == null ? null : (Integer) (int) Math.round(cadence.approximateDays()),
                        date(dates, due(cadence, entry.firstDueSpread())), entry.firstDueSpread(), entry.jobSource(),
                        dialect == Dialect.SQLITE ? SearchFold.plain(d.name()) : null);
                lists.add(id, 0, d.emails(), 0, d.phones(), d.tags(),
                        entry.circleIds().isEmpty() ? List.of() : new LinkedHashSet<>(entry.circleIds()), d.photo());
                ids.add(id++);
            }
            try {
                Connection connection = handle.getConnection();
                contact.write(connection);
                lists.write(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("inserting " + contacts.size() + " contacts failed: " + e.getMessage(), e);
            }
            load.wrote(ids.get(0), id);
            return ids;
        }

        /** After the last write: indexes the new contacts (on SQLite, for a big insert, each index at once). */
        public void finish() {
            if (load != null) {
                load.finish();
            }
        }

        private LocalDate due(Cadence cadence, Double spread) {
            return DueDate.of(cadence, null, today, spread, null, null, Weekdays.ANY);
        }

        @Override
        public void close() {
            try {
                contact.close();
                lists.close();
            } catch (SQLException e) {
                throw new IllegalStateException("closing the insert of contacts failed: " + e.getMessage(), e);
            } finally {
                if (load != null) {
                    load.close();
                }
            }
        }
    }

    /** The shortest cadence of the circles, the first of equal ones; null for none (no circle, or none with a cadence). */
    private static Cadence shortest(List<Long> circleIds, Map<Long, Cadence> cadences) {
        Cadence shortest = null;
        for (Long circleId : circleIds) {
            Cadence cadence = cadences.get(circleId);
            if (cadence != null && (shortest == null || cadence.compareTo(shortest) < 0)) {
                shortest = cadence;
            }
        }
        return shortest;
    }

    /**
     * What an import changes on a contact that is already there: the whole new values of its own fields (the
     * caller fills only what was empty), list entries to append, circles to join, a picture if it had none,
     * and the job it left, if its company or title changed; {@code jobSource} is the import its company and title
     * come from after the change (null when the user typed them).
     */
    public record Patch(long id, Draft fields, List<String> addEmails, List<String> addPhones, List<String> addTags,
                        List<Long> joinCircles, Photo photo, CareerMove move, int emailCount, int phoneCount,
                        String jobSource) {
    }

    public void update(Handle handle, long userId, List<Patch> patches) {
        if (patches.isEmpty()) {
            return;
        }
        Connection connection = handle.getConnection();
        List<Long> rescheduled = new ArrayList<>();
        try (Lists lists = new Lists();
             PreparedStatement contact = connection.prepareStatement("""
                UPDATE contacts SET full_name = ?, company = ?, title = ?, city = ?, country = ?, linkedin_url = ?,
                                    met_how = ?, met_on = ?, notes = ?, birthday = ?, job_source = ?
                 WHERE id = ? AND user_id = ?""");
             PreparedStatement move = connection.prepareStatement("""
                     INSERT INTO career_moves (contact_id, changed_on, old_company, old_title, new_company, new_title, source)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (Patch patch : patches) {
                Draft d = patch.fields();
                int i = 1;
                contact.setString(i++, d.name());
                contact.setString(i++, d.company());
                contact.setString(i++, d.title());
                contact.setString(i++, d.city());
                contact.setString(i++, d.country());
                contact.setString(i++, d.linkedinUrl());
                contact.setString(i++, d.metHow());
                setDate(contact, i++, d.metOn());
                contact.setString(i++, d.notes());
                contact.setString(i++, d.birthday() == null ? null : d.birthday().text());
                contact.setString(i++, patch.jobSource());
                contact.setLong(i++, patch.id());
                contact.setLong(i, userId);
                contact.addBatch();
                lists.add(patch.id(), patch.emailCount(), patch.addEmails(), patch.phoneCount(), patch.addPhones(), patch.addTags(),
                        patch.joinCircles(), patch.photo());
                if (!patch.joinCircles().isEmpty()) {
                    rescheduled.add(patch.id());
                }
                if (patch.move() != null) {
                    CareerMove m = patch.move();
                    move.setLong(1, patch.id());
                    setDate(move, 2, m.on());
                    move.setString(3, m.fromCompany());
                    move.setString(4, m.fromTitle());
                    move.setString(5, m.toCompany());
                    move.setString(6, m.toTitle());
                    move.setString(7, m.source());
                    move.addBatch();
                }
            }
            contact.executeBatch();
            lists.write(connection);
            move.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("updating " + patches.size() + " contacts failed: " + e.getMessage(), e);
        }
        Schedule.refresh(handle, userId, rescheduled);
    }

    /** The cadence of each of the user's circles, by id. */
    public Map<Long, Cadence> circleCadences(Handle handle, long userId) {
        Map<Long, Cadence> cadences = new HashMap<>();
        handle.createQuery("SELECT id, cadence FROM circles WHERE user_id = :userId")
                .bind("userId", userId)
                .map((rows, context) -> Map.entry(rows.getLong(1), Cadence.ofIso(text(rows, 2))))
                .forEach(entry -> cadences.put(entry.getKey(), entry.getValue()));
        return cadences;
    }

    /** The rows a contact's lists add, written after the contacts themselves, each table in turn. */
    private final class Lists implements AutoCloseable {
        private final MultiRowInsert emails = new MultiRowInsert("contact_emails", "contact_id, position, email",
                Types.BIGINT, Types.INTEGER, Types.VARCHAR);
        private final MultiRowInsert phones = new MultiRowInsert("contact_phones", "contact_id, position, phone",
                Types.BIGINT, Types.INTEGER, Types.VARCHAR);
        private final MultiRowInsert tags = new MultiRowInsert("contact_tags", "contact_id, tag", Types.BIGINT, Types.VARCHAR);
        private final MultiRowInsert circles = new MultiRowInsert("contact_circles", "contact_id, circle_id", Types.BIGINT, Types.BIGINT);
        private final MultiRowInsert photos = new MultiRowInsert("contact_photos", "contact_id, media_type, data",
                Types.BIGINT, Types.VARCHAR, dialect == Dialect.SQLITE ? Types.BLOB : Types.BINARY);

        /** Emails and phones numbered on from {@code emailFrom} and {@code phoneFrom}; a photo, if not null. */
        void add(long id, int emailFrom, List<String> emailValues, int phoneFrom, List<String> phoneValues,
                 Collection<String> tagValues, Collection<Long> circleIds, Photo photo) {
            int position = emailFrom;
            for (String email : emailValues) {
                emails.add(id, position++, email);
            }
            position = phoneFrom;
            for (String phone : phoneValues) {
                phones.add(id, position++, phone);
            }
            for (String tag : tagValues) {
                tags.add(id, tag);
            }
            for (long circleId : circleIds) {
                circles.add(id, circleId);
            }
            if (photo != null) {
                photos.add(id, photo.mediaType(), photo.data());
            }
        }

        void write(Connection connection) throws SQLException {
            emails.write(connection);
            phones.write(connection);
            tags.write(connection);
            circles.write(connection);
            photos.write(connection);
        }

        @Override
        public void close() throws SQLException {
            try (emails; phones; tags; circles; photos) {
                // each insert's statements closed, whatever the others do
            }
        }
    }

    /** A date as the dialect stores it: ISO text on SQLite, a DATE on PostgreSQL. */
    private Object date(LocalDate date) {
        return date == null || dialect != Dialect.SQLITE ? date : date.toString();
    }

    private Object date(Map<LocalDate, Object> seen, LocalDate date) {
        return date == null ? null : seen.computeIfAbsent(date, this::date);
    }

    private int dateType() {
        return dialect == Dialect.SQLITE ? Types.VARCHAR : Types.DATE;
    }

    private void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, dialect == Dialect.SQLITE ? Types.VARCHAR : Types.DATE);
        } else if (dialect == Dialect.SQLITE) {
            statement.setString(index, date.toString());
        } else {
            statement.setObject(index, date);
        }
    }
}
