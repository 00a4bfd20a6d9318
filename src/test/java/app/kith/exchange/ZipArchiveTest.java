package app.kith.exchange;

import app.kith.OwnerFixture;
import app.kith.contact.Contact;
import app.kith.contact.ContactFilter;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An import given LinkedIn's data export as it comes, a zip archive, takes its file out of it. */
class ZipArchiveTest extends OwnerFixture {
    private static final String CONNECTIONS = """
            Notes:
            "When exporting your connection data, you may notice that some of the email addresses are missing."

            First Name,Last Name,URL,Email Address,Company,Position,Connected On
            Ada,Quill,https://www.linkedin.com/in/ada-quill,ada@example.com,Acme,Engineer,15 Mar 2024
            Bruno,Lima,https://www.linkedin.com/in/bruno-lima,,Fjord Labs,Head of Data,02 Jan 2023
            """;
    private static final String MESSAGES = """
            CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER
            1-a,,Ada Quill,https://www.linkedin.com/in/ada-quill,Me Myself,https://www.linkedin.com/in/me,2026-02-02 16:04:11 UTC,,Hi,INBOX
            """;

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] linkedInExport() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Basic_LinkedInDataExport_11-27-2026/", "");
        files.put("Basic_LinkedInDataExport_11-27-2026/Profile.csv", "First Name,Last Name\nMe,Myself\n");
        files.put("Basic_LinkedInDataExport_11-27-2026/messages.csv", MESSAGES);
        files.put("Basic_LinkedInDataExport_11-27-2026/Connections.csv", CONNECTIONS);
        return zip(files);
    }

    private ImportSummary run(ImportFormat format, byte[] content) {
        return kith.imports().run(me, format, content, ImportService.Options.NONE, ImportService.Progress.NONE);
    }

    @BothDatabases
    void linkedInsDataExportIsImportedAsItComes(TestDatabase test) {
        open(test);
        byte[] export = linkedInExport();

        ImportSummary connections = run(ImportFormat.LINKEDIN, export);
        ImportSummary messages = run(ImportFormat.LINKEDIN_MESSAGES, export);

        assertThat(connections.added()).isEqualTo(2);
        assertThat(kith.contacts().list(me, ContactFilter.ALL)).extracting(Contact::name).containsExactlyInAnyOrder("Ada Quill", "Bruno Lima");
        assertThat(messages.interactions()).isEqualTo(1);
    }

    @Test
    void aContactsFileIsTheOneFileOfItsKindInTheArchive() {
        byte[] vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Quill\r\nEND:VCARD\r\n".getBytes(StandardCharsets.UTF_8);
        Map<String, String> one = new LinkedHashMap<>();
        one.put("readme.txt", "hello");
        one.put("contacts/All Contacts.vcf", new String(vcf, StandardCharsets.UTF_8));
        one.put("__MACOSX/contacts/._All Contacts.vcf", "resource fork");

        assertThat(ZipArchive.unpacked(ImportFormat.VCARD, zip(one))).isEqualTo(vcf);
        assertThat(ZipArchive.unpacked(ImportFormat.CSV, vcf)).isSameAs(vcf);
        assertThatThrownBy(() -> ZipArchive.unpacked(ImportFormat.CSV, zip(one)))
                .isInstanceOf(ImportException.class)
                .hasMessage("the zip archive holds no .csv file: unzip it and give the file to import; nothing was imported");
        assertThatThrownBy(() -> ZipArchive.unpacked(ImportFormat.CSV, zip(Map.of("a.csv", "x", "b.csv", "y"))))
                .hasMessageContaining("the zip archive holds 2 .csv files (").hasMessageContaining("unzip it and give the one to import");
        assertThatThrownBy(() -> ZipArchive.unpacked(ImportFormat.LINKEDIN, zip(one)))
                .hasMessageStartingWith("the zip archive holds no Connections.csv: give LinkedIn's data export");
        // An archive of no files is one too, not a CSV file whose header is 'PK'.
        byte[] empty = zip(Map.of());
        assertThat(empty).hasSize(22);
        assertThatThrownBy(() -> ZipArchive.unpacked(ImportFormat.CSV, empty))
                .hasMessage("the zip archive holds no .csv file: unzip it and give the file to import; nothing was imported");
    }

    @Test
    void aDamagedOrOversizedArchiveIsRefusedInOneLine() {
        byte[] export = linkedInExport();
        byte[] cut = Arrays.copyOf(export, export.length / 2);

        assertThatThrownBy(() -> ZipArchive.unpacked(ImportFormat.LINKEDIN, cut))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("the file starts as a zip archive but cannot be read (")
                .hasMessageEndingWith("download or export it again, or unzip it and give the file inside; nothing was imported");
        assertThatThrownBy(() -> ZipArchive.unpacked(ImportFormat.LINKEDIN, zip(Map.of("export/Connections.csv", CONNECTIONS)), 100, 100))
                .hasMessageStartingWith("export/Connections.csv in the zip archive unpacks to more than");
        // Files passed over on the way count too: unpacking them costs as much.
        Map<String, String> padded = new LinkedHashMap<>();
        padded.put("pad.bin", "0".repeat(5000));
        padded.put("Connections.csv", CONNECTIONS);
        assertThatThrownBy(() -> ZipArchive.unpacked(ImportFormat.LINKEDIN, zip(padded), 10_000, 1000))
                .hasMessageStartingWith("the zip archive's other files unpack to more than it may hold");
        assertThat(ZipArchive.unpacked(ImportFormat.LINKEDIN, zip(padded), 10_000, 10_000)).hasSize(CONNECTIONS.getBytes(StandardCharsets.UTF_8).length);
        // The file itself has a limit of its own, lower on a server than the files passed over.
        assertThatThrownBy(() -> ZipArchive.unpacked(ImportFormat.LINKEDIN, zip(padded), 10, 10_000))
                .hasMessageStartingWith("Connections.csv in the zip archive unpacks to more than");
    }
}
