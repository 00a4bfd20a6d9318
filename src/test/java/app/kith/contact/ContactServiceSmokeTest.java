package app.kith.contact;

import app.kith.Kith;
import app.kith.account.Account;
import app.kith.interaction.Kind;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContactServiceSmokeTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    @BothDatabases
    void aTouchMovesTheDueDate(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        Account me = kith.accounts().actingAccount(null, "ada");
        Contact grace = kith.contacts().add(me.id(), ContactChanges.builder().name("Grace Hopper").circles(List.of("mentors")).build());
        assertThat(grace.dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));
        kith.interactions().log(me.id(), List.of(grace.id()), Kind.COFFEE, LocalDate.of(2026, 3, 9), "talked compilers");
        assertThat(kith.contacts().get(me.id(), grace.id()).dueOn()).isEqualTo(LocalDate.of(2026, 4, 9));
        assertThat(kith.agenda().day(me.id(), LocalDate.of(2026, 4, 9)).due()).extracting(e -> e.name()).containsExactly("Grace Hopper");
    }
}
