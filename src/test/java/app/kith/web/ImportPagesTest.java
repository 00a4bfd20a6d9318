package app.kith.web;

import app.kith.Kith;
import app.kith.contact.ContactService;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ImportPagesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);

    @BothDatabases
    void anUploadRunsInTheBackgroundAndItsPageShowsTheSummary(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            HttpResponse<String> form = ada.get("/import");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("enctype=\"multipart/form-data\"").contains("LinkedIn's Connections.csv")
                    .contains("<option value=\"Mentors\"").contains("name=\"dryRun\"").contains("<a href=\"/import\" class=\"active\" aria-current=\"page\">Import</a>")
                    .contains("<a href=\"/\" class=\"\">Today</a>");

            HttpResponse<String> sent = upload(app, ada, fields("linkedin", "Mentors", false), "Connections.csv", fixture());
            assertThat(sent.statusCode()).isEqualTo(303);
            String job = sent.headers().firstValue("Location").orElseThrow();
            assertThat(job).matches("/import/\\d+");

            // The end is said once, in the live region that stays on the page across polls, not in the part replaced.
            String ended = awaitEnd(ada, job);
            assertThat(ended).startsWith("<p id=\"import-said\" hx-swap-oob=\"innerHTML\">Imported LinkedIn connections, 5 rows.</p>")
                    .doesNotContain("role=\"status\"");
            String summary = awaitSummary(ada, job);
            assertThat(summary).contains("Imported LinkedIn connections, 5 rows.").contains("added 4").contains("merged 0")
                    .contains("unchanged 0").contains("skipped 1").contains("line 9: no name").doesNotContain("in no circle")
                    .contains("The 4 contacts added in a circle come due spread over its cadence, a few a day, not all at once.");
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isEqualTo(4);
            assertThat(app.kith.contacts().search(app.owner, new ContactService.Search(null, "Mentors", null, null, false, false), 0, 10)
                    .total()).isEqualTo(4);
            HttpResponse<String> page = ada.get(job);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Connections.csv").doesNotContain("hx-trigger").doesNotContain("hx-swap-oob")
                    .contains("<p id=\"import-said\" class=\"visually-hidden\" role=\"status\"></p>");
            assertThat(ada.get("/import").body()).contains("<a href=\"" + job + "\">Connections.csv</a>");

            // The same file again: everyone is already there.
            String again = awaitSummary(ada, upload(app, ada, fields("linkedin", "", false), "Connections.csv", fixture())
                    .headers().firstValue("Location").orElseThrow());
            assertThat(again).contains("added 0").contains("unchanged 4");

            // Messages are counted as the touches they make, not as contacts.
            byte[] messages = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
                    + "1-a,,Sam Owner,https://www.linkedin.com/in/sam-owner,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,"
                    + "2026-03-01 10:00:00 UTC,,Hi,INBOX\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String talked = awaitSummary(ada, upload(app, ada, fields("linkedin-messages", "", false), "messages.csv", messages)
                    .headers().firstValue("Location").orElseThrow());
            assertThat(talked).contains("interactions added 1").contains("already imported 0").doesNotContain("merged");
        }
    }

    @BothDatabases
    void aRunningImportShowsItsProgressAndAsksAgainEverySecond(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            // As another instance's worker leaves it between two progress reports.
            long id = test.database().inTransaction(handle -> handle.createQuery("""
                            INSERT INTO import_jobs (user_id, format, file_name, state, done_rows, total_rows, created_at, updated_at)
                            VALUES (:userId, 'linkedin', 'Connections.csv', 'running', 1200, 30000,
                                    '2026-03-10T09:59:00.000Z', '2026-03-10T09:59:59.000Z') RETURNING id
                            """)
                    .bind("userId", app.owner)
                    .mapTo(Long.class)
                    .one());

            HttpResponse<String> page = ada.get("/import/" + id);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>Connections.csv").contains("Checked 1200 of 30000 rows…")
                    .contains("<progress max=\"100\" value=\"4\"")
                    .contains("hx-get=\"/import/" + id + "\" hx-trigger=\"every 1s\" hx-swap=\"outerHTML\"");
            HttpResponse<String> fragment = ada.getHtmx("/import/" + id);
            assertThat(fragment.body()).startsWith("<div id=\"import-job\"").doesNotContain("<h1>").contains("hx-trigger=\"every 1s\"")
                    .contains("<p>Checked 1200 of 30000 rows…</p>").doesNotContain("role=\"status\"").doesNotContain("import-said");
            assertThat(ada.get("/import").body()).contains("importing, 4%");
        }
    }

    @BothDatabases
    void aServerStartingMarksTheImportsAStoppedOneLeftAsInterrupted(TestDatabase test) {
        long owner = new Kith(test.database(), clock).accounts().actingAccount(null, "ada").id();
        long id = test.database().inTransaction(handle -> handle.createQuery("""
                        INSERT INTO import_jobs (user_id, format, file_name, state, done_rows, total_rows, created_at, updated_at)
                        VALUES (:userId, 'linkedin', 'Connections.csv', 'running', 1200, 30000,
                                '2026-03-10T07:00:00.000Z', '2026-03-10T07:00:05.000Z') RETURNING id
                        """)
                .bind("userId", owner)
                .mapTo(Long.class)
                .one());

        try (WebApp app = new WebApp(test, clock)) {
            HttpResponse<String> page = app.signedIn("ada").get("/import/" + id);
            assertThat(page.body()).contains("<p class=\"error\" role=\"alert\">Interrupted: the server stopped; import the file again.</p>")
                    .doesNotContain("hx-trigger");
        }
    }

    @BothDatabases
    void aDryRunWritesNothing(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            HttpResponse<String> sent = upload(app, ada, fields("linkedin", "", true), "Connections.csv", fixture());

            assertThat(awaitSummary(ada, sent.headers().firstValue("Location").orElseThrow()))
                    .contains("Dry run, nothing written").contains("added 4")
                    .contains("The 4 contacts to add are in no circle, so Kith will not bring them up until you put them in one");
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isZero();
        }
    }

    @BothDatabases
    void badRowsAreSkippedWhenAskedAndTheFailureSaysHow(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            byte[] file = """
                    First Name,Last Name,URL,Email Address,Company,Position,Connected On
                    Ada,Quill,,,,,15 Mar 2024
                    Bruno,Lima,,,,,Ides of March
                    """.getBytes(StandardCharsets.UTF_8);
            assertThat(ada.get("/import").body()).contains("name=\"skipBadRows\"");

            String failed = awaitEnd(ada, upload(app, ada, fields("linkedin", "", false), "Connections.csv", file)
                    .headers().firstValue("Location").orElseThrow());
            Map<String, String> skipping = fields("linkedin", "", false);
            skipping.put("skipBadRows", "true");
            String done = awaitSummary(ada, upload(app, ada, skipping, "Connections.csv", file).headers().firstValue("Location").orElseThrow());

            assertThat(failed).contains("Line 3: 'Ides of March' under Connected On is not a date")
                    .contains("import the file again with \"Skip bad rows\" ticked")
                    // A way back to the form as it was sent (but the file, which a page cannot choose), with the box ticked.
                    .contains("<a href=\"/import?format=linkedin&amp;skipBadRows=true\">Import again, skipping bad rows</a>");
            assertThat(ada.get("/import?format=linkedin&skipBadRows=true").body())
                    .containsPattern("<input type=\"checkbox\" name=\"skipBadRows\" value=\"true\" checked>")
                    .containsPattern("<input type=\"checkbox\" name=\"dryRun\" value=\"true\">");
            assertThat(ada.get("/import?format=vcard").body()).contains("<option value=\"vcard\" selected>")
                    .contains("<input type=\"checkbox\" name=\"skipBadRows\" value=\"true\">");
            assertThat(ada.get("/import?format=%3Cscript%3E&skipBadRows=yes").body()).contains("<option value=\"linkedin\" selected>")
                    .contains("<input type=\"checkbox\" name=\"skipBadRows\" value=\"true\">");
            assertThat(done).contains("added 1 ").contains("skipped 1 ").contains("Skipped line 3: 'Ides of March' under Connected On")
                    .contains("The contact added is in no circle, so Kith will not bring them up until you put them in one: open one"
                            + " and tick its circles, or choose a circle when you import. See who is untracked.");
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isEqualTo(1);
        }
    }

    @BothDatabases
    void aBadFileEndsWithItsLineOnTheJobPage(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            byte[] broken = """
                    First Name,Last Name,URL,Email Address,Company,Position,Connected On
                    Ada,Quill,https://www.linkedin.com/in/ada-quill,,"Stripe, Inc.,Engineer,15 Mar 2024
                    """.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> sent = upload(app, ada, fields("linkedin", "", false), "Connections.csv", broken);

            String fragment = awaitEnd(ada, sent.headers().firstValue("Location").orElseThrow());
            assertThat(fragment).contains("<p class=\"error\" role=\"alert\">Line 2: ").contains("nothing was imported.</p>")
                    // Skipping rows would not help a file broken as a whole: only the way back to the form is offered.
                    .contains("<p><a href=\"/import?format=linkedin\">Import a file</a></p>").doesNotContain("skipping bad rows");
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isZero();
        }
    }

    @BothDatabases
    void anUploadOverTwentyMebibytesIsRefusedWith413(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");
            byte[] big = new byte[21 * 1024 * 1024];
            Arrays.fill(big, (byte) 'a');

            HttpResponse<String> refused = upload(app, ada, fields("linkedin", "", false), "Connections.csv", big);
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.body()).contains("<h1>Content Too Large</h1>")
                    .contains("The file is larger than 20 MB, the most the Import page takes").contains("Back to Today");

            // Sent in chunks, its length unknown until read: refused when reading passes the limit.
            HttpResponse<String> chunked = ada.send(multipart(app, ada, fields("linkedin", "", false), "Connections.csv", big,
                    body -> HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(chunked.body()).contains("The file is larger than 20 MB");
            assertThat(app.kith.importJobs().recent(app.owner)).isEmpty();
        }
    }

    @BothDatabases
    void anUploadWhoseOtherFieldsAreTooLargeOrInACharsetNoOneReadsIsRefusedAsSuch(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");

            // Past Jetty's limit on a form's fields (200,000 bytes), which holds for every part but the file: was a 400
            // that said only "the form could not be read".
            HttpResponse<String> longCircle = upload(app, ada, fields("linkedin", "x".repeat(2_000_000), false), "Connections.csv", fixture());
            assertThat(longCircle.statusCode()).isEqualTo(413);
            assertThat(longCircle.body()).contains("The form's fields besides the file are larger than the Import page takes")
                    .contains("Back to Today");

            // The charset check covers an upload as any form.
            HttpRequest sent = multipart(app, ada, fields("linkedin", "", false), "Connections.csv", fixture(), HttpRequest.BodyPublishers::ofByteArray);
            HttpResponse<String> unread = ada.send(HttpRequest.newBuilder(sent, (name, value) -> !name.equalsIgnoreCase("Content-Type"))
                    .header("Content-Type", sent.headers().firstValue("Content-Type").orElseThrow() + "; charset=bogus").build());
            assertThat(unread.statusCode()).isEqualTo(415);
            assertThat(unread.body()).contains("This form's character set, 'bogus', is not one Kith can read");

            assertThat(app.kith.importJobs().recent(app.owner)).isEmpty();
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isZero();
        }
    }

    @BothDatabases
    void badInputReShowsTheFormWithOneMessageAndStartsNothing(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            WebApp.Client ada = app.signedIn("ada");

            HttpResponse<String> noFile = upload(app, ada, fields("linkedin", "", false), "", new byte[0]);
            assertThat(noFile.statusCode()).isEqualTo(422);
            assertThat(noFile.body()).contains("No file was chosen: choose the exported file to import.").contains("<form");

            HttpResponse<String> empty = upload(app, ada, fields("linkedin", "", false), "Connections.csv", new byte[0]);
            assertThat(empty.statusCode()).isEqualTo(422);
            assertThat(empty.body()).contains("The file Connections.csv is empty");

            HttpResponse<String> unknown = upload(app, ada, fields("myspace", "", false), "friends.csv", fixture());
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(unknown.body()).contains("'myspace' is not an import format: use one of linkedin, linkedin-messages");

            HttpResponse<String> noCircle = upload(app, ada, fields("linkedin", "Investors", false), "Connections.csv", fixture());
            assertThat(noCircle.statusCode()).isEqualTo(422);
            assertThat(noCircle.body()).contains("There is no circle named 'Investors'");

            assertThat(app.kith.importJobs().recent(app.owner)).isEmpty();
            assertThat(app.kith.contacts().search(app.owner, ContactService.Search.ALL, 0, 10).total()).isZero();
        }
    }

    @BothDatabases
    void importNeedsASignedInUserAndTheCsrfTokenAndShowsOnlyOwnJobs(TestDatabase test) {
        try (WebApp app = new WebApp(test, clock)) {
            HttpResponse<String> anonymous = app.anonymous().get("/import");
            assertThat(anonymous.statusCode()).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location")).hasValue("/login?next=%2Fimport");
            WebApp.Client stranger = app.anonymous();
            assertThat(upload(app, stranger, fields("linkedin", "", false), "Connections.csv", fixture()).statusCode()).isIn(401, 403);

            WebApp.Client ada = app.signedIn("ada");
            Map<String, String> forged = fields("linkedin", "", false);
            forged.put("_csrf", "forged");
            assertThat(upload(app, ada, forged, "Connections.csv", fixture()).statusCode()).isEqualTo(403);
            Map<String, String> none = fields("linkedin", "", false);
            none.remove("_csrf");
            assertThat(upload(app, ada, none, "Connections.csv", fixture()).statusCode()).isEqualTo(403);
            assertThat(app.kith.importJobs().recent(app.owner)).isEmpty();

            String job = upload(app, ada, fields("linkedin", "", false), "Connections.csv", fixture())
                    .headers().firstValue("Location").orElseThrow();
            awaitSummary(ada, job);
            WebApp.Client brian = app.signedIn("brian");
            assertThat(brian.get(job).statusCode()).isEqualTo(404);
            assertThat(brian.get("/import").body()).doesNotContain(job);
            assertThat(ada.get("/import/nope").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aJobIsNamedAfterTheFileWithoutItsFolder() {
        assertThat(ImportPages.shortName("C:\\Users\\ada\\Downloads\\Connections.csv")).isEqualTo("Connections.csv");
        assertThat(ImportPages.shortName("exports/vcards.vcf")).isEqualTo("vcards.vcf");
        assertThat(ImportPages.shortName("x".repeat(300) + ".csv")).hasSize(200).endsWith("…");
        assertThat(ImportPages.shortName("folder/")).isEqualTo("the uploaded file");
        // As a browser sends a quote and a line break in a file's name.
        assertThat(ImportPages.shortName("Ada %22The Countess%22.csv")).isEqualTo("Ada \"The Countess\".csv");
        assertThat(ImportPages.shortName("two%0D%0Alines.vcf")).isEqualTo("two lines.vcf");
    }

    /** The form's fields with this client's token; a mutable map, so that a test can forge or drop the token. */
    private static Map<String, String> fields(String format, String circle, boolean dryRun) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", "");
        fields.put("format", format);
        fields.put("circle", circle);
        if (dryRun) {
            fields.put("dryRun", "true");
        }
        return fields;
    }

    /** Posts the Import form as a browser does: multipart, the fields, then the file (an empty name: none chosen). */
    private static HttpResponse<String> upload(WebApp app, WebApp.Client client, Map<String, String> fields, String fileName, byte[] file) {
        return client.send(multipart(app, client, fields, fileName, file, HttpRequest.BodyPublishers::ofByteArray));
    }

    private static HttpRequest multipart(WebApp app, WebApp.Client client, Map<String, String> fields, String fileName, byte[] file,
                                         Function<byte[], HttpRequest.BodyPublisher> publisher) {
        String boundary = "----kith-test-boundary-7d1f";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            String text = name.equals("_csrf") && value.isEmpty() ? client.csrf : value;
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + text + "\r\n");
        });
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + (fileName.isEmpty() ? "application/octet-stream" : "text/csv") + "\r\n\r\n");
        body.writeBytes(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        return HttpRequest.newBuilder(URI.create(app.url("/import")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(publisher.apply(body.toByteArray()))
                .build();
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Polls the job's fragment as the page's htmx does, until it ends; returns the ended job's fragment. */
    static String awaitEnd(WebApp.Client client, String job) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> fragment = client.getHtmx(job);
            assertThat(fragment.statusCode()).isEqualTo(200);
            if (!fragment.body().contains("hx-trigger")) {
                return fragment.body();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the import at " + job + " has not ended within " + PATIENCE + ": " + fragment.body());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + job, e);
            }
        }
    }

    /** The ended job's summary as the reader sees it: tags dropped, spaces collapsed. */
    private static String awaitSummary(WebApp.Client client, String job) {
        String text = awaitEnd(client, job).replaceAll("<[^>]*>", "").replaceAll("\\s+", " ");
        assertThat(text).as("the summary of " + job).contains("added ");
        return text;
    }

    static byte[] fixture() {
        try (InputStream in = ImportPagesTest.class.getResourceAsStream("/exchange/linkedin-connections.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
