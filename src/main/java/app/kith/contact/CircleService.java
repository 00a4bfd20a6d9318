package app.kith.contact;

import app.kith.shared.NotFoundException;
import app.kith.shared.PlainText;
import app.kith.shared.Quoted;
import app.kith.shared.ValidationException;
import app.kith.storage.Database;
import app.kith.storage.Dialect;
import app.kith.storage.Ids;
import app.kith.storage.SearchFold;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Period;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static app.kith.storage.Columns.text;

/** The user's circles (contact types with a default cadence); re-timing or removing one moves its members' due dates. */
public final class CircleService {
    /**
     * The user's circles, each with how many current contacts it holds: archived ones are left out, as the contact
     * list filtered by the circle leaves them out. Read by {@link #circle}.
     */
    private static final String WITH_MEMBERS = """
            SELECT c.id, c.name, c.cadence,
                   (SELECT count(*) FROM contact_circles cc JOIN contacts k ON k.id = cc.contact_id
                     WHERE cc.circle_id = c.id AND NOT k.archived) AS members
              FROM circles c WHERE c.user_id = :userId
            """;

    /** The circles a new account starts with. */
    static final Map<String, Period> DEFAULTS = defaults();

    private final Database database;

    public CircleService(Database database) {
        this.database = database;
    }

    private static Map<String, Period> defaults() {
        Map<String, Period> circles = new LinkedHashMap<>();
        circles.put("Mentors", Period.ofMonths(1));
        circles.put("Current team", Period.ofWeeks(6));
        circles.put("Past teams", Period.ofMonths(3));
        circles.put("Events & conferences", Period.ofMonths(4));
        circles.put("Role models", Period.ofMonths(6));
        return Collections.unmodifiableMap(circles);
    }

    /** Gives a new account its default circles, in the transaction that creates it. */
    public void seedDefaults(Handle handle, long userId) {
        DEFAULTS.forEach((name, period) -> insert(handle, database.dialect(), userId, name, new Cadence(period)));
    }

    /** The user's circles with how many current contacts each holds, by cadence then name. */
    public List<Circle> list(long userId) {
        return database.withHandle(handle -> handle.createQuery(WITH_MEMBERS)
                .bind("userId", userId)
                .map(CircleService::circle)
                .list()
                .stream()
                .sorted(Comparator.comparing(Circle::cadence).thenComparing(Circle::name, String.CASE_INSENSITIVE_ORDER))
                .toList());
    }

    /** The user's circles to choose from on a contact's form, in the order of {@link #list}, without counting members. */
    public List<CircleChoice> choices(long userId) {
        return database.withHandle(handle -> handle.createQuery("SELECT id, name, cadence FROM circles WHERE user_id = :userId")
                .bind("userId", userId)
                .map((rows, context) -> new CircleChoice(rows.getLong("id"), text(rows, "name"),
                        Cadence.ofIso(text(rows, "cadence"))))
                .list()
                .stream()
                .sorted(Comparator.comparing(CircleChoice::cadence).thenComparing(CircleChoice::name, String.CASE_INSENSITIVE_ORDER))
                .toList());
    }

    /**
     * Refuses, saying why, a name the user's circle {@code circleId} (0 for a new one) cannot take: one that breaks
     * the rule for names, or another circle's. For a form that says it beside the name with the cadence's error.
     */
    public void checkName(long userId, String name, long circleId) {
        String clean = freshName(name);
        Circle clash = database.withHandle(handle -> find(handle, userId, clean));
        if (clash != null && clash.id() != circleId) {
            throw new ValidationException("there is already a circle named '" + clash.name() + "'");
        }
    }

    public Circle add(long userId, String name, Cadence cadence) {
        String clean = freshName(name);
        return database.inTransaction(handle -> {
            Circle existing = find(handle, userId, clean);
            if (existing != null) {
                throw new ValidationException("there is already a circle named '" + existing.name() + "'");
            }
            insert(handle, database.dialect(), userId, clean, cadence);
            return get(handle, userId, clean);
        });
    }

    /** Renames and/or re-times a circle; a new cadence moves the due dates of its members. */
    public Circle edit(long userId, String name, String newName, Cadence newCadence) {
        return database.inTransaction(handle -> edit(handle, userId, get(handle, userId, name), newName, newCadence));
    }

    /** Renames and/or re-times the user's circle with this id (another user's circle is not found). */
    public Circle edit(long userId, long circleId, String newName, Cadence newCadence) {
        return database.inTransaction(handle -> edit(handle, userId, get(handle, userId, circleId), newName, newCadence));
    }

    private Circle edit(Handle handle, long userId, Circle circle, String newName, Cadence newCadence) {
        String targetName = circle.name();
        if (newName != null) {
            // The name it has, sent again with a new cadence, stands, even one an older version allowed (restored).
            targetName = validName(newName).equals(circle.name()) ? circle.name() : freshName(newName);
            Circle clash = find(handle, userId, targetName);
            if (clash != null && clash.id() != circle.id()) {
                throw new ValidationException("there is already a circle named '" + clash.name() + "'");
            }
        }
        handle.createUpdate("UPDATE circles SET name = :name, cadence = :cadence WHERE id = :id")
                .bind("name", targetName)
                .bind("cadence", (newCadence != null ? newCadence : circle.cadence()).iso())
                .bind("id", circle.id())
                .execute();
        if (newCadence != null) {
            Schedule.refresh(handle, userId, members(handle, circle.id()));
        }
        return get(handle, userId, targetName);
    }

    /** Removes a circle (returned as it was); its members stay, and their cadence falls back to their own or their other circles'. */
    public Removed remove(long userId, String name) {
        return database.inTransaction(handle -> remove(handle, database.dialect(), userId, get(handle, userId, name)));
    }

    /** Removes the user's circle with this id (another user's circle is not found); its members stay. */
    public Removed remove(long userId, long circleId) {
        return database.inTransaction(handle -> remove(handle, database.dialect(), userId, get(handle, userId, circleId)));
    }

    /** A circle removed, and how many of its members it leaves untracked: in no other circle, with no cadence of their own. */
    public record Removed(Circle circle, int untracked) {
    }

    private static Removed remove(Handle handle, Dialect dialect, long userId, Circle circle) {
        List<Long> members = members(handle, circle.id());
        // Counted before: a member with no cadence of their own and in no other circle has none once it goes.
        int untracked = handle.createQuery("""
                        SELECT count(*) FROM contact_circles cc JOIN contacts c ON c.id = cc.contact_id
                         WHERE cc.circle_id = :id AND c.own_cadence IS NULL AND NOT c.archived
                           AND NOT EXISTS (SELECT 1 FROM contact_circles other
                                            WHERE other.contact_id = cc.contact_id AND other.circle_id <> :id)
                        """)
                .bind("id", circle.id())
                .mapTo(Integer.class)
                .one();
        handle.createUpdate("DELETE FROM contact_circles WHERE circle_id = :id").bind("id", circle.id()).execute();
        handle.createUpdate("DELETE FROM circles WHERE id = :id").bind("id", circle.id()).execute();
        // Its number goes to no later circle: a page still open on it (another tab) would change that one instead.
        Ids.retire(handle, dialect, "circles", circle.id());
        Schedule.refresh(handle, userId, members);
        return new Removed(circle, untracked);
    }

    /** The user's circle with this id; an unknown id, or another user's circle, is not found. */
    public Circle get(long userId, long circleId) {
        return database.withHandle(handle -> get(handle, userId, circleId));
    }

    private static Circle get(Handle handle, long userId, long circleId) {
        return handle.createQuery(WITH_MEMBERS + " AND c.id = :id")
                .bind("userId", userId)
                .bind("id", circleId)
                .map(CircleService::circle)
                .findOne()
                .orElseThrow(() -> new NotFoundException("there is no circle with id " + circleId));
    }

    /** The user's circle with this name (case-insensitive), or a clear error listing the circles there are. */
    public Circle get(Handle handle, long userId, String name) {
        Circle circle = find(handle, userId, name == null ? "" : name.trim());
        if (circle == null) {
            List<String> names = handle.createQuery("SELECT name FROM circles WHERE user_id = :userId ORDER BY lower(name)")
                    .bind("userId", userId).mapTo(String.class).list();
            throw new NotFoundException("there is no circle named '" + name + "': "
                    + (names.isEmpty() ? "there are no circles yet; add one with 'kith circle add NAME --every 3m'"
                    : "the circles are " + names.stream().collect(Collectors.joining(", "))));
        }
        return circle;
    }

    /**
     * The user's circle of this name, in any case, else (accents and strokes aside) the one that reads as it: a new
     * "Evenements" beside "Événements" would be the same circle twice.
     */
    private static Circle find(Handle handle, long userId, String name) {
        // Compared in Java: SQLite's lower() folds only ASCII ("Équipe" and "équipe" must be one circle), and circles are few.
        String folded = name.toLowerCase(Locale.ROOT);
        List<Circle> circles = handle.createQuery(WITH_MEMBERS)
                .bind("userId", userId)
                .map(CircleService::circle)
                .list();
        String plain = SearchFold.plain(name);
        return circles.stream()
                .filter(circle -> circle.name().toLowerCase(Locale.ROOT).equals(folded))
                .findFirst()
                .or(() -> circles.stream().filter(circle -> SearchFold.plain(circle.name()).equals(plain)).findFirst())
                .orElse(null);
    }

    private static List<Long> members(Handle handle, long circleId) {
        return handle.createQuery("SELECT contact_id FROM contact_circles WHERE circle_id = :id")
                .bind("id", circleId).mapTo(Long.class).list();
    }

    private static void insert(Handle handle, Dialect dialect, long userId, String name, Cadence cadence) {
        handle.createUpdate("INSERT INTO circles (id, user_id, name, cadence) VALUES (" + Ids.next(dialect, "circles")
                        + ", :userId, :name, :cadence)")
                .bind("userId", userId).bind("name", name).bind("cadence", cadence.iso()).execute();
    }

    /** A circle's name as stored, stripped; refused when blank, longer than 100 characters or not on one line. */
    public static String validName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new ValidationException("a circle needs a name of 1 to 100 characters");
        }
        if (clean.chars().anyMatch(PlainText::isControl)) {
            throw new ValidationException("a circle's name is one line without tabs or control characters: "
                    + Quoted.of(clean) + " has some");
        }
        return clean;
    }

    /**
     * A name for a circle being made or renamed: as {@link #validName}, not only characters that show nothing (it
     * would be a blank line in every list), and without ':::', which parts a contact's circles in a CSV export (a
     * restore still takes a name an older Kith allowed).
     */
    private static String freshName(String name) {
        String clean = validName(name);
        if (PlainText.invisible(clean)) {
            throw new ValidationException("a circle needs a name of 1 to 100 characters: it cannot be only characters that show nothing");
        }
        if (clean.contains(":::")) {
            throw new ValidationException("a circle's name cannot hold ':::', which parts a contact's circles in a CSV export: "
                    + Quoted.of(clean) + " does");
        }
        return clean;
    }

    private static Circle circle(ResultSet rows, StatementContext context) throws SQLException {
        return new Circle(rows.getLong("id"), text(rows, "name"), Cadence.ofIso(text(rows, "cadence")), rows.getInt("members"));
    }
}
