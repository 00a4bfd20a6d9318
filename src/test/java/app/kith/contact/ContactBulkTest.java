package app.kith.contact;

import app.kith.OwnerFixture;
import app.kith.storage.BothDatabases;
import app.kith.storage.Dialect;
import app.kith.storage.TestDatabase;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inserting contacts by the thousand: afterwards they are found as if each had been added by hand. */
class ContactBulkTest extends OwnerFixture {
    private static List<ContactBulk.NewContact> people(String prefix, int count) {
        List<ContactBulk.NewContact> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(new ContactBulk.NewContact(new ContactBulk.Draft(prefix + " Person" + i, List.of(prefix + i + "@example.com"),
                    List.of("+1 555 " + i), "Firm" + i, null, null, null, null, null, null, null, null, null, List.of()), List.of(), 0.5, "Google Contacts CSV"));
        }
        return people;
    }

    private void insert(List<ContactBulk.NewContact> people) {
        kith.database().inTransaction(handle -> kith.bulk().insert(handle, me, people));
    }

    /** The schema's indexes and triggers, by name and SQL (SQLite only; PostgreSQL's stay untouched). */
    private List<String> schema(TestDatabase test) {
        if (test.dialect() != Dialect.SQLITE) {
            return List.of();
        }
        return kith.database().withHandle(handle -> handle.createQuery(
                        "SELECT name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")
                .mapTo(String.class).list());
    }

    /** Inserts, checking on the same connection that a load on SQLite gives back the page cache it enlarged. */
    private void insertKeepingTheCacheSize(TestDatabase test, List<ContactBulk.NewContact> people) {
        kith.database().inTransaction(handle -> {
            Integer before = test.dialect() == Dialect.SQLITE ? handle.createQuery("PRAGMA cache_size").mapTo(Integer.class).one() : null;
            try {
                return kith.bulk().insert(handle, me, people);
            } finally {
                if (before != null) {
                    assertThat(handle.createQuery("PRAGMA cache_size").mapTo(Integer.class).one()).isEqualTo(before);
                }
            }
        });
    }

    private List<String> found(String text) {
        return kith.contacts().search(me, new ContactService.Search(text, null, null, null, false, false), 0, 50)
                .contacts().stream().map(Contact::name).toList();
    }

    @BothDatabases
    void aBigInsertIntoAnEmptyBookIsSearchableAndKeepsEveryIndex(TestDatabase test) {
        open(test);
        List<String> before = schema(test);

        insertKeepingTheCacheSize(test, people("Big", 600));

        assertThat(schema(test)).isEqualTo(before);
        assertThat(found("firm417")).containsExactly("Big Person417");
        assertThat(kith.contacts().list(me, ContactFilter.ALL)).hasSize(600);
        int withEmail = kith.database().withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM contact_emails WHERE lower(email) = 'big599@example.com'").mapTo(Integer.class).one());
        assertThat(withEmail).isEqualTo(1);
    }

    @BothDatabases
    void aBigInsertIntoALargerBookIsSearchableToo(TestDatabase test) {
        open(test);
        insert(people("Old", 700));
        List<String> before = schema(test);

        insert(people("New", 300));

        assertThat(schema(test)).isEqualTo(before);
        assertThat(found("firm299")).containsExactlyInAnyOrder("Old Person299", "New Person299");
        assertThat(kith.contacts().list(me, ContactFilter.ALL)).hasSize(1000);
    }

    @BothDatabases
    void aContactInSeveralCirclesTakesTheShortestCadence(TestDatabase test) {
        open(test);
        List<Circle> circles = kith.circles().list(me); // shortest cadence first
        Circle shortest = circles.get(0);
        Circle longest = circles.get(circles.size() - 1);
        assertThat(shortest.cadence()).isLessThan(longest.cadence());
        ContactBulk.Draft fields = people("Both", 1).get(0).fields();

        insert(List.of(new ContactBulk.NewContact(fields, List.of(longest.id(), shortest.id()), 0.5, null)));

        String cadence = kith.database().withHandle(handle -> handle.createQuery("SELECT cadence FROM contacts")
                .mapTo(String.class).one());
        assertThat(cadence).isEqualTo(shortest.cadence().iso());
    }

    @BothDatabases
    void aBigInsertThatFailsLeavesTheSchemaAsItWas(TestDatabase test) {
        open(test);
        List<String> before = schema(test);
        List<ContactBulk.NewContact> people = new ArrayList<>(people("Big", 300));
        // A circle that does not exist breaks a foreign key at the end of the batch.
        people.add(new ContactBulk.NewContact(people.get(0).fields(), List.of(999_999L), 0.5, null));

        assertThatThrownBy(() -> insertKeepingTheCacheSize(test, people)).isInstanceOf(RuntimeException.class);

        assertThat(schema(test)).isEqualTo(before);
        assertThat(kith.contacts().list(me, ContactFilter.ALL)).isEmpty();
        assertThat(found("firm1")).isEmpty();
    }
}
