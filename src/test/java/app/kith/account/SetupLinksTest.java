package app.kith.account;

import app.kith.Kith;
import app.kith.shared.NotFoundException;
import app.kith.shared.ValidationException;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetupLinksTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-03-10T12:00:00Z"));

    @BothDatabases
    void aSetupLinkSetsThePasswordOnceAndEndsTheUsersSessions(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long bob = SessionServiceTest.addUser(test.database(), "bob");
        String session = kith.sessions().start(bob, false).id();
        String token = kith.setupLinks().create(bob);

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(kith.setupLinks().userFor(token)).contains(bob);
        kith.setupLinks().use(token, "bob's new passphrase");

        assertThat(kith.accounts().authenticate("bob", "bob's new passphrase")).map(Account::id).contains(bob);
        assertThat(kith.setupLinks().userFor(token)).isEmpty();
        assertThat(kith.sessions().find(session)).isEmpty();
        assertThatThrownBy(() -> kith.setupLinks().use(token, "another passphrase"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("this setup link has been used or is no longer valid");
    }

    @BothDatabases
    void aPasswordSetAnotherWayRevokesTheLink(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long bob = SessionServiceTest.addUser(test.database(), "bob");
        String token = kith.setupLinks().create(bob);

        kith.accounts().setPassword(bob, "bob's own passphrase");

        // Whoever saw the link (a terminal's scrollback, a log) can no longer reset the password with it.
        assertThat(kith.setupLinks().userFor(token)).isEmpty();
        assertThatThrownBy(() -> kith.setupLinks().use(token, "someone else's passphrase"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("this setup link has been used or is no longer valid");
        assertThat(kith.accounts().authenticate("bob", "bob's own passphrase")).map(Account::id).contains(bob);
    }

    @BothDatabases
    void anUnknownTokenIsRefused(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);

        for (String token : new String[] {Tokens.random(), "short", "", null}) {
            assertThat(kith.setupLinks().userFor(token)).isEmpty();
            assertThatThrownBy(() -> kith.setupLinks().use(token, "a fine passphrase"))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageStartingWith("this setup link has been used or is no longer valid");
        }
    }

    @BothDatabases
    void aNewLinkLeavesTheEarlierOneWorkingUntilAPasswordIsSetThroughEither(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long bob = SessionServiceTest.addUser(test.database(), "bob");
        long carol = SessionServiceTest.addUser(test.database(), "carol");
        String first = kith.setupLinks().create(bob);
        String carols = kith.setupLinks().create(carol);

        // As a second instance of serve on the same database prints its own link: the first one's still works.
        String second = kith.setupLinks().create(bob);

        assertThat(second).isNotEqualTo(first);
        assertThat(kith.setupLinks().userFor(first)).contains(bob);
        assertThat(kith.setupLinks().userFor(second)).contains(bob);
        kith.setupLinks().use(second, "bob's new passphrase");
        assertThat(kith.setupLinks().userFor(first)).isEmpty();
        assertThatThrownBy(() -> kith.setupLinks().use(first, "someone else's passphrase")).isInstanceOf(NotFoundException.class);
        assertThat(kith.setupLinks().userFor(carols)).contains(carol);
    }

    @BothDatabases
    void aTooShortPasswordKeepsTheLinkUsable(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long bob = SessionServiceTest.addUser(test.database(), "bob");
        String token = kith.setupLinks().create(bob);

        assertThatThrownBy(() -> kith.setupLinks().use(token, "short")).isInstanceOf(ValidationException.class);

        assertThat(kith.setupLinks().userFor(token)).contains(bob);
        assertThat(kith.accounts().hasPassword(bob)).isFalse();
    }

    @BothDatabases
    void theDatabaseKeepsOnlyAHashOfTheToken(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        String token = kith.setupLinks().create(SessionServiceTest.addUser(test.database(), "bob"));

        List<String> stored = test.database().withHandle(handle ->
                handle.createQuery("SELECT token_hash FROM setup_tokens").mapTo(String.class).list());

        assertThat(stored).containsExactly(Tokens.sha256(token));
    }

    @BothDatabases
    void aLinkForAnUnknownUserIsNotFound(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);

        assertThatThrownBy(() -> kith.setupLinks().create(42)).isInstanceOf(NotFoundException.class);
    }

    @BothDatabases
    void removingTheUserRemovesTheirLink(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        kith.accounts().actingAccount(null, "ada");
        String token = kith.setupLinks().create(SessionServiceTest.addUser(test.database(), "bob"));

        kith.accounts().remove("bob");

        assertThat(kith.setupLinks().userFor(token)).isEmpty();
    }
}
