package app.kith.exchange;

import app.kith.OwnerFixture;
import app.kith.contact.Contact;
import app.kith.contact.ContactFilter;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;
import org.assertj.core.groups.Tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An import asked to skip bad rows leaves each out with its line and why and imports the rest; by default one fails it all. */
class BadRowsTest extends OwnerFixture {
    private static final String GOOGLE_HEADER = "First Name,Last Name,Birthday,E-mail 1 - Value";

    private static byte[] file(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private ImportSummary run(ImportFormat format, byte[] content, BadRows bad) {
        return kith.imports().run(me, format, content, new ImportService.Options(null, false, bad), ImportService.Progress.NONE);
    }

    private List<String> names() {
        return kith.contacts().list(me, ContactFilter.ALL).stream().map(Contact::name).sorted().toList();
    }

    @BothDatabases
    void aCsvsBadRowsAreLeftOutWithTheirLinesAndWhyAndTheRestIsImported(TestDatabase test) {
        open(test);
        byte[] csv = file(GOOGLE_HEADER,
                "Ada,Quill,1985-03-15,ada@example.com",
                "Bruno,Lima,the fifteenth,bruno@example.com",
                "Cora,Diaz,,not-an-address",
                "Dan,Roe,,dan@example.com,one cell too many",
                "Eve,Moss,--07-01,eve@example.com");

        ImportException refused = catchThrowableOfType(() -> run(ImportFormat.CSV, csv, BadRows.FAIL), ImportException.class);
        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.rowAlone()).isTrue();
        assertThat(names()).isEmpty();

        ImportSummary summary = run(ImportFormat.CSV, csv, BadRows.SKIP);

        assertThat(names()).containsExactly("Ada Quill", "Eve Moss");
        assertThat(summary.added()).isEqualTo(2);
        assertThat(summary.rows()).isEqualTo(5);
        assertThat(summary.skipped()).extracting(Skip::line).containsExactly(3L, 4L, 5L);
        assertThat(summary.skipped().get(0).reason()).startsWith("'the fifteenth' under Birthday is not a date");
        assertThat(summary.skipped().get(1).reason()).contains("'not-an-address' is not an email address");
        assertThat(summary.skipped().get(2).reason()).startsWith("this row has 5 cells where the header has 4");
        assertThat(summary.describe()).contains("line 3").contains("line 4").contains("line 5");
    }

    @BothDatabases
    void theFirstBadRowByLineIsToldThoughTheParserMeetsALaterOneFirst(TestDatabase test) {
        open(test);
        // A date that is not one is met as the file is read; an email that is not one, as its rows are checked after.
        byte[] csv = file(GOOGLE_HEADER,
                "Ada,Quill,,ada@example.com",
                "Cora,Diaz,,not-an-address",
                "Bruno,Lima,the fifteenth,bruno@example.com");

        ImportException refused = catchThrowableOfType(() -> run(ImportFormat.CSV, csv, BadRows.FAIL), ImportException.class);

        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused).hasMessageContaining("'not-an-address' is not an email address");
        assertThat(refused.rowAlone()).isTrue();
        assertThat(names()).isEmpty();
        // With the email put right, the date is told.
        byte[] corrected = file(GOOGLE_HEADER, "Ada,Quill,,ada@example.com", "Cora,Diaz,,cora@example.com",
                "Bruno,Lima,the fifteenth,bruno@example.com");
        assertThatThrownBy(() -> run(ImportFormat.CSV, corrected, BadRows.FAIL)).hasMessageStartingWith("line 4: 'the fifteenth' under Birthday");
    }

    @BothDatabases
    void aFileThatCannotBeReadOnFailsEvenWhenBadRowsAreSkipped(TestDatabase test) {
        open(test);
        byte[] csv = file(GOOGLE_HEADER, "Ada,Quill,,ada@example.com", "\"Bruno,Lima,,bruno@example.com", "Cora,Diaz,,cora@example.com");

        assertThatThrownBy(() -> run(ImportFormat.CSV, csv, BadRows.SKIP))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).rowAlone()).isFalse())
                .hasMessageContaining("never closed");
        assertThat(names()).isEmpty();
    }

    @BothDatabases
    void aBadCardOfABigVcardFileReadInPartsIsLeftOutAlone(TestDatabase test) {
        open(test);
        // Big enough to be read in parts on several cores (VCardImport.PART cards each).
        int cards = VCardImport.PART * 2 + 100;
        String text = IntStream.range(0, cards)
                .mapToObj(i -> "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person " + i + "\r\nEMAIL:"
                        + (i == 2500 ? "nobody-at-all" : "p" + i + "@example.com") + "\r\n" + (i == 3000 ? "BDAY:someday\r\n" : "") + "END:VCARD\r\n")
                .collect(Collectors.joining());
        byte[] vcf = text.getBytes(StandardCharsets.UTF_8);

        // The first bad card by line is told, though the file is read (and the date that is not one met) before
        // its cards are checked (and the email that is not one found).
        assertThatThrownBy(() -> run(ImportFormat.VCARD, vcf, BadRows.FAIL))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.rowAlone()).isTrue())
                .hasMessageStartingWith("line " + (2500 * 5 + 1) + ": in the card that starts there, 'nobody-at-all' is not an email");
        ImportSummary summary = run(ImportFormat.VCARD, vcf, BadRows.SKIP);

        assertThat(summary.added()).isEqualTo(cards - 2);
        assertThat(summary.skipped()).extracting(Skip::line).containsExactly(2500L * 5 + 1, 3000L * 5 + 1);
        assertThat(summary.skipped().get(0).reason()).startsWith("in the card that starts there, 'nobody-at-all' is not an email");
        assertThat(summary.skipped().get(1).reason()).startsWith("on line 15005 of the file, 'someday' under BDAY is not a date");
        assertThat(names()).hasSize(cards - 2).doesNotContain("Person 2500", "Person 3000");
    }

    @BothDatabases
    void aBadRowOfABigLinkedInFileReadInTurnIsLeftOutAlone(TestDatabase test) {
        open(test);
        int rows = 3500; // more than the 200,000 characters from which the file is read a part at a time
        String text = "Notes:\n\"When exporting your connection data...\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + IntStream.range(0, rows)
                .mapToObj(i -> "Member,Number" + i + ",https://www.linkedin.com/in/member-" + i + ",,Acme,Engineer,"
                        + (i == 2900 ? "31 Feb 2024" : "15 Mar 2024"))
                .collect(Collectors.joining("\n")) + "\n";
        assertThat(text.length()).isGreaterThan(200_000);
        byte[] csv = text.getBytes(StandardCharsets.UTF_8);

        ImportException refused = catchThrowableOfType(() -> run(ImportFormat.LINKEDIN, csv, BadRows.FAIL), ImportException.class);
        assertThat(refused.line()).isEqualTo(2900 + 5);
        assertThat(refused.rowAlone()).isTrue();
        ImportSummary summary = run(ImportFormat.LINKEDIN, csv, BadRows.SKIP);

        assertThat(summary.added()).isEqualTo(rows - 1);
        assertThat(summary.skipped()).extracting(Skip::line, Skip::reason)
                .containsExactly(Tuple.tuple(2905L, "'31 Feb 2024' under Connected On is not a date like 15 Mar 2024"));
    }

    @BothDatabases
    void aMessageOfABadDateIsLeftOutAndTheOthersBecomeTouches(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, file("First Name,Last Name,URL,Email Address,Company,Position,Connected On",
                "Ada,Quill,https://www.linkedin.com/in/ada-quill,,,,01 Jan 2025",
                "Sam,Rivera,https://www.linkedin.com/in/sam-rivera,,,,01 Jan 2025"), BadRows.FAIL);
        byte[] messages = file("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER",
                "1-a,,Ada Quill,https://www.linkedin.com/in/ada-quill,Me Myself,https://www.linkedin.com/in/me,2026-02-02 16:04:11 UTC,,Hi,INBOX",
                "1-b,,Me Myself,https://www.linkedin.com/in/me,Ada Quill,https://www.linkedin.com/in/ada-quill,yesterday,,Hello,INBOX",
                "2-a,,Sam Rivera,https://www.linkedin.com/in/sam-rivera,Me Myself,https://www.linkedin.com/in/me,2026-02-20 09:00:00 UTC,,Yo,INBOX",
                "2-b,,Me Myself,https://www.linkedin.com/in/me,Sam Rivera,https://www.linkedin.com/in/sam-rivera,2026-02-21 09:00:00 UTC,,Hey,INBOX");

        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN_MESSAGES, messages, BadRows.FAIL))
                .hasMessageStartingWith("line 3: 'yesterday' under DATE is not a time");
        ImportSummary summary = run(ImportFormat.LINKEDIN_MESSAGES, messages, BadRows.SKIP);

        assertThat(summary.rows()).isEqualTo(4);
        assertThat(summary.interactions()).isEqualTo(3);
        assertThat(summary.skipped()).extracting(Skip::line).containsExactly(3L);
        Contact ada = kith.contacts().list(me, ContactFilter.ALL).stream().filter(c -> c.name().equals("Ada Quill")).findFirst().orElseThrow();
        assertThat(ada.lastTouch()).isEqualTo(LocalDate.of(2026, 2, 2));
    }
}
