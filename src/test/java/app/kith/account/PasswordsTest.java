package app.kith.account;

import app.kith.shared.KithException;
import app.kith.shared.ValidationException;
import com.password4j.Argon2Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordsTest {
    private static final String EMOJI = "\uD83D\uDE00";
    private static Passwords passwords;
    private static String correctHorse;

    @BeforeAll
    static void hashOnce() {
        passwords = new Passwords();
        correctHorse = passwords.hash("correct horse battery staple");
    }

    @AfterAll
    static void close() {
        passwords.close();
    }

    @Test
    void aHashIsAnArgon2idPhcStringWithTheOwaspParameters() {
        assertThat(correctHorse).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void theDummyHashIsAWellFormedHashWithTheSameParameters() {
        // A malformed dummy would be rejected without any Argon2 work, and a miss would be told by its speed.
        Argon2Function dummy = Argon2Function.getInstanceFromHash(Passwords.DUMMY_HASH);
        assertThat(dummy.getMemory()).isEqualTo(Passwords.MEMORY_KIB);
        assertThat(dummy.getIterations()).isEqualTo(Passwords.ITERATIONS);
        assertThat(dummy.getParallelism()).isEqualTo(Passwords.PARALLELISM);
        assertThat(Passwords.DUMMY_HASH).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        assertThat(passwords.verify("correct horse battery staple", correctHorse)).isTrue();
        assertThat(passwords.verify("correct horse battery stapler", correctHorse)).isFalse();
        assertThat(passwords.verify("Correct horse battery staple", correctHorse)).isFalse();
    }

    @Test
    void aMalformedOrMissingHashMatchesNothing() {
        assertThat(passwords.verify("correct horse battery staple", "not a hash")).isFalse();
        assertThat(passwords.verify("correct horse battery staple", null)).isFalse();
        assertThat(passwords.verify(null, correctHorse)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        // Salted: two hashes of one password differ, and each still verifies.
        String again = passwords.hash("correct horse battery staple");
        assertThat(again).isNotEqualTo(correctHorse);
        assertThat(passwords.verify("correct horse battery staple", again)).isTrue();
    }

    @Test
    void passwordsOfSevenOrOf257CharactersAreRejected() {
        assertThatThrownBy(() -> passwords.hash("1234567"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least 8");
        assertThatThrownBy(() -> passwords.hash("x".repeat(257)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 256");
        assertThatThrownBy(() -> passwords.hash(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> passwords.hash(""))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least 8");
    }

    @Test
    void passwordsOfEightAnd256CharactersAreAccepted() {
        assertThat(passwords.verify("12345678", passwords.hash("12345678"))).isTrue();
        assertThat(passwords.hash("x".repeat(256))).startsWith("$argon2id$");
        // Spaces inside a passphrase are fine; a password of nothing else is not.
        assertThat(passwords.hash("  correct horse  ")).startsWith("$argon2id$");
        assertThatThrownBy(() -> passwords.hash(" ".repeat(8))).isInstanceOf(ValidationException.class)
                .hasMessage("the password is only spaces or characters that show nothing: use some letters, digits or signs too");
        for (String blank : List.of("\u3000".repeat(10), "\u200B".repeat(8), "\u3164".repeat(8), "\u00A0".repeat(8))) {
            assertThatThrownBy(() -> passwords.hash(blank)).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void anEmojiCountsAsOneCharacter() {
        // Seven characters but eight UTF-16 units: too short.
        assertThatThrownBy(() -> passwords.hash("123456" + EMOJI)).isInstanceOf(ValidationException.class);
        // 256 emoji are 512 UTF-16 units but 256 characters: long enough and not too long.
        String emoji = passwords.hash("1234567" + EMOJI);
        assertThat(passwords.verify("1234567" + EMOJI, emoji)).isTrue();
        assertThat(passwords.verify("1234567" + "\uD83D\uDE01", emoji)).isFalse();
        assertThat(passwords.hash(EMOJI.repeat(256))).startsWith("$argon2id$");
    }

    @Test
    void anAccentTypedAsOneOrTwoCodePointsIsTheSamePassword() {
        String composed = passwords.hash("caf\u00e9 au lait");
        assertThat(passwords.verify("cafe\u0301 au lait", composed)).isTrue();
    }

    @Test
    void aFullPoolTurnsRequestsAwayInsteadOfQueueingThemForever() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (Passwords small = new Passwords(1, 1)) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Boolean> busyThread = callers.submit(() -> small.inPool(() -> {
                running.countDown();
                return release.await(30, TimeUnit.SECONDS);
            }));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> queued = callers.submit(() -> small.hash("waiting in the queue"));
            while (small.waiting() == 0 && !queued.isDone()) {
                Thread.sleep(1);
            }
            assertThat(small.waiting()).isOne();

            assertThatThrownBy(() -> small.hash("one too many"))
                    .isInstanceOf(KithException.class)
                    .hasMessage("the server is busy: try again in a moment");
            assertThatThrownBy(() -> small.verify("one too many", correctHorse))
                    .isInstanceOf(KithException.class)
                    .hasMessageContaining("busy");

            release.countDown();
            assertThat(busyThread.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(small.verify("waiting in the queue", queued.get(10, TimeUnit.SECONDS))).isTrue();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aClosedPoolRefusesWork() {
        Passwords closed = new Passwords();
        closed.close();

        assertThatThrownBy(() -> closed.hash("correct horse battery staple")).isInstanceOf(IllegalStateException.class);
    }
}
