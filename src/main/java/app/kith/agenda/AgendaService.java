package app.kith.agenda;

import app.kith.account.AccountService;
import app.kith.account.Profile;
import app.kith.contact.Cadence;
import app.kith.interaction.Kind;
import app.kith.shared.Dates;
import app.kith.shared.Weekdays;
import app.kith.storage.Database;
import app.kith.storage.Dialect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Objects;

import static app.kith.storage.Columns.date;
import static app.kith.storage.Columns.text;

/**
 * Reads what a day's agenda needs, a few index seeks per cadence however many contacts are due, then plans it.
 *
 * <p>When no more are due than the daily limit (N), they are all read. Otherwise: within one cadence lateness only
 * grows as the due date gets earlier, so the day's top N are among each cadence's N earliest-due contacts, plus
 * those due on the same day as the N-th (so the name tie-break stays exact). Only those are read; the others due are
 * just counted, as waiting.
 */
public final class AgendaService {
    private final Database database;
    private final AccountService accounts;
    private final Clock clock;

    public AgendaService(Database database, AccountService accounts, Clock clock) {
        this.database = database;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The agenda of a given day. */
    public Agenda day(long userId, LocalDate day) {
        return plan(userId, day, accounts.profile(userId));
    }

    /** The agenda of a given day, planned with a profile the caller read (and keeps with the page it makes). */
    public Agenda day(long userId, LocalDate day, Profile me) {
        return plan(userId, day, me);
    }

    /** The agenda of the day it is now for the user: in their time zone, wherever the server is. */
    public Agenda forToday(long userId) {
        Profile me = accounts.profile(userId);
        return plan(userId, me.today(clock), me);
    }

    /** How the user would reach out to someone who lives in {@code city}, {@code country}, as Today suggests it. */
    public Suggestion.Format formatFor(long userId, String city, String country) {
        return Suggestion.format(accounts.profile(userId), city, country);
    }

    /** The date it is now for the user: in their time zone (their profile's), else in the clock's. */
    public LocalDate todayFor(long userId) {
        return accounts.profile(userId).today(clock);
    }

    /**
     * The user's profile, for a page that shows both today's date ({@link #today}) and where a contact lives
     * ({@link app.kith.contact.Contact#placeZone}, read with the user's country) to read it once.
     */
    public Profile profileOf(long userId) {
        return accounts.profile(userId);
    }

    /** The date it is now for a user whose profile is {@code me}. */
    public LocalDate today(Profile me) {
        return me.today(clock);
    }

    private Agenda plan(long userId, LocalDate day, Profile me) {
        Candidates candidates = candidates(userId, day, me.dailyLimit());
        // Without a time zone of their own, the user lives by the machine's, for the hours suggested as for the day.
        return Agenda.plan(day, me.zonedBy(clock), candidates.contacts(), candidates.totalDue(), candidates.reached());
    }

    /**
     * A contact coming up on Today soon, for the look ahead below the day's agenda: {@code dueOn} is the day they come
     * up, their due date (always one of their weekdays, see {@link app.kith.contact.DueDate}) or, for one due already
     * who waits for one of their weekdays ({@code dueAlready}), the first of those after today.
     */
    public record Upcoming(long id, String name, LocalDate dueOn, boolean dueAlready) {
        /** Soonest first, then by name. */
        static final Comparator<Upcoming> SOONEST = Comparator.comparing(Upcoming::dueOn)
                .thenComparing(Upcoming::name, String.CASE_INSENSITIVE_ORDER);
    }

    /** The first few who come up in the days ahead, and whether more follow them. */
    public record Ahead(List<Upcoming> first, boolean more) {
    }

    /**
     * Who comes up on Today in the days after {@code day}, up to and including {@code day + days}: the {@code limit}
     * soonest (those of one day by name), and whether there are more. They are those who come due then, and those due
     * already who wait for one of their weekdays (which comes within a week). A large network has thousands due in a
     * week; the first ones are what a glance needs, and each is read from the database only if shown.
     */
    public Ahead upcoming(long userId, LocalDate day, int days, int limit) {
        LocalDate last = day.plusDays(days);
        List<Upcoming> soonest = database.withHandle(handle -> {
            List<Upcoming> found = new ArrayList<>(handle.createQuery("""
                            SELECT id, full_name, due_on FROM contacts
                             WHERE user_id = :userId AND due_on > :day AND due_on <= :last
                             ORDER BY due_on, contact_days, id
                             LIMIT :rows
                            """)
                    .bind("userId", userId)
                    .bind("day", day)
                    .bind("last", last)
                    .bind("rows", limit + 1)
                    .map((rows, context) -> new Upcoming(rows.getLong("id"), text(rows, "full_name"), date(rows, "due_on"), false))
                    .list());
            found.addAll(waiting(handle, userId, day, limit + 1));
            return found;
        });
        // In the order of the index on due dates (contacts_due: then their days, then id), so that the rows stop at the
        // limit: ordered by due date and id, a day with hundreds due was read and sorted whole, on every Today and
        // every touch (120 µs against 25 µs, 300 due a day). Names sorted here, not in SQL: lower() per row is costly.
        List<Upcoming> shown = soonest.stream().filter(next -> !next.dueOn().isAfter(last)).sorted(Upcoming.SOONEST).toList();
        return new Ahead(shown.stream().limit(limit).toList(), shown.size() > limit);
    }

    /**
     * Who comes up next after {@code day}: someone due already who waits for one of their weekdays (on that day), or
     * the first to come due after it, however far on; ties by name. Empty when nobody ever will: no contact in a
     * circle or with a cadence of their own, or all of them away or snoozed for good.
     */
    public Optional<Upcoming> next(long userId, LocalDate day) {
        return database.withHandle(handle -> {
            List<Upcoming> candidates = new ArrayList<>(waiting(handle, userId, day, 1));
            candidates.addAll(handle.createQuery("""
                            SELECT id, full_name, due_on FROM contacts
                             WHERE user_id = :userId AND due_on = (SELECT min(due_on) FROM contacts
                                                                    WHERE user_id = :userId AND due_on > :day AND due_on < :forGood)
                            """)
                    .bind("userId", userId)
                    .bind("day", day)
                    .bind("forGood", Dates.LAST)
                    .map((rows, context) -> new Upcoming(rows.getLong("id"), text(rows, "full_name"), date(rows, "due_on"), false))
                    .list());
            return candidates.stream().min(Upcoming.SOONEST);
        });
    }

    /**
     * The {@code rows} soonest of those due on or before {@code day} who do not take contact on its weekday, so are
     * not on its agenda: each with the first of their days after it, those of one day by name. The first day is
     * worked out in SQL as well, so that the soonest are the ones read however many wait. Names are ordered by
     * their characters' codes, as Java orders them, not by PostgreSQL's collation, which passes over spaces and
     * punctuation ("Ann Lee" after "Anna"); SQLite's lower() leaves letters outside ASCII as they are, so ones of a
     * day past the cut may still differ from Java's order for a name that starts with one.
     */
    private List<Upcoming> waiting(Handle handle, long userId, LocalDate day, int rows) {
        Query query = onDay(handle.createQuery(database.dialect() == Dialect.POSTGRESQL ? WAITING_POSTGRESQL : WAITING), day);
        for (int ahead = 1; ahead <= 6; ahead++) {
            query.bind("in" + ahead, "%" + weekdayWord(day.plusDays(ahead)) + "%");
        }
        return query.bind("userId", userId)
                .bind("day", day)
                .bind("rows", rows)
                .map((row, context) -> new Upcoming(row.getLong("id"), text(row, "full_name"),
                        firstOf(text(row, "contact_days"), day), true))
                .list();
    }

    private static final String WAITING = """
            SELECT id, full_name, contact_days FROM contacts
             WHERE user_id = :userId AND due_on <= :day AND contact_days IS NOT NULL AND contact_days NOT LIKE :weekday
             ORDER BY CASE WHEN contact_days LIKE :in1 THEN 1 WHEN contact_days LIKE :in2 THEN 2
                           WHEN contact_days LIKE :in3 THEN 3 WHEN contact_days LIKE :in4 THEN 4
                           WHEN contact_days LIKE :in5 THEN 5 WHEN contact_days LIKE :in6 THEN 6 ELSE 1 END,
                      lower(full_name), id
             LIMIT :rows
            """;
    private static final String WAITING_POSTGRESQL = WAITING.replace("lower(full_name)", "lower(full_name) COLLATE \"C\"");

    /** How many of the user's contacts are snoozed or away for good: never due, so never {@link #next}. */
    public int offForGood(long userId) {
        return database.withHandle(handle -> handle.createQuery("SELECT count(*) FROM contacts WHERE user_id = :userId AND due_on >= :forGood")
                .bind("userId", userId)
                .bind("forGood", Dates.LAST)
                .mapTo(Integer.class)
                .one());
    }

    /** The first day after {@code day} that is one of the stored {@code days} ("mon,thu"). */
    private static LocalDate firstOf(String days, LocalDate day) {
        Weekdays accepted = days(days);
        LocalDate next = day.plusDays(1);
        while (!accepted.accepts(next.getDayOfWeek())) {
            next = next.plusDays(1);
        }
        return next;
    }

    /**
     * Contacts that may make the top of a day's agenda (as many as the daily limit would show), how many are due in
     * all, and how many people were reached on the day already.
     */
    record Candidates(List<DueContact> contacts, int totalDue, int reached) {
    }

    /** Every row carries the count of everyone due; a cadence with nobody due still gives one row, without a contact. */
    private record CandidateRow(int dueCount, DueContact contact) {
    }

    /**
     * Who may make the top of a day's agenda. On most days everyone due fits within the daily limit: they are then
     * read in one range of the due-date index, at most {@code limit + 1} of them, and that they fit says they are
     * all. When more are due, each cadence's earliest are read instead (see {@link #topOfEachCadence}).
     */
    Candidates candidates(long userId, LocalDate day, int limit) {
        // A limit below one shows nobody; reading one contact is then harmless.
        int shown = Math.max(limit, 1);
        return database.withHandle(handle -> {
            List<DueContact> due = onDay(handle.createQuery("""
                            SELECT id, full_name, due_on, cadence, last_touch_on, city, country, timezone, contact_days FROM contacts
                             WHERE user_id = :userId AND due_on <= :day AND (contact_days IS NULL OR contact_days LIKE :weekday)
                             LIMIT :rows
                            """), day)
                    .bind("userId", userId)
                    .bind("day", day)
                    .bind("rows", shown + 1)
                    .map((result, context) -> contact(result))
                    .list();
            int reached = reached(handle, userId, day);
            return due.size() <= shown ? new Candidates(due, due.size(), reached) : topOfEachCadence(handle, userId, day, shown, reached);
        });
    }

    /**
     * How many people the user reached on a day: those in a touch dated that day (any kind but a social one, which
     * does not reset the clock either), each once, whether they were on the agenda or not.
     */
    private static int reached(Handle handle, long userId, LocalDate day) {
        return handle.createQuery("""
                        SELECT count(DISTINCT ic.contact_id) FROM interactions i JOIN interaction_contacts ic ON ic.interaction_id = i.id
                         WHERE i.user_id = :userId AND i.occurred_on = :day AND i.kind <> :social
                        """)
                .bind("userId", userId)
                .bind("day", day)
                .bind("social", Kind.SOCIAL.word())
                .mapTo(Integer.class)
                .one();
    }

    /**
     * Each cadence's {@code limit} earliest-due contacts (and any tied with the last of them) due on or before a
     * day; archived and untracked contacts have no due date and never appear. One statement, so the count and the
     * contacts come from one snapshot.
     */
    private static Candidates topOfEachCadence(Handle handle, long userId, LocalDate day, int limit, int reached) {
        // The cadences come from a loose index scan of contacts_cadence_due: one seek per distinct cadence. A due
        // date condition inside that min() would make a step scan every entry of a cadence with nobody due.
        // LEFT JOIN keeps the cadences as the outer loop (SQLite may otherwise scan every contact first), and its
        // rows without a contact (at least the recursion's closing NULL) carry the count when nobody is due.
        // The WITH sits inside FROM because sqlite-jdbc runs a costly INSERT-detecting regex on statements that
        // start with WITH (about 50 us here, a quarter of the query).
        List<CandidateRow> rows = onDay(handle.createQuery("""
                        SELECT (SELECT count(*) FROM contacts
                                 WHERE user_id = :userId AND due_on <= :day AND (contact_days IS NULL OR contact_days LIKE :weekday))
                               AS due_count,
                               k.id, k.full_name, k.due_on, k.cadence, k.last_touch_on, k.city, k.country, k.timezone, k.contact_days
                          FROM (WITH RECURSIVE cadences (cadence) AS (
                                    SELECT min(cadence) FROM contacts WHERE user_id = :userId
                                    UNION ALL
                                    SELECT (SELECT min(later.cadence) FROM contacts later
                                             WHERE later.user_id = :userId AND later.cadence > cadences.cadence)
                                      FROM cadences
                                     WHERE cadences.cadence IS NOT NULL)
                                SELECT cadence FROM cadences) c
                          LEFT JOIN contacts k
                            ON k.user_id = :userId AND k.cadence = c.cadence AND (k.contact_days IS NULL OR k.contact_days LIKE :weekday)
                           AND k.due_on <= coalesce((SELECT nth.due_on FROM contacts nth
                                                      WHERE nth.user_id = :userId AND nth.cadence = c.cadence
                                                        AND nth.due_on <= :day
                                                        AND (nth.contact_days IS NULL OR nth.contact_days LIKE :weekday)
                                                      ORDER BY nth.due_on
                                                      LIMIT 1 OFFSET :skip), :day)
                        """), day)
                .bind("userId", userId)
                .bind("day", day)
                .bind("skip", limit - 1)
                .map((result, context) -> new CandidateRow(result.getInt("due_count"), contact(result)))
                .list();
        List<DueContact> contacts = rows.stream().map(CandidateRow::contact).filter(Objects::nonNull).toList();
        return new Candidates(contacts, rows.get(0).dueCount(), reached);
    }

    /**
     * Binds the day of the week the agenda's queries ask about: those due who take contact on it (contact_days null,
     * any day, or holding it, as {@code mon,wed,fri} in lower case, migration V14). The SQL is written out, not put
     * together per call: a query's text is the key of the prepared statements kept (and String.format costs more).
     */
    private static Query onDay(Query query, LocalDate day) {
        return query.bind("weekday", "%" + weekdayWord(day) + "%");
    }

    /** The day's weekday as stored days name it: {@code mon}. */
    private static String weekdayWord(LocalDate day) {
        return day.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    /** The days a row holds; ones no door of Kith would have written take the contact as reachable on any day. */
    private static Weekdays days(String stored) {
        return Weekdays.stored(stored, Weekdays.ANY);
    }

    private static DueContact contact(ResultSet result) throws SQLException {
        long id = result.getLong("id");
        if (result.wasNull()) {
            return null;
        }
        String zone = text(result, "timezone");
        String days = text(result, "contact_days");
        return new DueContact(id, text(result, "full_name"), date(result, "due_on"),
                Cadence.ofIso(text(result, "cadence")), date(result, "last_touch_on"), text(result, "city"),
                text(result, "country"), zone == null ? null : ZoneId.of(zone), days(days));
    }
}
