import app.kith.Kith;
import app.kith.account.Account;
import app.kith.account.ProfileChanges;
import app.kith.config.KithConfig;
import app.kith.contact.Cadence;
import app.kith.contact.Circle;
import app.kith.shared.Weekdays;
import app.kith.contact.DueDate;
import org.jdbi.v3.core.Handle;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Generates (or reuses) a Kith data directory for the agenda benchmark: one owner, N contacts in the default
 * circles, M interactions over the last three years, and every contact's stored schedule computed as the product does.
 *
 * <p>Usage: {@code BenchData --dir DIR --contacts N --interactions M [--fingerprint F] [--seed S]}. A directory whose
 * {@code bench.properties} matches (same counts, fingerprint, seed, and generated today) is reused as it is.
 */
public final class BenchData {
    static final int HORIZON_DAYS = 1095;          // interactions spread over the last ~3 years
    static final double OVERDUE_SHARE = 0.008;     // tracked contacts deliberately left past their cadence
    static final double SOCIAL_SHARE = 0.10;       // likes/comments: not touches
    static final int NONE = Integer.MIN_VALUE;
    static final String MARKER = "bench.properties";
    static final int GENERATOR_VERSION = 1;
    /**
     * The bench owner's time zone (their profile's). "Today" for the data is the date there, as it is for the product
     * (the agenda, the CLI's today and the web's Today use the profile's zone): with the machine's date instead, a run
     * in the hours when the two dates differ would measure an agenda with hundreds more due than generated.
     */
    static final ZoneId OWNER_ZONE = ZoneId.of("Europe/Berlin");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Path dir = Path.of(options.getOrDefault("dir", "target/bench-data/default")).toAbsolutePath().normalize();
        int contacts = Integer.parseInt(options.getOrDefault("contacts", "100000"));
        int interactions = Integer.parseInt(options.getOrDefault("interactions", "5000000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        String fingerprint = options.getOrDefault("fingerprint", "-");
        LocalDate today = LocalDate.now(OWNER_ZONE);

        Properties wanted = new Properties();
        wanted.setProperty("contacts", String.valueOf(contacts));
        wanted.setProperty("interactions", String.valueOf(interactions));
        wanted.setProperty("seed", String.valueOf(seed));
        wanted.setProperty("fingerprint", fingerprint);
        wanted.setProperty("generated_on", today.toString());
        wanted.setProperty("generator", String.valueOf(GENERATOR_VERSION));

        if (reusable(dir, wanted)) {
            Properties marker = readMarker(dir);
            System.out.println("data.dir=" + dir);
            System.out.println("data.reused=true");
            System.out.println("data.generation_s=" + marker.getProperty("generation_s", "?") + " (when generated)");
            return;
        }
        long started = System.nanoTime();
        deleteTree(dir);
        Files.createDirectories(dir);
        new BenchData(dir, contacts, interactions, seed, today).generate();
        double seconds = (System.nanoTime() - started) / 1e9;
        wanted.setProperty("generation_s", String.format("%.1f", seconds));
        try (Writer out = Files.newBufferedWriter(dir.resolve(MARKER))) {
            wanted.store(out, "kith agenda benchmark data; delete the folder to regenerate");
        }
        System.out.println("data.dir=" + dir);
        System.out.println("data.reused=false");
        System.out.printf("data.generation_s=%.1f%n", seconds);
    }

    /** The environment without the settings that would point Kith at another database or account. */
    static Map<String, String> cleanEnv() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("KITH_DB_URL");
        env.remove("KITH_USER");
        env.remove("KITH_HOME");
        return env;
    }

    static Kith open(Path dir) {
        return Kith.open(KithConfig.resolve(dir, null, null, false, cleanEnv()), Clock.systemDefaultZone());
    }

    // ------------------------------------------------------------------------------------------------ reuse

    private static boolean reusable(Path dir, Properties wanted) {
        if (!Files.isRegularFile(dir.resolve(MARKER)) || !Files.isRegularFile(dir.resolve("kith.db"))) {
            return false;
        }
        Properties marker = readMarker(dir);
        for (String key : wanted.stringPropertyNames()) {
            if (!Objects.equals(wanted.getProperty(key), marker.getProperty(key))) {
                System.out.println("data.regenerate_reason=" + key + " was " + marker.getProperty(key)
                        + ", wanted " + wanted.getProperty(key));
                return false;
            }
        }
        // The counts on disk, not just the marker's word for them.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kith.db"));
             Statement statement = connection.createStatement()) {
            long c = one(statement, "SELECT count(*) FROM contacts");
            long i = one(statement, "SELECT count(*) FROM interactions");
            if (c == Long.parseLong(wanted.getProperty("contacts")) && i == Long.parseLong(wanted.getProperty("interactions"))) {
                return true;
            }
            System.out.println("data.regenerate_reason=counts on disk " + c + "/" + i);
        } catch (SQLException e) {
            System.out.println("data.regenerate_reason=" + e.getMessage());
        }
        return false;
    }

    private static Properties readMarker(Path dir) {
        Properties marker = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(MARKER))) {
            marker.load(in);
        } catch (IOException e) {
            // an unreadable marker means regenerate
        }
        return marker;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static long one(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    // ------------------------------------------------------------------------------------------- generation

    private static final String[][] PLACES = {
            {"Berlin", "Germany", "Europe/Berlin"}, {"Munich", "Germany", "Europe/Berlin"},
            {"London", "United Kingdom", "Europe/London"}, {"Paris", "France", "Europe/Paris"},
            {"Amsterdam", "Netherlands", "Europe/Amsterdam"}, {"New York", "United States", "America/New_York"},
            {"San Francisco", "United States", "America/Los_Angeles"}, {"Chicago", "United States", "America/Chicago"},
            {"Toronto", "Canada", "America/Toronto"}, {"São Paulo", "Brazil", "America/Sao_Paulo"},
            {"Tokyo", "Japan", "Asia/Tokyo"}, {"Singapore", "Singapore", "Asia/Singapore"},
            {"Bangalore", "India", "Asia/Kolkata"}, {"Sydney", "Australia", "Australia/Sydney"},
            {"Stockholm", "Sweden", "Europe/Stockholm"}, {"Zurich", "Switzerland", "Europe/Zurich"},
            {"Madrid", "Spain", "Europe/Madrid"}, {"Warsaw", "Poland", "Europe/Warsaw"},
            {"Tel Aviv", "Israel", "Asia/Jerusalem"}, {"Dubai", "United Arab Emirates", "Asia/Dubai"},
    };
    private static final String[] FIRST = ("Anna Ben Carla David Elena Felix Grace Hugo Ines Jonas Kira Leo Maria Noah "
            + "Olga Paul Quinn Rosa Sam Tara Umar Vera Wei Xenia Yuki Zoe Ahmed Bianca Chen Dmitri Emma Farah Gabriel "
            + "Hana Ivan Julia Kofi Lena Mateo Nina Oscar Priya Rafael Sofia Tomas Ursula Viktor Wanda Yusuf Zara").split(" ");
    private static final String[] LAST = ("Schmidt Müller Smith Johnson Dubois Martin Rossi Garcia Kowalski Nowak Tanaka "
            + "Sato Kim Lee Wang Li Singh Patel Silva Santos Jensen Hansen Berg Novak Horvat Ivanova Petrov Cohen Levi "
            + "Haddad Okafor Mensah Nguyen Tran Andersson Lindqvist Weber Fischer Wagner Becker Hoffmann Schulz Koch "
            + "Richter Klein Wolf Neumann Schwarz Zimmermann Braun").split(" ");
    private static final String[] COMPANIES = "Acme Globex Initech Umbrella Stark Wayne Hooli Vandelay Cyberdyne Soylent Tyrell Aperture".split(" ");
    private static final String[] TITLES = {"Engineer", "Senior Engineer", "Engineering Manager", "Product Manager",
            "Designer", "CTO", "VP Engineering", "Data Scientist", "Founder", "Recruiter"};
    private static final String[] MET_HOW = {"conference", "work", "university", "meetup", "introduction", "online"};
    private static final String[] NOTES = {"caught up", "talked about their new role", "shared a paper", "intro to a friend",
            "birthday wishes", "asked for advice", "congratulated on promotion", "planned a trip"};
    // Touch kinds with their weights; 'social' is drawn separately.
    private static final String[] TOUCH_KINDS = {"message", "email", "call", "video", "coffee", "meal", "meeting", "event"};
    private static final double[] TOUCH_WEIGHTS = {0.30, 0.20, 0.12, 0.10, 0.10, 0.06, 0.08, 0.04};
    private static final String[] OWN_CADENCES = {"2w", "1m", "2m", "6m", "1y"};

    private final Path dir;
    private final int n;
    private final int m;
    private final SplittableRandom random;
    private final LocalDate today;
    private final int todayE;
    private final int firstDay;              // epoch day of the earliest date we ever write
    private final String[] dayText;          // ISO text per epoch day from firstDay

    private BenchData(Path dir, int contacts, int interactions, long seed, LocalDate today) {
        this.dir = dir;
        this.n = contacts;
        this.m = interactions;
        this.random = new SplittableRandom(seed);
        this.today = today;
        this.todayE = (int) today.toEpochDay();
        this.firstDay = todayE - 2000;
        this.dayText = new String[2000 + 800];
        for (int i = 0; i < dayText.length; i++) {
            dayText[i] = LocalDate.ofEpochDay(firstDay + i).toString();
        }
    }

    private String day(int epochDay) {
        return dayText[epochDay - firstDay];
    }

    private void generate() throws Exception {
        long t0 = System.nanoTime();
        long userId;
        List<Circle> circles;
        try (Kith kith = open(dir)) {
            Account owner = kith.accounts().actingAccount(null, "bench");
            userId = owner.id();
            kith.accounts().updateProfile(userId, new ProfileChanges("Bench Owner", "Berlin", "Germany",
                    OWNER_ZONE, null, null));
            circles = kith.circles().list(userId);
        }
        step("schema+owner", t0);

        // Circles by name, in the order the product seeds them.
        Map<String, Circle> byName = new HashMap<>();
        for (Circle circle : circles) {
            byName.put(circle.name(), circle);
        }
        Circle[] circle = {byName.get("Mentors"), byName.get("Current team"), byName.get("Past teams"),
                byName.get("Events & conferences"), byName.get("Role models")};
        double[] circleShare = {0.02, 0.06, 0.30, 0.37, 0.05}; // the remaining 20% are in no circle
        for (Circle c : circle) {
            if (c == null) {
                throw new IllegalStateException("the default circles changed: " + circles);
            }
        }

        // ---- plan contacts
        int[] added = new int[n];
        int[] start = new int[n];
        int[] lastPlan = new int[n];
        int[] circle1 = new int[n];
        int[] circle2 = new int[n];
        String[] own = new String[n];
        boolean[] archived = new boolean[n];
        String[] days = new String[n];
        int[] snoozed = new int[n];
        int[] away = new int[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            double r = random.nextDouble();
            int addedAgo = r < 0.70 ? 1096 + random.nextInt(730) : r < 0.97 ? 91 + random.nextInt(1005) : random.nextInt(91);
            added[i] = todayE - addedAgo;
            start[i] = Math.max(added[i], todayE - HORIZON_DAYS);
            circle1[i] = pick(circleShare);
            circle2[i] = -1;
            if (circle1[i] >= 0 && random.nextDouble() < 0.10) {
                int other = random.nextInt(circle.length);
                circle2[i] = other == circle1[i] ? -1 : other;
            }
            own[i] = random.nextDouble() < 0.04 ? Cadence.parse(OWN_CADENCES[random.nextInt(OWN_CADENCES.length)]).iso() : null;
            archived[i] = random.nextDouble() < 0.03;
            days[i] = random.nextDouble() < 0.04 ? "mon,tue,wed,thu,fri" : null;
            snoozed[i] = random.nextDouble() < 0.005 ? todayE + 1 + random.nextInt(30) : NONE;
            away[i] = random.nextDouble() < 0.005 ? todayE + 1 + random.nextInt(60) : NONE;

            Cadence cadence = own[i] != null ? Cadence.ofIso(own[i]) : shortest(circle, circle1[i], circle2[i]);
            int cadenceDays = cadence == null ? 0 : (int) Math.round(cadence.approximateDays());
            boolean isNew = addedAgo < 91;
            int span = todayE - start[i] + 1;
            if (cadence == null) {
                lastPlan[i] = random.nextDouble() < 0.30 ? NONE : start[i] + random.nextInt(span);
            } else if (isNew && random.nextDouble() < 0.35) {
                lastPlan[i] = NONE; // added lately, not followed up yet
            } else if (!archived[i] && random.nextDouble() < OVERDUE_SHARE) {
                int late = Math.min(120, (int) (-Math.log(1 - random.nextDouble()) * 15));
                lastPlan[i] = Math.max(start[i], todayE - cadenceDays - late);
            } else {
                // Most people are touched within their cadence.
                lastPlan[i] = Math.max(start[i], todayE - random.nextInt(Math.max(1, cadenceDays - 2)));
            }
            double w = (cadence == null ? 1.0 / 400 : 1.0 / cadenceDays) * span / HORIZON_DAYS;
            if (archived[i]) {
                w *= 0.3;
            }
            if (lastPlan[i] == NONE) {
                w *= 0.2; // only likes and comments
            }
            weight[i] = w;
        }

        // ---- interaction counts per contact: one touch (the last) for every touched contact, the rest by weight
        int[] count = new int[n];
        long budget = m;
        for (int i = 0; i < n; i++) {
            if (lastPlan[i] != NONE) {
                if (budget > 0) {
                    count[i] = 1;
                    budget--;
                } else {
                    lastPlan[i] = NONE; // too few interactions asked for: the rest stay untouched
                }
            }
        }
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        long rest = budget;
        for (int i = 0; i < n && rest > 0; i++) {
            int extra = (int) Math.min(rest, (long) Math.floor(budget * weight[i] / total));
            count[i] += extra;
            rest -= extra;
        }
        while (rest > 0) {
            count[random.nextInt(n)]++;
            rest--;
        }

        // ---- interactions, generated per contact, then ordered by day so ids grow with time like a real log
        int origin = todayE - HORIZON_DAYS;
        short[] dayOf = new short[m];
        byte[] kindOf = new byte[m];       // index into TOUCH_KINDS, or -1 for social
        int[] who = new int[m];
        int[] also = new int[m];           // a second participant (contact index + 1), 0 for none
        byte[] noteOf = new byte[m];       // index into NOTES + 1, 0 for none
        int k = 0;
        for (int i = 0; i < n; i++) {
            boolean touched = lastPlan[i] != NONE;
            for (int j = 0; j < count[i]; j++) {
                int d;
                int kind;
                if (touched && j == 0) {
                    d = lastPlan[i];
                    kind = touchKind();
                } else if (!touched || random.nextDouble() < SOCIAL_SHARE) {
                    d = start[i] + random.nextInt(todayE - start[i] + 1);
                    kind = -1;
                } else {
                    d = start[i] + random.nextInt(lastPlan[i] - start[i] + 1);
                    kind = touchKind();
                }
                int second = 0;
                if (random.nextDouble() < (kind < 0 ? 0.05 : 0.08)) {
                    int other = random.nextInt(n);
                    boolean fits = other != i && d >= start[other]
                            && (kind < 0 || (lastPlan[other] != NONE && d <= lastPlan[other]));
                    second = fits ? other + 1 : 0;
                }
                dayOf[k] = (short) (d - origin);
                kindOf[k] = (byte) kind;
                who[k] = i;
                also[k] = second;
                noteOf[k] = (byte) (random.nextDouble() < 0.15 ? 1 + random.nextInt(NOTES.length) : 0);
                k++;
            }
        }
        if (k != m) {
            throw new IllegalStateException("generated " + k + " interactions, wanted " + m);
        }
        int[] order = byDay(dayOf, HORIZON_DAYS + 1);
        step("plan", t0);

        // ---- bulk load with plain JDBC on one connection, journal off while loading
        Path file = dir.resolve("kith.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            // The contacts' triggers fill the search index with a function of Kith's own.
            app.kith.storage.UnicodeSqliteDataSource.addFunctions(db);
            try (Statement s = db.createStatement()) {
                pragma(s, "PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
                s.execute("PRAGMA cache_size=-1048576");
                s.execute("PRAGMA temp_store=MEMORY");
                s.execute("PRAGMA locking_mode=EXCLUSIVE");
            }
            db.setAutoCommit(false);
            long contactBase;
            long interactionBase;
            try (Statement s = db.createStatement()) {
                contactBase = one(s, "SELECT coalesce(max(id), 0) FROM contacts");
                interactionBase = one(s, "SELECT coalesce(max(id), 0) FROM interactions");
            }

            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO contacts (id, user_id, full_name, company, title, city, country, timezone, linkedin_url,
                                          met_how, met_on, notes, contact_days, archived, added_on, own_cadence,
                                          snoozed_until, away_until)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement member = db.prepareStatement("INSERT INTO contact_circles (contact_id, circle_id) VALUES (?, ?)")) {
                for (int i = 0; i < n; i++) {
                    long id = contactBase + 1 + i;
                    String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                    insert.setLong(1, id);
                    insert.setLong(2, userId);
                    insert.setString(3, random.nextDouble() < 0.3 ? name + " " + (char) ('A' + random.nextInt(26)) + "." : name);
                    boolean works = random.nextDouble() < 0.6;
                    insert.setString(4, works ? COMPANIES[random.nextInt(COMPANIES.length)] : null);
                    insert.setString(5, works ? TITLES[random.nextInt(TITLES.length)] : null);
                    String[] place = random.nextDouble() < 0.75
                            ? (random.nextDouble() < 0.2 ? PLACES[0] : PLACES[random.nextInt(PLACES.length)]) : null;
                    insert.setString(6, place == null ? null : place[0]);
                    insert.setString(7, place == null ? null : place[1]);
                    insert.setString(8, place != null && random.nextDouble() < 0.8 ? place[2] : null);
                    insert.setString(9, random.nextDouble() < 0.5 ? "https://www.linkedin.com/in/bench-" + id : null);
                    insert.setString(10, MET_HOW[random.nextInt(MET_HOW.length)]);
                    insert.setString(11, random.nextDouble() < 0.4 ? day(added[i]) : null);
                    insert.setString(12, random.nextDouble() < 0.2 ? "met at " + MET_HOW[random.nextInt(MET_HOW.length)] : null);
                    insert.setString(13, days[i]);
                    insert.setInt(14, archived[i] ? 1 : 0);
                    insert.setString(15, day(added[i]));
                    insert.setString(16, own[i]);
                    insert.setString(17, snoozed[i] == NONE ? null : day(snoozed[i]));
                    insert.setString(18, away[i] == NONE ? null : day(away[i]));
                    insert.addBatch();
                    if (circle1[i] >= 0) {
                        member.setLong(1, id);
                        member.setLong(2, circle[circle1[i]].id());
                        member.addBatch();
                    }
                    if (circle2[i] >= 0) {
                        member.setLong(1, id);
                        member.setLong(2, circle[circle2[i]].id());
                        member.addBatch();
                    }
                    if (i % 2000 == 1999) {
                        insert.executeBatch();
                        member.executeBatch();
                    }
                }
                insert.executeBatch();
                member.executeBatch();
            }
            db.commit();
            step("contacts", t0);

            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO interactions (id, user_id, occurred_on, kind, note, created_at) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement link = db.prepareStatement(
                         "INSERT INTO interaction_contacts (interaction_id, contact_id) VALUES (?, ?)")) {
                for (int x = 0; x < m; x++) {
                    int at = order[x];
                    long id = interactionBase + 1 + x;
                    String on = day(origin + dayOf[at]);
                    insert.setLong(1, id);
                    insert.setLong(2, userId);
                    insert.setString(3, on);
                    insert.setString(4, kindOf[at] < 0 ? "social" : TOUCH_KINDS[kindOf[at]]);
                    insert.setString(5, noteOf[at] == 0 ? null : NOTES[noteOf[at] - 1]);
                    insert.setString(6, on + " 12:00:00");
                    insert.addBatch();
                    link.setLong(1, id);
                    link.setLong(2, contactBase + 1 + who[at]);
                    link.addBatch();
                    if (also[at] != 0) {
                        link.setLong(1, id);
                        link.setLong(2, contactBase + also[at]);
                        link.addBatch();
                    }
                    if (x % 5000 == 4999) {
                        insert.executeBatch();
                        link.executeBatch();
                    }
                    if (x % 1_000_000 == 999_999) {
                        db.commit();
                        step("interactions " + (x + 1), t0);
                    }
                }
                insert.executeBatch();
                link.executeBatch();
            }
            db.commit();
            step("interactions", t0);

            // Last touch: the newest interaction that is not a 'social' one, as InteractionService computes it.
            try (PreparedStatement update = db.prepareStatement("""
                    UPDATE contacts SET last_touch_on = (
                        SELECT max(i.occurred_on) FROM interaction_contacts ic JOIN interactions i ON i.id = ic.interaction_id
                         WHERE ic.contact_id = contacts.id AND i.kind <> 'social')
                     WHERE user_id = ?""")) {
                update.setLong(1, userId);
                update.executeUpdate();
            }
            db.commit();
            step("last_touch", t0);

            schedule(db, userId);
            db.commit();
            step("schedule", t0);

            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA locking_mode=NORMAL");
                pragma(s, "PRAGMA journal_mode=WAL");
            }
        }
        step("close", t0);

        verifyWithProduct(userId);
        step("verify", t0);
    }

    private static void pragma(Statement s, String sql) throws SQLException {
        try (ResultSet rows = s.executeQuery(sql)) {
            if (rows.next()) {
                System.out.println("gen.pragma " + sql + " -> " + rows.getString(1));
            }
        }
    }

    private int touchKind() {
        double r = random.nextDouble();
        for (int i = 0; i < TOUCH_WEIGHTS.length; i++) {
            r -= TOUCH_WEIGHTS[i];
            if (r < 0) {
                return i;
            }
        }
        return 0;
    }

    /** An index drawn by the given shares, or -1 for the remainder. */
    private int pick(double[] shares) {
        double r = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            r -= shares[i];
            if (r < 0) {
                return i;
            }
        }
        return -1;
    }

    static Cadence shortest(Circle[] circle, int a, int b) {
        Cadence best = null;
        for (int index : new int[]{a, b}) {
            if (index >= 0 && (best == null || circle[index].cadence().compareTo(best) < 0)) {
                best = circle[index].cadence();
            }
        }
        return best;
    }

    /** A permutation of the interactions sorted by day (a counting sort; stable). */
    private static int[] byDay(short[] dayOf, int dayCount) {
        int[] starts = new int[dayCount + 1];
        for (short d : dayOf) {
            starts[d + 1]++;
        }
        for (int d = 0; d < dayCount; d++) {
            starts[d + 1] += starts[d];
        }
        int[] order = new int[dayOf.length];
        for (int i = 0; i < dayOf.length; i++) {
            order[starts[dayOf[i]]++] = i;
        }
        return order;
    }

    /**
     * Each contact's cadence (its own, else the shortest of its circles') and due date, exactly as the product's
     * Schedule.refresh computes them, from what is stored, with the product's public pure functions.
     */
    private static void schedule(Connection db, long userId) throws SQLException {
        Map<Long, Cadence> shortestCircle = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                SELECT cc.contact_id, c.cadence FROM contact_circles cc JOIN circles c ON c.id = cc.circle_id
                 WHERE c.user_id = ?""")) {
            query.setLong(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    shortestCircle.merge(rows.getLong(1), Cadence.ofIso(rows.getString(2)),
                            (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
        }
        try (PreparedStatement query = db.prepareStatement("""
                SELECT id, own_cadence, last_touch_on, added_on, snoozed_until, away_until, contact_days, archived
                  FROM contacts WHERE user_id = ?""");
             PreparedStatement update = db.prepareStatement(
                     "UPDATE contacts SET cadence = ?, cadence_days = ?, due_on = ? WHERE id = ?")) {
            query.setLong(1, userId);
            Map<String, Cadence> cadences = new HashMap<>();
            int pending = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    String ownIso = rows.getString(2);
                    Cadence cadence = ownIso != null ? cadences.computeIfAbsent(ownIso, Cadence::ofIso) : shortestCircle.get(id);
                    LocalDate due = rows.getBoolean(8) ? null : DueDate.of(cadence, date(rows.getString(3)),
                            date(rows.getString(4)), date(rows.getString(5)), date(rows.getString(6)),
                            Weekdays.parse(rows.getString(7)));
                    update.setString(1, cadence == null ? null : cadence.iso());
                    if (cadence == null) {
                        update.setNull(2, java.sql.Types.INTEGER);
                    } else {
                        update.setInt(2, (int) Math.round(cadence.approximateDays()));
                    }
                    update.setString(3, due == null ? null : due.toString());
                    update.setLong(4, id);
                    update.addBatch();
                    if (++pending == 2000) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            update.executeBatch();
        }
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    /**
     * Checks a sample against the product's own (package-private) Schedule.refresh, reached by reflection inside a
     * transaction that is rolled back. Skipped with a note if the method is not there any more.
     */
    private void verifyWithProduct(long userId) {
        Method refresh;
        try {
            refresh = Class.forName("app.kith.contact.Schedule")
                    .getDeclaredMethod("refresh", Handle.class, long.class, Collection.class);
            refresh.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("gen.schedule_check=skipped (" + e + ")");
            return;
        }
        try (Kith kith = open(dir); Handle handle = kith.database().jdbi().open()) {
            List<Long> sample = new ArrayList<>();
            SplittableRandom pickRandom = new SplittableRandom(7);
            List<Long> ids = handle.createQuery("SELECT id FROM contacts WHERE user_id = :u").bind("u", userId)
                    .mapTo(Long.class).list();
            for (int i = 0; i < Math.min(2000, ids.size()); i++) {
                sample.add(ids.get(pickRandom.nextInt(ids.size())));
            }
            // Every overdue contact too: those are what the agenda shows.
            sample.addAll(handle.createQuery("SELECT id FROM contacts WHERE user_id = :u AND due_on <= :d")
                    .bind("u", userId).bind("d", today.toString()).mapTo(Long.class).list());
            String read = "SELECT id, cadence, cadence_days, due_on FROM contacts WHERE id IN (<ids>) ORDER BY id";
            handle.begin();
            try {
                List<String> before = new ArrayList<>();
                List<String> after = new ArrayList<>();
                for (int from = 0; from < sample.size(); from += 500) {
                    List<Long> chunk = sample.subList(from, Math.min(sample.size(), from + 500));
                    before.addAll(rows(handle, read, chunk));
                    refresh.invoke(null, handle, userId, chunk);
                    after.addAll(rows(handle, read, chunk));
                }
                long mismatches = 0;
                for (int i = 0; i < before.size(); i++) {
                    if (!before.get(i).equals(after.get(i))) {
                        if (mismatches++ < 5) {
                            System.out.println("gen.schedule_mismatch ours=" + before.get(i) + " product=" + after.get(i));
                        }
                    }
                }
                System.out.println("gen.schedule_check=" + (before.size() - mismatches) + "/" + before.size()
                        + " sampled contacts match the product's Schedule.refresh");
            } finally {
                handle.rollback();
            }
        } catch (ReflectiveOperationException e) {
            System.out.println("gen.schedule_check=failed (" + e.getCause() + ")");
        }
    }

    private static List<String> rows(Handle handle, String sql, List<Long> ids) {
        return handle.createQuery(sql).bindList("ids", ids)
                .map((r, c) -> r.getLong(1) + "|" + r.getString(2) + "|" + r.getObject(3) + "|" + r.getString(4))
                .list();
    }

    static void step(String what, long t0) {
        System.out.printf("gen.step %-22s at %6.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    /** Tiny {@code --key value} parser shared by the bench programs. */
    static final class Options {
        static Map<String, String> parse(String[] args) {
            Map<String, String> options = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + args[i]);
                }
                String key = args[i].substring(2);
                String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
                options.put(key, value);
            }
            return options;
        }
    }
}
