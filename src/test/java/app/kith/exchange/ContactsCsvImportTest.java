package app.kith.exchange;

import app.kith.OwnerFixture;
import app.kith.contact.Birthday;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactsCsvImportTest extends OwnerFixture {
    private List<Contact> stored(TestDatabase test) {
        return test.database().withHandle(handle -> kith.bulk().all(handle, me));
    }

    private ImportSummary importFixture(String name) {
        return importCsv(me, ContactsCsvTest.fixture(name));
    }

    private ImportSummary importCsv(long user, byte[] csv) {
        return kith.imports().run(user, ImportFormat.CSV, csv, ImportService.Options.NONE, ImportService.Progress.NONE);
    }

    @BothDatabases
    void googleContactsAreStoredWithTheirListsAndTags(TestDatabase test) {
        open(test);

        ImportSummary summary = importFixture("google-contacts.csv");

        assertThat(summary.format()).isEqualTo("Google Contacts CSV");
        assertThat(summary.added()).isEqualTo(5);
        assertThat(summary.skipped()).extracting(Skip::line).containsExactly(10L);
        List<Contact> contacts = stored(test);
        assertThat(contacts).extracting(Contact::name)
                .containsExactlyInAnyOrder("Ada Maria Quill", "Bruno Ferreira-Lima", "Northwind Traders", "someone@example.org", "Zoë Åberg");
        Contact ada = contacts.stream().filter(c -> c.name().equals("Ada Maria Quill")).findFirst().orElseThrow();
        assertThat(ada.emails()).containsExactly("ada.quill@example.com", "ada@example.org", "aq@example.net");
        assertThat(ada.phones()).containsExactly("+351 912 345 678", "+351 213 000 111", "+351 213 000 222");
        assertThat(ada.company()).isEqualTo("Quill & Co");
        assertThat(ada.title()).isEqualTo("Staff Engineer");
        assertThat(ada.city()).isEqualTo("Lisbon");
        assertThat(ada.country()).isEqualTo("Portugal");
        assertThat(ada.linkedinUrl()).isEqualTo("https://www.linkedin.com/in/ada-quill-0a1b2c");
        assertThat(ada.birthday()).isEqualTo(Birthday.parse("--03-15"));
        assertThat(ada.notes()).isEqualTo("Met at the \"Lisbon data\" meetup.\nLikes long walks.");
        assertThat(ada.tags()).containsExactlyInAnyOrder("Friends", "Mentors");
    }

    @BothDatabases
    void importingTheSameFileTwiceAddsNothing(TestDatabase test) {
        open(test);
        importFixture("google-contacts.csv");
        List<Contact> before = stored(test);

        ImportSummary again = importFixture("google-contacts.csv");

        assertThat(again.added()).isZero();
        assertThat(again.merged()).isZero();
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(stored(test)).isEqualTo(before);
    }

    @BothDatabases
    void outlooksWindows1252FileIsStoredWithItsAccents(TestDatabase test) {
        open(test);

        ImportSummary summary = importFixture("outlook-contacts.csv");

        assertThat(summary.format()).isEqualTo("Outlook CSV");
        assertThat(summary.added()).isEqualTo(3);
        assertThat(stored(test)).extracting(Contact::name).containsExactlyInAnyOrder("Émile Durand", "Renée A. Müller", "Café Zéphyr");
    }

    @BothDatabases
    void outlooksGermanFileIsStoredByItsGermanColumns(TestDatabase test) {
        open(test);

        ImportSummary summary = importFixture("outlook-contacts-german.csv");

        assertThat(summary.format()).isEqualTo("Outlook CSV");
        assertThat(summary.added()).isEqualTo(2);
        assertThat(stored(test)).extracting(Contact::name, Contact::city, Contact::emails)
                .containsExactlyInAnyOrder(tuple("Jürgen Weiß", "München", List.of("juergen.weiss@example.de", "jw@example.org")),
                        tuple("Anna Maria Schäfer", null, List.of("anna@example.de")));
    }

    @BothDatabases
    void aBrokenQuoteFailsWithItsLineAndWritesNothing(TestDatabase test) {
        open(test);

        assertThatThrownBy(() -> importFixture("google-contacts-broken-quote.csv"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("nothing was imported");
        assertThat(stored(test)).isEmpty();
    }

    @BothDatabases
    void kithsOwnCsvExportImportsBackIntoAnotherAccount(TestDatabase test) {
        open(test);
        kith.contacts().add(me, ContactChanges.builder().name("Zoë Åberg-Ng").emails(List.of("zoe@example.org", "z@example.net"))
                .phones(List.of("+44 20 7946 0000", "(020) 7946 0001")).company("Quill, Inc.").title("=Staff Engineer").city("Lisbon")
                .country("Portugal").linkedinUrl("https://www.linkedin.com/in/zoe-example").metOn(LocalDate.of(2024, 3, 15))
                .metHow("@ the \"data\" meetup").notes("Likes long walks,\nand tea.").birthday(Birthday.parse("--03-15"))
                .tags(List.of("rust", "+maps")).build());
        Contact bo = kith.contacts().add(me, ContactChanges.builder().name("Bo").emails(List.of("bo@example.org")).build());
        // An address as an older version kept it (no host name after the @): an import takes it as written.
        test.database().jdbi().useHandle(handle -> handle.execute("UPDATE contact_emails SET email = 'bo@intranet' WHERE contact_id = ?", bo.id()));
        Contact archived = kith.contacts().add(me, ContactChanges.named("Cy Archived"));
        kith.contacts().archive(me, archived.id(), true);
        byte[] csv = kith.exports().export(me, ExportFormat.CSV);
        long other = kith.accounts().createUser("grace", "correct horse battery").id();

        ImportSummary summary = importCsv(other, csv);

        assertThat(summary.format()).isEqualTo("Kith CSV");
        assertThat(summary.added()).isEqualTo(2);
        assertThat(summary.skipped()).extracting(Skip::reason)
                .containsExactly("archived in Kith (a JSON export and 'kith restore' keep archived contacts)");
        List<Contact> imported = test.database().withHandle(handle -> kith.bulk().all(handle, other));
        Contact zoe = imported.stream().filter(c -> c.name().equals("Zoë Åberg-Ng")).findFirst().orElseThrow();
        assertThat(zoe.emails()).containsExactly("zoe@example.org", "z@example.net");
        assertThat(imported.stream().filter(c -> c.name().equals("Bo")).findFirst().orElseThrow().emails()).containsExactly("bo@intranet");
        assertThat(zoe.phones()).containsExactly("+44 20 7946 0000", "(020) 7946 0001");
        assertThat(zoe.company()).isEqualTo("Quill, Inc.");
        assertThat(zoe.title()).isEqualTo("=Staff Engineer");
        assertThat(zoe.city()).isEqualTo("Lisbon");
        assertThat(zoe.country()).isEqualTo("Portugal");
        assertThat(zoe.linkedinUrl()).isEqualTo("https://www.linkedin.com/in/zoe-example");
        assertThat(zoe.metOn()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(zoe.metHow()).isEqualTo("@ the \"data\" meetup");
        assertThat(zoe.notes()).isEqualTo("Likes long walks,\nand tea.");
        assertThat(zoe.birthday()).isEqualTo(Birthday.parse("--03-15"));
        assertThat(zoe.tags()).containsExactlyInAnyOrder("rust", "+maps");

        ImportSummary again = importCsv(other, csv);
        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
    }

    @BothDatabases
    void twoRowsOfOneNameWithTwoJobsChangeNoJobWhenTheFileIsImportedAgain(TestDatabase test) {
        open(test);
        // Namesakes without an email, as an export holds after "Add anyway": one contact for both rows (a file's
        // rows of one name are one person), and the second row never moves them to its job, now or at a re-import.
        byte[] csv = ("Name,Emails,Phones,Company,Title,How we met\r\n"
                + "Mara Lindqvist,,,Northwind Labs,VP Engineering,\r\nMara Lindqvist,,,TestCo,,\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        importCsv(me, csv);
        ImportSummary again = importCsv(me, csv);

        assertThat(again.careerMoves()).isZero();
        assertThat(again.added()).isZero();
        assertThat(again.merged()).isZero();
        Contact mara = stored(test).stream().filter(c -> c.name().equals("Mara Lindqvist")).findFirst().orElseThrow();
        assertThat(mara.company()).isEqualTo("Northwind Labs");
        assertThat(kith.contacts().career(me, mara.id())).isEmpty();
    }

    @BothDatabases
    void aKithCsvWithColumnsTakenOutIsStillKithsAndARowWithoutANameTakesItsCompanys(TestDatabase test) {
        open(test);
        byte[] csv = ("Name,Emails,Phones,Company,How we met\r\n,ops@example.com,,Northwind Traders,\r\nAda,,'+1 555 0100,,'@ a meetup\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ImportSummary summary = importCsv(me, csv);

        assertThat(summary.format()).isEqualTo("Kith CSV");
        assertThat(summary.added()).isEqualTo(2);
        Contact northwind = stored(test).stream().filter(c -> c.name().equals("Northwind Traders")).findFirst().orElseThrow();
        assertThat(northwind.emails()).containsExactly("ops@example.com");
        Contact ada = stored(test).stream().filter(c -> c.name().equals("Ada")).findFirst().orElseThrow();
        assertThat(ada.phones()).containsExactly("+1 555 0100");
        assertThat(ada.metHow()).isEqualTo("@ a meetup");
    }

    @BothDatabases
    void aKithCsvWithABadMetOnDateFailsWithItsLineAndWritesNothing(TestDatabase test) {
        open(test);
        // The header of an export before the Strengths column: older files still import.
        String header = "Name,Emails,Phones,Company,Title,City,Country,Time zone,LinkedIn,Met on,How we met,Birthday,Tags,Circles,"
                + "Notes,Cadence,Last touch,Next due,Archived";
        byte[] csv = (header + "\r\nAda,,,,,,,,,2024-03-15,,,,,,,,,no\r\nBo,,,,,,,,,15 March 2024,,,,,,,,,no\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importCsv(me, csv))
                .isInstanceOf(ImportException.class)
                .hasMessage("line 3: '15 March 2024' under Met on is not a date like 2024-03-15; nothing was imported");
        assertThat(stored(test)).isEmpty();
    }
}
