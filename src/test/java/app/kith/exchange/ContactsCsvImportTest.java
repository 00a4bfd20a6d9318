package app.kith.exchange;

import app.kith.OwnerFixture;
import app.kith.contact.Birthday;
import app.kith.contact.Contact;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactsCsvImportTest extends OwnerFixture {
    private List<Contact> stored(TestDatabase test) {
        return test.database().withHandle(handle -> kith.bulk().all(handle, me));
    }

    private ImportSummary importFixture(String name) {
        return kith.imports().run(me, ImportFormat.CSV, ContactsCsvTest.fixture(name), ImportService.Options.NONE,
                ImportService.Progress.NONE);
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
    void aBrokenQuoteFailsWithItsLineAndWritesNothing(TestDatabase test) {
        open(test);

        assertThatThrownBy(() -> importFixture("google-contacts-broken-quote.csv"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("nothing was imported");
        assertThat(stored(test)).isEmpty();
    }
}
