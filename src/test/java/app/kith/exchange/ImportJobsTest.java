package app.kith.exchange;

import app.kith.Kith;
import app.kith.contact.ContactService;
import app.kith.shared.NotFoundException;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportJobsTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BothDatabases
    void aJobRunsInTheBackgroundToItsSummary(TestDatabase test) {
        try (Kith kith = new Kith(test.database(), clock)) {
            long me = kith.accounts().actingAccount(null, "ada").id();

            long id = kith.importJobs().start(me, ImportFormat.LINKEDIN, "Connections.csv", fixture(), ImportService.Options.NONE);
            ImportJobs.Job job = awaitEnd(kith, me, id);

            assertThat(job.state()).isEqualTo(ImportJobs.State.DONE);
            assertThat(job.error()).isNull();
            assertThat(job.fileName()).isEqualTo("Connections.csv");
            assertThat(job.format()).isEqualTo(ImportFormat.LINKEDIN);
            assertThat(job.percent()).isEqualTo(100);
            ImportSummary summary = job.summary();
            assertThat(summary.added()).isEqualTo(4);
            assertThat(summary.rows()).isEqualTo(5);
            assertThat(summary.skipped()).singleElement().satisfies(skip -> {
                assertThat(skip.line()).isEqualTo(9);
                assertThat(skip.reason()).contains("no name");
            });
            assertThat(contacts(kith, me)).isEqualTo(4);
            assertThat(kith.importJobs().recent(me)).extracting(ImportJobs.Job::id).containsExactly(id);
        }
    }

    @BothDatabases
    void aBadFileFailsWithItsLineAndWritesNothing(TestDatabase test) {
        try (Kith kith = new Kith(test.database(), clock)) {
            long me = kith.accounts().actingAccount(null, "ada").id();
            byte[] broken = """
                    First Name,Last Name,URL,Email Address,Company,Position,Connected On
                    Ada,Quill,https://www.linkedin.com/in/ada-quill,ada@example.com,Acme,Engineer,15 Mar 2024
                    Bruno,Lima,https://www.linkedin.com/in/bruno-lima,,Stripe, Inc.,Head of Data,02 Jan 2023
                    """.getBytes(StandardCharsets.UTF_8);

            ImportJobs.Job job = awaitEnd(kith, me,
                    kith.importJobs().start(me, ImportFormat.LINKEDIN, "Connections.csv", broken, ImportService.Options.NONE));

            assertThat(job.state()).isEqualTo(ImportJobs.State.FAILED);
            assertThat(job.error()).startsWith("line 3: this row has 8 cells where the header has 7").endsWith("nothing was imported (correct that row, or import the file again with \"Skip bad rows\" ticked to leave out such rows and import the rest)");
            assertThat(job.summary()).isNull();
            assertThat(contacts(kith, me)).isZero();
        }
    }

    /** A server keeps to its memory: an uploaded archive's file may unpack to what an upload may hold, no more. */
    @BothDatabases
    void aZipArchiveIsTakenApartUpToTheUploadsLimit(TestDatabase test) throws IOException {
        try (Kith kith = new Kith(test.database(), clock)) {
            long me = kith.accounts().actingAccount(null, "ada").id();
            ImportJobs.Job small = awaitEnd(kith, me, kith.importJobs().start(me, ImportFormat.LINKEDIN, "export.zip",
                    zipped("Connections.csv", fixture()), ImportService.Options.NONE));
            assertThat(small.state()).isEqualTo(ImportJobs.State.DONE);
            assertThat(small.summary().added()).isEqualTo(4);

            byte[] padded = java.util.Arrays.copyOf(fixture(), (int) ImportJobs.MAX_FILE_BYTES + 1);
            java.util.Arrays.fill(padded, fixture().length, padded.length, (byte) '\n');
            ImportJobs.Job big = awaitEnd(kith, me, kith.importJobs().start(me, ImportFormat.LINKEDIN, "export.zip",
                    zipped("export/Connections.csv", padded), ImportService.Options.NONE));

            assertThat(big.state()).isEqualTo(ImportJobs.State.FAILED);
            assertThat(big.error()).startsWith("export/Connections.csv in the zip archive unpacks to more than 20 MB");
            assertThat(contacts(kith, me)).isEqualTo(4);

            // An archive inside the archive is not unpacked in turn: it is no file to import.
            ImportJobs.Job nested = awaitEnd(kith, me, kith.importJobs().start(me, ImportFormat.LINKEDIN, "export.zip",
                    zipped("Connections.csv", zipped("Connections.csv", padded)), ImportService.Options.NONE));
            assertThat(nested.state()).isEqualTo(ImportJobs.State.FAILED);
            assertThat(contacts(kith, me)).isEqualTo(4);
        }
    }

    private static byte[] zipped(String name, byte[] content) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @BothDatabases
    void anotherUserCannotSeeAJob(TestDatabase test) {
        try (Kith kith = new Kith(test.database(), clock)) {
            long me = kith.accounts().actingAccount(null, "ada").id();
            long other = kith.accounts().createUser("brian", "a long enough password").id();
            long id = kith.importJobs().start(me, ImportFormat.LINKEDIN, "Connections.csv", fixture(), ImportService.Options.NONE);
            awaitEnd(kith, me, id);

            assertThatThrownBy(() -> kith.importJobs().get(other, id))
                    .isInstanceOf(NotFoundException.class).hasMessage("there is no import with id " + id);
            assertThat(kith.importJobs().recent(other)).isEmpty();
        }
    }

    @BothDatabases
    void jobsLeftByAStoppedServerAreMarkedInterruptedAtStartUp(TestDatabase test) {
        try (Kith kith = new Kith(test.database(), clock)) {
            long me = kith.accounts().actingAccount(null, "ada").id();
            // Rows as an instance that died would leave them: one silent for two hours, one heard from ten minutes ago.
            long abandoned = leftBehind(test, me, "running", "2026-03-10T10:00:00.000Z");
            long queued = leftBehind(test, me, "queued", "2026-03-10T09:30:00.000Z");
            long alive = leftBehind(test, me, "running", "2026-03-10T11:50:00.000Z");

            assertThat(kith.importJobs().markInterrupted()).isEqualTo(2);

            for (long id : new long[] {abandoned, queued}) {
                ImportJobs.Job job = kith.importJobs().get(me, id);
                assertThat(job.state()).isEqualTo(ImportJobs.State.FAILED);
                assertThat(job.error()).isEqualTo("interrupted: the server stopped; import the file again");
            }
            assertThat(kith.importJobs().get(me, alive).state()).isEqualTo(ImportJobs.State.RUNNING);
        }
    }

    private static long leftBehind(TestDatabase test, long userId, String state, String updatedAt) {
        // A literal, not a bound string, so that PostgreSQL reads it as a timestamp and SQLite keeps it as text.
        return test.database().inTransaction(handle -> handle.createQuery("""
                        INSERT INTO import_jobs (user_id, format, file_name, state, done_rows, total_rows, created_at, updated_at)
                        VALUES (:userId, 'linkedin', 'Connections.csv', :state, 100, 5000, '%s', '%s') RETURNING id
                        """.formatted(updatedAt, updatedAt))
                .bind("userId", userId)
                .bind("state", state)
                .mapTo(Long.class)
                .one());
    }

    /** Polls the job until it has ended, for at most {@link #PATIENCE}. */
    static ImportJobs.Job awaitEnd(Kith kith, long userId, long id) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        ImportJobs.Job job = kith.importJobs().get(userId, id);
        while (!job.finished()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import " + id + " has not ended within " + PATIENCE + ": " + job);
            }
            pause();
            job = kith.importJobs().get(userId, id);
        }
        return job;
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for an import", e);
        }
    }

    private static int contacts(Kith kith, long userId) {
        return kith.contacts().search(userId, ContactService.Search.ALL, 0, 10).total();
    }

    static byte[] fixture() {
        try (InputStream in = ImportJobsTest.class.getResourceAsStream("/exchange/linkedin-connections.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
