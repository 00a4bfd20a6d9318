package app.kith.storage;

import app.kith.Kith;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.interaction.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two Database instances on one SQLite file, as a running server and a CLI command share it. */
class ConcurrentWritersTest {
    private static final int THREADS_PER_PROCESS = 4;
    private static final int WRITES_PER_THREAD = 50;
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aServerAndACliWritingAtOnceNeverHitABusyDatabaseAndLoseNothing(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("kith.db");
        try (Database server = Database.openSqlite(file); Database cli = Database.openSqlite(file)) {
            List<Kith> processes = List.of(new Kith(server, clock), new Kith(cli, clock));
            long me = processes.get(0).accounts().actingAccount(null, "ada").id();

            runAtOnce(processes, (kith, thread) -> {
                for (int i = 0; i < WRITES_PER_THREAD; i++) {
                    Contact contact = kith.contacts().add(me, ContactChanges.builder()
                            .name("Person " + thread + "-" + i).circles(List.of("Mentors")).build());
                    kith.interactions().log(me, List.of(contact.id()), Kind.CALL, TODAY.minusDays(i), null);
                }
            });

            int expected = processes.size() * THREADS_PER_PROCESS * WRITES_PER_THREAD;
            assertThat(count(server, "contacts")).isEqualTo(expected);
            assertThat(count(cli, "interactions")).isEqualTo(expected);
            assertThat(count(cli, "interaction_contacts")).isEqualTo(expected);
            assertThat(count(server, "contact_circles")).isEqualTo(expected);
            int unscheduled = server.withHandle(handle -> handle.createQuery(
                    "SELECT count(*) FROM contacts WHERE last_touch_on IS NULL OR due_on IS NULL").mapTo(Integer.class).one());
            assertThat(unscheduled).isZero();
        }
    }

    /** Work done by one thread of one process. */
    @FunctionalInterface
    private interface Work {
        void run(Kith kith, String thread) throws Exception;
    }

    /** Runs the work on every thread of every process, all released at the same moment; rethrows the first failure. */
    private static void runAtOnce(List<Kith> processes, Work work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(processes.size() * THREADS_PER_PROCESS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> results = new ArrayList<>();
            for (int process = 0; process < processes.size(); process++) {
                Kith kith = processes.get(process);
                for (int thread = 0; thread < THREADS_PER_PROCESS; thread++) {
                    String name = process + "." + thread;
                    Callable<Void> task = () -> {
                        start.await();
                        work.run(kith, name);
                        return null;
                    };
                    results.add(threads.submit(task));
                }
            }
            start.countDown();
            for (Future<Void> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static int count(Database database, String table) {
        return database.withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
    }
}
