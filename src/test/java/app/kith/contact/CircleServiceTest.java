package app.kith.contact;

import app.kith.OwnerFixture;
import app.kith.interaction.Kind;
import app.kith.shared.NotFoundException;
import app.kith.shared.ValidationException;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CircleServiceTest extends OwnerFixture {
    @BothDatabases
    void aNewCircleIsListedByCadenceWithItsMemberCount(TestDatabase test) {
        open(test);
        Circle investors = kith.circles().add(me, "  Investors ", Cadence.parse("2m"));
        add("Vera", "Investors");
        add("Victor", "Investors", "Mentors");

        assertThat(investors.name()).isEqualTo("Investors");
        assertThat(investors.cadence().period()).isEqualTo(Period.ofMonths(2));
        assertThat(kith.circles().list(me))
                .extracting(Circle::name, Circle::members)
                .containsExactly(
                        tuple("Mentors", 1),
                        tuple("Current team", 0),
                        tuple("Investors", 2),
                        tuple("Past teams", 0),
                        tuple("Events & conferences", 0),
                        tuple("Role models", 0));
        // An archived contact is not counted, as the contact list filtered by the circle does not show them.
        kith.contacts().archive(me, add("Vanessa", "Investors").id(), true);
        assertThat(kith.circles().list(me)).filteredOn(circle -> circle.name().equals("Investors"))
                .extracting(Circle::members).containsExactly(2);
    }

    @BothDatabases
    void aRemovedCirclesNumberGoesToNoLaterCircle(TestDatabase test) {
        open(test);
        Circle team = kith.circles().add(me, "Team", Cadence.parse("2m"));
        kith.circles().remove(me, team.id());
        // A page still open on Team (another tab) edits or removes by its number: that must reach no other circle.
        Circle later = kith.circles().add(me, "Tmp", Cadence.parse("2m"));
        assertThat(later.id()).isGreaterThan(team.id());
        assertThatThrownBy(() -> kith.circles().get(me, team.id())).isInstanceOf(app.kith.shared.NotFoundException.class);
    }

    @BothDatabases
    void circleNamesAreUniqueWhateverTheirCase(TestDatabase test) {
        open(test);

        assertThatThrownBy(() -> kith.circles().add(me, "MENTORS", Cadence.parse("2w")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> kith.circles().add(me, " past teams ", Cadence.parse("2w")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> kith.circles().add(me, "Old\tfriends", Cadence.parse("2w")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("a circle's name is one line without tabs or control characters: 'Old friends' has some");
        assertThatThrownBy(() -> kith.circles().edit(me, "Mentors", "Men\ntors", null))
                .isInstanceOf(ValidationException.class);

        assertThat(kith.circles().list(me)).hasSize(5);
        assertThat(kith.database().withHandle(handle -> kith.circles().get(handle, me, "Mentors")).cadence().period())
                .isEqualTo(Period.ofMonths(1));
    }

    @BothDatabases
    void circleNamesInAnyAlphabetAreUniqueAndFoundWhateverTheirCase(TestDatabase test) {
        open(test);
        kith.circles().add(me, "Équipe", Cadence.parse("2w"));

        assertThatThrownBy(() -> kith.circles().add(me, "équipe", Cadence.parse("1m")))
                .isInstanceOf(ValidationException.class);
        Contact zoe = add("Zoé", "ÉQUIPE");
        add("Bob", "équipe");

        assertThat(zoe.circles()).containsExactly("Équipe");
        assertThat(zoe.dueOn()).isEqualTo(TODAY.plusWeeks(2));
        assertThat(kith.contacts().list(me, new ContactFilter("équipe", null, null, false, false))).hasSize(2);
        assertThat(kith.circles().list(me)).hasSize(6);

        // Accents aside it is the same circle too: not made twice, and found as typed without them.
        assertThatThrownBy(() -> kith.circles().add(me, "Equipe", Cadence.parse("1m")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("there is already a circle named 'Équipe'");
        assertThat(add("Cy", "equipe").circles()).containsExactly("Équipe");
        // Renamed onto itself without its accent, it stays one circle.
        assertThat(kith.circles().edit(me, "Équipe", "Equipe", null).name()).isEqualTo("Equipe");
        assertThat(kith.circles().list(me)).hasSize(6);
        assertThatThrownBy(() -> kith.circles().add(me, "Friends ::: family", Cadence.parse("1m")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("a circle's name cannot hold ':::', which parts a contact's circles in a CSV export: 'Friends ::: family' does");
    }

    @BothDatabases
    void renamingOntoAnotherCirclesNameIsRejectedAndChangesNothing(TestDatabase test) {
        open(test);

        assertThatThrownBy(() -> kith.circles().edit(me, "Past teams", "mentors", Cadence.parse("1w")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Mentors");

        assertThat(kith.circles().list(me)).extracting(Circle::name, circle -> circle.cadence().iso())
                .contains(tuple("Past teams", "P3M"), tuple("Mentors", "P1M"));
    }

    @BothDatabases
    void aCircleCanBeRenamedToAnotherCaseOfItsOwnName(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");

        Circle renamed = kith.circles().edit(me, "mentors", "MENTORS", null);

        assertThat(renamed.name()).isEqualTo("MENTORS");
        assertThat(renamed.members()).isOne();
        assertThat(stored(grace).circles()).containsExactly("MENTORS");
        assertThat(stored(grace).dueOn()).isEqualTo(grace.dueOn());
    }

    @BothDatabases
    void badCircleNamesAreRejected(TestDatabase test) {
        open(test);

        assertThatThrownBy(() -> kith.circles().add(me, "  ", Cadence.parse("1m"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> kith.circles().add(me, "c".repeat(101), Cadence.parse("1m"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> kith.circles().edit(me, "Mentors", "", null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> kith.circles().edit(me, "Mentors", "\u200B", null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("only characters that show nothing");

        assertThat(kith.circles().list(me)).extracting(Circle::name).contains("Mentors").hasSize(5);
        // A name an older version allowed (a restore brings it back) stands when sent again with a new cadence.
        test.database().useTransaction(handle -> handle.createUpdate("UPDATE circles SET name = :name WHERE user_id = :me AND name = 'Mentors'")
                .bind("name", "Old ::: Name").bind("me", me).execute());
        assertThat(kith.circles().edit(me, "Old ::: Name", "Old ::: Name", Cadence.parse("2w")).cadence()).isEqualTo(Cadence.parse("2w"));
    }

    @BothDatabases
    void reTimingACircleMovesItsMembersDueDatesInTheSameTransaction(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");
        Contact touched = add("Touched Tina", "Mentors");
        kith.interactions().log(me, List.of(touched.id()), Kind.VIDEO, LocalDate.of(2026, 3, 1), null);
        Contact own = kith.contacts().add(me, ContactChanges.builder()
                .name("Own Olav").circles(List.of("Mentors")).every(Cadence.parse("10d")).build());
        Contact shorter = add("Shorter Sam", "Mentors", "Current team");
        Contact outsider = add("Outsider Otto", "Past teams");

        Circle retimed = kith.circles().edit(me, "Mentors", null, Cadence.parse("2w"));

        assertThat(retimed.cadence().period()).isEqualTo(Period.ofDays(14));
        assertThat(stored(grace).cadence().period()).isEqualTo(Period.ofDays(14));
        assertThat(stored(grace).dueOn()).isEqualTo(TODAY.plusDays(14));
        assertThat(stored(touched).dueOn()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(stored(own).dueOn()).isEqualTo(TODAY.plusDays(10));
        assertThat(stored(shorter).dueOn()).isEqualTo(TODAY.plusDays(14));
        assertThat(stored(outsider)).isEqualTo(outsider);

        kith.circles().edit(me, "Mentors", null, Cadence.parse("1y"));
        assertThat(stored(grace).dueOn()).isEqualTo(TODAY.plusYears(1));
        assertThat(stored(shorter).dueOn()).isEqualTo(TODAY.plusWeeks(6));
    }

    @BothDatabases
    void reTimingACircleWithMoreMembersThanOneBatchMovesEveryDueDate(TestDatabase test) {
        open(test);
        int members = 1_100;
        kith.database().useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(
                    "INSERT INTO contacts (user_id, full_name, added_on) VALUES (:userId, :name, :addedOn)");
            for (int i = 0; i < members; i++) {
                batch.bind("userId", me).bind("name", "Member " + i).bind("addedOn", TODAY).add();
            }
            batch.execute();
            handle.createUpdate("""
                            INSERT INTO contact_circles (contact_id, circle_id)
                            SELECT k.id, c.id FROM contacts k JOIN circles c ON c.user_id = k.user_id AND c.name = 'Mentors'
                            """)
                    .execute();
        });

        kith.circles().edit(me, "Mentors", null, Cadence.parse("2w"));

        int moved = kith.database().withHandle(handle -> handle.createQuery("SELECT count(*) FROM contacts WHERE due_on = :due")
                .bind("due", TODAY.plusWeeks(2)).mapTo(Integer.class).one());
        assertThat(moved).isEqualTo(members);
    }

    @BothDatabases
    void renamingWithoutANewCadenceKeepsTheDueDates(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");

        Circle renamed = kith.circles().edit(me, "Mentors", "Advisers", null);

        assertThat(renamed.name()).isEqualTo("Advisers");
        assertThat(renamed.cadence().period()).isEqualTo(Period.ofMonths(1));
        assertThat(stored(grace).circles()).containsExactly("Advisers");
        assertThat(stored(grace).dueOn()).isEqualTo(grace.dueOn());
        assertThatThrownBy(() -> kith.circles().edit(me, "Mentors", null, Cadence.parse("1w")))
                .isInstanceOf(NotFoundException.class);
    }

    @BothDatabases
    void removingACircleLeavesItsMembersWhoFallBackToTheirOwnOrOtherCadence(TestDatabase test) {
        open(test);
        Contact only = add("Only Mentor", "Mentors");
        Contact both = add("Both Circles", "Mentors", "Past teams");
        Contact own = kith.contacts().add(me, ContactChanges.builder()
                .name("Own Cadence").circles(List.of("Mentors")).every(Cadence.parse("3w")).build());
        Contact outsider = add("Outsider", "Role models");

        // Only Mentor is left with no cadence: Both Circles keeps Past teams', Own Cadence its own.
        assertThat(kith.circles().remove(me, "mentors").untracked()).isEqualTo(1);

        assertThat(kith.circles().list(me)).extracting(Circle::name).doesNotContain("Mentors").hasSize(4);
        assertThat(count("contacts")).isEqualTo(4);
        assertThat(stored(only).circles()).isEmpty();
        assertThat(stored(only).cadence()).isNull();
        assertThat(stored(only).dueOn()).isNull();
        assertThat(stored(both).circles()).containsExactly("Past teams");
        assertThat(stored(both).dueOn()).isEqualTo(TODAY.plusMonths(3));
        assertThat(stored(own).dueOn()).isEqualTo(TODAY.plusWeeks(3));
        assertThat(stored(outsider)).isEqualTo(outsider);
    }

    @BothDatabases
    void anUnknownCircleIsNotFoundListingTheCircles(TestDatabase test) {
        open(test);

        assertThatThrownBy(() -> kith.circles().remove(me, "Investors"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Current team, Events & conferences, Mentors, Past teams, Role models");
        assertThatThrownBy(() -> kith.circles().edit(me, "Investors", "Funders", null))
                .isInstanceOf(NotFoundException.class);
        assertThat(kith.circles().list(me)).hasSize(5);
    }

    @BothDatabases
    void circlesBelongToOneAccount(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");
        long other = secondAccount("bob");
        Contact theirs = kith.contacts().add(other, ContactChanges.builder().name("Bob's mentor").circles(List.of("Mentors")).build());

        kith.circles().edit(other, "Mentors", null, Cadence.parse("1w"));
        kith.circles().add(other, "Investors", Cadence.parse("2m"));
        kith.circles().remove(other, "Role models");

        assertThat(stored(grace)).isEqualTo(grace);
        assertThat(kith.contacts().get(other, theirs.id()).dueOn()).isEqualTo(TODAY.plusWeeks(1));
        assertThat(kith.circles().list(me)).extracting(Circle::name, circle -> circle.cadence().iso(), Circle::members)
                .contains(tuple("Mentors", "P1M", 1), tuple("Role models", "P6M", 0))
                .hasSize(5);
        assertThat(kith.circles().add(me, "Investors", Cadence.parse("3m")).cadence().period()).isEqualTo(Period.ofMonths(3));
        assertThatThrownBy(() -> kith.circles().remove(other, "Role models")).isInstanceOf(NotFoundException.class);
    }

    private Contact add(String name, String... circles) {
        return kith.contacts().add(me, ContactChanges.builder().name(name).circles(List.of(circles)).build());
    }

    private Contact stored(Contact contact) {
        return kith.contacts().get(me, contact.id());
    }

    private int count(String table) {
        return kith.database().withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
    }

    private long secondAccount(String username) {
        return kith.database().inTransaction(handle -> {
            long id = handle.createQuery("INSERT INTO users (username) VALUES (:username) RETURNING id")
                    .bind("username", username).mapTo(Long.class).one();
            kith.circles().seedDefaults(handle, id);
            return id;
        });
    }
}
