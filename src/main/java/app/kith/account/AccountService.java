package app.kith.account;

import app.kith.shared.NotFoundException;
import app.kith.shared.PlainText;
import app.kith.shared.Quoted;
import app.kith.shared.ValidationException;
import app.kith.shared.Weekdays;
import app.kith.storage.Database;
import app.kith.storage.Columns;
import app.kith.storage.Dialect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts, their passwords and profiles; the first use of a database creates its owner.
 *
 * <p>Every page reads its user's profile (their time zone says which day is today), so a profile read is trusted
 * without reading it again: on a server's SQLite file while nothing was committed to it since (see
 * {@link Database#commitMark}), elsewhere for {@link #REMEMBER_FOR}, as {@link SessionService} trusts a session.
 * Whatever changes accounts in this process (a profile saved, an account removed, a restore) makes every instance here
 * forget the profiles it remembers, so that takes effect at once; so does a change made by another process to a
 * SQLite file (a CLI command). On PostgreSQL, another instance's change may take up to {@link #REMEMBER_FOR} to show
 * on an instance that had just read the profile.
 */
public final class AccountService {
    /** The most characters of a profile's name, city or country. */
    public static final int MAX_TEXT = 200;
    private static final int CREATE_ATTEMPTS = 5;
    /** How long a profile read from the database is trusted without reading it again. */
    static final Duration REMEMBER_FOR = Duration.ofSeconds(2);
    private static final int MAX_REMEMBERED = 10_000;
    /** Counts the changes to accounts in this process: a profile remembered from before the latest is not trusted. */
    private static final ChangeCounter CHANGES = new ChangeCounter();

    private static final RowMapper<Account> ACCOUNT = (rows, context) ->
            new Account(rows.getLong("id"), Columns.text(rows, "username"), rows.getBoolean("is_owner"));

    private final Database database;
    private final Passwords passwords;
    private final NewAccountHook onNewAccount;
    /** Profiles recently read, by user id. */
    private final Map<Long, Remembered> recent = new ConcurrentHashMap<>();

    /** Called inside the transaction that creates an account, to give it its starting data (default circles). */
    @FunctionalInterface
    public interface NewAccountHook {
        void accept(Handle handle, long userId);
    }

    public AccountService(Database database, Passwords passwords, NewAccountHook onNewAccount) {
        this.database = database;
        this.passwords = passwords;
        this.onNewAccount = onNewAccount;
    }

    /**
     * The account a command acts as: {@code requested} if named, else the owner. On a database with no
     * account yet, creates the owner, named {@code requested} if given, else {@code defaultOwnerName}.
     */
    public Account actingAccount(String requested, String defaultOwnerName) {
        String wanted = requested == null || requested.isBlank() ? null : requested.trim();
        for (int attempt = 1; ; attempt++) {
            try {
                return findOrCreate(wanted, defaultOwnerName);
            } catch (JdbiException clash) {
                // On PostgreSQL other instances may be creating the first account at the same moment: all but one
                // fail to serialize, and looking again finds the one that won.
                if (database.dialect() != Dialect.POSTGRESQL || attempt == CREATE_ATTEMPTS) {
                    throw clash;
                }
            }
        }
    }

    private Account findOrCreate(String wanted, String defaultOwnerName) {
        Optional<Account> found = database.withHandle(handle -> find(handle, wanted));
        if (found.isPresent()) {
            return found.get();
        }
        // Serializable, so two instances creating the first account at once cannot both succeed (PostgreSQL).
        return database.jdbi().inTransaction(TransactionIsolationLevel.SERIALIZABLE, handle -> {
            // Checked again inside the write transaction: another process may have created the owner meanwhile.
            Optional<Account> again = find(handle, wanted);
            if (again.isPresent()) {
                return again.get();
            }
            if (hasAccounts(handle)) {
                throw new NotFoundException("there is no account named '" + wanted + "': the accounts are "
                        + String.join(", ", usernames(handle)));
            }
            return create(handle, wanted != null ? wanted : defaultOwnerName, true);
        });
    }

    private static boolean hasAccounts(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM users").mapTo(Integer.class).one() > 0;
    }

    private static List<String> usernames(Handle handle) {
        return handle.createQuery("SELECT username FROM users ORDER BY username").mapTo(String.class).list();
    }

    /** The account named so (see {@link #NAMED}), or the owner for null; a name no account could hold finds none. */
    static Optional<Account> find(Handle handle, String username) {
        if (username != null && !nameable(username)) {
            return Optional.empty();
        }
        if (username == null) {
            return handle.createQuery("SELECT id, username, is_owner FROM users WHERE is_owner ORDER BY id LIMIT 1").map(ACCOUNT).findOne();
        }
        return named(handle.createQuery("SELECT id, username, is_owner FROM users WHERE " + NAMED), username).map(ACCOUNT).findOne();
    }

    /**
     * The condition that finds an account by a name given (with {@link #named}): in any case, as its compatibility
     * form ({@link #normal}), or as given (in any case too), which an account named before names were kept so (a
     * full-width ｂｏｂ) still is; that one first, should another be named in the form since. One account at most.
     */
    public static final String NAMED = "(lower(username) = lower(:username) OR lower(username) = lower(:typed))"
            + " ORDER BY CASE WHEN lower(username) = lower(:typed) THEN 0 ELSE 1 END, id LIMIT 1";

    /** Binds the name given to a query with {@link #NAMED} in it. */
    public static Query named(Query query, String username) {
        return query.bind("username", normal(username)).bind("typed", username.strip());
    }

    private Account create(Handle handle, String username, boolean owner) {
        String name = validUsername(username);
        long id = handle.createQuery("INSERT INTO users (username, is_owner) VALUES (:username, :owner) RETURNING id")
                .bind("username", name)
                .bind("owner", owner)
                .mapTo(Long.class)
                .one();
        onNewAccount.accept(handle, id);
        return new Account(id, name, owner);
    }

    /**
     * A username as it is compared and kept: stripped and in compatibility form (NFKC), so that a name typed with a
     * letter and a combining accent is the one typed with the accented letter, and a full-width ｂｏｂ is bob, not
     * a second account that looks the same.
     */
    public static String normal(String username) {
        String name = username.strip();
        return Normalizer.isNormalized(name, Normalizer.Form.NFKC) ? name : Normalizer.normalize(name, Normalizer.Form.NFKC);
    }

    /**
     * Whether a name given could be an account's: not empty, and without control characters, which no name holds
     * (and PostgreSQL takes no NUL in a query). One that could not names no account, without asking the database.
     */
    private static boolean nameable(String name) {
        return !name.isEmpty() && name.chars().noneMatch(PlainText::isControl);
    }

    private static String validUsername(String username) {
        String name = username == null ? "" : normal(username);
        if (!name.matches("[\\p{L}\\p{N}._@+-]{1,64}") || PlainText.invisible(name)) {
            throw new ValidationException(Quoted.of(username) + " cannot be a username: use 1 to 64 letters, digits, '.', '_', '-', '@' or '+'");
        }
        return name;
    }

    /**
     * A new account with its starting circles and a password; it is an ordinary (not owner) account, unless the
     * database has none yet: then it becomes the owner, as every command needs one.
     */
    public Account createUser(String username, String password) {
        String name = validUsername(username);
        if (byUsername(name).isPresent()) {
            throw duplicate(name);
        }
        String phc = passwords.hash(password);
        try {
            return database.inTransaction(handle -> {
                if (find(handle, name).isPresent()) {
                    throw duplicate(name);
                }
                Account account = create(handle, name, !hasAccounts(handle));
                storePassword(handle, account.id(), phc);
                return account;
            });
        } catch (JdbiException clash) {
            // Another instance created the same name between the check and the insert (PostgreSQL).
            if (byUsername(name).isPresent()) {
                throw duplicate(name);
            }
            throw clash;
        }
    }

    private static ValidationException duplicate(String name) {
        return new ValidationException("there is already an account named '" + name + "': choose another username");
    }

    /** Sets (or replaces) an account's password and ends all its sessions, so a changed password locks out old logins. */
    public void setPassword(long userId, String password) {
        String phc = passwords.hash(password);
        database.useTransaction(handle -> storePassword(handle, userId, phc));
    }

    /**
     * Stores a hash made by {@link Passwords#hash}, ends the account's sessions and revokes its setup links (a link
     * printed before must not reset a password set since), inside the caller's transaction.
     */
    static void storePassword(Handle handle, long userId, String phc) {
        int updated = handle.createUpdate("UPDATE users SET password_hash = :phc WHERE id = :id")
                .bind("phc", phc)
                .bind("id", userId)
                .execute();
        if (updated == 0) {
            throw new NotFoundException("there is no account with id " + userId);
        }
        SessionService.endAll(handle, userId);
        handle.createUpdate("DELETE FROM setup_tokens WHERE user_id = :id").bind("id", userId).execute();
    }

    public boolean hasPassword(long userId) {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END FROM users WHERE id = :id")
                .bind("id", userId)
                .mapTo(Integer.class)
                .findOne())
                .orElseThrow(() -> new NotFoundException("there is no account with id " + userId)) == 1;
    }

    /**
     * The account whose username (any case) and password these are. An unknown user or one without a password
     * is checked against a dummy hash, so the answer takes as long and tells nobody which usernames exist.
     */
    public Optional<Account> authenticate(String username, String password) {
        String wanted = username == null ? "" : normal(username);
        Optional<Credentials> found = !nameable(wanted) ? Optional.empty() : database.withHandle(handle -> named(handle.createQuery(
                        "SELECT id, username, is_owner, password_hash FROM users WHERE " + NAMED), username)
                .map((rows, context) -> new Credentials(ACCOUNT.map(rows, context), Columns.text(rows, "password_hash")))
                .findOne());
        String phc = found.map(Credentials::phc).orElse(null);
        boolean matches = passwords.verify(password, phc == null ? Passwords.DUMMY_HASH : phc);
        return matches && phc != null ? found.map(Credentials::account) : Optional.empty();
    }

    /** An account with its stored password hash, which never leaves this class. */
    private record Credentials(Account account, String phc) {
    }

    /** Every account, by username. */
    public List<Account> list() {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT id, username, is_owner FROM users ORDER BY lower(username), id")
                .map(ACCOUNT)
                .list());
    }

    /** What removing an account would take with it: its contacts and interactions. */
    public record Holdings(String username, int contacts, int interactions) {
    }

    /** What {@link #remove} would take, refused as it would refuse (no such account, the only owner). */
    public Holdings holdings(String username) {
        return database.withHandle(handle -> {
            Account account = removable(handle, username);
            int contacts = handle.createQuery("SELECT count(*) FROM contacts WHERE user_id = :id").bind("id", account.id())
                    .mapTo(Integer.class).one();
            int interactions = handle.createQuery("SELECT count(*) FROM interactions WHERE user_id = :id").bind("id", account.id())
                    .mapTo(Integer.class).one();
            return new Holdings(account.username(), contacts, interactions);
        });
    }

    /** Removes an account with everything it holds; the owner stays, or nobody could run Kith's commands. */
    public void remove(String username) {
        database.useTransaction(handle -> {
            Account account = removable(handle, username);
            handle.createUpdate("DELETE FROM users WHERE id = :id").bind("id", account.id()).execute();
            // Its sessions went with it (ON DELETE CASCADE).
            SessionService.forgetRemembered(handle);
            changed(handle);
        });
    }

    private Account removable(Handle handle, String username) {
        String wanted = username == null ? "" : username.trim();
        if (wanted.isEmpty()) {
            throw new ValidationException("name the account to remove");
        }
        Account account = find(handle, wanted).orElseThrow(() -> new NotFoundException(
                "there is no account named '" + wanted + "': the accounts are " + String.join(", ", usernames(handle))));
        int owners = handle.createQuery("SELECT count(*) FROM users WHERE is_owner").mapTo(Integer.class).one();
        if (account.owner() && owners <= 1) {
            throw new ValidationException("'" + account.username() + "' is the owner of this Kith and cannot be removed");
        }
        return account;
    }

    /** The account with this username in any case; a blank name finds nothing. */
    public Optional<Account> byUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return database.withHandle(handle -> find(handle, username.trim()));
    }

    public Account get(long id) {
        return database.withHandle(handle -> handle.createQuery("SELECT id, username, is_owner FROM users WHERE id = :id")
                        .bind("id", id)
                        .map(ACCOUNT)
                        .findOne())
                .orElseThrow(() -> new NotFoundException("there is no account with id " + id));
    }

    /** The user's profile, as read at most {@link #REMEMBER_FOR} ago unless accounts were changed here since. */
    public Profile profile(long userId) {
        return profile(userId, database.commitMark());
    }

    /**
     * As {@link #profile(long)}, judged against the database's commit mark the caller has just read
     * ({@link Database#commitMark}), so that a request that needs the mark itself reads it once.
     */
    public Profile profile(long userId, OptionalLong commits) {
        long now = System.nanoTime();
        Remembered remembered = recent.get(userId);
        if (remembered != null && remembered.trusted(now, commits)) {
            return remembered.profile();
        }
        long changes = CHANGES.current();
        Profile profile = database.withHandle(handle -> loadProfile(handle, userId));
        if (recent.size() >= MAX_REMEMBERED) {
            recent.clear();
        }
        recent.put(userId, new Remembered(profile, changes, commits, now));
        return profile;
    }

    /**
     * Stops every instance of this class in the process trusting the profiles it remembers, once the work on this
     * handle that changed accounts is committed (a look-up between the change and the commit may still read the
     * profile as it was, and remember it).
     */
    public static void changed(Handle handle) {
        CHANGES.changed(handle);
    }

    /**
     * A profile as read at {@code readAt} ({@link System#nanoTime}), when accounts here had changed {@code changes} times
     * and the database's commit mark was {@code commits} (read before the profile: a commit in between is taken as a change).
     */
    private record Remembered(Profile profile, long changes, OptionalLong commits, long readAt) {
        boolean trusted(long now, OptionalLong commitsNow) {
            if (changes != CHANGES.current()) {
                return false;
            }
            return commitsNow.isPresent() ? commitsNow.equals(commits) : now - readAt < REMEMBER_FOR.toNanos();
        }
    }

    public Profile updateProfile(long userId, ProfileChanges changes) {
        if (changes.dailyLimit() != null) {
            DailyLimit.checked(changes.dailyLimit());
        }
        return database.inTransaction(handle -> {
            Profile current = loadProfile(handle, userId);
            handle.createUpdate("""
                            UPDATE users SET name = :name, city = :city, country = :country, timezone = :timezone,
                                   work_start = :workStart, work_end = :workEnd, work_days = :workDays, daily_limit = :dailyLimit
                             WHERE id = :id
                            """)
                    .bind("name", text(changes.name(), current.name(), "name"))
                    .bind("city", text(changes.city(), current.city(), "city"))
                    .bind("country", text(changes.country(), current.country(), "country"))
                    .bind("timezone", changes.zone() != null ? changes.zone().getId()
                            : current.zone() == null || changes.forgetZone() ? null : current.zone().getId())
                    .bind("workStart", (changes.workHours() != null ? changes.workHours() : current.workHours()).start().toString())
                    .bind("workEnd", (changes.workHours() != null ? changes.workHours() : current.workHours()).end().toString())
                    .bind("workDays", (changes.workDays() != null ? changes.workDays() : current.workDays()).text())
                    .bind("dailyLimit", changes.dailyLimit() != null ? changes.dailyLimit() : current.dailyLimit())
                    .bind("id", userId)
                    .execute();
            changed(handle);
            return loadProfile(handle, userId);
        });
    }

    /** A profile field (a name, a city, a country): one line, trimmed; a blank one is none; too long refused. */
    /** Throws, saying why, if a new password breaks the rule (8 to 256 characters), without hashing or storing it. */
    public static void checkPassword(String password) {
        Passwords.check(password);
    }

    public static String profileText(String change, String field) {
        return text(change, null, field);
    }

    private static String text(String change, String current, String field) {
        if (change == null) {
            return current;
        }
        String trimmed = PlainText.oneLine(change).strip();
        if (trimmed.length() > MAX_TEXT) {
            throw new ValidationException("the " + field + " is too long (" + trimmed.length() + " characters): at most " + MAX_TEXT);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Working days as stored (as a contact's days are: none for every day); days no door of Kith would write, Monday to Friday. */
    private static Weekdays workDays(String stored) {
        return Weekdays.stored(stored, Weekdays.MONDAY_TO_FRIDAY);
    }

    private static Profile loadProfile(Handle handle, long userId) {
        // Only the profile's columns: read on every page, it has no use for the password's hash.
        return handle.createQuery("""
                        SELECT username, name, city, country, timezone, work_start, work_end, work_days, daily_limit FROM users WHERE id = :id
                        """)
                .bind("id", userId)
                .map((rows, context) -> {
                    String zone = Columns.text(rows, "timezone");
                    return new Profile(Columns.text(rows, "username"), Columns.text(rows, "name"), Columns.text(rows, "city"),
                            Columns.text(rows, "country"), zone == null ? null : ZoneId.of(zone),
                            new WorkHours(LocalTime.parse(Columns.text(rows, "work_start")), LocalTime.parse(Columns.text(rows, "work_end"))),
                            rows.getInt("daily_limit"), workDays(Columns.text(rows, "work_days")));
                })
                .findOne()
                .orElseThrow(() -> new NotFoundException("there is no account with id " + userId));
    }
}
