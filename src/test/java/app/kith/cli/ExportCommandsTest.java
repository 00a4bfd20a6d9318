package app.kith.cli;

import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void someContacts(Cli kith) {
        kith.ok("me", "--city", "Lisbon", "--timezone", "Europe/Lisbon", "--daily-limit", "3");
        kith.ok("add", "Grace Hopper", "--circle", "Mentors", "--email", "grace@example.com", "--phone", "+1 555 0100",
                "--tag", "compilers", "--note", "COBOL, ships; \"nanoseconds\"", "--strengths", "explains hard things simply");
        kith.ok("add", "=HYPERLINK(\"http://example.com\")", "--every", "2w");
        kith.ok("log", "Grace Hopper", "--kind", "coffee", "--on", "2026-03-01", "--note", "talked about compilers");
    }

    @BothDatabases
    void exportWritesEachFormatToStandardOutputOrAFile(TestDatabase db, @TempDir Path folder) throws IOException {
        Cli kith = new Cli(db);
        someContacts(kith);

        assertThat(kith.ok("export", "vcard")).startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n").contains("FN:Grace Hopper")
                .contains("EMAIL:grace@example.com");
        assertThat(kith.ok("export", "csv")).startsWith("Name,Emails,Phones,").contains(",Archived,Strengths\r\n")
                .contains(",no,explains hard things simply\r\n").contains("'=HYPERLINK(\"\"http://example.com\"\")")
                .contains("'+1 555 0100");
        JsonNode json = JSON.readTree(kith.ok("export", "json"));
        assertThat(json.get("format").asText()).isEqualTo("kith-export");
        assertThat(json.get("version").asInt()).isEqualTo(2);
        assertThat(json.get("user").get("dailyLimit").asInt()).isEqualTo(3);
        assertThat(json.get("contacts")).hasSize(2);
        assertThat(json.get("interactions").get(0).get("note").asText()).isEqualTo("talked about compilers");

        Path out = folder.resolve("contacts.vcf");
        assertThat(kith.ok("export", "VCARD", "--out", out.toString())).startsWith("Exported to " + out + " (vcard, ");
        assertThat(Files.readString(out)).isEqualTo(kith.ok("export", "vcard"));

        // An existing file is replaced only when asked; a missing folder is said in words.
        Path kept = folder.resolve("notes.txt");
        Files.writeString(kept, "precious");
        Files.setPosixFilePermissions(kept, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Cli.Result refused = kith.run("export", "csv", "--out", kept.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("kith: " + kept + " already exists: add --force to replace it, or give the name of a new file\n");
        assertThat(Files.readString(kept)).isEqualTo("precious");
        assertThat(kith.ok("export", "csv", "--out", kept.toString(), "--force")).startsWith("Exported to " + kept + " (csv, ");
        // A file starts with a byte-order mark, for spreadsheets; what is printed for a pipe has none.
        assertThat(Files.readString(kept)).isEqualTo("\uFEFF" + kith.ok("export", "csv"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-r-----");
        assertThat(kith.run("export", "json", "--out", folder.toString(), "--force").err())
                .isEqualTo("kith: " + folder + " is a folder: give the name of a file, such as " + folder.resolve("kith-export.json") + "\n");
        assertThat(folder.toFile().list()).containsExactlyInAnyOrder("contacts.vcf", "notes.txt");
        Path nowhere = folder.resolve("missing").resolve("export.json");
        Cli.Result noFolder = kith.run("export", "json", "--out", nowhere.toString());
        assertThat(noFolder.exitCode()).isEqualTo(1);
        assertThat(noFolder.err()).isEqualTo("kith: cannot write the export " + nowhere + ": there is no folder " + nowhere.getParent()
                + "; create it first, or give a file in a folder that exists\n");
        Cli.Result noBackupFolder = kith.run("backup", nowhere.toString());
        assertThat(noBackupFolder.exitCode()).isEqualTo(1);
        assertThat(noBackupFolder.err()).startsWith("kith: cannot write the backup " + nowhere + ": there is no folder").doesNotContain("SQLITE");
    }

    @BothDatabases
    void exportJsonRestoredIntoAnEmptyDatabaseExportsTheSameBytes(TestDatabase db, @TempDir Path folder) throws IOException {
        Cli kith = new Cli(db);
        someContacts(kith);
        Path export = folder.resolve("export.json");
        kith.ok("export", "json", "--out", export.toString());

        try (TestDatabase empty = TestDatabase.create(db.dialect())) {
            Cli other = new Cli(empty);
            assertThat(other.ok("restore", export.toString()))
                    .isEqualTo("Restored 2 contacts and 1 interaction from " + export + " (a Kith JSON export).\n");
            assertThat(other.ok("export", "json")).isEqualTo(Files.readString(export));
            assertThat(other.ok("today", "--date", "2026-06-01")).contains("Grace Hopper");

            Cli.Result refused = other.run("restore", export.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).isEqualTo("kith: the " + (db.dialect() == app.kith.storage.Dialect.SQLITE ? "data directory" : "database")
                    + " already holds 2 contacts: restore into an empty one, or pass --force to replace them (with no kith serve running against it)\n");
            assertThat(other.ok("restore", export.toString(), "--force")).startsWith("Restored 2 contacts");
        }
    }

    @BothDatabases
    void backupThenRestoreIntoAnEmptyDatabase(TestDatabase db, @TempDir Path folder) throws IOException {
        Cli kith = new Cli(db);
        someContacts(kith);
        Path backup = folder.resolve("kith-backup");

        assertThat(kith.ok("backup", backup.toString())).startsWith("Backed up to " + backup + " (");
        Cli.Result again = kith.run("backup", backup.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists: give the name of a new file");

        try (TestDatabase empty = TestDatabase.create(db.dialect())) {
            Cli other = new Cli(empty);
            assertThat(other.ok("restore", backup.toString())).startsWith("Restored 2 contacts and 1 interaction from " + backup);
            assertThat(other.ok("export", "json")).isEqualTo(kith.ok("export", "json"));
        }
    }

    @BothDatabases
    void badFilesAndFormatsFailWithOneLine(TestDatabase db, @TempDir Path folder) throws IOException {
        Cli kith = new Cli(db);
        someContacts(kith);
        String before = kith.ok("export", "json");
        Path garbage = Files.writeString(folder.resolve("garbage.json"), "{\"format\": \"kith-export\", \"version\": 1, \"user\": {\"username\": \"x\", \"workStart\": \"09:00\", \"workEnd\": \"17:00\", \"dailyLimit\": 5}, \"contacts\": [{\"id\": 1}]}");
        Path missing = folder.resolve("missing.json");

        for (String[] args : new String[][] {{"restore", garbage.toString(), "--force"},
                {"restore", missing.toString()}, {"restore", folder.toString()}}) {
            Cli.Result result = kith.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(result.err().lines()).as(String.join(" ", args)).hasSize(1);
        }
        // A format that does not exist is a usage error, as for import.
        Cli.Result xml = kith.run("export", "xml");
        assertThat(xml.exitCode()).isEqualTo(2);
        assertThat(xml.err()).startsWith("kith: ").contains("'xml' is not an export format: use one of vcard, csv, json").hasLineCount(1);
        assertThat(kith.run("restore", garbage.toString(), "--force").err()).contains("is not a valid Kith export: contact 1 has no name; nothing was restored");
        String header = "{\"format\": \"kith-export\", \"version\": 1, \"user\": {\"username\": \"x\", \"workStart\": \"09:00\", \"workEnd\": \"17:00\", \"dailyLimit\": 5";
        Path wrongKind = Files.writeString(folder.resolve("kind.json"), header + "}, \"contacts\": [{\"id\": 1, \"name\": \"A\"}, {\"id\": \"two\"}]}");
        assertThat(kith.run("restore", wrongKind.toString(), "--force").err())
                .isEqualTo("kith: " + wrongKind + " is not a valid Kith export: at contacts[1].id: expected a whole number; nothing was restored\n");
        Path zone = Files.writeString(folder.resolve("zone.json"), header + ", \"timezone\": \"Mars/X\"}, \"contacts\": []}");
        assertThat(kith.run("restore", zone.toString(), "--force").err())
                .contains("is not a valid Kith export: 'Mars/X' is not a time zone: use an IANA name, such as Europe/Berlin; nothing was restored");
        Path source = Files.writeString(folder.resolve("source.json"), header
                + "}, \"contacts\": [{\"id\": 1, \"name\": \"A\", \"addedOn\": \"2026-01-02\", \"jobSource\": \"Fax\"}]}");
        assertThat(kith.run("restore", source.toString(), "--force").err()).contains("is not a valid Kith export: contact 1's jobSource 'Fax' is none of "
                + "LinkedIn connections, vCard, Google Contacts CSV, Outlook CSV, Kith CSV, an earlier import; nothing was restored");
        Path email = Files.writeString(folder.resolve("email.json"), header
                + "}, \"contacts\": [{\"id\": 1, \"name\": \"A\", \"addedOn\": \"2026-01-02\", \"emails\": [\"a@example.com\", \"not an address\"]}]}");
        assertThat(kith.run("restore", email.toString(), "--force").err())
                .contains("is not a valid Kith export: contact 1's email 'not an address' is not an email address; nothing was restored");
        Path phone = Files.writeString(folder.resolve("phone.json"), header
                + "}, \"contacts\": [{\"id\": 1, \"name\": \"A\", \"addedOn\": \"2026-01-02\", \"phones\": [null]}]}");
        assertThat(kith.run("restore", phone.toString(), "--force").err())
                .contains("is not a valid Kith export: contact 1's phone '' is not a phone number; nothing was restored");
        // Said in Kith's words, not Jackson's (its class names, its ranges).
        Path extra = Files.writeString(folder.resolve("extra.json"), header
                + "}, \"contacts\": [{\"id\": 1, \"name\": \"A\", \"addedOn\": \"2026-01-02\", \"extra\": 1}]}");
        assertThat(kith.run("restore", extra.toString(), "--force").err()).isEqualTo("kith: " + extra + " is not a valid Kith export: at"
                + " contacts[0]: 'extra' is not a field Kith writes there (a file edited by hand, or from another program?); nothing was restored\n");
        Path huge = Files.writeString(folder.resolve("huge.json"), header
                + "}, \"contacts\": [{\"id\": 99999999999999999999, \"name\": \"A\", \"addedOn\": \"2026-01-02\"}]}");
        assertThat(kith.run("restore", huge.toString(), "--force").err()).startsWith("kith: " + huge + " is not a valid Kith export: ")
                .contains("a number too large for that field; nothing was restored").doesNotContain("out of range");
        Path limit = Files.writeString(folder.resolve("limit.json"), header.replace("\"dailyLimit\": 5", "\"dailyLimit\": 3000000000") + "}, \"contacts\": []}");
        assertThat(kith.run("restore", limit.toString(), "--force").err()).startsWith("kith: " + limit + " is not a valid Kith export: ")
                .contains("a number too large for").doesNotContain("out of range").doesNotContain("9223372036854775807");
        // A cadence follows the rule a typed one does: at most 10 years.
        for (String cadence : List.of("P99999Y", "P999999999Y", "P3661D", "P999999999W", "P1W2147483647D")) {
            Path far = Files.writeString(folder.resolve("far.json"), header
                    + "}, \"contacts\": [{\"id\": 1, \"name\": \"A\", \"addedOn\": \"2026-01-02\", \"ownCadence\": \"" + cadence + "\"}]}");
            assertThat(kith.run("restore", far.toString(), "--force").err()).as(cadence)
                    .contains("is not a valid Kith export: contact 1").contains("'" + cadence + "' is not a cadence: use an ISO-8601 period"
                            + " longer than zero days and at most 10 years, such as P1M or P6W; nothing was restored");
        }
        // Dates in the years Kith keeps, and the day a contact was added or met not yet to come, as when typed.
        for (String contact : List.of("\"addedOn\": \"0000-01-01\"", "\"addedOn\": \"2026-01-02\", \"metOn\": \"0000-06-01\"",
                "\"addedOn\": \"9999-12-31\"", "\"addedOn\": \"2026-01-02\", \"metOn\": \"9999-12-31\"")) {
            Path odd = Files.writeString(folder.resolve("odd.json"), header + "}, \"contacts\": [{\"id\": 1, \"name\": \"A\", " + contact + "}]}");
            String said = kith.run("restore", odd.toString(), "--force").err();
            assertThat(said).as(contact).contains("is not a valid Kith export: contact 1").endsWith("; nothing was restored\n");
            assertThat(said).as(contact).containsAnyOf("is out of range: use a date from 0001-01-01 to 9999-12-31", "is after today: correct it");
        }
        // A photo Kith would not have kept (another type, or bytes of none) is refused: an export writes it out as it is.
        String png = java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0});
        for (String photo : List.of("{\"mediaType\": \"text/html\", \"data\": \"" + java.util.Base64.getEncoder().encodeToString(
                "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"}",
                "{\"mediaType\": \"image/jpeg\", \"data\": \"" + png + "\"}", "{\"mediaType\": \"image/png\", \"data\": \"\"}")) {
            Path odd = Files.writeString(folder.resolve("photo.json"), header
                    + "}, \"contacts\": [{\"id\": 1, \"name\": \"A\", \"addedOn\": \"2026-01-02\", \"photo\": " + photo + "}]}");
            assertThat(kith.run("restore", odd.toString(), "--force").err()).as(photo)
                    .contains("is not a valid Kith export: contact 1's photo is not a JPEG or PNG picture that its mediaType ('")
                    .endsWith(") names, as Kith keeps them: take it out of the file; nothing was restored\n");
        }
        assertThat(kith.run("restore", folder.toString()).err()).isEqualTo("kith: " + folder + " is a folder: give the path of a backup or a JSON export\n");
        assertThat(kith.ok("export", "json")).isEqualTo(before);
    }
}
