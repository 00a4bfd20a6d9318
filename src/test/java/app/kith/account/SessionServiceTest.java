package app.kith.account;

import app.kith.Kith;
import app.kith.storage.BothDatabases;
import app.kith.storage.Database;
import app.kith.storage.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionServiceTest {
    private static final Instant START = Instant.parse("2026-03-10T12:00:00Z");
    private final TestClock clock = new TestClock(START);

    @BothDatabases
    void aSessionIdIs43Base64UrlCharactersAndEveryOneDiffers(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = owner(kith);

        NewSession first = kith.sessions().start(me, false);
        NewSession second = kith.sessions().start(me, false);

        assertThat(first.id()).matches("[A-Za-z0-9_-]{43}");
        assertThat(first.session().csrfToken()).matches("[A-Za-z0-9_-]{43}");
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.session().csrfToken()).isNotEqualTo(first.session().csrfToken());
        assertThat(first.toString()).doesNotContain(first.id());
    }

    @BothDatabases
    void aStartedSessionIsFoundByItsId(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = owner(kith);

        NewSession started = kith.sessions().start(me, true);

        assertThat(kith.sessions().find(started.id())).contains(
                new Session(me, started.session().csrfToken(), true, START.plus(Duration.ofDays(14))));
    }

    @BothDatabases
    void theDatabaseKeepsOnlyAHashOfTheId(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        NewSession started = kith.sessions().start(owner(kith), false);

        List<Map<String, Object>> rows = test.database().withHandle(handle ->
                handle.createQuery("SELECT * FROM sessions").mapToMap().list());

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values()).noneMatch(value -> value != null && value.toString().contains(started.id()));
        assertThat(rows.get(0).get("id_hash")).isEqualTo(Tokens.sha256(started.id()));
    }

    @BothDatabases
    void unknownOrMalformedIdsFindNothing(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        kith.sessions().start(owner(kith), false);

        assertThat(kith.sessions().find(Tokens.random())).isEmpty();
        assertThat(kith.sessions().find("not a session")).isEmpty();
        assertThat(kith.sessions().find("")).isEmpty();
        assertThat(kith.sessions().find(null)).isEmpty();
    }

    @BothDatabases
    void aSessionLeftIdleFor12HoursLapses(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        String used = kith.sessions().start(owner(kith), false).id();
        String idle = kith.sessions().start(owner(kith), false).id();

        clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertThat(kith.sessions().find(used)).isPresent();
        clock.advance(Duration.ofSeconds(1));

        assertThat(kith.sessions().find(idle)).isEmpty();
        assertThat(kith.sessions().find(used)).isPresent();
    }

    @BothDatabases
    void aRememberedSessionLastsFourteenIdleDays(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        String used = kith.sessions().start(owner(kith), true).id();
        String idle = kith.sessions().start(owner(kith), true).id();
        String forgotten = kith.sessions().start(owner(kith), false).id();

        clock.advance(Duration.ofDays(13));
        assertThat(kith.sessions().find(forgotten)).isEmpty();
        assertThat(kith.sessions().find(used)).isPresent();
        clock.advance(Duration.ofDays(1));

        assertThat(kith.sessions().find(idle)).isEmpty();
        assertThat(kith.sessions().find(used)).isPresent();
    }

    @BothDatabases
    void usingASessionRestartsItsIdleTimeAtMostOnceAMinute(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        String id = kith.sessions().start(owner(kith), false).id();
        Instant firstExpiry = START.plus(Duration.ofHours(12));

        clock.advance(Duration.ofSeconds(30));
        assertThat(kith.sessions().find(id).orElseThrow().expiresAt()).isEqualTo(firstExpiry);
        assertThat(storedExpiry(test.database())).isEqualTo(firstExpiry);

        clock.advance(Duration.ofSeconds(31));
        Instant refreshed = START.plus(Duration.ofSeconds(61)).plus(Duration.ofHours(12));
        assertThat(kith.sessions().find(id).orElseThrow().expiresAt()).isEqualTo(refreshed);
        assertThat(storedExpiry(test.database())).isEqualTo(refreshed);

        // Kept in use, it outlives its first 12 hours.
        clock.advance(Duration.ofHours(11));
        assertThat(kith.sessions().find(id)).isPresent();
        clock.advance(Duration.ofHours(11));
        assertThat(kith.sessions().find(id)).isPresent();
    }

    @BothDatabases
    void startingASessionClearsLapsedOnes(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = owner(kith);
        kith.sessions().start(me, false);
        kith.sessions().start(me, true);

        clock.advance(Duration.ofDays(1));
        kith.sessions().start(me, false);

        assertThat(count(test.database())).isEqualTo(2);
    }

    @BothDatabases
    void anEndedSessionIsGoneAndTheOthersStay(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = owner(kith);
        String laptop = kith.sessions().start(me, false).id();
        String phone = kith.sessions().start(me, true).id();

        kith.sessions().end(laptop);
        kith.sessions().end("not a session");

        assertThat(kith.sessions().find(laptop)).isEmpty();
        assertThat(kith.sessions().find(phone)).isPresent();
    }

    @BothDatabases
    void endingAllOfAUsersSessionsLeavesOtherUsersSignedIn(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = owner(kith);
        long bob = addUser(test.database(), "bob");
        String laptop = kith.sessions().start(me, false).id();
        String phone = kith.sessions().start(me, true).id();
        String bobs = kith.sessions().start(bob, false).id();

        kith.sessions().endAll(me);

        assertThat(kith.sessions().find(laptop)).isEmpty();
        assertThat(kith.sessions().find(phone)).isEmpty();
        assertThat(kith.sessions().find(bobs)).isPresent();
    }

    @BothDatabases
    void settingAPasswordEndsTheUsersSessions(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = owner(kith);
        long bob = addUser(test.database(), "bob");
        String mine = kith.sessions().start(me, true).id();
        String bobs = kith.sessions().start(bob, true).id();

        kith.accounts().setPassword(me, "a new passphrase");

        assertThat(kith.sessions().find(mine)).isEmpty();
        assertThat(kith.sessions().find(bobs)).isPresent();
    }

    @BothDatabases
    void removingAnAccountEndsItsSessions(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        owner(kith);
        long bob = addUser(test.database(), "bob");
        String bobs = kith.sessions().start(bob, true).id();

        kith.accounts().remove("bob");

        assertThat(kith.sessions().find(bobs)).isEmpty();
        assertThat(count(test.database())).isZero();
    }

    @BothDatabases
    void whateverEndsASessionHereTakesEffectAtOnceThoughItWasJustFound(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = owner(kith);
        long bob = addUser(test.database(), "bob");
        long cy = addUser(test.database(), "cy");
        String signedOut = kith.sessions().start(me, false).id();
        String laptop = kith.sessions().start(me, false).id();
        String bobs = kith.sessions().start(bob, false).id();
        String cys = kith.sessions().start(cy, false).id();
        List<String> all = List.of(signedOut, laptop, bobs, cys);
        all.forEach(id -> assertThat(kith.sessions().find(id)).as("just started").isPresent());

        kith.sessions().end(signedOut);
        assertThat(kith.sessions().find(signedOut)).isEmpty();
        assertThat(kith.sessions().find(laptop)).isPresent();

        kith.accounts().setPassword(me, "a new passphrase");
        assertThat(kith.sessions().find(laptop)).isEmpty();
        assertThat(kith.sessions().find(bobs)).isPresent();

        kith.sessions().endAll(bob);
        assertThat(kith.sessions().find(bobs)).isEmpty();
        assertThat(kith.sessions().find(cys)).isPresent();

        kith.accounts().remove("cy");
        assertThat(kith.sessions().find(cys)).isEmpty();
    }

    @BothDatabases
    void anotherKithInTheSameProcessEndingASessionTakesEffectAtOnce(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        Kith other = new Kith(test.database(), clock);
        String id = kith.sessions().start(owner(kith), false).id();
        assertThat(kith.sessions().find(id)).isPresent();

        other.sessions().end(id);

        assertThat(kith.sessions().find(id)).isEmpty();
    }

    @BothDatabases
    void aSessionEndedByAnotherProcessIsHonouredForAtMostTwoSeconds(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        String id = kith.sessions().start(owner(kith), false).id();
        assertThat(kith.sessions().find(id)).isPresent();
        // As another instance or a CLI command would: straight in the database.
        test.database().useTransaction(handle -> handle.createUpdate("DELETE FROM sessions").execute());

        clock.advance(SessionService.REMEMBER_FOR.minusMillis(1));
        assertThat(kith.sessions().find(id)).as("remembered from a moment ago").isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(kith.sessions().find(id)).isEmpty();
    }

    @BothDatabases
    void aRememberedSessionStillRestartsItsIdleTimeOnceAMinuteAndStillLapses(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        String id = kith.sessions().start(owner(kith), false).id();
        for (int second = 0; second <= 61; second++) {
            assertThat(kith.sessions().find(id)).isPresent();
            clock.advance(Duration.ofSeconds(1));
        }
        // Refreshed by the look-up a minute after the start, as without remembering.
        assertThat(storedExpiry(test.database())).isEqualTo(START.plus(Duration.ofSeconds(60)).plus(Duration.ofHours(12)));

        String idle = kith.sessions().start(owner(kith), false).id();
        assertThat(kith.sessions().find(idle)).isPresent();
        clock.advance(Duration.ofHours(12));
        assertThat(kith.sessions().find(idle)).isEmpty();
    }

    private static long owner(Kith kith) {
        return kith.accounts().actingAccount(null, "ada").id();
    }

    static long addUser(Database database, String username) {
        return database.inTransaction(handle -> handle.createQuery("INSERT INTO users (username) VALUES (:username) RETURNING id")
                .bind("username", username)
                .mapTo(Long.class)
                .one());
    }

    private static Instant storedExpiry(Database database) {
        return Instant.ofEpochMilli(database.withHandle(handle ->
                handle.createQuery("SELECT expires_at FROM sessions").mapTo(Long.class).one()));
    }

    private static int count(Database database) {
        return database.withHandle(handle -> handle.createQuery("SELECT count(*) FROM sessions").mapTo(Integer.class).one());
    }
}
