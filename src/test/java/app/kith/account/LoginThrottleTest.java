package app.kith.account;

import app.kith.Kith;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-03-10T12:00:00Z"));

    @BothDatabases
    void nineFailuresLockNothing(TestDatabase test) {
        LoginThrottle throttle = new Kith(test.database(), clock).throttle();

        fail(throttle, 9, "ada", "10.0.0.1");

        assertThat(throttle.lockedFor("ada", "10.0.0.1")).isEmpty();
    }

    @BothDatabases
    void tenFailuresLockTheAccountForEveryClientInAnyCase(TestDatabase test) {
        LoginThrottle throttle = new Kith(test.database(), clock).throttle();
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure(i % 2 == 0 ? "Ada" : " ada ", "10.0.0." + i);
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(throttle.lockedFor("ada", "192.168.1.1")).isPresent();
        assertThat(throttle.lockedFor("ADA", "10.0.0.1")).isPresent();
        assertThat(throttle.lockedFor("bob", "192.168.1.1")).isEmpty();
    }

    @BothDatabases
    void everySpellingThatFindsAnAccountCountsAgainstIt(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        kith.accounts().createUser("mika", "correct horse battery");
        LoginThrottle throttle = kith.throttle();
        // A capital dotted İ: PostgreSQL's lower() folds it to i, so MİKA signs in as mika there; Java's toLowerCase
        // keeps a combining dot, and a key made from the spelling counted these apart (ten more guesses per i).
        String dotted = "M\u0130KA";
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure(i % 2 == 0 ? "mika" : dotted, "10.0.0." + i);
        }
        boolean foundByDotted = kith.accounts().byUsername(dotted).isPresent();
        assertThat(throttle.lockedFor("mika", "192.168.1.1").isPresent()).as("found by " + dotted + ": " + foundByDotted)
                .isEqualTo(foundByDotted);
        assertThat(throttle.lockedFor(dotted, "192.168.1.1").isPresent()).isEqualTo(foundByDotted);
        // (Whether the database finds mika by MİKA depends on its locale: PostgreSQL's C.UTF-8 does, SQLite's lower() does not.)
        // Names of no account are keyed as given, in any case.
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure(i % 2 == 0 ? "nobody" : "NOBODY", "10.0.1." + i);
        }
        assertThat(throttle.lockedFor("Nobody", "192.168.1.1")).isPresent();
    }

    @BothDatabases
    void tenFailuresFromOneAddressLockItForEveryAccount(TestDatabase test) {
        LoginThrottle throttle = new Kith(test.database(), clock).throttle();
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("user" + i, "10.0.0.1");
        }

        assertThat(throttle.lockedFor("someone-new", "10.0.0.1")).isPresent();
        assertThat(throttle.lockedFor("user1", "10.0.0.2")).isEmpty();
    }

    @BothDatabases
    void theLockLastsUntilTheOldestCountedFailureIsFifteenMinutesOld(TestDatabase test) {
        LoginThrottle throttle = new Kith(test.database(), clock).throttle();
        throttle.recordFailure("ada", "10.0.0.1");
        clock.advance(Duration.ofMinutes(5));
        fail(throttle, 9, "ada", "10.0.0.1");

        assertThat(throttle.lockedFor("ada", "10.0.0.1")).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(4).plusSeconds(30));
        assertThat(throttle.lockedFor("ada", "10.0.0.1")).contains(Duration.ofMinutes(5).plusSeconds(30));
        clock.advance(Duration.ofMinutes(5).plusSeconds(30));

        // The first failure has left the window: nine remain, and the real user may try again.
        assertThat(throttle.lockedFor("ada", "10.0.0.1")).isEmpty();
        // One more failure makes ten again, until the nine from minute 5 leave at minute 20.
        throttle.recordFailure("ada", "10.0.0.1");
        assertThat(throttle.lockedFor("ada", "10.0.0.1")).contains(Duration.ofMinutes(5));
    }

    @BothDatabases
    void moreThanTenFailuresLockUntilFewerThanTenRemain(TestDatabase test) {
        LoginThrottle throttle = new Kith(test.database(), clock).throttle();
        for (int i = 0; i < 12; i++) {
            throttle.recordFailure("ada", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }

        // Failures at minutes 0..11, now minute 12: the third (minute 2) must leave, at minute 17.
        assertThat(throttle.lockedFor("ada", "10.0.0.1")).contains(Duration.ofMinutes(5));
    }

    @BothDatabases
    void failuresOlderThanTheWindowArePruned(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        fail(kith.throttle(), 10, "ada", "10.0.0.1");
        clock.advance(Duration.ofMinutes(15));

        kith.throttle().recordFailure("bob", "10.0.0.2");

        int rows = test.database().withHandle(handle ->
                handle.createQuery("SELECT count(*) FROM login_failures").mapTo(Integer.class).one());
        assertThat(rows).isOne();
        assertThat(kith.throttle().lockedFor("ada", "10.0.0.1")).isEmpty();
    }

    @Test
    void theWaitIsShownInWholeMinutesRoundedUp() {
        assertThat(LoginThrottle.minutesText(Duration.ofMinutes(15))).isEqualTo("15 minutes");
        assertThat(LoginThrottle.minutesText(Duration.ofMinutes(14).plusSeconds(1))).isEqualTo("15 minutes");
        assertThat(LoginThrottle.minutesText(Duration.ofSeconds(61))).isEqualTo("2 minutes");
        assertThat(LoginThrottle.minutesText(Duration.ofSeconds(60))).isEqualTo("1 minute");
        assertThat(LoginThrottle.minutesText(Duration.ofMillis(1))).isEqualTo("1 minute");
    }

    private static void fail(LoginThrottle throttle, int times, String username, String client) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(username, client);
        }
    }
    @BothDatabases
    void guessesSentAtOnceCannotPassTheLimitTogether(TestDatabase test) throws Exception {
        LoginThrottle throttle = new Kith(test.database(), clock).throttle();
        int guesses = 30;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> checked = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                checked.add(pool.submit(() -> {
                    start.await();
                    // Each guess is let through (and counted) or refused; none of them is right.
                    return throttle.begin("ada", "10.0.0.1").lockedFor().isEmpty();
                }));
            }
            start.countDown();
            int letThrough = 0;
            for (Future<Boolean> guess : checked) {
                letThrough += guess.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(letThrough).isEqualTo(LoginThrottle.MAX_FAILURES);
        } finally {
            pool.shutdownNow();
        }
    }

    @BothDatabases
    void aRightPasswordTakesItsAttemptBack(TestDatabase test) {
        LoginThrottle throttle = new Kith(test.database(), clock).throttle();
        fail(throttle, 9, "ada", "10.0.0.1");

        LoginThrottle.Attempt attempt = throttle.begin("ada", "10.0.0.1");
        assertThat(attempt.lockedFor()).isEmpty();
        // Counted while the password is checked...
        assertThat(throttle.lockedFor("ada", "10.0.0.2")).isPresent();
        throttle.succeeded(attempt);
        // ...and no longer once it was right.
        assertThat(throttle.lockedFor("ada", "10.0.0.2")).isEmpty();
    }
}
