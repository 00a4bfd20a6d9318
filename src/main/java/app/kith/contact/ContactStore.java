package app.kith.contact;

import app.kith.shared.Weekdays;
import app.kith.storage.Dialect;
import app.kith.storage.SearchFold;
import app.kith.storage.SearchTokens;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static app.kith.storage.Columns.date;
import static app.kith.storage.Columns.decimal;
import static app.kith.storage.Columns.text;

/** The SQL that reads and writes contacts and their lists (emails, phones, tags, circles). */
final class ContactStore {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");
    private static final int MAX_WORDS = 16;
    private static final int MAX_WORD = 100;
    /** Up to this many contacts get their lists by id; a longer listing reads the user's lists whole. */
    private static final int BY_ID = 500;
    /**
     * Up to this many matches a text search's page is found by sorting them; past it, by walking the contacts by name,
     * which finds a page of common matches sooner than reading them all.
     */
    static final int FEW_MATCHES = 300;
    /**
     * What may stand between the characters of a CJK run in a contact's text and still be the run, as SQLite's phrase
     * query reads them (山田 太郎 and 李・雷 are found by 山田太郎 and 李雷): blanks and the usual punctuation, taken out
     * of the text before PostgreSQL looks for the run in it.
     */
    private static final String RUN_GAPS = " \t\n\r\u000B\f\u3000・、。，．,.·-‐_/()（）「」『』【】〈〉《》!?！？:：;；'’\"";

    private ContactStore() {
    }

    /** The contact with its lists, if it exists and belongs to the user. */
    static Optional<Contact> find(Handle handle, long userId, long contactId) {
        return handle.createQuery("SELECT * FROM contacts WHERE user_id = :userId AND id = :id")
                .bind("userId", userId)
                .bind("id", contactId)
                .map((rows, context) -> row(rows))
                .findOne()
                .map(row -> withLists(handle, row));
    }

    /** The name of one of the user's contacts, without the rest; empty if there is no such contact of theirs. */
    static Optional<String> name(Handle handle, long userId, long contactId) {
        return handle.createQuery("SELECT full_name FROM contacts WHERE user_id = :userId AND id = :id")
                .bind("userId", userId)
                .bind("id", contactId)
                .map((rows, context) -> text(rows, 1))
                .findOne();
    }

    /** Which of some ids are the user's contacts. */
    static Set<Long> theirs(Handle handle, long userId, Collection<Long> ids) {
        return handle.createQuery("SELECT id FROM contacts WHERE user_id = :userId AND id IN (<ids>)")
                .bind("userId", userId)
                .bindList("ids", List.copyOf(ids))
                .mapTo(Long.class)
                .collect(Collectors.toSet());
    }

    /** One contact with its four lists, read in one statement: a contact's page reads one contact per request. */
    private static Contact withLists(Handle handle, Contact c) {
        List<List<String>> lists = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        // The orders of withLists below: emails and phones as entered, circles by name in any case, tags by TAG_ORDER.
        handle.createQuery("""
                        SELECT 0 AS list, email AS item, position AS place, '' AS folded FROM contact_emails WHERE contact_id = :id
                        UNION ALL
                        SELECT 1, phone, position, '' FROM contact_phones WHERE contact_id = :id
                        UNION ALL
                        SELECT 2, tag, 0, '' FROM contact_tags WHERE contact_id = :id
                        UNION ALL
                        SELECT 3, c.name, 0, lower(c.name) FROM contact_circles cc JOIN circles c ON c.id = cc.circle_id
                         WHERE cc.contact_id = :id
                        ORDER BY list, place, folded
                        """)
                .bind("id", c.id())
                .map((rows, context) -> Map.entry(rows.getInt(1), text(rows, 2)))
                .forEach(entry -> lists.get(entry.getKey()).add(entry.getValue()));
        lists.get(2).sort(Contact.TAG_ORDER);
        return new Contact(c.id(), c.name(), List.copyOf(lists.get(0)), List.copyOf(lists.get(1)), c.company(), c.title(),
                c.city(), c.country(), c.zone(), c.linkedinUrl(), c.metHow(), c.metOn(), c.notes(), c.strengths(), c.birthday(),
                List.copyOf(lists.get(2)), List.copyOf(lists.get(3)), c.days(), c.archived(), c.addedOn(), c.ownCadence(),
                c.cadence(), c.lastTouch(), c.snoozedUntil(), c.awayUntil(), c.dueOn(), c.firstDueSpread());
    }

    /**
     * A listing's conditions over contacts {@code k}: fixed SQL fragments chosen by which filters are set, and
     * the values they bind. On PostgreSQL the contacts whose email matches are found first, so that the text
     * condition stays one the indexes answer ({@code tsvector @@ query OR id = ANY(ids)}).
     */
    record Listing(Dialect dialect, String where, String whereFromMatches, long userId, ContactService.Search search,
                   Long circleId, LocalDate today, List<Long> emailMatches, List<String> runs, List<String> cities) {
        Query bind(Query query) {
            String text = folded(search.text()).strip();
            query.bind("userId", userId)
                    .bind("archived", search.archived())
                    .bindByType("circleId", circleId, Long.class)
                    .bindByType("tag", blankToNull(search.tag()), String.class)
                    .bind("today", today)
                    .bindByType("words", prefixQuery(dialect, words(search.text())), String.class)
                    .bind("emailStart", escapeLike(text) + "%")
                    .bind("domainStart", escapeLike(domainText(text)) + "%");
            if (emailMatches != null) {
                query.bindArray("emailMatches", Long.class, emailMatches);
            }
            if (!runs.isEmpty()) {
                query.bindArray("runs", String.class, runs);
                query.bind("gaps", RUN_GAPS);
            }
            if (!cities.isEmpty()) {
                query.bindList("cities", cities);
            }
            return query;
        }
    }

    static Listing listing(Handle handle, Dialect dialect, long userId, ContactService.Search search, Long circleId, LocalDate today) {
        List<String> conditions = new ArrayList<>();
        if (circleId != null) {
            conditions.add("EXISTS (SELECT 1 FROM contact_circles cc WHERE cc.contact_id = k.id AND cc.circle_id = :circleId)");
        }
        if (blankToNull(search.tag()) != null) {
            conditions.add("EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = k.id AND lower(t.tag) = lower(:tag))");
        }
        String city = blankToNull(search.city());
        List<String> cities = List.of();
        if (city != null) {
            // The city as the user's contacts spell it, case, accents and punctuation aside ("sao paulo" is São
            // Paulo, "St Louis" St. Louis), by any of its names (Munich is München) and with or without where it is
            // (Portland, OR): their few spellings are found in the index of cities, then looked up.
            cities = sameCities(handle, userId, search.archived(), city);
            conditions.add(cities.isEmpty() ? "1 = 0" : "k.city IN (<cities>)");
        }
        if (search.dueOnly()) {
            conditions.add("k.due_on <= :today");
        }
        if (search.untracked()) {
            // In no circle and with no cadence of their own: no cadence at all, so never due.
            conditions.add("k.cadence IS NULL");
        }
        List<Long> emailMatches = null;
        List<String> runs = List.of();
        List<String> words = words(search.text());
        if (!words.isEmpty()) {
            // The words are looked up in the full-text index; an email matches when it, or its domain, starts with the
            // text (both indexed: migration V10).
            if (dialect == Dialect.SQLITE) {
                conditions.add("""
                        k.id IN (SELECT rowid FROM contacts_search WHERE contacts_search MATCH :words
                                 UNION SELECT e.contact_id FROM contact_emails e
                                        WHERE e.email LIKE :emailStart ESCAPE '!' OR e.domain LIKE :domainStart ESCAPE '!')""");
            } else {
                // Exactly the expression of the contacts_search GIN index (migration V15), or the index is not used.
                conditions.add("""
                        (to_tsvector('kith_search', kith_index(coalesce(k.full_name, '') || ' ' || coalesce(k.company, '') || ' ' ||
                                     coalesce(k.title, '') || ' ' || coalesce(k.city, '') || ' ' || coalesce(k.notes, '')))
                             @@ to_tsquery('kith_search', :words)
                         OR k.id = ANY(:emailMatches))""");
                runs = SearchTokens.runs(words);
                if (!runs.isEmpty()) {
                    // A run of CJK characters is asked of the index as each of them, then here as the run in the
                    // contact's text: a phrase query would have PostgreSQL compute the index's expression again for
                    // each row the index gives. Apart from the condition above, which the index answers exactly.
                    conditions.add("""
                            (k.id = ANY(:emailMatches)
                             OR NOT EXISTS (SELECT 1 FROM unnest(CAST(:runs AS text[])) AS run (text)
                                             WHERE strpos(translate(coalesce(k.full_name, '') || coalesce(k.company, '') ||
                                                                    coalesce(k.title, '') || coalesce(k.city, '') ||
                                                                    coalesce(k.notes, ''), :gaps, ''), run.text) = 0))""");
                }
                String text = folded(search.text()).strip();
                emailMatches = handle.createQuery("""
                                SELECT e.contact_id FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
                                 WHERE c.user_id = :userId
                                   AND (lower(e.email) LIKE :emailStart ESCAPE '!'
                                        OR lower(split_part(e.email, '@', 2)) LIKE :domainStart ESCAPE '!')
                                """)
                        .bind("userId", userId)
                        .bind("emailStart", escapeLike(text) + "%")
                        .bind("domainStart", escapeLike(domainText(text)) + "%")
                        .mapTo(Long.class)
                        .list();
            }
        }
        String filters = conditions.stream().map(condition -> " AND " + condition).collect(Collectors.joining());
        String where = "k.user_id = :userId AND k.archived = :archived" + filters;
        // For a text search SQLite would rather walk the user's contacts in an index and test each against the matches
        // (30,000 tests for a handful of matches); with the user and archived conditions out of the indexes' reach
        // (unary plus changes no value), it looks the matches up by id instead.
        String whereFromMatches = dialect == Dialect.SQLITE && !words.isEmpty()
                ? "+k.user_id = :userId AND +k.archived = :archived" + filters : where;
        return new Listing(dialect, where, whereFromMatches, userId, search, circleId, today, emailMatches, runs, cities);
    }

    /** The spellings of a city among the user's current (or archived) contacts that read as {@code city}. */
    private static List<String> sameCities(Handle handle, long userId, boolean archived, String city) {
        return handle.createQuery("SELECT DISTINCT city FROM contacts WHERE user_id = :userId AND archived = :archived AND city IS NOT NULL")
                .bind("userId", userId)
                .bind("archived", archived)
                .map((rows, context) -> text(rows, 1))
                .filter(spelling -> Cities.same(spelling, city))
                .list();
    }

    /**
     * Runs a listing's queries. On PostgreSQL a text search runs in a read transaction that keeps the planner on
     * the indexes: it prices to_tsvector() far below its cost, so for a common word it would compute it for every
     * contact rather than read the GIN index, dozens of times slower.
     */
    static <T> T reading(Handle handle, Listing listing, HandleCallback<T, RuntimeException> work) {
        if (listing.emailMatches() == null) {
            return work.withHandle(handle);
        }
        return handle.inTransaction(transaction -> {
            transaction.execute("SET LOCAL enable_seqscan = off");
            // That penalty would make every plan look costly enough to compile: compiling costs more than it saves here.
            transaction.execute("SET LOCAL jit = off");
            return work.withHandle(transaction);
        });
    }

    /** One page of the contacts in a listing, by name, with their lists; a negative limit means every one. */
    static List<Contact> list(Handle handle, Listing listing, int offset, int limit) {
        return list(handle, listing, offset, limit, Integer.MAX_VALUE);
    }

    /**
     * As {@link #list(Handle, Listing, int, int)}, knowing the listing holds {@code total} contacts: a text search with
     * few matches sorts them, instead of walking every contact by name to find them.
     */
    static List<Contact> list(Handle handle, Listing listing, int offset, int limit, int total) {
        // By name, case and accents aside (migration V13): the contacts_name index, so a page needs no sort.
        String order = " ORDER BY k.sort_name, k.id";
        String page = limit < 0 ? "" : " LIMIT :limit OFFSET :offset";
        String where = total <= FEW_MATCHES ? listing.whereFromMatches() : listing.where();
        List<Contact> rows = listing.bind(handle.createQuery("SELECT k.* FROM contacts k WHERE " + where + order + page))
                .bind("limit", limit)
                .bind("offset", offset)
                .map((result, context) -> row(result))
                .list();
        return withLists(handle, listing.userId(), rows);
    }

    /** How many contacts a listing holds in all. */
    static int count(Handle handle, Listing listing) {
        return listing.bind(handle.createQuery("SELECT count(*) FROM contacts k WHERE " + listing.whereFromMatches()))
                .mapTo(Integer.class)
                .one();
    }

    /** The cities the user's current contacts live in, the most common first (at most {@code max}), for a filter's suggestions. */
    static List<Map.Entry<String, Integer>> cities(Handle handle, long userId, int max) {
        return handle.createQuery("""
                        SELECT city, count(*) FROM contacts
                         WHERE user_id = :userId AND archived = :archived AND city IS NOT NULL
                         GROUP BY city ORDER BY count(*) DESC, city LIMIT :max
                        """)
                .bind("userId", userId)
                .bind("archived", false)
                .bind("max", max)
                .map((rows, context) -> Map.entry(text(rows, 1), rows.getInt(2)))
                .list();
    }

    /**
     * The words of a search, lower-cased: runs of letters, digits and their marks, so nothing the user types
     * can be read as query syntax. At most 16 words of at most 100 characters.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(folded(text))) {
            if (!word.isEmpty() && words.size() < MAX_WORDS) {
                words.add(word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word);
            }
        }
        return words;
    }

    /**
     * Every word as a quoted prefix: {@code "ada"* "love"*} for FTS5, {@code ada:* & love:*} for PostgreSQL. A word
     * the index holds in parts (李雷 as 李 and 雷, {@link SearchTokens}) is a phrase of them whose last is a prefix on
     * FTS5, {@code "李 雷"*}; on PostgreSQL each of them, {@code 李 & 雷:*}, the query then asking for the run itself
     * in the contact's text ({@link SearchTokens#runs}).
     */
    static String prefixQuery(Dialect dialect, List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        // The index holds SQLite's text as kith_index() gave it (migration V15): the words are folded alike.
        return dialect == Dialect.SQLITE
                ? words.stream().map(word -> '"' + String.join(" ", SearchTokens.parts(SearchFold.fold(word))) + "\"*")
                        .collect(Collectors.joining(" "))
                : words.stream().map(word -> String.join(" & ", SearchTokens.parts(word)) + ":*")
                        .collect(Collectors.joining(" & "));
    }

    private static String folded(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Id and name of every contact of the user whose name is the text, in any case (ASCII: SQLite's lower() folds no more). */
    static List<Map.Entry<Long, String>> sameNames(Handle handle, long userId, String text) {
        return handle.createQuery("""
                        SELECT id, full_name FROM contacts
                         WHERE user_id = :userId AND lower(full_name) LIKE lower(:pattern) ESCAPE '!'
                         ORDER BY sort_name, id
                        """)
                .bind("userId", userId)
                .bind("pattern", escapeLike(text))
                .map((rows, context) -> Map.entry(rows.getLong(1), text(rows, 2)))
                .list();
    }

    /** Id and name of every contact of the user, for a match in Java where SQL's lower() falls short (non-ASCII). */
    static List<Map.Entry<Long, String>> allNames(Handle handle, long userId) {
        return handle.createQuery("SELECT id, full_name FROM contacts WHERE user_id = :userId ORDER BY sort_name, id")
                .bind("userId", userId)
                .map((rows, context) -> Map.entry(rows.getLong(1), text(rows, 2)))
                .list();
    }

    /**
     * The user's other contacts with {@code added}'s name (as {@link NameKey} reads names) or one of its email
     * addresses (case aside), by id; one sharing both is given with the address.
     */
    static List<ContactService.Alike> alike(Handle handle, Dialect dialect, long userId, Contact added) {
        Map<Long, ContactService.Alike> alike = new TreeMap<>();
        String key = NameKey.of(added.name());
        // A name without a letter or digit (an emoji alone) has no key to compare: it is like no other. Others are
        // sought as the search finds words (in the full-text index, not in every contact), current and archived,
        // then compared whole.
        if (!key.isEmpty()) {
            for (boolean archived : new boolean[] {false, true}) {
                Listing listing = listing(handle, dialect, userId, new ContactService.Search(added.name(), null, null, null, false, archived),
                        null, LocalDate.EPOCH);
                reading(handle, listing, reader -> listing.bind(reader.createQuery(
                                "SELECT k.id, k.full_name, k.archived FROM contacts k WHERE " + listing.whereFromMatches()))
                        .map((rows, context) -> new ContactService.Alike(rows.getLong(1), text(rows, 2), rows.getBoolean(3), null))
                        .list())
                        .stream()
                        .filter(other -> other.id() != added.id() && NameKey.of(other.name()).equals(key))
                        .forEach(other -> alike.put(other.id(), other));
            }
        }
        if (!added.emails().isEmpty()) {
            String same = dialect == Dialect.SQLITE ? "e.email = mine.email COLLATE NOCASE" : "lower(e.email) = lower(mine.email)";
            handle.createQuery("SELECT c.id, c.full_name, c.archived, e.email FROM contact_emails mine"
                            + " JOIN contact_emails e ON " + same + " AND e.contact_id <> mine.contact_id"
                            + " JOIN contacts c ON c.id = e.contact_id AND c.user_id = :userId"
                            + " WHERE mine.contact_id = :id ORDER BY e.position")
                    .bind("userId", userId)
                    .bind("id", added.id())
                    .map((rows, context) -> new ContactService.Alike(rows.getLong(1), text(rows, 2), rows.getBoolean(3), text(rows, 4)))
                    .forEach(other -> alike.merge(other.id(), other, ContactStore::withAddress));
        }
        return List.copyOf(alike.values());
    }

    /** Of two findings of one contact alike, the one with the address they share, if either has it. */
    static ContactService.Alike withAddress(ContactService.Alike first, ContactService.Alike next) {
        return first.email() == null ? next : first;
    }

    /**
     * The user's contacts other than {@code contactId} holding one of {@code emails} (lower-cased), each with the
     * address it holds (its first, if several).
     */
    static List<ContactService.Alike> holdingEmails(Handle handle, long userId, long contactId, Collection<String> emails) {
        return handle.createQuery("""
                        SELECT c.id, c.full_name, c.archived, e.email FROM contact_emails e
                          JOIN contacts c ON c.id = e.contact_id AND c.user_id = :userId
                         WHERE lower(e.email) IN (<emails>) AND e.contact_id <> :id
                         ORDER BY c.id, e.position
                        """)
                .bind("userId", userId)
                .bind("id", contactId)
                .bindList("emails", List.copyOf(emails))
                .map((rows, context) -> new ContactService.Alike(rows.getLong(1), text(rows, 2), rows.getBoolean(3), text(rows, 4)))
                .list();
    }

    /** What a domain should start with for a search: "@acme" is typed for the domain acme.com as often as "acme". */
    private static String domainText(String text) {
        return text.startsWith("@") ? text.substring(1) : text;
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static Contact row(ResultSet rows) throws SQLException {
        String zone = text(rows, "timezone");
        return new Contact(rows.getLong("id"), text(rows, "full_name"), List.of(), List.of(),
                text(rows, "company"), text(rows, "title"), text(rows, "city"), text(rows, "country"),
                zone == null ? null : ZoneId.of(zone), text(rows, "linkedin_url"), text(rows, "met_how"),
                date(rows, "met_on"), text(rows, "notes"), text(rows, "strengths"),
                Birthday.parse(text(rows, "birthday")), List.of(), List.of(),
                Weekdays.parse(text(rows, "contact_days")), rows.getBoolean("archived"), date(rows, "added_on"),
                Cadence.ofIso(text(rows, "own_cadence")), Cadence.ofIso(text(rows, "cadence")),
                date(rows, "last_touch_on"), date(rows, "snoozed_until"), date(rows, "away_until"), date(rows, "due_on"),
                decimal(rows, "first_due_spread"));
    }

    static List<Contact> withLists(Handle handle, long userId, List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return contacts;
        }
        // One query per list: by id for a contact or a page of them, else for all of the user's contacts at once.
        String scope = contacts.size() <= BY_ID ? "k.id IN (<ids>)" : "k.user_id = :userId";
        Map<Long, List<String>> emails = listOf(handle, userId, contacts, scope,
                "SELECT e.contact_id, e.email FROM contact_emails e JOIN contacts k ON k.id = e.contact_id WHERE %s ORDER BY e.contact_id, e.position");
        Map<Long, List<String>> phones = listOf(handle, userId, contacts, scope,
                "SELECT p.contact_id, p.phone FROM contact_phones p JOIN contacts k ON k.id = p.contact_id WHERE %s ORDER BY p.contact_id, p.position");
        Map<Long, List<String>> tags = listOf(handle, userId, contacts, scope,
                "SELECT t.contact_id, t.tag FROM contact_tags t JOIN contacts k ON k.id = t.contact_id WHERE %s");
        tags.values().forEach(list -> list.sort(Contact.TAG_ORDER));
        Map<Long, List<String>> circles = listOf(handle, userId, contacts, scope,
                "SELECT cc.contact_id, c.name FROM contact_circles cc JOIN circles c ON c.id = cc.circle_id JOIN contacts k ON k.id = cc.contact_id WHERE %s ORDER BY cc.contact_id, lower(c.name)");
        List<Contact> complete = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            complete.add(new Contact(c.id(), c.name(), emails.getOrDefault(c.id(), List.of()),
                    phones.getOrDefault(c.id(), List.of()), c.company(), c.title(), c.city(), c.country(), c.zone(),
                    c.linkedinUrl(), c.metHow(), c.metOn(), c.notes(), c.strengths(), c.birthday(), tags.getOrDefault(c.id(), List.of()),
                    circles.getOrDefault(c.id(), List.of()), c.days(), c.archived(), c.addedOn(), c.ownCadence(),
                    c.cadence(), c.lastTouch(), c.snoozedUntil(), c.awayUntil(), c.dueOn(), c.firstDueSpread()));
        }
        return complete;
    }

    private static Map<Long, List<String>> listOf(Handle handle, long userId, List<Contact> contacts, String scope, String sql) {
        Map<Long, List<String>> lists = new HashMap<>();
        Query query = handle.createQuery(String.format(sql, scope)).bind("userId", userId);
        if (contacts.size() <= BY_ID) {
            query.bindList("ids", contacts.stream().map(Contact::id).toList());
        }
        query.map((rows, context) -> Map.entry(rows.getLong(1), text(rows, 2)))
                .forEach(entry -> lists.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return lists;
    }

    static List<CareerMove> career(Handle handle, long contactId) {
        return handle.createQuery("""
                        SELECT changed_on, old_company, old_title, new_company, new_title, source FROM career_moves
                         WHERE contact_id = :id ORDER BY changed_on DESC, id DESC
                        """)
                .bind("id", contactId)
                .map((rows, context) -> new CareerMove(date(rows, "changed_on"), text(rows, "old_company"),
                        text(rows, "old_title"), text(rows, "new_company"), text(rows, "new_title"),
                        text(rows, "source")))
                .list();
    }

    static Optional<Photo> photo(Handle handle, long contactId) {
        return handle.createQuery("SELECT media_type, data FROM contact_photos WHERE contact_id = :id")
                .bind("id", contactId)
                .map((rows, context) -> new Photo(text(rows, 1), rows.getBytes(2)))
                .findOne();
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
