import app.kith.Kith;
import app.kith.account.Account;
import app.kith.account.ProfileChanges;
import app.kith.agenda.Agenda;
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
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Generates (or reuses) the data directory of the HTTP benchmark ({@code bench/http}): one owner with a password and a
 * daily limit of {@code --due}, N contacts with realistic names, companies, cities, notes, emails, phones and tags,
 * a history of interactions, and exactly {@code --due} contacts due today (every other tracked contact was touched
 * within its cadence, so it is not due; their due dates spread evenly over the coming cadence).
 *
 * <p>Same approach as {@link BenchData}: the schema, the owner and its default circles come from the product
 * ({@code Kith.open}, {@code actingAccount}, {@code updateProfile}, {@code setPassword}); contacts and interactions are
 * bulk-inserted with plain JDBC, with each contact's cadence and due date computed by the product's public
 * {@code DueDate.of} and {@code Cadence}. The result is checked against the product's own {@code Schedule.refresh}
 * (by reflection, rolled back) and its agenda.
 *
 * <p>The data goes into {@code DIR/pristine}, which the benchmark never serves (logging touches changes the data):
 * each run copies {@code pristine/kith.db} into a fresh {@code DIR/run}. A pristine copy whose {@code bench.properties}
 * matches (same sizes, fingerprint, seed, made today) and whose counts on disk are right is reused.
 *
 * <p>Usage: {@code HttpBenchData --dir DIR [--contacts 30000] [--due 50] [--password P] [--fingerprint F] [--seed S]}.
 * Prints {@code key=value} lines; writes {@code ids-contacts.txt} (contacts to view: not archived) and
 * {@code ids-touch.txt} (contacts to log touches with) next to the database.
 */
public final class HttpBenchData {
    static final String MARKER = "bench.properties";
    static final int GENERATOR_VERSION = 2;
    static final String USERNAME = "bench";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchData.Options.parse(args);
        Path dir = Path.of(options.getOrDefault("dir", "target/bench-data/http")).toAbsolutePath().normalize();
        int contacts = Integer.parseInt(options.getOrDefault("contacts", "30000"));
        int due = Integer.parseInt(options.getOrDefault("due", "50"));
        String password = options.getOrDefault("password", "bench password 123");
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        String fingerprint = options.getOrDefault("fingerprint", "-");
        LocalDate today = LocalDate.now(BenchData.OWNER_ZONE);
        if (due < 1 || due > 100 || due * 20 > contacts) {
            throw new IllegalArgumentException("--due must be 1..100 (the product's daily limit) and small next to --contacts");
        }

        Properties wanted = new Properties();
        wanted.setProperty("contacts", String.valueOf(contacts));
        wanted.setProperty("due", String.valueOf(due));
        wanted.setProperty("seed", String.valueOf(seed));
        wanted.setProperty("password_hash_code", Integer.toHexString(password.hashCode()));
        wanted.setProperty("fingerprint", fingerprint);
        wanted.setProperty("generated_on", today.toString());
        wanted.setProperty("generator", String.valueOf(GENERATOR_VERSION));

        System.out.println("data.dir=" + dir);
        if (reusable(dir, wanted, today)) {
            System.out.println("data.reused=true");
            System.out.println("data.generation_s=" + readMarker(dir).getProperty("generation_s", "?") + " (when generated)");
            return;
        }
        long started = System.nanoTime();
        BenchData.deleteTree(dir);
        Files.createDirectories(dir);
        new HttpBenchData(dir, contacts, due, seed, today).generate(password);
        double seconds = (System.nanoTime() - started) / 1e9;
        wanted.setProperty("generation_s", String.format("%.1f", seconds));
        try (Writer out = Files.newBufferedWriter(dir.resolve(MARKER))) {
            wanted.store(out, "kith HTTP benchmark data (pristine: never served); delete the folder to regenerate");
        }
        System.out.println("data.reused=false");
        System.out.printf("data.generation_s=%.1f%n", seconds);
    }

    // ------------------------------------------------------------------------------------------------ reuse

    private static boolean reusable(Path dir, Properties wanted, LocalDate today) {
        if (!Files.isRegularFile(dir.resolve(MARKER)) || !Files.isRegularFile(dir.resolve("kith.db"))
                || !Files.isRegularFile(dir.resolve("ids-contacts.txt")) || !Files.isRegularFile(dir.resolve("ids-touch.txt"))) {
            return false;
        }
        if (Files.exists(dir.resolve("kith.db-wal")) || Files.exists(dir.resolve("kith.db-shm"))) {
            // Someone opened the pristine copy (read-only, say) and left its WAL: fold it back, as it is copied as one file.
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kith.db"));
                 Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                System.out.println("data.regenerate_reason=cannot fold back a leftover WAL: " + e.getMessage());
                return false;
            }
            if (Files.exists(dir.resolve("kith.db-wal"))) {
                System.out.println("data.regenerate_reason=the pristine database keeps a WAL file (is it open elsewhere?)");
                return false;
            }
        }
        Properties marker = readMarker(dir);
        for (String key : wanted.stringPropertyNames()) {
            if (!Objects.equals(wanted.getProperty(key), marker.getProperty(key))) {
                System.out.println("data.regenerate_reason=" + key + " was " + marker.getProperty(key) + ", wanted " + wanted.getProperty(key));
                return false;
            }
        }
        // The counts on disk, not just the marker's word for them.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kith.db"));
             PreparedStatement query = connection.prepareStatement("""
                     SELECT (SELECT count(*) FROM contacts),
                            (SELECT count(*) FROM contacts WHERE due_on <= ?),
                            (SELECT daily_limit FROM users WHERE username = ?)""")) {
            query.setString(1, today.toString());
            query.setString(2, USERNAME);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long c = rows.getLong(1);
                long d = rows.getLong(2);
                long limit = rows.getLong(3);
                String want = wanted.getProperty("due");
                if (c == Long.parseLong(wanted.getProperty("contacts")) && d == Long.parseLong(want) && limit == d) {
                    return true;
                }
                System.out.println("data.regenerate_reason=on disk " + c + " contacts, " + d + " due, daily limit " + limit);
            }
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

    // ------------------------------------------------------------------------------------------- generation

    private static final String[][] PLACES = {
            {"Berlin", "Germany", "Europe/Berlin"}, {"Munich", "Germany", "Europe/Berlin"}, {"Hamburg", "Germany", "Europe/Berlin"},
            {"London", "United Kingdom", "Europe/London"}, {"Manchester", "United Kingdom", "Europe/London"},
            {"Paris", "France", "Europe/Paris"}, {"Lyon", "France", "Europe/Paris"}, {"Amsterdam", "Netherlands", "Europe/Amsterdam"},
            {"New York", "United States", "America/New_York"}, {"Boston", "United States", "America/New_York"},
            {"San Francisco", "United States", "America/Los_Angeles"}, {"Seattle", "United States", "America/Los_Angeles"},
            {"Chicago", "United States", "America/Chicago"}, {"Austin", "United States", "America/Chicago"},
            {"Toronto", "Canada", "America/Toronto"}, {"Vancouver", "Canada", "America/Vancouver"},
            {"São Paulo", "Brazil", "America/Sao_Paulo"}, {"Mexico City", "Mexico", "America/Mexico_City"},
            {"Tokyo", "Japan", "Asia/Tokyo"}, {"Seoul", "South Korea", "Asia/Seoul"}, {"Singapore", "Singapore", "Asia/Singapore"},
            {"Bangalore", "India", "Asia/Kolkata"}, {"Sydney", "Australia", "Australia/Sydney"},
            {"Stockholm", "Sweden", "Europe/Stockholm"}, {"Copenhagen", "Denmark", "Europe/Copenhagen"},
            {"Zurich", "Switzerland", "Europe/Zurich"}, {"Vienna", "Austria", "Europe/Vienna"}, {"Madrid", "Spain", "Europe/Madrid"},
            {"Barcelona", "Spain", "Europe/Madrid"}, {"Lisbon", "Portugal", "Europe/Lisbon"}, {"Warsaw", "Poland", "Europe/Warsaw"},
            {"Prague", "Czechia", "Europe/Prague"}, {"Tel Aviv", "Israel", "Asia/Jerusalem"}, {"Dubai", "United Arab Emirates", "Asia/Dubai"},
            {"Nairobi", "Kenya", "Africa/Nairobi"}, {"Lagos", "Nigeria", "Africa/Lagos"},
    };
    private static final String[] FIRST = ("Anna Ben Carla David Elena Felix Grace Hugo Ines Jonas Kira Leo Maria Noah "
            + "Olga Paul Quinn Rosa Sam Tara Umar Vera Wei Xenia Yuki Zoe Ahmed Bianca Chen Dmitri Emma Farah Gabriel "
            + "Hana Ivan Julia Kofi Lena Mateo Nina Oscar Priya Rafael Sofia Tomas Ursula Viktor Wanda Yusuf Zara "
            + "Marco Martina Mark Marta Marie Mariam Andrea Alex Alice Daniel Laura Lucas Sarah Thomas Lisa Michael "
            + "Jan Katarina Pedro Ana Aisha Omar Fatima Hiroshi Mei Ravi Anika Sven Ingrid Luca Giulia Pierre Camille").split(" ");
    private static final String[] LAST = ("Schmidt Müller Smith Johnson Dubois Martin Rossi Garcia Kowalski Nowak Tanaka "
            + "Sato Kim Lee Wang Li Singh Patel Silva Santos Jensen Hansen Berg Novak Horvat Ivanova Petrov Cohen Levi "
            + "Haddad Okafor Mensah Nguyen Tran Andersson Lindqvist Weber Fischer Wagner Becker Hoffmann Schulz Koch "
            + "Richter Klein Wolf Neumann Schwarz Zimmermann Braun Marino Martinez Marx Brown Taylor Williams Jones "
            + "Davies Evans Moreau Laurent Bianchi Romano Fernández López Pereira Costa Yamamoto Suzuki Park Choi "
            + "Sharma Gupta Ali Hassan Ahmed Eriksson Nielsen Virtanen O'Brien Murphy Kelly").split(" ");
    private static final String[] COMPANIES = {"Acme", "Globex", "Initech", "Umbrella", "Stark Industries", "Wayne Enterprises",
            "Hooli", "Vandelay", "Cyberdyne", "Soylent", "Tyrell", "Aperture", "Pied Piper", "Massive Dynamic", "Wonka",
            "Oscorp", "Nakatomi", "Dunder Mifflin", "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware",
            "Adventure Works", "Blue Yonder", "Zephyr Labs", "Lumen Analytics", "Helix Bio", "Quanta Systems",
            "Orbital Robotics", "Kestrel Capital", "Foxglove Health", "Granite Cloud"};
    private static final String[] TITLES = {"Engineer", "Senior Engineer", "Staff Engineer", "Engineering Manager",
            "Product Manager", "Designer", "CTO", "VP Engineering", "Data Scientist", "Founder", "Recruiter", "Researcher",
            "Head of Product", "Consultant", "Investor", "Developer Advocate"};
    private static final String[] MET_HOW = {"conference", "work", "university", "meetup", "introduction", "online"};
    private static final String[] CONTACT_NOTES = {
            "Met at KubeCon; works on observability and wants to hear about our tracing setup.",
            "Former teammate on the payments project. Great at mentoring juniors.",
            "Introduced by a friend. Interested in climate tech and angel investing.",
            "Runs the local Rust meetup. Ask about speaking next spring.",
            "Studied together. Two kids, loves hiking in the Alps.",
            "Hiring for a platform team; might be a good fit for a friend.",
            "Gave a great talk on distributed systems. Follow up on the paper they mentioned.",
            "Moved abroad last year; prefers calls on weekends.",
            "Vegetarian. Big coffee person, knows every café in town.",
            "Helped me prepare for the promotion review. Owe them a dinner.",
    };
    private static final String[] INTERACTION_NOTES = {"caught up", "talked about their new role", "shared a paper",
            "intro to a friend", "birthday wishes", "asked for advice", "congratulated on promotion", "planned a trip",
            "coffee near the office", "long call about careers"};
    private static final String[] TAGS = {"rust", "java", "ml", "design", "hiring", "investor", "speaker", "friend",
            "mentor", "startup", "oss", "climate"};
    private static final String[] TOUCH_KINDS = {"message", "email", "call", "video", "coffee", "meal", "meeting", "event"};
    private static final String[] OWN_CADENCES = {"2w", "1m", "2m", "6m", "1y"};

    private final Path dir;
    private final int n;
    private final int dueWanted;
    private final SplittableRandom random;
    private final LocalDate today;

    private HttpBenchData(Path dir, int contacts, int due, long seed, LocalDate today) {
        this.dir = dir;
        this.n = contacts;
        this.dueWanted = due;
        this.random = new SplittableRandom(seed);
        this.today = today;
    }

    static Kith open(Path dir) {
        return Kith.open(KithConfig.resolve(dir, null, null, false, BenchData.cleanEnv()), Clock.systemDefaultZone());
    }

    private void generate(String password) throws Exception {
        long t0 = System.nanoTime();
        long userId;
        List<Circle> circles;
        try (Kith kith = open(dir)) {
            Account owner = kith.accounts().actingAccount(null, USERNAME);
            userId = owner.id();
            kith.accounts().updateProfile(userId, new ProfileChanges("Bench Owner", "Berlin", "Germany",
                    BenchData.OWNER_ZONE, null, dueWanted));
            kith.accounts().setPassword(userId, password);
            circles = kith.circles().list(userId);
        }
        BenchData.step("schema+owner", t0);

        Map<String, Circle> byName = new HashMap<>();
        for (Circle circle : circles) {
            byName.put(circle.name(), circle);
        }
        Circle[] circle = {byName.get("Mentors"), byName.get("Current team"), byName.get("Past teams"),
                byName.get("Events & conferences"), byName.get("Role models")};
        for (Circle c : circle) {
            if (c == null) {
                throw new IllegalStateException("the default circles changed: " + circles);
            }
        }
        double[] circleShare = {0.02, 0.06, 0.30, 0.37, 0.05}; // the remaining 20% are in no circle

        // ---- plan every contact: circles, own cadence, archived, contact days; then who is due
        int[] circle1 = new int[n];
        int[] circle2 = new int[n];
        String[] own = new String[n];
        boolean[] archived = new boolean[n];
        String[] days = new String[n];
        LocalDate[] added = new LocalDate[n];
        LocalDate[] snoozed = new LocalDate[n];
        LocalDate[] away = new LocalDate[n];
        Cadence[] cadence = new Cadence[n];
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            circle1[i] = pick(circleShare);
            circle2[i] = -1;
            if (circle1[i] >= 0 && random.nextDouble() < 0.10) {
                int other = random.nextInt(circle.length);
                circle2[i] = other == circle1[i] ? -1 : other;
            }
            own[i] = random.nextDouble() < 0.04 ? Cadence.parse(OWN_CADENCES[random.nextInt(OWN_CADENCES.length)]).iso() : null;
            archived[i] = random.nextDouble() < 0.03;
            days[i] = random.nextDouble() < 0.04 ? "mon,tue,wed,thu,fri" : null;
            added[i] = today.minusDays(120 + random.nextInt(1400));
            snoozed[i] = random.nextDouble() < 0.005 ? today.plusDays(1 + random.nextInt(30)) : null;
            away[i] = random.nextDouble() < 0.005 ? today.plusDays(1 + random.nextInt(60)) : null;
            cadence[i] = own[i] != null ? Cadence.ofIso(own[i]) : BenchData.shortest(circle, circle1[i], circle2[i]);
            if (cadence[i] != null && !archived[i] && days[i] == null && snoozed[i] == null && away[i] == null) {
                eligible.add(i);
            }
        }
        boolean[] due = new boolean[n];
        for (int chosen = 0; chosen < dueWanted; ) {
            int i = eligible.get(random.nextInt(eligible.size()));
            if (!due[i]) {
                due[i] = true;
                chosen++;
            }
        }

        // ---- last touch and due date, with the product's own rule
        LocalDate[] lastTouch = new LocalDate[n];
        LocalDate[] dueOn = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            if (cadence[i] == null) {
                // Before today: a touch dated today would count in today's limit, and Today would show fewer.
                lastTouch[i] = random.nextDouble() < 0.4 ? null : added[i].plusDays(random.nextInt((int) (today.toEpochDay() - added[i].toEpochDay())));
            } else if (due[i]) {
                // Due: one cadence and 0-20 days ago (lateness varies, so the agenda has a ranking to do).
                LocalDate last = today.minusDays((long) Math.ceil(cadence[i].approximateDays()) + random.nextInt(21));
                while (DueDate.of(cadence[i], last, added[i], null, null, Weekdays.ANY).isAfter(today)) {
                    last = last.minusDays(1);
                }
                if (last.isBefore(added[i])) {
                    added[i] = last.minusDays(random.nextInt(30)); // added a little before that touch
                }
                lastTouch[i] = last;
            } else {
                // Not due: touched a day to a cadence ago, evenly, as in a steady state, so the coming days have
                // their share of people due (Today lists the next week's).
                LocalDate last = today.minusDays(1 + random.nextInt(Math.max(1, (int) cadence[i].approximateDays() - 1)));
                while (!DueDate.of(cadence[i], last, added[i], null, null, Weekdays.ANY).isAfter(today)) {
                    last = last.plusDays(1);
                }
                if (last.isBefore(added[i])) {
                    added[i] = last.minusDays(random.nextInt(30));
                }
                lastTouch[i] = last;
            }
            dueOn[i] = archived[i] ? null : DueDate.of(cadence[i], lastTouch[i], added[i], snoozed[i], away[i],
                    Weekdays.parse(days[i]));
            if (dueOn[i] != null && (due[i] != !dueOn[i].isAfter(today))) {
                throw new IllegalStateException("contact " + i + ": due on " + dueOn[i] + ", wanted due=" + due[i]);
            }
        }
        BenchData.step("plan", t0);

        // ---- bulk load with plain JDBC on one connection, journal off while loading
        Path file = dir.resolve("kith.db");
        long interactions = 0;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            // The contacts' triggers fill the search index with a function of Kith's own.
            app.kith.storage.UnicodeSqliteDataSource.addFunctions(db);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
                s.execute("PRAGMA cache_size=-262144");
                s.execute("PRAGMA temp_store=MEMORY");
                s.execute("PRAGMA locking_mode=EXCLUSIVE");
            }
            db.setAutoCommit(false);
            long contactBase;
            long interactionBase;
            try (Statement s = db.createStatement()) {
                contactBase = BenchData.one(s, "SELECT coalesce(max(id), 0) FROM contacts");
                interactionBase = BenchData.one(s, "SELECT coalesce(max(id), 0) FROM interactions");
            }
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO contacts (id, user_id, full_name, company, title, city, country, timezone, linkedin_url,
                                          met_how, met_on, notes, strengths, contact_days, archived, added_on, own_cadence,
                                          cadence, cadence_days, last_touch_on, snoozed_until, away_until, due_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement member = db.prepareStatement("INSERT INTO contact_circles (contact_id, circle_id) VALUES (?, ?)");
                 PreparedStatement email = db.prepareStatement("INSERT INTO contact_emails (contact_id, position, email) VALUES (?, ?, ?)");
                 PreparedStatement phone = db.prepareStatement("INSERT INTO contact_phones (contact_id, position, phone) VALUES (?, ?, ?)");
                 PreparedStatement tag = db.prepareStatement("INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)");
                 PreparedStatement interaction = db.prepareStatement(
                         "INSERT INTO interactions (id, user_id, occurred_on, kind, note, created_at) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement link = db.prepareStatement(
                         "INSERT INTO interaction_contacts (interaction_id, contact_id) VALUES (?, ?)")) {
                for (int i = 0; i < n; i++) {
                    long id = contactBase + 1 + i;
                    String first = FIRST[random.nextInt(FIRST.length)];
                    String last = LAST[random.nextInt(LAST.length)];
                    String name = first + " " + last;
                    boolean works = random.nextDouble() < 0.7;
                    String company = works ? COMPANIES[random.nextInt(COMPANIES.length)] : null;
                    String[] place = random.nextDouble() < 0.8
                            ? (random.nextDouble() < 0.2 ? PLACES[0] : PLACES[random.nextInt(PLACES.length)]) : null;
                    insert.setLong(1, id);
                    insert.setLong(2, userId);
                    insert.setString(3, random.nextDouble() < 0.2 ? first + " " + (char) ('A' + random.nextInt(26)) + ". " + last : name);
                    insert.setString(4, company);
                    insert.setString(5, works ? TITLES[random.nextInt(TITLES.length)] : null);
                    insert.setString(6, place == null ? null : place[0]);
                    insert.setString(7, place == null ? null : place[1]);
                    insert.setString(8, place != null && random.nextDouble() < 0.8 ? place[2] : null);
                    insert.setString(9, random.nextDouble() < 0.5 ? "https://www.linkedin.com/in/" + slug(first) + "-" + slug(last) + "-" + id : null);
                    insert.setString(10, MET_HOW[random.nextInt(MET_HOW.length)]);
                    insert.setString(11, random.nextDouble() < 0.4 ? added[i].toString() : null);
                    insert.setString(12, random.nextDouble() < 0.35 ? CONTACT_NOTES[random.nextInt(CONTACT_NOTES.length)] : null);
                    insert.setString(13, random.nextDouble() < 0.1 ? "system design, public speaking" : null);
                    insert.setString(14, days[i]);
                    insert.setInt(15, archived[i] ? 1 : 0);
                    insert.setString(16, added[i].toString());
                    insert.setString(17, own[i]);
                    insert.setString(18, cadence[i] == null ? null : cadence[i].iso());
                    if (cadence[i] == null) {
                        insert.setNull(19, Types.INTEGER);
                    } else {
                        insert.setInt(19, (int) Math.round(cadence[i].approximateDays()));
                    }
                    insert.setString(20, text(lastTouch[i]));
                    insert.setString(21, text(snoozed[i]));
                    insert.setString(22, text(away[i]));
                    insert.setString(23, text(dueOn[i]));
                    insert.addBatch();
                    for (int c : new int[]{circle1[i], circle2[i]}) {
                        if (c >= 0) {
                            member.setLong(1, id);
                            member.setLong(2, circle[c].id());
                            member.addBatch();
                        }
                    }
                    if (random.nextDouble() < 0.7) {
                        email.setLong(1, id);
                        email.setInt(2, 0);
                        email.setString(3, slug(first) + "." + slug(last) + id % 1000 + "@"
                                + (company != null && random.nextDouble() < 0.6 ? slug(company) + ".example" : "mail.example"));
                        email.addBatch();
                    }
                    if (random.nextDouble() < 0.4) {
                        phone.setLong(1, id);
                        phone.setInt(2, 0);
                        phone.setString(3, "+49 30 " + (1000000 + random.nextInt(9000000)));
                        phone.addBatch();
                    }
                    int tags = random.nextDouble() < 0.3 ? 1 + random.nextInt(2) : 0;
                    for (int t = 0; t < tags; t++) {
                        tag.setLong(1, id);
                        tag.setString(2, TAGS[random.nextInt(TAGS.length)]);
                        tag.addBatch();
                    }
                    // History: the last touch, earlier touches before it, and some 'social' (not a touch) any time.
                    List<String[]> history = new ArrayList<>();
                    if (lastTouch[i] != null) {
                        history.add(new String[]{lastTouch[i].toString(), TOUCH_KINDS[random.nextInt(TOUCH_KINDS.length)]});
                        int span = (int) (lastTouch[i].toEpochDay() - added[i].toEpochDay());
                        int earlier = cadence[i] == null ? random.nextInt(3) : 2 + random.nextInt(8);
                        for (int e = 0; e < earlier && span > 0; e++) {
                            history.add(new String[]{added[i].plusDays(random.nextInt(span + 1)).toString(),
                                    TOUCH_KINDS[random.nextInt(TOUCH_KINDS.length)]});
                        }
                    }
                    int socials = random.nextDouble() < 0.3 ? 1 + random.nextInt(2) : 0;
                    int sinceAdded = (int) (today.toEpochDay() - added[i].toEpochDay());
                    for (int e = 0; e < socials; e++) {
                        history.add(new String[]{added[i].plusDays(random.nextInt(sinceAdded + 1)).toString(), "social"});
                    }
                    for (String[] event : history) {
                        long interactionId = interactionBase + 1 + interactions++;
                        interaction.setLong(1, interactionId);
                        interaction.setLong(2, userId);
                        interaction.setString(3, event[0]);
                        interaction.setString(4, event[1]);
                        interaction.setString(5, random.nextDouble() < 0.25 ? INTERACTION_NOTES[random.nextInt(INTERACTION_NOTES.length)] : null);
                        interaction.setString(6, event[0] + " 12:00:00");
                        interaction.addBatch();
                        link.setLong(1, interactionId);
                        link.setLong(2, id);
                        link.addBatch();
                    }
                    if (i % 2000 == 1999) {
                        for (PreparedStatement batch : List.of(insert, member, email, phone, tag, interaction, link)) {
                            batch.executeBatch();
                        }
                    }
                }
                for (PreparedStatement batch : List.of(insert, member, email, phone, tag, interaction, link)) {
                    batch.executeBatch();
                }
            }
            db.commit();
            BenchData.step("contacts+interactions", t0);
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA locking_mode=NORMAL");
                s.execute("PRAGMA journal_mode=WAL");
            }
        }
        BenchData.step("load", t0);
        System.out.println("data.contacts=" + n);
        System.out.println("data.interactions=" + interactions);

        verifyWithProduct(userId);
        BenchData.step("verify", t0);
        writeIds(userId);
        // No journal may stay next to the pristine copy: it is copied as one file.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        Files.deleteIfExists(dir.resolve("kith.db-wal"));
        Files.deleteIfExists(dir.resolve("kith.db-shm"));
    }

    /**
     * Checks every contact's stored schedule against the product's (package-private) Schedule.refresh, reached by
     * reflection inside a transaction that is rolled back, and the day's agenda against the number due.
     */
    private void verifyWithProduct(long userId) {
        try (Kith kith = open(dir)) {
            // The agenda the server will show (the date in the owner's zone), not one for a date given here.
            Agenda agenda = kith.agenda().forToday(userId);
            if (!agenda.date().equals(today)) {
                throw new IllegalStateException("the data was made for " + today + " but it is " + agenda.date()
                        + " for the owner: run again");
            }
            System.out.println("data.due_today=" + (agenda.due().size() + agenda.waiting()) + " (agenda shows "
                    + agenda.due().size() + ", waiting " + agenda.waiting() + ", daily limit " + agenda.limit() + ")");
            if (agenda.due().size() != dueWanted || agenda.waiting() != 0) {
                throw new IllegalStateException("the agenda shows " + agenda.due().size() + " and " + agenda.waiting()
                        + " waiting, wanted exactly " + dueWanted);
            }
            Method refresh;
            try {
                refresh = Class.forName("app.kith.contact.Schedule").getDeclaredMethod("refresh", Handle.class, long.class, Collection.class);
                refresh.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.out.println("gen.schedule_check=skipped (" + e + ")");
                return;
            }
            try (Handle handle = kith.database().jdbi().open()) {
                String read = "SELECT id || '|' || coalesce(cadence, '') || '|' || coalesce(cadence_days, '') || '|' || coalesce(due_on, '') FROM contacts WHERE user_id = :u ORDER BY id";
                List<Long> ids = handle.createQuery("SELECT id FROM contacts WHERE user_id = :u ORDER BY id").bind("u", userId).mapTo(Long.class).list();
                handle.begin();
                try {
                    List<String> before = handle.createQuery(read).bind("u", userId).mapTo(String.class).list();
                    refresh.invoke(null, handle, userId, ids);
                    List<String> after = handle.createQuery(read).bind("u", userId).mapTo(String.class).list();
                    long mismatches = 0;
                    for (int i = 0; i < before.size(); i++) {
                        if (!before.get(i).equals(after.get(i)) && mismatches++ < 5) {
                            System.out.println("gen.schedule_mismatch ours=" + before.get(i) + " product=" + after.get(i));
                        }
                    }
                    System.out.println("gen.schedule_check=" + (before.size() - mismatches) + "/" + before.size()
                            + " contacts match the product's Schedule.refresh");
                    if (mismatches > 0) {
                        throw new IllegalStateException("the generated schedule differs from the product's");
                    }
                } finally {
                    handle.rollback();
                }
            } catch (ReflectiveOperationException e) {
                System.out.println("gen.schedule_check=failed (" + e.getCause() + ")");
            }
        }
    }

    /** Contacts to view (not archived, in random order) and contacts to log touches with (tracked, not due, not archived). */
    private void writeIds(long userId) throws SQLException, IOException {
        List<Long> view = new ArrayList<>();
        List<Long> touch = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kith.db"));
             PreparedStatement query = db.prepareStatement("SELECT id, archived, due_on FROM contacts WHERE user_id = ? ORDER BY id")) {
            query.setLong(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getInt(2) == 0) {
                        view.add(rows.getLong(1));
                        String dueOn = rows.getString(3);
                        if (dueOn != null && LocalDate.parse(dueOn).isAfter(today)) {
                            touch.add(rows.getLong(1));
                        }
                    }
                }
            }
        }
        SplittableRandom shuffle = new SplittableRandom(11);
        Files.write(dir.resolve("ids-contacts.txt"), sample(view, 2000, shuffle));
        Files.write(dir.resolve("ids-touch.txt"), sample(touch, 5000, shuffle));
    }

    private static List<String> sample(List<Long> ids, int max, SplittableRandom random) {
        List<Long> copy = new ArrayList<>(ids);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Long t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy.stream().limit(max).map(String::valueOf).collect(Collectors.toList());
    }

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


    private static String slug(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toLowerCase();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
