package app.kith.interaction;

import app.kith.OwnerFixture;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.contact.ContactService;
import app.kith.shared.NotFoundException;
import app.kith.shared.ValidationException;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InteractionServiceTest extends OwnerFixture {
    @BothDatabases
    void aLoggedTouchMovesTheDueDate(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");

        Interaction coffee = kith.interactions().log(me, List.of(grace.id()), Kind.COFFEE, LocalDate.of(2026, 3, 9), "  talked compilers ");

        assertThat(coffee.on()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(coffee.kind()).isEqualTo(Kind.COFFEE);
        assertThat(coffee.note()).isEqualTo("talked compilers");
        assertThat(coffee.with()).containsExactly(new Interaction.Participant(grace.id(), "Grace Hopper"));
        assertThat(stored(grace).lastTouch()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 9));
    }

    @BothDatabases
    void aDeletedInteractionsNumberIsNeverGivenAgain(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");
        Interaction mistake = kith.interactions().log(me, List.of(grace.id()), Kind.COFFEE, TODAY, "wrong person");
        kith.interactions().delete(me, mistake.id());

        Interaction next = kith.interactions().log(me, List.of(grace.id()), Kind.CALL, TODAY, null);

        assertThat(next.id()).isGreaterThan(mistake.id());
        // A second delete of the same number (a command run again, an old Undo) finds nothing instead of the new touch.
        assertThatThrownBy(() -> kith.interactions().delete(me, mistake.id())).isInstanceOf(NotFoundException.class);
        assertThat(kith.interactions().timeline(me, grace.id())).extracting(Interaction::id).containsExactly(next.id());
    }

    @BothDatabases
    void aSocialReactionIsLoggedButDoesNotResetTheClock(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");
        kith.interactions().log(me, List.of(grace.id()), Kind.CALL, LocalDate.of(2026, 2, 1), null);

        Interaction like = kith.interactions().log(me, List.of(grace.id()), Kind.SOCIAL, TODAY, "liked a post");

        assertThat(kith.interactions().timeline(me, grace.id())).extracting(Interaction::id).first().isEqualTo(like.id());
        assertThat(stored(grace).lastTouch()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @BothDatabases
    void onlySocialReactionsLeaveAContactDueFromTheDayItWasAdded(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");

        kith.interactions().log(me, List.of(grace.id()), Kind.SOCIAL, TODAY, null);

        assertThat(stored(grace).lastTouch()).isNull();
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    }

    @BothDatabases
    void loggingAnOlderTouchKeepsTheLatestOne(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");
        kith.interactions().log(me, List.of(grace.id()), Kind.MEAL, LocalDate.of(2026, 3, 5), null);

        kith.interactions().log(me, List.of(grace.id()), Kind.EMAIL, LocalDate.of(2025, 12, 24), null);

        assertThat(stored(grace).lastTouch()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 5));
    }

    @BothDatabases
    void oneInteractionWithSeveralPeopleMovesEachOfTheirDueDates(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");
        Contact alan = kith.contacts().add(me, ContactChanges.builder().name("Alan Turing").circles(List.of("Role models")).build());
        Contact linus = kith.contacts().add(me, ContactChanges.named("Linus"));

        Interaction meeting = kith.interactions().log(me, List.of(grace.id(), alan.id(), linus.id(), grace.id()),
                Kind.MEETING, LocalDate.of(2026, 3, 2), null);

        assertThat(meeting.with()).extracting(Interaction.Participant::name).containsExactly("Alan Turing", "Grace Hopper", "Linus");
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(stored(alan).dueOn()).isEqualTo(LocalDate.of(2026, 9, 2));
        assertThat(stored(linus).lastTouch()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(stored(linus).dueOn()).isNull();
    }

    @BothDatabases
    void editingTheDateMovesTheDueDate(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");
        Interaction call = kith.interactions().log(me, List.of(grace.id()), Kind.CALL, LocalDate.of(2026, 3, 9), null);

        Interaction edited = kith.interactions().edit(me, call.id(), List.of(grace.id()), Kind.CALL, LocalDate.of(2026, 2, 20), "earlier");

        assertThat(edited.on()).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(edited.note()).isEqualTo("earlier");
        assertThat(stored(grace).lastTouch()).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @BothDatabases
    void editingThePeopleMovesTheAddedAndTheRemovedContact(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");
        Contact alan = add("Alan Turing");
        Interaction call = kith.interactions().log(me, List.of(grace.id()), Kind.CALL, LocalDate.of(2026, 3, 9), null);

        Interaction edited = kith.interactions().edit(me, call.id(), List.of(alan.id()), Kind.CALL, LocalDate.of(2026, 3, 9), null);

        assertThat(edited.with()).extracting(Interaction.Participant::id).containsExactly(alan.id());
        assertThat(stored(alan).lastTouch()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(stored(alan).dueOn()).isEqualTo(LocalDate.of(2026, 4, 9));
        assertThat(stored(grace).lastTouch()).isNull();
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(kith.interactions().timeline(me, grace.id())).isEmpty();
    }

    @BothDatabases
    void editingATouchIntoASocialReactionGivesBackThePreviousTouch(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");
        kith.interactions().log(me, List.of(grace.id()), Kind.EMAIL, LocalDate.of(2026, 2, 1), null);
        Interaction call = kith.interactions().log(me, List.of(grace.id()), Kind.CALL, LocalDate.of(2026, 3, 9), null);

        kith.interactions().edit(me, call.id(), List.of(grace.id()), Kind.SOCIAL, LocalDate.of(2026, 3, 9), null);

        assertThat(stored(grace).lastTouch()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @BothDatabases
    void deletingAnInteractionMovesTheDueDateBack(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");
        Contact alan = add("Alan Turing");
        kith.interactions().log(me, List.of(grace.id()), Kind.EMAIL, LocalDate.of(2026, 2, 1), null);
        Interaction lunch = kith.interactions().log(me, List.of(grace.id(), alan.id()), Kind.MEAL, LocalDate.of(2026, 3, 9), null);

        kith.interactions().delete(me, lunch.id());

        assertThat(stored(grace).lastTouch()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(stored(alan).lastTouch()).isNull();
        assertThat(stored(alan).dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(count("interactions")).isOne();
        assertThat(count("interaction_contacts")).isOne();
        assertThatThrownBy(() -> kith.interactions().delete(me, lunch.id())).isInstanceOf(NotFoundException.class);
    }

    @BothDatabases
    void aTouchAfterASnoozeStillWaitsForTheSnoozeToEnd(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");
        kith.contacts().snooze(me, grace.id(), LocalDate.of(2026, 5, 31));

        kith.interactions().log(me, List.of(grace.id()), Kind.VIDEO, TODAY, null);

        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 6, 1));
    }

    @BothDatabases
    void anUnknownContactWritesNoInteraction(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");

        assertThatThrownBy(() -> kith.interactions().log(me, List.of(grace.id(), grace.id() + 999), Kind.COFFEE, TODAY, null))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(String.valueOf(grace.id() + 999));

        assertThat(count("interactions")).isZero();
        assertThat(count("interaction_contacts")).isZero();
        assertThat(stored(grace)).isEqualTo(grace);
    }

    @BothDatabases
    void badInteractionsAreRejectedAndWriteNothing(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");

        assertThatThrownBy(() -> kith.interactions().log(me, List.of(), Kind.COFFEE, TODAY, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> kith.interactions().log(me, List.of(grace.id()), Kind.COFFEE, TODAY.plusDays(2), null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("future");
        assertThatThrownBy(() -> kith.interactions().log(me, List.of(grace.id()), Kind.COFFEE, LocalDate.of(1, 1, 1), null))
                .isInstanceOf(ContactService.InvalidField.class)
                .hasMessage("the date 0001-01-01 is before 1900: check its year");
        kith.interactions().delete(me, kith.interactions().log(me, List.of(grace.id()), Kind.COFFEE, LocalDate.of(1900, 1, 1), null).id());
        assertThatThrownBy(() -> kith.interactions().log(me, List.of(grace.id()), Kind.COFFEE, TODAY, "n".repeat(20_001)))
                .isInstanceOf(ValidationException.class);

        assertThat(count("interactions")).isZero();
        assertThat(stored(grace)).isEqualTo(grace);
    }

    @BothDatabases
    void aBadEditChangesNothing(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");
        Interaction call = kith.interactions().log(me, List.of(grace.id()), Kind.CALL, LocalDate.of(2026, 3, 9), "first");
        Contact afterCall = stored(grace);

        assertThatThrownBy(() -> kith.interactions().edit(me, call.id(), List.of(grace.id(), 9999L), Kind.MEAL,
                LocalDate.of(2026, 1, 1), "changed")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.interactions().edit(me, call.id(), List.of(grace.id()), Kind.MEAL,
                TODAY.plusDays(5), "changed")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> kith.interactions().edit(me, call.id(), List.of(), Kind.MEAL,
                TODAY, "changed")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> kith.interactions().edit(me, call.id() + 1, List.of(grace.id()), Kind.MEAL,
                TODAY, "changed")).isInstanceOf(NotFoundException.class);

        assertThat(kith.interactions().timeline(me, grace.id())).containsExactly(call);
        assertThat(stored(grace)).isEqualTo(afterCall);
    }

    @BothDatabases
    void anotherAccountCannotLogEditOrDeleteTheInteractions(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");
        Interaction call = kith.interactions().log(me, List.of(grace.id()), Kind.CALL, LocalDate.of(2026, 3, 9), "mine");
        long other = secondAccount("bob");
        Contact theirs = kith.contacts().add(other, ContactChanges.builder().name("Bob's friend").circles(List.of("Mentors")).build());

        assertThatThrownBy(() -> kith.interactions().log(other, List.of(theirs.id(), grace.id()), Kind.COFFEE, TODAY, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.interactions().log(me, List.of(theirs.id()), Kind.COFFEE, TODAY, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.interactions().edit(other, call.id(), List.of(theirs.id()), Kind.COFFEE, TODAY, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.interactions().delete(other, call.id())).isInstanceOf(NotFoundException.class);
        assertThat(kith.interactions().timeline(other, grace.id())).isEmpty();

        assertThat(count("interactions")).isOne();
        assertThat(kith.interactions().timeline(me, grace.id())).containsExactly(call);
        assertThat(kith.contacts().get(other, theirs.id()).lastTouch()).isNull();
    }

    @BothDatabases
    void theTimelineListsAContactsInteractionsNewestFirst(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");
        Contact alan = add("Alan Turing");
        Interaction older = kith.interactions().log(me, List.of(grace.id()), Kind.EMAIL, LocalDate.of(2026, 1, 15), null);
        Interaction newer = kith.interactions().log(me, List.of(grace.id(), alan.id()), Kind.EVENT, LocalDate.of(2026, 3, 1), "a meetup");
        Interaction sameDay = kith.interactions().log(me, List.of(grace.id()), Kind.MESSAGE, LocalDate.of(2026, 3, 1), null);
        kith.interactions().log(me, List.of(alan.id()), Kind.CALL, LocalDate.of(2026, 3, 5), null);

        assertThat(kith.interactions().timeline(me, grace.id())).extracting(Interaction::id)
                .containsExactly(sameDay.id(), newer.id(), older.id());
        assertThat(kith.interactions().timeline(me, grace.id()).get(1).with()).extracting(Interaction.Participant::name)
                .containsExactly("Alan Turing", "Grace Hopper");
    }

    private Contact add(String name) {
        return kith.contacts().add(me, ContactChanges.builder().name(name).circles(List.of("Mentors")).build());
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
