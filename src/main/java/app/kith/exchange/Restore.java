package app.kith.exchange;

import app.kith.account.AccountService;
import app.kith.account.DailyLimit;
import app.kith.account.SessionService;
import app.kith.account.WorkHours;
import app.kith.contact.Birthday;
import app.kith.contact.Cadence;
import app.kith.contact.ContactBulk;
import app.kith.contact.CircleService;
import app.kith.contact.ContactService;
import app.kith.contact.FieldFormats;
import app.kith.exchange.UserExport.CareerEntry;
import app.kith.exchange.UserExport.CircleEntry;
import app.kith.exchange.UserExport.ContactEntry;
import app.kith.exchange.UserExport.InteractionEntry;
import app.kith.interaction.InteractionService;
import app.kith.interaction.Kind;
import app.kith.shared.Dates;
import app.kith.shared.KithException;
import app.kith.shared.PlainText;
import app.kith.shared.Quoted;
import app.kith.shared.ValidationException;
import app.kith.shared.Weekdays;
import app.kith.storage.Dialect;
import app.kith.storage.Ids;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneRulesException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static app.kith.storage.Columns.text;

/**
 * Writes a {@link UserExport} back into the database, in the caller's transaction: every row with its id when
 * the id is free (so that exporting again gives the same file), else with new ids, and stored values as they were.
 */
final class Restore {
    static final List<String> TABLES = List.of("users", "circles", "contacts", "interactions", "career_moves");

    private final Handle handle;
    private final Dialect dialect;
    /** The latest day that is today somewhere on Earth: no touch can be logged later. */
    private final LocalDate latest;

    Restore(Handle handle, Dialect dialect, LocalDate latest) {
        this.handle = handle;
        this.dialect = dialect;
        this.latest = latest;
    }

    int contacts(long userId) {
        return count("SELECT count(*) FROM contacts WHERE user_id = :userId", userId);
    }

    int allContacts() {
        return handle.createQuery("SELECT count(*) FROM contacts").mapTo(Integer.class).one();
    }

    int allInteractions() {
        return handle.createQuery("SELECT count(*) FROM interactions").mapTo(Integer.class).one();
    }

    /**
     * Makes room for a backup's accounts: an account the backup does not name is removed when it holds no contacts
     * and no interactions (Kith makes its owner on first use, before a restore), and otherwise kept, no longer the
     * owner when the backup has one. Returns the names removed.
     */
    List<String> retireOthers(List<UserExport> users) {
        // As given and as names are kept now: an account of either is the backup's (see account below).
        Set<String> named = users.stream().map(user -> user.user().username())
                .flatMap(name -> Stream.of(name.strip(), AccountService.normal(name)))
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        boolean backupHasOwner = users.stream().anyMatch(user -> Boolean.TRUE.equals(user.user().owner()));
        List<String> removed = new ArrayList<>();
        List<Held> accounts = handle.createQuery("""
                        SELECT u.id, u.username,
                               (SELECT count(*) FROM contacts c WHERE c.user_id = u.id)
                             + (SELECT count(*) FROM interactions i WHERE i.user_id = u.id)
                        FROM users u ORDER BY u.id""")
                .map((row, context) -> new Held(row.getLong(1), text(row, 2), row.getLong(3)))
                .list();
        for (Held account : accounts) {
            if (named.contains(account.username().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (account.rows() == 0) {
                handle.createUpdate("DELETE FROM users WHERE id = :id").bind("id", account.id()).execute();
                AccountService.changed(handle);
                SessionService.forgetRemembered(handle); // its sessions went with it
                removed.add(account.username());
            } else if (backupHasOwner) {
                handle.createUpdate("UPDATE users SET is_owner = :owner WHERE id = :id").bind("owner", false).bind("id", account.id()).execute();
            }
        }
        return removed;
    }

    /** An account and how many contacts and interactions it holds. */
    private record Held(long id, String username, long rows) {
    }

    /** The account named in a backup: the one of that name, else a new one (with the backup's id when it is free). */
    long account(UserExport.User user) {
        Long found = AccountService.named(handle.createQuery("SELECT id FROM users WHERE " + AccountService.NAMED), user.username())
                .mapTo(Long.class)
                .findOne()
                .orElse(null);
        if (found != null) {
            return found;
        }
        long id = handle.createQuery("SELECT coalesce(max(id), 0) + 1 FROM users").mapTo(Long.class).one();
        handle.createUpdate("INSERT INTO users (id, username, is_owner) VALUES (:id, :username, :owner)")
                .bind("id", id)
                // As the backup names it, as every other field comes back: one an older version named in another form
                // than names are kept in now (a full-width ｂｏｂ) stays found by that name, and apart from a bob.
                .bind("username", user.username().strip())
                .bind("owner", Boolean.TRUE.equals(user.owner()))
                .execute();
        return id;
    }

    /** Removes the user's circles, contacts, interactions and deleted imports' keys, to be replaced. */
    void clear(long userId) {
        for (String table : List.of("interactions", "contacts", "circles", "deleted_imports")) {
            handle.createUpdate("DELETE FROM " + table + " WHERE user_id = :userId").bind("userId", userId).execute();
        }
    }

    /** Sets the account's settings; its password and owner flag too when the export is a backup's. */
    void settings(long userId, UserExport.User given) {
        if (given.timezone() != null) {
            ZoneId.of(given.timezone());
        }
        if (given.workStart() == null || given.workEnd() == null) {
            throw new IllegalArgumentException("the account's working hours are missing");
        }
        WorkHours.parse(given.workStart() + "-" + given.workEnd());
        // An export made before working days were kept: the days everyone had then.
        Weekdays workDays = given.workDays() == null ? Weekdays.MONDAY_TO_FRIDAY
                : about("the account's working days", () -> Weekdays.parse(given.workDays()));
        UserExport.User user = new UserExport.User(given.username(), given.owner(), given.passwordHash(),
                about("the account", () -> AccountService.profileText(given.name(), "name")),
                about("the account", () -> AccountService.profileText(given.city(), "city")),
                about("the account", () -> AccountService.profileText(given.country(), "country")),
                given.timezone(), given.workStart(), given.workEnd(), workDays.text(), given.dailyLimit());
        about("the account", () -> DailyLimit.checked(user.dailyLimit()));
        handle.createUpdate("""
                        UPDATE users SET name = :name, city = :city, country = :country, timezone = :timezone,
                                         work_start = :workStart, work_end = :workEnd, work_days = :workDays,
                                         daily_limit = :dailyLimit
                         WHERE id = :id
                        """)
                .bindMethods(user)
                .bind("id", userId)
                .execute();
        AccountService.changed(handle);
        if (user.passwordHash() != null || user.owner() != null) {
            handle.createUpdate("UPDATE users SET password_hash = :hash, is_owner = :owner WHERE id = :id")
                    .bind("hash", user.passwordHash())
                    .bind("owner", Boolean.TRUE.equals(user.owner()))
                    .bind("id", userId)
                    .execute();
            SessionService.forgetRemembered(handle); // a session that came with the old password is read again
        }
    }

    /** Inserts the export's circles, contacts, interactions and career moves for the user, whose own are gone. */
    void data(long userId, UserExport export) {
        List<CircleEntry> circles = orEmpty(export.circles());
        List<ContactEntry> contacts = orEmpty(export.contacts());
        List<InteractionEntry> interactions = orEmpty(export.interactions());
        List<CareerEntry> moves = orEmpty(export.careerMoves());
        Map<Long, Long> circleIds = ids("circles", circles, CircleEntry::id);
        Map<Long, Long> contactIds = ids("contacts", contacts, ContactEntry::id);
        Map<Long, Long> interactionIds = ids("interactions", interactions, InteractionEntry::id);
        Map<Long, Long> moveIds = ids("career_moves", moves, CareerEntry::id);

        PreparedBatch circle = handle.prepareBatch("INSERT INTO circles (id, user_id, name, cadence) VALUES (:id, :userId, :name, :cadence)");
        Set<String> circleNames = new HashSet<>();
        for (CircleEntry entry : circles) {
            about("circle " + entry.id(), () -> cadence(entry.cadence()));
            // Cleaned to one line first: a name an older Kith kept with a tab in it is restored with a space instead.
            String name = about("circle " + entry.id(), () -> CircleService.validName(PlainText.oneLine(entry.name())));
            if (!circleNames.add(PlainText.caseKey(name))) {
                throw new IllegalArgumentException("two circles are named " + Quoted.of(name) + " (in any case)");
            }
            circle.bind("id", circleIds.get(entry.id())).bind("userId", userId).bind("name", name)
                    .bind("cadence", entry.cadence()).add();
        }
        execute(circle);

        PreparedBatch contact = handle.prepareBatch("""
                INSERT INTO contacts (id, user_id, full_name, company, title, city, country, timezone, linkedin_url, met_how,
                                      met_on, notes, strengths, birthday, contact_days, archived, added_on, own_cadence,
                                      cadence, cadence_days, last_touch_on, snoozed_until, away_until, due_on, first_due_spread,
                                      job_source)
                VALUES (:id, :userId, :name, :company, :title, :city, :country, :timezone, :linkedinUrl, :metHow,
                        :metOn, :notes, :strengths, :birthday, :days, :archived, :addedOn, :ownCadence,
                        :cadence, :cadenceDays, :lastTouchOn, :snoozedUntil, :awayUntil, :dueOn, :firstDueSpread,
                        :jobSource)""");
        PreparedBatch email = handle.prepareBatch("INSERT INTO contact_emails (contact_id, position, email) VALUES (:id, :position, :value)");
        PreparedBatch phone = handle.prepareBatch("INSERT INTO contact_phones (contact_id, position, phone) VALUES (:id, :position, :value)");
        PreparedBatch tag = handle.prepareBatch("INSERT INTO contact_tags (contact_id, tag) VALUES (:id, :tag)");
        PreparedBatch member = handle.prepareBatch("INSERT INTO contact_circles (contact_id, circle_id) VALUES (:id, :circleId)");
        PreparedBatch photo = handle.prepareBatch("INSERT INTO contact_photos (contact_id, media_type, data) VALUES (:id, :mediaType, :data)");
        for (ContactEntry stored : contacts) {
            long id = contactIds.get(stored.id());
            ContactEntry entry = cleaned(stored, latest);
            contact.bind("id", id).bind("userId", userId).bind("name", entry.name()).bind("company", entry.company())
                    .bind("title", entry.title()).bind("city", entry.city()).bind("country", entry.country())
                    .bind("timezone", entry.timezone()).bind("linkedinUrl", entry.linkedinUrl()).bind("metHow", entry.metHow())
                    .bindByType("metOn", date(entry.metOn()), LocalDate.class).bind("notes", entry.notes())
                    .bind("strengths", entry.strengths()).bind("birthday", entry.birthday()).bind("days", entry.days())
                    .bind("archived", entry.archived()).bindByType("addedOn", date(entry.addedOn()), LocalDate.class)
                    .bind("ownCadence", entry.ownCadence()).bind("cadence", entry.cadence())
                    .bind("cadenceDays", entry.cadenceDays())
                    .bindByType("lastTouchOn", date(entry.lastTouchOn()), LocalDate.class)
                    .bindByType("snoozedUntil", date(entry.snoozedUntil()), LocalDate.class)
                    .bindByType("awayUntil", date(entry.awayUntil()), LocalDate.class)
                    .bindByType("dueOn", date(entry.dueOn()), LocalDate.class)
                    .bind("firstDueSpread", entry.firstDueSpread())
                    .bind("jobSource", entry.jobSource())
                    .add();
            int position = 0;
            for (String value : orEmpty(entry.emails())) {
                email.bind("id", id).bind("position", position++).bind("value", value).add();
            }
            position = 0;
            for (String value : orEmpty(entry.phones())) {
                phone.bind("id", id).bind("position", position++).bind("value", value).add();
            }
            for (String value : entry.tags()) {
                tag.bind("id", id).bind("tag", value).add();
            }
            for (long circleId : new LinkedHashSet<>(orEmpty(entry.circles()))) {
                member.bind("id", id).bind("circleId", known(circleIds, circleId, "contact " + entry.id() + " is in circle")).add();
            }
            if (entry.photo() != null && entry.photo().data() != null) {
                photo.bind("id", id).bind("mediaType", PlainText.withoutControls(entry.photo().mediaType())).bind("data", entry.photo().data()).add();
            }
        }
        List.of(contact, email, phone, tag, member, photo).forEach(Restore::execute);

        PreparedBatch interaction = handle.prepareBatch("""
                INSERT INTO interactions (id, user_id, occurred_on, kind, note, source_key) VALUES (:id, :userId, :on, :kind, :note, :key)""");
        PreparedBatch people = handle.prepareBatch("INSERT INTO interaction_contacts (interaction_id, contact_id) VALUES (:id, :contactId)");
        for (InteractionEntry entry : interactions) {
            long id = interactionIds.get(entry.id());
            String where = "interaction " + entry.id();
            about(where, () -> Kind.parse(entry.kind()));
            String note = about(where, () -> InteractionService.stored(entry.note()));
            // As a touch logged with the day still to come is refused: it would head the timeline and stand as the
            // contact's last touch at the next change, keeping them off Today until then.
            LocalDate on = notAfter(about(where, () -> required(entry.on(), "its day")), latest, where);
            interaction.bind("id", id).bind("userId", userId).bindByType("on", on, LocalDate.class)
                    .bind("kind", entry.kind()).bind("note", note).bind("key", PlainText.withoutControls(entry.sourceKey())).add();
            for (long contactId : new LinkedHashSet<>(orEmpty(entry.contacts()))) {
                people.bind("id", id).bind("contactId", known(contactIds, contactId, "interaction " + entry.id() + " names contact")).add();
            }
        }
        execute(interaction);
        execute(people);

        PreparedBatch move = handle.prepareBatch("""
                INSERT INTO career_moves (id, contact_id, changed_on, old_company, old_title, new_company, new_title, source)
                VALUES (:id, :contactId, :on, :fromCompany, :fromTitle, :toCompany, :toTitle, :source)""");
        for (CareerEntry entry : moves) {
            move.bind("id", moveIds.get(entry.id())).bind("contactId", known(contactIds, entry.contact(), "career move " + entry.id() + " names contact"))
                    .bindByType("on", notAfter(about("career move " + entry.id(), () -> required(entry.on(), "its day")), latest,
                            "career move " + entry.id()), LocalDate.class)
                    .bind("fromCompany", jobLine(entry, entry.fromCompany())).bind("fromTitle", jobLine(entry, entry.fromTitle()))
                    .bind("toCompany", jobLine(entry, entry.toCompany())).bind("toTitle", jobLine(entry, entry.toTitle())).bind("source", PlainText.withoutControls(entry.source())).add();
        }
        execute(move);

        PreparedBatch deleted = handle.prepareBatch("INSERT INTO deleted_imports (user_id, source_key) VALUES (:userId, :key)");
        // The keys, a photo's type and a career move's source are cleaned as every text is: a hand-edited NUL or escape
        // sequence is dropped (PostgreSQL can hold no NUL), as the keys an import makes drop them.
        for (String key : new LinkedHashSet<>(orEmpty(export.deletedImports()).stream().map(PlainText::withoutControls).toList())) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("deletedImports holds a blank key");
            }
            deleted.bind("userId", userId).bind("key", key).add();
        }
        execute(deleted);
        // A hand-edited file may say a contact is due on a day its cadence and last touch do not give.
        ContactService.reschedule(handle, userId, contactIds.values());
    }

    /** Moves PostgreSQL's identity sequences past the ids just written. */
    void catchUp() {
        TABLES.forEach(table -> Ids.catchUp(handle, dialect, table));
    }

    /**
     * A contact as every change stores one: text cleaned of control characters (one-line fields on one line) and
     * stripped, each field within its length, tags without repeats in any case, and a birthday's year outside 1 to
     * 9999 dropped as an import drops it. What the rest of Kith never writes is refused, naming the contact.
     */
    private static ContactEntry cleaned(ContactEntry entry, LocalDate latest) {
        String where = "contact " + entry.id();
        String name = about(where, () -> ContactService.line(entry.name(), null, "name", "name", ContactService.MAX_NAME));
        if (name == null) {
            throw new IllegalArgumentException(where + " has no name");
        }
        about(where, () -> check(entry, latest));
        List<String> tags = new ArrayList<>();
        for (String given : orEmpty(entry.tags())) {
            if (given == null || given.isBlank()) {
                throw new IllegalArgumentException(where + " has a blank tag");
            }
            // Parted at commas, as every door parts tags: an older version kept a vCard's "b\,c" as one.
            for (String tag : ContactService.splitTags(List.of(given))) {
                String clean = about(where, () -> ContactService.line(tag, null, "tags", "tag", ContactService.MAX_TAG));
                if (clean != null) {
                    tags.add(clean);
                }
            }
        }
        Birthday birthday = about(where, () -> Birthday.parse(entry.birthday()));
        return new ContactEntry(entry.id(), name, entry.emails(), entry.phones(),
                about(where, () -> ContactService.line(entry.company(), null, "company", "company", ContactService.MAX_FIELD)),
                about(where, () -> ContactService.line(entry.title(), null, "title", "title", ContactService.MAX_FIELD)),
                about(where, () -> ContactService.line(entry.city(), null, "city", "city", ContactService.MAX_FIELD)),
                about(where, () -> ContactService.line(entry.country(), null, "country", "country", ContactService.MAX_FIELD)),
                entry.timezone(), entry.linkedinUrl(),
                about(where, () -> ContactService.text(entry.metHow(), null, "metHow", "how you met", ContactService.MAX_NOTE)),
                entry.metOn(),
                about(where, () -> ContactService.text(entry.notes(), null, "notes", "note", ContactService.MAX_NOTE)),
                about(where, () -> ContactService.text(entry.strengths(), null, "strengths", "note on their strengths", ContactService.MAX_NOTE)),
                birthday == null ? null : birthday.kept().text(), Weekdays.parse(entry.days()).text(), entry.archived(), entry.addedOn(), entry.ownCadence(),
                entry.cadence(), entry.cadenceDays(), entry.lastTouchOn(), entry.snoozedUntil(), entry.awayUntil(),
                entry.dueOn(), entry.firstDueSpread(), ContactBulk.distinct(tags), entry.circles(), entry.photo(),
                entry.jobSource());
    }

    /** A career move's company or title, cleaned as a contact's are. */
    private static String jobLine(CareerEntry entry, String value) {
        return about("career move " + entry.id(), () -> ContactService.line(value, null, "company", "company or title", ContactService.MAX_FIELD));
    }

    /** A rule of the services broken by a value of the file, said with where in the file it is. */
    private static <T> T about(String where, Supplier<T> clean) {
        try {
            return clean.get();
        } catch (ValidationException | DateTimeException | IllegalArgumentException e) {
            String said = said(e);
            // What names its row already ("contact 4's email ...") is said as it is.
            throw new IllegalArgumentException(said != null && said.startsWith(where) ? said : where + ": " + said, e);
        }
    }

    /** As {@link #about(String, Supplier)}, for a check that gives nothing back. */
    private static void about(String where, Runnable check) {
        about(where, () -> {
            check.run();
            return null;
        });
    }

    /**
     * Checks a cadence as an export writes it, an ISO-8601 period (P1M), by the rule a typed one follows: longer than
     * zero days, at most 10 years (P99999Y put a contact's next touch in the year 9999, and read as away for good);
     * null is none.
     */
    private static void cadence(String iso) {
        if (iso == null) {
            return;
        }
        try {
            Cadence.ofIso(iso);
            Cadence.parse(iso);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(Quoted.of(iso) + " is not a cadence: use an ISO-8601 period, such as P1M or P6W");
        } catch (ValidationException | ArithmeticException e) {
            // ArithmeticException: weeks past what a number holds (P999999999W).
            throw new IllegalArgumentException(Quoted.of(iso) + " is not a cadence: use an ISO-8601 period longer than zero days and"
                    + " at most 10 years, such as P1M or P6W");
        }
    }

    /** The rules of a contact's fields that need no cleaning: formats, dates, cadences. */
    private static void check(ContactEntry entry, LocalDate latest) {
        LocalDate addedOn = required(entry.addedOn(), "contact " + entry.id() + "'s addedOn");
        for (String day : Arrays.asList(entry.metOn(), entry.lastTouchOn(), entry.snoozedUntil(), entry.awayUntil(), entry.dueOn())) {
            date(day);
        }
        // As when typed or imported: the day a contact was added, or met, is not yet to come (an addedOn to come would
        // keep them off the agenda until then); nor is their last touch (the due date is worked out from it).
        String contact = "contact " + entry.id();
        notAfter(addedOn, latest, contact + "'s addedOn", "the day they were added");
        notAfter(date(entry.metOn()), latest, contact + "'s metOn", "the day you met");
        notAfter(date(entry.lastTouchOn()), latest, contact + "'s last touch", "the day you were last in touch");
        cadence(entry.ownCadence());
        cadence(entry.cadence());
        Weekdays.parse(entry.days());
        if (entry.timezone() != null) {
            ZoneId.of(entry.timezone());
        }
        for (String email : orEmpty(entry.emails())) {
            // As any version kept one: a backup made before addresses needed a host name after the @ restores whole.
            if (email == null || !FieldFormats.isStoredEmail(email) || email.length() > FieldFormats.MAX_EMAIL) {
                throw new IllegalArgumentException("contact " + entry.id() + "'s email " + Quoted.of(email) + " is not an email address");
            }
        }
        for (String phone : orEmpty(entry.phones())) {
            if (phone == null || !FieldFormats.isPhone(phone)) {
                throw new IllegalArgumentException("contact " + entry.id() + "'s phone " + Quoted.of(phone) + " is not a phone number");
            }
        }
        if (entry.linkedinUrl() != null && !FieldFormats.isLinkedinUrl(entry.linkedinUrl())) {
            throw new IllegalArgumentException("contact " + entry.id() + "'s linkedinUrl " + Quoted.of(entry.linkedinUrl())
                    + " is not a LinkedIn profile URL");
        }
        if (entry.photo() != null && !isPicture(entry.photo())) {
            throw new IllegalArgumentException("contact " + entry.id() + "'s photo is not a JPEG or PNG picture that its mediaType ("
                    + Quoted.of(entry.photo().mediaType()) + ") names, as Kith keeps them: take it out of the file");
        }
        if (entry.jobSource() != null && !ImportPlan.JOB_SOURCES.contains(entry.jobSource())) {
            throw new IllegalArgumentException("contact " + entry.id() + "'s jobSource " + Quoted.of(entry.jobSource())
                    + " is none of " + String.join(", ", ImportPlan.JOB_SOURCES));
        }
    }

    /**
     * Whether a photo is one Kith keeps (an import makes every picture a small JPEG or PNG): of that type, by its
     * mediaType and by the bytes it starts with. An export writes it out again as it is (a vCard's PHOTO), so a
     * hand-edited one of another type (text/html) would go out as that.
     */
    private static boolean isPicture(UserExport.PhotoEntry photo) {
        byte[] data = photo.data();
        if (data == null || data.length < 8) {
            return false;
        }
        boolean jpeg = (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF;
        boolean png = (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G';
        return "image/jpeg".equals(photo.mediaType()) && jpeg || "image/png".equals(photo.mediaType()) && png;
    }

    /**
     * The id each row gets: its own when no row of the table holds an id in their range (a restore into an empty
     * database), else new ones, as another account's rows hold some.
     */
    private <T> Map<Long, Long> ids(String table, List<T> rows, Function<T, Long> id) {
        Map<Long, Long> ids = new HashMap<>();
        if (rows.isEmpty()) {
            return ids;
        }
        long min = rows.stream().map(id).min(Long::compare).orElseThrow();
        long max = rows.stream().map(id).max(Long::compare).orElseThrow();
        boolean free = min > 0 && handle.createQuery("SELECT count(*) FROM " + table + " WHERE id BETWEEN :min AND :max")
                .bind("min", min).bind("max", max).mapTo(Integer.class).one() == 0;
        long next = free ? 0 : Ids.reserve(handle, dialect, table, rows.size());
        for (T row : rows) {
            long own = id.apply(row);
            if (ids.put(own, free ? own : next++) != null) {
                throw new IllegalArgumentException("two entries of " + table.replace('_', ' ') + " have the id " + own);
            }
        }
        return ids;
    }

    private static long known(Map<Long, Long> ids, long id, String what) {
        Long mapped = ids.get(id);
        if (mapped == null) {
            throw new IllegalArgumentException(what + " " + id + ", which the file does not hold");
        }
        return mapped;
    }

    /** The day something happened ({@code what}'s), refused when after {@code latest}, as when typed. */
    private static LocalDate notAfter(LocalDate on, LocalDate latest, String what) {
        return notAfter(on, latest, what + "'s day", "the day it happened");
    }

    /** A day of the file ({@code what}, null for none), refused when after {@code latest}, saying what to correct it to. */
    private static LocalDate notAfter(LocalDate day, LocalDate latest, String what, String correctTo) {
        if (day != null && day.isAfter(latest)) {
            throw new IllegalArgumentException(what + ", " + day + ", is after today: correct it to " + correctTo);
        }
        return day;
    }

    private static LocalDate required(String date, String what) {
        if (date == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return date(date);
    }

    /** A date of the file, in the years Kith keeps (0000-01-01 parses, as year 0, and would be shown as 0001). */
    private static LocalDate date(String text) {
        return text == null ? null : Dates.inRange(LocalDate.parse(text), text);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private int count(String sql, long userId) {
        return handle.createQuery(sql).bind("userId", userId).mapTo(Integer.class).one();
    }

    static KithException invalid(String where, RuntimeException cause) {
        return new KithException(where + " is not a valid Kith export: " + said(cause) + "; nothing was restored", cause);
    }

    /** A JSON value of the wrong kind, said with where it is in the file ("at contacts[2].id: ..."). */
    static KithException invalid(String where, JsonMappingException cause) {
        String path = cause.getPath().stream()
                .map(step -> step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        String what;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            // Jackson names its class ("class app.kith.exchange.UserExport, not marked as ignorable"): the field is what counts.
            path = path.replaceFirst("\\.?" + Pattern.quote(unknown.getPropertyName()) + "$", "");
            what = Quoted.of(unknown.getPropertyName()) + " is not a field Kith writes there (a file edited by hand, or from another program?)";
        } else if (cause.getCause() instanceof InputCoercionException) {
            what = "a number too large for that field";
        } else if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            what = "expected " + kind(mismatch.getTargetType());
        } else {
            what = String.valueOf(cause.getOriginalMessage());
        }
        return new KithException(where + " is not a valid Kith export: " + (path.isEmpty() ? "" : "at " + path + ": ") + what
                + "; nothing was restored", cause);
    }

    private static String kind(Class<?> type) {
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        return List.class.isAssignableFrom(type) ? "a list" : "an object";
    }

    /** The library's words for a bad value, put as Kith says them elsewhere. */
    private static String said(RuntimeException cause) {
        if (cause.getCause() instanceof InputCoercionException) {
            return "a number too large for its field";
        }
        if (cause instanceof DateTimeParseException parse) {
            return Quoted.of(parse.getParsedString()) + " is not a date: use YYYY-MM-DD";
        }
        if (cause instanceof ZoneRulesException && cause.getMessage() != null && cause.getMessage().startsWith("Unknown time-zone ID: ")) {
            return Quoted.of(cause.getMessage().substring("Unknown time-zone ID: ".length()))
                    + " is not a time zone: use an IANA name, such as Europe/Berlin";
        }
        return cause.getMessage();
    }
}
