package app.kith.agenda;

import app.kith.Kith;
import app.kith.account.ProfileChanges;
import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.interaction.Kind;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AgendaServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    private Kith kith;
    private long me;

    private void open(TestDatabase test) {
        kith = new Kith(test.database(), clock);
        me = kith.accounts().actingAccount(null, "ada").id();
    }

    @BothDatabases
    void theMostOverdueRelativeToTheirCadenceComeFirst(TestDatabase test) {
        open(test);
        // 24 days late on a yearly cadence is less pressing than 5 days late on a ten-day one.
        Contact yearly = every("Yearly Yara", "1y", LocalDate.of(2025, 3, 1));
        Contact tenDays = every("Ten-day Theo", "10d", null);
        Contact monthly = every("Monthly Mia", "1m", LocalDate.of(2026, 2, 10));

        Agenda agenda = kith.agenda().day(me, LocalDate.of(2026, 3, 25));

        assertThat(agenda.date()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(agenda.due())
                .extracting(Agenda.Entry::id, Agenda.Entry::dueOn, Agenda.Entry::overdueDays)
                .containsExactly(
                        tuple(tenDays.id(), LocalDate.of(2026, 3, 20), 5L),
                        tuple(monthly.id(), LocalDate.of(2026, 3, 10), 15L),
                        tuple(yearly.id(), LocalDate.of(2026, 3, 1), 24L));
        assertThat(agenda.waiting()).isZero();
    }

    @BothDatabases
    void anAgendaShowsAtMostTheDailyLimitAndCountsTheRestAsWaiting(TestDatabase test) {
        open(test);
        kith.accounts().updateProfile(me, new ProfileChanges(null, null, null, null, null, 2));
        for (int late = 1; late <= 5; late++) {
            every("Late " + late, "1m", TODAY.minusMonths(1).minusDays(late));
        }

        Agenda agenda = kith.agenda().day(me, TODAY);

        assertThat(agenda.limit()).isEqualTo(2);
        assertThat(agenda.due()).extracting(Agenda.Entry::name).containsExactly("Late 5", "Late 4");
        assertThat(agenda.waiting()).isEqualTo(3);
    }

    @BothDatabases
    void contactsNotYetDueUntrackedOrArchivedNeverAppear(TestDatabase test) {
        open(test);
        Contact dueToday = every("Due Today", "1m", TODAY.minusMonths(1));
        every("Due Tomorrow", "1m", TODAY.minusMonths(1).plusDays(1));
        kith.contacts().add(me, ContactChanges.named("Untracked"));
        Contact archived = every("Archived", "1m", TODAY.minusMonths(3));
        kith.contacts().archive(me, archived.id(), true);

        Agenda agenda = kith.agenda().day(me, TODAY);

        assertThat(agenda.due()).extracting(Agenda.Entry::id, Agenda.Entry::overdueDays).containsExactly(tuple(dueToday.id(), 0L));
        assertThat(agenda.waiting()).isZero();
    }

    @BothDatabases
    void aSnoozedContactLeavesTheAgendaUntilTheDayAfterTheSnooze(TestDatabase test) {
        open(test);
        Contact grace = every("Grace Hopper", "1m", TODAY.minusMonths(2));
        assertThat(kith.agenda().day(me, TODAY).due()).extracting(Agenda.Entry::id).containsExactly(grace.id());

        kith.contacts().snooze(me, grace.id(), TODAY.plusDays(3));

        assertThat(kith.agenda().day(me, TODAY).due()).isEmpty();
        assertThat(kith.agenda().day(me, TODAY.plusDays(3)).due()).isEmpty();
        assertThat(kith.agenda().day(me, TODAY.plusDays(4)).due()).extracting(Agenda.Entry::id).containsExactly(grace.id());
    }

    @BothDatabases
    void aTouchTakesTheContactOffTheAgenda(TestDatabase test) {
        open(test);
        Contact grace = every("Grace Hopper", "1m", TODAY.minusMonths(2));

        kith.interactions().log(me, List.of(grace.id()), Kind.COFFEE, TODAY, null);

        assertThat(kith.agenda().day(me, TODAY).due()).isEmpty();
        assertThat(kith.agenda().day(me, TODAY.plusMonths(1)).due()).extracting(Agenda.Entry::lastTouch).containsExactly(TODAY);
    }

    @BothDatabases
    void anAgendaShowsOnlyTheAccountsOwnContacts(TestDatabase test) {
        open(test);
        every("Mine", "1m", TODAY.minusMonths(2));
        long other = kith.database().inTransaction(handle -> {
            long id = handle.createQuery("INSERT INTO users (username) VALUES ('bob') RETURNING id").mapTo(Long.class).one();
            kith.circles().seedDefaults(handle, id);
            return id;
        });
        Contact theirs = kith.contacts().add(other, ContactChanges.builder().name("Theirs").every(Cadence.parse("1w")).build());

        assertThat(kith.agenda().day(me, TODAY.plusYears(1)).due()).extracting(Agenda.Entry::name).containsExactly("Mine");
        assertThat(kith.agenda().day(other, TODAY.plusYears(1)).due()).extracting(Agenda.Entry::id).containsExactly(theirs.id());
    }

    @BothDatabases
    void theSuggestionDependsOnWhereTheContactLives(TestDatabase test) {
        open(test);
        kith.accounts().updateProfile(me, new ProfileChanges(null, "Berlin", "DE", ZoneId.of("Europe/Berlin"), null, null));
        kith.contacts().add(me, ContactChanges.builder().name("Near Nina").city("berlin").country("DE")
                .timezone("Europe/Berlin").every(Cadence.parse("1d")).build());
        kith.contacts().add(me, ContactChanges.builder().name("Far Fred").city("New York").country("US")
                .timezone("America/New_York").every(Cadence.parse("1d")).build());
        kith.contacts().add(me, ContactChanges.builder().name("Unknown Una").every(Cadence.parse("1d")).build());

        Agenda agenda = kith.agenda().day(me, TODAY.plusDays(1));

        assertThat(agenda.due()).extracting(Agenda.Entry::name, entry -> entry.suggestion().format())
                .containsExactly(
                        tuple("Far Fred", Suggestion.Format.VIDEO),
                        tuple("Near Nina", Suggestion.Format.IN_PERSON),
                        tuple("Unknown Una", Suggestion.Format.MESSAGE));
        assertThat(agenda.due().get(0).suggestion().window()).hasToString("14:00-18:00");
        assertThat(agenda.due().get(1).suggestion().window()).hasToString("09:00-18:00");
        assertThat(agenda.due().get(2).suggestion().window()).isNull();
    }

    /** A contact on its own cadence, last touched on a day (or never). */
    private Contact every(String name, String cadence, LocalDate lastTouch) {
        Contact contact = kith.contacts().add(me, ContactChanges.builder().name(name).every(Cadence.parse(cadence)).build());
        if (lastTouch != null) {
            kith.interactions().log(me, List.of(contact.id()), Kind.CALL, lastTouch, null);
        }
        return kith.contacts().get(me, contact.id());
    }
}
