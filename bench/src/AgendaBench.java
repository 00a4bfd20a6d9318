import app.kith.Kith;
import app.kith.account.Profile;
import app.kith.agenda.Agenda;
import app.kith.agenda.DueContact;
import app.kith.contact.Cadence;
import org.jdbi.v3.core.Handle;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 1 of the agenda benchmark, in process on SQLite: the product's agenda for today against a plain-JDBC index
 * range scan of 50 rows on the same table, measured interleaved in the same run so the ratio survives a noisy machine.
 *
 * <p>Usage: {@code AgendaBench --dir DIR [--iterations N] [--warmup N] [--warmup-seconds S] [--max-seconds S]}.
 */
public final class AgendaBench {
    /** The agenda's own query, as AgendaService sends it; used to explain where the time goes. */
    static final String AGENDA_SQL = """
            SELECT id, full_name, due_on, cadence, last_touch_on, city, country, timezone
              FROM contacts
             WHERE user_id = ? AND due_on <= ?
            """;
    static final String RAW_SCAN_SQL =
            "SELECT id, full_name, due_on FROM contacts WHERE user_id = ? AND due_on >= ? ORDER BY due_on LIMIT 50";
    static final int BLOCK = 20;

    private final Kith kith;
    private final long userId;
    private final LocalDate today;
    private final Connection connection;
    private Object sink;

    private AgendaBench(Kith kith, long userId, LocalDate today, Connection connection) {
        this.kith = kith;
        this.userId = userId;
        this.today = today;
        this.connection = connection;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchData.Options.parse(args);
        Path dir = Path.of(options.getOrDefault("dir", "target/bench-data/default")).toAbsolutePath().normalize();
        int iterations = Integer.parseInt(options.getOrDefault("iterations", "1000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "500"));
        double warmupSeconds = Double.parseDouble(options.getOrDefault("warmup-seconds", "5"));
        double maxSeconds = Double.parseDouble(options.getOrDefault("max-seconds", "90"));
        LocalDate today = LocalDate.now(BenchData.OWNER_ZONE);

        try (Kith kith = BenchData.open(dir); Handle held = kith.database().jdbi().open()) {
            long userId = kith.accounts().actingAccount(null, "bench").id();
            AgendaBench bench = new AgendaBench(kith, userId, today, held.getConnection());
            bench.describeData();
            bench.run(iterations, warmup, warmupSeconds, maxSeconds);
        }
    }

    private void describeData() throws SQLException {
        try (Statement s = connection.createStatement()) {
            out("data.contacts", BenchData.one(s, "SELECT count(*) FROM contacts WHERE user_id = " + userId));
            out("data.interactions", BenchData.one(s, "SELECT count(*) FROM interactions WHERE user_id = " + userId));
            out("data.interaction_links", BenchData.one(s, "SELECT count(*) FROM interaction_contacts"));
            out("data.social_interactions", BenchData.one(s, "SELECT count(*) FROM interactions WHERE kind = 'social'"));
            out("data.archived", BenchData.one(s, "SELECT count(*) FROM contacts WHERE archived = 1"));
            out("data.own_cadence", BenchData.one(s, "SELECT count(*) FROM contacts WHERE own_cadence IS NOT NULL"));
            out("data.tracked", BenchData.one(s, "SELECT count(*) FROM contacts WHERE due_on IS NOT NULL"));
            out("data.due_next_7_days", BenchData.one(s, "SELECT count(*) FROM contacts WHERE user_id = " + userId
                    + " AND due_on > '" + today + "' AND due_on <= '" + today.plusDays(7) + "'"));
            out("data.due_today", dueCount());
            out("data.today", today);
            try (ResultSet plan = s.executeQuery("EXPLAIN QUERY PLAN " + AGENDA_SQL.replace("?", "1").strip()
                    .replaceFirst("due_on <= 1", "due_on <= '" + today + "'"))) {
                List<String> steps = new ArrayList<>();
                while (plan.next()) {
                    steps.add(plan.getString("detail"));
                }
                out("agenda.query_plan", String.join(" / ", steps));
            }
            try (ResultSet plan = s.executeQuery("EXPLAIN QUERY PLAN " + RAW_SCAN_SQL.replaceFirst("\\?", String.valueOf(userId))
                    .replaceFirst("\\?", "'" + today + "'"))) {
                List<String> steps = new ArrayList<>();
                while (plan.next()) {
                    steps.add(plan.getString("detail"));
                }
                out("raw_scan.query_plan", String.join(" / ", steps));
            }
        }
        Agenda agenda = kith.agenda().day(userId, today);
        out("agenda.shown", agenda.due().size() + " (daily limit " + agenda.limit() + "), waiting " + agenda.waiting());
        if (!agenda.due().isEmpty()) {
            Agenda.Entry top = agenda.due().get(0);
            out("agenda.first", top.name() + ", due " + top.dueOn() + " (" + top.overdueDays() + " days late, every "
                    + top.cadence().describe() + ", " + (top.suggestion() == null ? "-" : top.suggestion()) + ")");
        }
    }

    private long dueCount() throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM contacts WHERE user_id = ? AND due_on <= ?")) {
            count.setLong(1, userId);
            count.setString(2, today.toString());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Something measured; returns a value so the work cannot be optimised away. */
    @FunctionalInterface
    interface Work {
        Object run() throws Exception;
    }

    private void run(int iterations, int warmup, double warmupSeconds, double maxSeconds) throws Exception {
        Profile me = kith.accounts().profile(userId);
        List<DueContact> due = dueRowsMapped();
        Map<String, Work> work = new LinkedHashMap<>();
        work.put("agenda", () -> kith.agenda().day(userId, today));
        work.put("raw_scan", this::rawScan);
        // Breakdown of the agenda, to say where its time goes.
        work.put("part.profile", () -> kith.accounts().profile(userId));
        work.put("part.due_query_jdbc", this::dueRowsRaw);
        work.put("part.due_query_mapped", this::dueRowsMapped);
        work.put("part.plan", () -> Agenda.plan(today, me, due));

        long warmStart = System.nanoTime();
        int warmed = 0;
        // At least `warmup` iterations of each, and at least `warmupSeconds` in all, so the JIT has settled.
        for (; warmed < warmup || (System.nanoTime() - warmStart) / 1e9 < warmupSeconds; warmed += BLOCK) {
            for (Work w : work.values()) {
                for (int j = 0; j < BLOCK; j++) {
                    sink = w.run();
                }
            }
        }
        out("warmup", warmed + " iterations of each in " + String.format("%.1f s", (System.nanoTime() - warmStart) / 1e9));

        Map<String, long[]> samples = new LinkedHashMap<>();
        work.keySet().forEach(name -> samples.put(name, new long[iterations]));
        long started = System.nanoTime();
        int done = 0;
        // Interleaved blocks: every variant sees the same noise, so their ratio holds even when the machine is busy.
        while (done < iterations && (System.nanoTime() - started) / 1e9 < maxSeconds) {
            int block = Math.min(BLOCK, iterations - done);
            for (Map.Entry<String, Work> entry : work.entrySet()) {
                long[] times = samples.get(entry.getKey());
                Work w = entry.getValue();
                for (int j = 0; j < block; j++) {
                    long t = System.nanoTime();
                    sink = w.run();
                    times[done + j] = System.nanoTime() - t;
                }
            }
            done += block;
        }
        out("iterations", done + " per variant, interleaved in blocks of " + BLOCK);
        out("measure_s", String.format("%.1f", (System.nanoTime() - started) / 1e9));

        Map<String, double[]> stats = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> entry : samples.entrySet()) {
            long[] times = Arrays.copyOf(entry.getValue(), done);
            Arrays.sort(times);
            double median = times[times.length / 2] / 1e3;
            double p90 = times[(int) Math.ceil(times.length * 0.9) - 1] / 1e3;
            double mean = Arrays.stream(times).average().orElse(0) / 1e3;
            double min = times[0] / 1e3;
            stats.put(entry.getKey(), new double[]{median, p90, mean, min});
            String key = entry.getKey();
            out(key + ".median_us", String.format("%.1f", median));
            out(key + ".p90_us", String.format("%.1f", p90));
            out(key + ".mean_us", String.format("%.1f", mean));
            out(key + ".min_us", String.format("%.1f", min));
        }
        double agenda = stats.get("agenda")[0];
        double raw = stats.get("raw_scan")[0];
        double ratio = agenda / raw;
        double ratioP90 = stats.get("agenda")[1] / stats.get("raw_scan")[1];
        out("ratio", String.format("%.2f", ratio));
        out("ratio.p90", String.format("%.2f", ratioP90));
        out("goal.ratio_le_5x", (ratio <= 5 ? "PASS" : "FAIL") + String.format(" (%.2fx)", ratio));
        out("goal.agenda_median_lt_2ms", (agenda < 2000 ? "PASS" : "FAIL") + String.format(" (%.3f ms)", agenda / 1000));
        double dueQuery = stats.get("part.due_query_jdbc")[0];
        out("ratio.due_query_jdbc_vs_raw_scan", String.format("%.2f", dueQuery / raw));
        out("ratio.agenda_vs_due_query_jdbc", String.format("%.2f", agenda / dueQuery));
        if (sink == null) {
            System.out.println();
        }
    }

    /** The reference: an index range scan of 50 rows, plain JDBC on a held connection. */
    private Object rawScan() throws SQLException {
        try (PreparedStatement scan = connection.prepareStatement(RAW_SCAN_SQL)) {
            scan.setLong(1, userId);
            scan.setString(2, today.toString());
            long sum = 0;
            try (ResultSet rows = scan.executeQuery()) {
                while (rows.next()) {
                    sum += rows.getLong(1) + rows.getString(2).length() + rows.getString(3).length();
                }
            }
            return sum;
        }
    }

    /** The agenda's own SQL with plain JDBC, every due row read as text: the floor for reading what it reads. */
    private Object dueRowsRaw() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(AGENDA_SQL)) {
            query.setLong(1, userId);
            query.setString(2, today.toString());
            long sum = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sum += rows.getLong(1);
                    for (int column = 2; column <= 8; column++) {
                        String value = rows.getString(column);
                        sum += value == null ? 0 : value.length();
                    }
                }
            }
            return sum;
        }
    }

    /** The same rows mapped as AgendaService maps them (dates, Cadence.ofIso, ZoneId.of), without JDBI. */
    private List<DueContact> dueRowsMapped() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(AGENDA_SQL)) {
            query.setLong(1, userId);
            query.setString(2, today.toString());
            List<DueContact> list = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String zone = rows.getString(8);
                    String last = rows.getString(5);
                    list.add(new DueContact(rows.getLong(1), rows.getString(2), LocalDate.parse(rows.getString(3)),
                            Cadence.ofIso(rows.getString(4)), last == null ? null : LocalDate.parse(last),
                            rows.getString(6), rows.getString(7), zone == null ? null : ZoneId.of(zone)));
                }
            }
            return list;
        }
    }

    private static void out(String key, Object value) {
        System.out.println(key + "=" + value);
    }
}
