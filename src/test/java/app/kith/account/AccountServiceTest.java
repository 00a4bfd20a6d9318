package app.kith.account;

import app.kith.Kith;
import app.kith.contact.Circle;
import app.kith.shared.NotFoundException;
import app.kith.shared.ValidationException;
import app.kith.storage.BothDatabases;
import app.kith.storage.Database;
import app.kith.storage.Dialect;
import app.kith.storage.TestDatabase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class AccountServiceTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    @BothDatabases
    void firstUseCreatesTheOwnerWithTheDefaultCircles(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);

        Account owner = kith.accounts().actingAccount(null, "ada");

        assertThat(owner.username()).isEqualTo("ada");
        assertThat(owner.owner()).isTrue();
        assertThat(kith.circles().list(owner.id()))
                .extracting(Circle::name, circle -> circle.cadence().iso(), Circle::members)
                .containsExactly(
                        tuple("Mentors", "P1M", 0),
                        tuple("Current team", "P42D", 0),
                        tuple("Past teams", "P3M", 0),
                        tuple("Events & conferences", "P4M", 0),
                        tuple("Role models", "P6M", 0));
    }

    @BothDatabases
    void laterUsesActAsTheSameOwnerWithoutSeedingAgain(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        Account first = kith.accounts().actingAccount(null, "ada");

        Account again = kith.accounts().actingAccount(null, "someone-else");
        Account byName = kith.accounts().actingAccount("  ADA ", "someone-else");

        assertThat(again).isEqualTo(first);
        assertThat(byName).isEqualTo(first);
        assertThat(count(kith, "users")).isOne();
        assertThat(count(kith, "circles")).isEqualTo(5);
    }

    @BothDatabases
    void twoInstancesStartingAtOnceCreateOneOwner(TestDatabase test) throws Exception {
        Database second = test.dialect() == Dialect.SQLITE
                ? Database.openSqlite(test.dataDir().resolve("kith.db")) : Database.openPostgres(test.url());
        try {
            List<Kith> instances = List.of(new Kith(test.database(), clock), new Kith(second, clock));
            ExecutorService threads = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Account>> owners = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Kith kith = instances.get(i % 2);
                // Each instance would name the owner differently: still only one of them may create it.
                String defaultName = i % 2 == 0 ? "ada" : "bob";
                owners.add(threads.submit(() -> {
                    start.await();
                    return kith.accounts().actingAccount(null, defaultName);
                }));
            }
            start.countDown();
            threads.shutdown();
            Account first = owners.get(0).get(30, TimeUnit.SECONDS);
            for (Future<Account> owner : owners) {
                assertThat(owner.get(30, TimeUnit.SECONDS)).isEqualTo(first);
            }
            assertThat(count(instances.get(0), "users")).isOne();
            assertThat(count(instances.get(1), "circles")).isEqualTo(5);
        } finally {
            second.close();
        }
    }

    @BothDatabases
    void aNameGivenOnFirstUseNamesTheOwner(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);

        Account owner = kith.accounts().actingAccount("grace", "ada");

        assertThat(owner.username()).isEqualTo("grace");
        assertThat(owner.owner()).isTrue();
    }

    @BothDatabases
    void anUnknownAccountOnADatabaseWithAccountsFailsListingTheAccounts(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        kith.accounts().actingAccount(null, "ada");
        kith.database().useTransaction(handle -> handle.createUpdate("INSERT INTO users (username) VALUES ('bob')").execute());

        assertThatThrownBy(() -> kith.accounts().actingAccount("other", "ada"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'other'")
                .hasMessageContaining("ada, bob");
        assertThat(count(kith, "users")).isEqualTo(2);
    }

    @BothDatabases
    void aBadUsernameOnFirstUseIsRejectedAndCreatesNothing(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);

        assertThatThrownBy(() -> kith.accounts().actingAccount(null, "two words"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> kith.accounts().actingAccount("x".repeat(65), "ada"))
                .isInstanceOf(ValidationException.class);

        assertThat(count(kith, "users")).isZero();
        assertThat(count(kith, "circles")).isZero();
    }

    @BothDatabases
    void aNewAccountHasTheDefaultProfile(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        Account owner = kith.accounts().actingAccount(null, "ada");

        Profile profile = kith.accounts().profile(owner.id());

        assertThat(profile).isEqualTo(new Profile("ada", null, null, null, null, WorkHours.DEFAULT, 5));
    }

    @BothDatabases
    void aProfileUpdateChangesEveryFieldGiven(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = kith.accounts().actingAccount(null, "ada").id();
        WorkHours hours = new WorkHours(LocalTime.of(8, 30), LocalTime.of(16, 45));

        Profile updated = kith.accounts().updateProfile(me, new ProfileChanges(" Ada Lovelace ", "London", "UK",
                ZoneId.of("Europe/London"), hours, 12));

        Profile expected = new Profile("ada", "Ada Lovelace", "London", "UK", ZoneId.of("Europe/London"), hours, 12);
        assertThat(updated).isEqualTo(expected);
        assertThat(kith.accounts().profile(me)).isEqualTo(expected);
    }

    @BothDatabases
    void aProfileFieldIsOneLineWithoutControlCharacters(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = kith.accounts().actingAccount(null, "ada").id();
        Profile updated = kith.accounts().updateProfile(me, new ProfileChanges("a\u0001b", "Ber\nlin", "U\u001b[2JK", null, null, null));
        // A line break is a gap between words; another control character is dropped, as from every field.
        assertThat(updated.name()).isEqualTo("ab");
        assertThat(updated.city()).isEqualTo("Ber lin");
        assertThat(updated.country()).isEqualTo("U[2JK");
        assertThat(kith.accounts().updateProfile(me, new ProfileChanges("Ada \u001b Lovelace", null, null, null, null, null)).name())
                .isEqualTo("Ada Lovelace");
    }

    @BothDatabases
    void nullLeavesAProfileFieldAsItIsAndAnEmptyTextClearsIt(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = kith.accounts().actingAccount(null, "ada").id();
        kith.accounts().updateProfile(me, new ProfileChanges("Ada", "London", "UK", ZoneId.of("Europe/London"), null, 7));

        Profile updated = kith.accounts().updateProfile(me, new ProfileChanges(null, "", null, null, null, null));

        assertThat(updated).isEqualTo(new Profile("ada", "Ada", null, "UK", ZoneId.of("Europe/London"), WorkHours.DEFAULT, 7));
    }

    @BothDatabases
    void aDailyLimitOutsideOneToAHundredIsRejectedAndNothingChanges(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = kith.accounts().actingAccount(null, "ada").id();
        Profile before = kith.accounts().profile(me);

        for (int limit : new int[] {0, -3, 101}) {
            assertThatThrownBy(() -> kith.accounts().updateProfile(me,
                    new ProfileChanges("Changed", "Paris", "FR", ZoneId.of("Europe/Paris"), null, limit)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining(String.valueOf(limit));
            assertThat(kith.accounts().profile(me)).isEqualTo(before);
        }
    }

    @BothDatabases
    void aDailyLimitOfOneOrAHundredIsAccepted(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = kith.accounts().actingAccount(null, "ada").id();

        assertThat(kith.accounts().updateProfile(me, new ProfileChanges(null, null, null, null, null, 1)).dailyLimit()).isOne();
        assertThat(kith.accounts().updateProfile(me, new ProfileChanges(null, null, null, null, null, 100)).dailyLimit()).isEqualTo(100);
    }

    @BothDatabases
    void aTooLongFieldRejectsTheWholeProfileUpdate(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = kith.accounts().actingAccount(null, "ada").id();
        Profile before = kith.accounts().profile(me);

        assertThatThrownBy(() -> kith.accounts().updateProfile(me,
                new ProfileChanges("Ada", "c".repeat(201), "UK", ZoneId.of("Europe/London"), null, 9)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("city");

        assertThat(kith.accounts().profile(me)).isEqualTo(before);
    }

    @BothDatabases
    void eachAccountHasItsOwnProfile(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        long me = kith.accounts().actingAccount(null, "ada").id();
        long other = kith.database().inTransaction(handle ->
                handle.createQuery("INSERT INTO users (username) VALUES ('bob') RETURNING id").mapTo(Long.class).one());

        kith.accounts().updateProfile(other, new ProfileChanges("Bob", "Oslo", null, null, null, 3));

        assertThat(kith.accounts().profile(me).city()).isNull();
        assertThat(kith.accounts().profile(me).dailyLimit()).isEqualTo(5);
        assertThat(kith.accounts().profile(other).dailyLimit()).isEqualTo(3);
    }

    @BothDatabases
    void aSavedProfileShowsAtOnceOnEveryInstanceInTheProcess(TestDatabase test) {
        Kith one = new Kith(test.database(), clock);
        Kith two = new Kith(test.database(), clock);
        long me = one.accounts().actingAccount(null, "ada").id();
        assertThat(one.accounts().profile(me).dailyLimit()).isEqualTo(5);
        assertThat(two.accounts().profile(me).dailyLimit()).isEqualTo(5);

        one.accounts().updateProfile(me, new ProfileChanges(null, "Lisbon", null, ZoneId.of("Europe/Lisbon"), null, 9));

        // Each had just read the profile and remembers it; neither may show it as it was.
        assertThat(one.accounts().profile(me)).extracting(Profile::city, Profile::dailyLimit).containsExactly("Lisbon", 9);
        assertThat(two.accounts().profile(me)).extracting(Profile::city, Profile::zone).containsExactly("Lisbon", ZoneId.of("Europe/Lisbon"));
    }

    @BothDatabases
    void aProfileChangedByAnotherProcessShowsAtOnceOnSqliteAndWithinSecondsOnPostgresql(TestDatabase test) throws InterruptedException {
        Kith kith = new Kith(test.database(), clock);
        long me = kith.accounts().actingAccount(null, "ada").id();
        long start = System.nanoTime();
        assertThat(kith.accounts().profile(me).dailyLimit()).isEqualTo(5);

        // As another instance or a CLI command would: this process does not hear of it.
        test.database().useTransaction(handle -> handle.execute("UPDATE users SET daily_limit = 8 WHERE id = ?", me));
        int soon = kith.accounts().profile(me).dailyLimit();
        if (test.dialect() == Dialect.SQLITE) {
            assertThat(soon).as("a commit to the file ends the trust in the profile read before it").isEqualTo(8);
        } else if (System.nanoTime() - start < AccountService.REMEMBER_FOR.toNanos()) {
            assertThat(soon).as("the profile read just before is still trusted").isEqualTo(5);
        }

        long deadline = System.nanoTime() + AccountService.REMEMBER_FOR.multipliedBy(5).toNanos();
        while (kith.accounts().profile(me).dailyLimit() != 8 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(kith.accounts().profile(me).dailyLimit()).isEqualTo(8);
    }

    @BothDatabases
    void theProfileOfARemovedAccountIsNotFoundAtOnce(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        kith.accounts().actingAccount(null, "ada");
        long bob = kith.database().inTransaction(handle ->
                handle.createQuery("INSERT INTO users (username) VALUES ('bob') RETURNING id").mapTo(Long.class).one());
        assertThat(kith.accounts().profile(bob).dailyLimit()).isEqualTo(5);

        kith.accounts().remove("bob");

        assertThatThrownBy(() -> kith.accounts().profile(bob)).isInstanceOf(NotFoundException.class);
    }

    @BothDatabases
    void theProfileOfAnUnknownAccountIsNotFound(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);

        assertThatThrownBy(() -> kith.accounts().profile(42)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.accounts().updateProfile(42, new ProfileChanges("x", null, null, null, null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @BothDatabases
    void aCreatedUserIsAnOrdinaryAccountWithTheDefaultCirclesAndAPassword(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        kith.accounts().actingAccount(null, "ada");

        Account bob = kith.accounts().createUser(" bob ", "bob's passphrase");

        assertThat(bob.username()).isEqualTo("bob");
        assertThat(bob.owner()).isFalse();
        assertThat(kith.circles().list(bob.id())).hasSize(5);
        assertThat(kith.accounts().hasPassword(bob.id())).isTrue();
        assertThat(kith.accounts().get(bob.id())).isEqualTo(bob);
        assertThat(kith.accounts().byUsername("BOB")).contains(bob);
        String stored = kith.database().withHandle(handle -> handle.createQuery(
                "SELECT password_hash FROM users WHERE id = :id").bind("id", bob.id()).mapTo(String.class).one());
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("passphrase");
    }

    @BothDatabases
    void theFirstAccountCreatedOnAnEmptyDatabaseIsItsOwner(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);

        Account grace = kith.accounts().createUser("grace", "grace's passphrase");

        assertThat(grace.owner()).isTrue();
        assertThat(kith.accounts().actingAccount(null, "ada")).isEqualTo(grace);
    }

    @BothDatabases
    void aTakenUsernameInAnyCaseOrABadPasswordCreatesNothing(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        kith.accounts().actingAccount(null, "Ada");

        assertThatThrownBy(() -> kith.accounts().createUser("ADA", "a fine passphrase"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already an account named 'ADA'");
        assertThatThrownBy(() -> kith.accounts().createUser("bob", "short"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least 8");
        assertThatThrownBy(() -> kith.accounts().createUser("two words", "a fine passphrase"))
                .isInstanceOf(ValidationException.class);
        // Letters that show nothing (Hangul fillers) are letters to a pattern, but no name to read in a list.
        for (String blank : List.of("\u3164", "\u115F\u1160", "\uFFA0")) {
            assertThatThrownBy(() -> kith.accounts().createUser(blank, "a fine passphrase")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("cannot be a username");
        }

        assertThat(kith.accounts().list()).extracting(Account::username).containsExactly("Ada");
        assertThat(count(kith, "circles")).isEqualTo(5);
    }

    @BothDatabases
    void aUsernameIsComparedAndKeptInItsCompatibilityFormSoThatALookAlikeIsTheSameAccount(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        kith.accounts().actingAccount(null, "bob");
        // A full-width name looks like bob: it is bob, not a second account.
        assertThatThrownBy(() -> kith.accounts().createUser("\uFF42\uFF4F\uFF42", "a fine passphrase"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already an account named 'bob'");
        // An accent typed as a combining mark is a letter like the one typed whole.
        Account jose = kith.accounts().createUser("Jose\u0301", "a fine passphrase");
        assertThat(jose.username()).isEqualTo("Jos\u00E9");
        assertThat(kith.accounts().authenticate("Jos\u00E9", "a fine passphrase")).contains(jose);
        assertThat(kith.accounts().authenticate("Jose\u0301", "a fine passphrase")).contains(jose);
        assertThat(kith.accounts().byUsername("Jose\u0301")).contains(jose);
        // A name no account can hold finds none, and reaches no query (PostgreSQL takes no NUL).
        assertThat(kith.accounts().authenticate("b\u0000ob", "a fine passphrase")).isEmpty();
        assertThat(kith.accounts().byUsername("b\u0000ob")).isEmpty();
        assertThat(kith.accounts().list()).extracting(Account::username).containsExactlyInAnyOrder("bob", "Jos\u00E9");
    }

    @BothDatabases
    void anAccountNamedBeforeNamesWereKeptInCompatibilityFormIsStillFoundByItsName(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        kith.accounts().actingAccount(null, "ada");
        // As an older version kept a full-width name: as typed, not as bob.
        long legacy = test.database().jdbi().withHandle(handle -> handle.createQuery(
                "INSERT INTO users (username, is_owner) VALUES ('\uFF42\uFF4F\uFF42', false) RETURNING id").mapTo(Long.class).one());
        kith.accounts().setPassword(legacy, "bob's passphrase");
        assertThat(kith.accounts().byUsername("\uFF42\uFF4F\uFF42")).map(Account::id).contains(legacy);
        assertThat(kith.accounts().authenticate("\uFF42\uFF4F\uFF42", "bob's passphrase")).map(Account::id).contains(legacy);
        // In any case, as every name (ＢＯＢ).
        assertThat(kith.accounts().byUsername("\uFF22\uFF2F\uFF22")).map(Account::id).contains(legacy);
        // Typed as its compatibility form, it is not found: that name is free, and an account made with it since is
        // found by it, while the full-width name still finds the older account.
        assertThat(kith.accounts().byUsername("bob")).isEmpty();
        Account bob = kith.accounts().createUser("bob", "another passphrase");
        assertThat(kith.accounts().byUsername("bob")).contains(bob);
        assertThat(kith.accounts().authenticate("BOB", "another passphrase")).contains(bob);
        assertThat(kith.accounts().byUsername("\uFF42\uFF4F\uFF42")).map(Account::id).contains(legacy);
        assertThat(kith.accounts().authenticate("\uFF42\uFF4F\uFF42", "bob's passphrase")).map(Account::id).contains(legacy);
    }

    @BothDatabases
    void onlyTheRightPasswordAuthenticates(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        Account ada = kith.accounts().actingAccount(null, "ada");
        kith.accounts().setPassword(ada.id(), "ada's passphrase");

        assertThat(kith.accounts().authenticate(" ADA ", "ada's passphrase")).contains(ada);
        assertThat(kith.accounts().authenticate("ada", "ada's passphrasE")).isEmpty();
    }

    @BothDatabases
    void anUnknownUserOrOneWithoutAPasswordDoesNotAuthenticate(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        Account ada = kith.accounts().actingAccount(null, "ada");

        assertThat(kith.accounts().hasPassword(ada.id())).isFalse();
        assertThat(kith.accounts().authenticate("ada", "any passphrase")).isEmpty();
        assertThat(kith.accounts().authenticate("nobody", "any passphrase")).isEmpty();
        assertThat(kith.accounts().authenticate("", "any passphrase")).isEmpty();
        assertThat(kith.accounts().authenticate(null, null)).isEmpty();
    }

    @BothDatabases
    void aNewPasswordReplacesTheOldOne(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        Account ada = kith.accounts().actingAccount(null, "ada");
        kith.accounts().setPassword(ada.id(), "the first passphrase");

        kith.accounts().setPassword(ada.id(), "the second passphrase");

        assertThat(kith.accounts().authenticate("ada", "the first passphrase")).isEmpty();
        assertThat(kith.accounts().authenticate("ada", "the second passphrase")).contains(ada);
    }

    @BothDatabases
    void passwordsOfUnknownAccountsAreNotFound(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);

        assertThatThrownBy(() -> kith.accounts().setPassword(42, "a fine passphrase")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.accounts().hasPassword(42)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.accounts().get(42)).isInstanceOf(NotFoundException.class);
        assertThat(kith.accounts().byUsername("nobody")).isEmpty();
        assertThat(kith.accounts().byUsername(" ")).isEmpty();
    }

    @BothDatabases
    void accountsAreListedByUsername(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        kith.accounts().actingAccount(null, "mia");
        kith.database().useTransaction(handle -> handle.createUpdate(
                "INSERT INTO users (username) VALUES ('Zoe'), ('bob'), ('Ada')").execute());

        assertThat(kith.accounts().list())
                .extracting(Account::username, Account::owner)
                .containsExactly(tuple("Ada", false), tuple("bob", false), tuple("mia", true), tuple("Zoe", false));
    }

    @BothDatabases
    void removingAnAccountRemovesEverythingItHeld(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        Account ada = kith.accounts().actingAccount(null, "ada");
        kith.database().useTransaction(handle -> {
            long bob = handle.createQuery("INSERT INTO users (username) VALUES ('bob') RETURNING id").mapTo(Long.class).one();
            kith.circles().seedDefaults(handle, bob);
        });

        kith.accounts().remove("BOB");

        assertThat(kith.accounts().list()).containsExactly(ada);
        assertThat(count(kith, "circles")).isEqualTo(5);
    }

    @BothDatabases
    void theOwnerAndUnknownAccountsCannotBeRemoved(TestDatabase test) {
        Kith kith = new Kith(test.database(), clock);
        kith.accounts().actingAccount(null, "ada");

        assertThatThrownBy(() -> kith.accounts().remove("ada"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'ada' is the owner");
        assertThatThrownBy(() -> kith.accounts().remove("nobody"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'nobody'");
        assertThatThrownBy(() -> kith.accounts().remove(" ")).isInstanceOf(ValidationException.class);
        assertThat(count(kith, "users")).isOne();
    }

    private static int count(Kith kith, String table) {
        return kith.database().withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
    }
}
