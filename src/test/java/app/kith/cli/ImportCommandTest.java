package app.kith.cli;

import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

    private static Path fixture(TestDatabase db, String name) throws IOException {
        Path file = Files.createTempFile(name.replace('/', '-'), "");
        try (InputStream in = ImportCommandTest.class.getResourceAsStream("/exchange/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @BothDatabases
    void importPrintsASummaryAndTheContactsAreThere(TestDatabase db) throws IOException {
        Cli kith = new Cli(db, CLOCK);
        Path file = fixture(db, "linkedin-connections.csv");

        String dry = kith.ok("import", "linkedin", file.toString(), "--dry-run");
        String out = kith.ok("import", "linkedin", file.toString(), "--circle", "past teams");
        String again = kith.ok("import", "linkedin", file.toString(), "--json");

        assertThat(dry).startsWith("Dry run, nothing written: LinkedIn connections, 5 rows:").contains("added      4")
                .contains("The 4 contacts to add are in no circle, so Kith will not bring them up until you put them in one"
                        + " (kith edit NAME --circle Mentors, or --every 3m); --circle NAME on an import puts the new contacts in one.");
        assertThat(out).contains("added      4", "skipped    1", "skipped line 9: no name").doesNotContain("in no circle")
                .contains("The 4 contacts added in a circle come due spread over its cadence, a few a day, not all at once.");
        assertThat(dry).doesNotContain("spread over");
        assertThat(again).contains("\"added\" : 0", "\"unchanged\" : 4", "\"untracked\" : 0");
        assertThat(kith.ok("contacts")).contains("Ada Quill", "Zoë Åberg").contains("4 contacts");
        assertThat(kith.ok("show", "Ada Quill")).contains("Staff Engineer at Stripe, Inc.", "LinkedIn, on Fri 15 Mar 2024");
    }

    @BothDatabases
    void badFilesAndFormatsAreOneLineAndWriteNothing(TestDatabase db) throws IOException {
        Cli kith = new Cli(db, CLOCK);
        Path broken = Files.createTempFile("broken", ".csv");
        Files.writeString(broken, "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "Ada,Quill,,,,,15 Mar 2024\n"
                + "Bruno,\"Lima\"x,,,,,15 Mar 2024\n");
        Path badDate = Files.createTempFile("bad-date", ".csv");
        Files.writeString(badDate, "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Quill,,,,,Ides of March\n");

        Cli.Result quote = kith.run("import", "linkedin", broken.toString());
        Cli.Result date = kith.run("import", "linkedin", badDate.toString());
        Cli.Result format = kith.run("import", "friendster", broken.toString());
        Cli.Result missing = kith.run("import", "linkedin", "/no/such/Connections.csv");
        // The file is read while the database opens, but an account's error still comes before the file's.
        Cli.Result nobody = kith.run("--user", "nobody", "import", "linkedin", badDate.toString());

        assertThat(quote.exitCode()).isEqualTo(1);
        assertThat(quote.err()).isEqualTo("kith: " + broken + ": line 3: a quote ends a cell early: quotes inside a quoted cell"
                + " must be doubled (\"\"); nothing was imported\n");
        assertThat(date.exitCode()).isEqualTo(1);
        assertThat(date.err()).contains("line 2: 'Ides of March' under Connected On is not a date like 15 Mar 2024");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("'friendster' is not an import format: use one of linkedin, linkedin-messages");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("kith: there is no file /no/such/Connections.csv: give the path of the exported file\n");
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err()).contains("there is no account named 'nobody'").doesNotContain("Ides of March");
        assertThat(kith.ok("contacts")).startsWith("No contacts yet");
    }

    @BothDatabases
    void linkedInsZipArchiveIsImportedAsItComes(TestDatabase db) throws IOException {
        Cli kith = new Cli(db, CLOCK);
        Path export = Files.createTempFile("Basic_LinkedInDataExport", ".zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(export));
             InputStream connections = ImportCommandTest.class.getResourceAsStream("/exchange/linkedin-connections.csv")) {
            zip.putNextEntry(new java.util.zip.ZipEntry("Basic_LinkedInDataExport_11-25-2026/Connections.csv"));
            zip.write(connections.readAllBytes());
            zip.closeEntry();
        }

        assertThat(kith.ok("import", "linkedin", export.toString())).contains("added      4");
        assertThat(kith.ok("import", "vcard", fixture(db, "vcard/broken-line.vcf").toString(), "--skip-bad-rows"))
                .startsWith("Imported vCard, 2 cards:")
                .contains("skipped line 6: line 9 of the file is not a property (it has no colon): \"this line lost its property name\";"
                        + " correct or delete the line");
        Cli.Result vcard = kith.run("import", "vcard", export.toString());
        assertThat(vcard.exitCode()).isEqualTo(1);
        assertThat(vcard.err()).contains("the zip archive holds no .vcf file: unzip it and give the file to import");
    }

    @BothDatabases
    void skipBadRowsLeavesThemOutWithTheirLinesAndImportsTheRest(TestDatabase db) throws IOException {
        Cli kith = new Cli(db, CLOCK);
        Path file = Files.createTempFile("connections", ".csv");
        Files.writeString(file, "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "Ada,Quill,,,,,15 Mar 2024\n"
                + "Bruno,Lima,,,,,Ides of March\n"
                + "Cora,Diaz,,,,,16 Mar 2024\n");

        Cli.Result refused = kith.run("import", "linkedin", file.toString());
        String out = kith.ok("import", "linkedin", file.toString(), "--skip-bad-rows");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("kith: " + file + ": line 3: 'Ides of March' under Connected On is not a date like 15 Mar 2024;"
                + " nothing was imported (correct that row, or give --skip-bad-rows to leave out such rows and import the rest)\n");
        assertThat(out).contains("added      2", "skipped    1", "skipped line 3: 'Ides of March' under Connected On is not a date");
        assertThat(kith.ok("contacts")).contains("Ada Quill", "Cora Diaz").doesNotContain("Bruno");
    }
}
