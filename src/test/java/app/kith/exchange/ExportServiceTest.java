package app.kith.exchange;

import app.kith.account.Account;
import app.kith.account.ProfileChanges;

import app.kith.Kith;
import app.kith.contact.Circle;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.contact.ContactFilter;
import app.kith.interaction.Interaction;
import app.kith.shared.KithException;
import app.kith.shared.Weekdays;
import app.kith.storage.BothDatabases;
import app.kith.storage.Database;
import app.kith.storage.Dialect;
import app.kith.storage.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.RawProperty;
import ezvcard.property.Telephone;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportServiceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);

    private static String text(Kith kith, long userId, ExportFormat format) {
        return new String(kith.exports().export(userId, format), StandardCharsets.UTF_8);
    }

    private static long ada(Kith kith) {
        return kith.accounts().actingAccount(null, "ada").id();
    }

    @BothDatabases
    void theVcardIsReadBackByEzVcardWithEveryField(TestDatabase db) {
        Kith kith = new Kith(db.database(), CLOCK);
        long ada = ada(kith);
        ExportFixture.fill(kith, ada);

        List<VCard> cards = Ezvcard.parse(text(kith, ada, ExportFormat.VCARD)).all();

        assertThat(cards).hasSize(4);
        VCard zoe = cards.get(0);
        assertThat(zoe.getFormattedName().getValue()).isEqualTo("Zoë Ångström-Núñez");
        assertThat(zoe.getStructuredName().getGiven()).isEqualTo("Zoë");
        assertThat(zoe.getStructuredName().getFamily()).isEqualTo("Ångström-Núñez");
        assertThat(zoe.getEmails()).extracting(e -> e.getValue()).containsExactly("zoe@example.com", "z.angstrom@example.org");
        assertThat(zoe.getTelephoneNumbers()).extracting(Telephone::getText).containsExactly("+33 1 23 45 67 89", "020 7946 0958");
        assertThat(zoe.getOrganization().getValues()).containsExactly("Fjord Labs, Inc.");
        assertThat(zoe.getTitles().get(0).getValue()).isEqualTo("Head of Data; EMEA");
        assertThat(zoe.getNotes().get(0).getValue()).isEqualTo(ExportFixture.NOTES);
        assertThat(zoe.getUrls().get(0).getValue()).isEqualTo("https://www.linkedin.com/in/zoe-example");
        RawProperty social = zoe.getExtendedProperty("X-SOCIALPROFILE");
        assertThat(social.getValue()).isEqualTo("https://www.linkedin.com/in/zoe-example");
        assertThat(social.getParameters().getType()).isEqualTo("linkedin");
        assertThat(zoe.getBirthday().getDate()).isEqualTo(LocalDate.of(1990, 3, 15));
        assertThat(zoe.getAddresses().get(0).getLocality()).isEqualTo("Paris");
        assertThat(zoe.getAddresses().get(0).getCountry()).isEqualTo("France");
        assertThat(zoe.getCategories().getValues()).containsExactly("=1+1", "@sum", "mentor");

        VCard cy = cards.get(2);
        assertThat(cy.getStructuredName().getGiven()).isEqualTo("Cy");
        assertThat(cy.getStructuredName().getFamily()).isNull();
        VCard emile = cards.get(3);
        assertThat(emile.getFormattedName().getValue()).isEqualTo("Émile Photo");
        assertThat(emile.getBirthday().getPartialDate().getMonth()).isEqualTo(12);
        assertThat(emile.getBirthday().getPartialDate().getDate()).isEqualTo(24);
        assertThat(emile.getBirthday().getPartialDate().getYear()).isNull();
        assertThat(emile.getPhotos().get(0).getData()).isEqualTo(ExportFixture.PHOTO);
        assertThat(emile.getPhotos().get(0).getContentType().getMediaType()).isEqualTo("image/png");
        assertThat(emile.getOrganization().getValues()).containsExactly("New Co");
    }

    @BothDatabases
    void theCsvIsQuotedAndFormulasAreNeutralised(TestDatabase db) throws IOException {
        Kith kith = new Kith(db.database(), CLOCK);
        long ada = ada(kith);
        ExportFixture.fill(kith, ada);
        kith.contacts().add(ada, ContactChanges.builder().name("=1+1").notes("@sum").tags(List.of("-x")).build());

        String csv = text(kith, ada, ExportFormat.CSV);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).getRecords();

        assertThat(csv).startsWith("Name,Emails,Phones,Company,Title,");
        assertThat(csv).contains("\r\n");
        assertThat(rows).hasSize(5);
        CSVRecord zoe = rows.get(0);
        assertThat(zoe.get("Name")).isEqualTo("Zoë Ångström-Núñez");
        assertThat(zoe.get("Emails")).isEqualTo("zoe@example.com ::: z.angstrom@example.org");
        assertThat(zoe.get("Phones")).isEqualTo("'+33 1 23 45 67 89 ::: 020 7946 0958");
        assertThat(zoe.get("Company")).isEqualTo("Fjord Labs, Inc.");
        assertThat(zoe.get("Notes")).isEqualTo(ExportFixture.NOTES);
        assertThat(zoe.get("Tags")).isEqualTo("'=1+1 ::: @sum ::: mentor");
        assertThat(zoe.get("Circles")).isEqualTo("Mentors ::: Past teams");
        assertThat(zoe.get("Birthday")).isEqualTo("1990-03-15");
        assertThat(rows.get(1).get("Phones")).isEqualTo("'+1 555 0100");
        assertThat(rows.get(3).get("Birthday")).isEqualTo("'--12-24");
        CSVRecord formula = rows.get(4);
        assertThat(formula.get("Name")).isEqualTo("'=1+1");
        assertThat(formula.get("Notes")).isEqualTo("'@sum");
        assertThat(formula.get("Tags")).isEqualTo("'-x");
        assertThat(CsvExport.neutralised("\tx")).isEqualTo("'\tx");
        assertThat(CsvExport.neutralised("\rx")).isEqualTo("'\rx");
        assertThat(CsvExport.neutralised("x=1")).isEqualTo("x=1");
    }

    @BothDatabases
    void aJsonExportRestoredIntoAnEmptyDatabaseExportsByteIdentically(TestDatabase db, @TempDir Path folder) throws IOException {
        Kith kith = new Kith(db.database(), CLOCK);
        long ada = ada(kith);
        ExportFixture.fill(kith, ada);
        byte[] exported = kith.exports().export(ada, ExportFormat.JSON);
        assertThat(kith.exports().export(ada, ExportFormat.JSON)).isEqualTo(exported);
        Path file = Files.write(folder.resolve("export.json"), exported);

        try (TestDatabase empty = TestDatabase.create(db.dialect())) {
            Kith other = new Kith(empty.database(), CLOCK);
            // Read before the restore, so remembered: the restore must make it read again.
            assertThat(other.accounts().profile(ada(other)).dailyLimit()).isEqualTo(5);
            RestoreSummary summary = other.exports().restore(file, false, () -> ada(other));

            assertThat(summary.contacts()).isEqualTo(4);
            assertThat(summary.interactions()).isEqualTo(3);
            long restoredAda = ada(other);
            assertThat(new String(other.exports().export(restoredAda, ExportFormat.JSON), StandardCharsets.UTF_8))
                    .isEqualTo(new String(exported, StandardCharsets.UTF_8));
            // The id sequences moved on: new rows do not collide with restored ones.
            long added = other.contacts().add(restoredAda, ContactChanges.named("Newcomer")).id();
            assertThat(added).isEqualTo(5);
            other.interactions().log(restoredAda, List.of(added), app.kith.interaction.Kind.CALL, LocalDate.of(2026, 3, 1), null);
            assertThat(other.contacts().career(restoredAda, 4)).hasSize(1);
            assertThat(other.accounts().profile(restoredAda).dailyLimit()).isEqualTo(7);
            assertThat(other.accounts().profile(restoredAda).workDays()).isEqualTo(Weekdays.parse("mon,tue,wed,thu,sat"));

            // An export made before working days were kept: Monday to Friday, as everyone had then; every day comes back so.
            String older = new String(exported, StandardCharsets.UTF_8).replace("    \"workDays\": \"mon,tue,wed,thu,sat\",\n", "")
                    .replace("\"version\": 2,", "\"version\": 1,");
            assertThat(older).contains("\"version\": 1,");
            assertThat(older).doesNotContain("workDays");
            other.exports().restore(Files.writeString(folder.resolve("older.json"), older), true, () -> ada(other));
            assertThat(other.accounts().profile(ada(other)).workDays()).isEqualTo(Weekdays.MONDAY_TO_FRIDAY);
            other.accounts().updateProfile(ada(other), new ProfileChanges(null, null, null, null, null, null, false, Weekdays.ANY));
            byte[] everyDay = other.exports().export(ada(other), ExportFormat.JSON);
            assertThat(new String(everyDay, StandardCharsets.UTF_8)).contains("\"workDays\": \"any\"");
            kith.exports().restore(Files.write(folder.resolve("every-day.json"), everyDay), true, () -> ada);
            assertThat(kith.accounts().profile(ada).workDays()).isEqualTo(Weekdays.ANY);
        }
    }

    /**
     * A hand-made or hand-edited file gets what every form and import gives a value: control characters (an
     * escape sequence that a terminal would obey) out, one-line fields on one line, tags without repeats in any
     * case, a birthday's impossible year dropped; a value no change could store is refused, naming where it is.
     */
    @BothDatabases
    void aRestoreCleansAHandMadeFileAsEveryChangeIsCleaned(TestDatabase db, @TempDir Path folder) throws IOException {
        Kith kith = new Kith(db.database(), CLOCK);
        long ada = ada(kith);
        ExportFixture.fill(kith, ada);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(kith.exports().export(ada, ExportFormat.JSON));
        ObjectNode first = (ObjectNode) tree.withArray("contacts").get(0);
        long contactId = first.get("id").asLong();
        first.put("name", "  Mallory\u001b]0;owned\u0007\nBlack ");
        first.put("notes", "line one\r\nline\u001b[2J two\t ok\ud800");
        first.putArray("tags").add("Go").add("go").add("ru\nst").add("b,c");
        // Addresses an older version accepted, before one needed a host name after the @: a backup restores whole.
        first.putArray("emails").add("old;style@example").add("intranet@host");
        first.put("birthday", "+10000-03-15");
        first.put("days", "Weekends, Monday");
        ObjectNode interaction = (ObjectNode) tree.withArray("interactions").get(0);
        interaction.put("note", "said \u001b[31mhi\u001b[0m");
        interaction.put("sourceKey", "linkedin:c-\u00001:2026-01-01");
        tree.putArray("deletedImports").add("vcard:\u001b[2Jgone");
        ((ObjectNode) tree.get("user")).put("city", "Ber\nlin");
        // An older Kith kept a circle's name with a tab in it: it comes back with a space.
        ObjectNode circle = (ObjectNode) tree.withArray("circles").get(0);
        circle.put("name", "Old\tcrew");
        // Names that show nothing, which an older version allowed, come back as they were: no restore fails on them.
        ((ObjectNode) tree.withArray("circles").get(1)).put("name", "\u200B");
        ObjectNode second = (ObjectNode) tree.withArray("contacts").get(1);
        second.put("name", "\u3164");
        Path file = Files.write(folder.resolve("hand-made.json"), json.writeValueAsBytes(tree));

        try (TestDatabase empty = TestDatabase.create(db.dialect())) {
            Kith other = new Kith(empty.database(), CLOCK);
            long user = ada(other);
            other.exports().restore(file, false, () -> user);

            Contact restored = other.contacts().get(user, contactId);
            assertThat(restored.name()).isEqualTo("Mallory]0;owned Black");
            assertThat(restored.notes()).isEqualTo("line one\nline[2J two\t ok\ufffd");
            assertThat(restored.tags()).containsExactly("b", "c", "Go", "ru st");
            assertThat(restored.emails()).containsExactly("old;style@example", "intranet@host");
            // Keys are cleaned too: PostgreSQL can hold no NUL.
            List<String> keys = empty.database().withHandle(handle -> handle.createQuery(
                    "SELECT source_key FROM interactions WHERE source_key IS NOT NULL").mapTo(String.class).list());
            assertThat(keys).containsExactly("linkedin:c-1:2026-01-01");
            List<String> deleted = empty.database().withHandle(handle -> handle.createQuery("SELECT source_key FROM deleted_imports")
                    .mapTo(String.class).list());
            assertThat(deleted).containsExactly("vcard:[2Jgone");
            assertThat(restored.birthday().text()).isEqualTo("--03-15");
            // Days as a hand typed them are kept as the agenda asks for them.
            String days = empty.database().withHandle(handle -> handle.createQuery("SELECT contact_days FROM contacts WHERE id = :id")
                    .bind("id", contactId).mapTo(String.class).one());
            assertThat(days).isEqualTo("mon,sat,sun");
            assertThat(other.interactions().timeline(user, interaction.get("contacts").get(0).asLong()))
                    .filteredOn(touch -> touch.id() == interaction.get("id").asLong())
                    .extracting(Interaction::note).containsExactly("said [31mhi[0m");
            assertThat(other.accounts().profile(user).city()).isEqualTo("Ber lin");
            assertThat(other.circles().list(user)).extracting(Circle::name).contains("Old crew", "\u200B");
            assertThat(other.contacts().get(user, second.get("id").asLong()).name()).isEqualTo("\u3164");
        }

        ObjectNode tooLong = tree.deepCopy();
        ((ObjectNode) tooLong.withArray("contacts").get(0)).put("notes", "x".repeat(20_001));
        ObjectNode twice = tree.deepCopy();
        ((ObjectNode) twice.withArray("circles").get(1)).put("name", twice.withArray("circles").get(0).get("name").asText().toUpperCase());
        ObjectNode badCircle = tree.deepCopy();
        int circleId = badCircle.withArray("circles").get(0).get("id").asInt();
        ((ObjectNode) badCircle.withArray("circles").get(0)).put("name", "c".repeat(101));
        ObjectNode noLimit = tree.deepCopy();
        ((ObjectNode) noLimit.get("user")).put("dailyLimit", 0);
        ObjectNode ahead = tree.deepCopy();
        ((ObjectNode) ahead.withArray("contacts").get(0)).put("lastTouchOn", "2099-01-01");
        ObjectNode aheadTouch = tree.deepCopy();
        int interactionId = aheadTouch.withArray("interactions").get(0).get("id").asInt();
        ((ObjectNode) aheadTouch.withArray("interactions").get(0)).put("on", "2099-01-01");
        try (TestDatabase empty = TestDatabase.create(db.dialect())) {
            Kith other = new Kith(empty.database(), CLOCK);
            long user = ada(other);
            Path longFile = Files.write(folder.resolve("too-long.json"), json.writeValueAsBytes(tooLong));
            Path circleFile = Files.write(folder.resolve("bad-circle.json"), json.writeValueAsBytes(badCircle));
            Path twiceFile = Files.write(folder.resolve("twice.json"), json.writeValueAsBytes(twice));
            assertThatThrownBy(() -> other.exports().restore(twiceFile, false, () -> user)).isInstanceOf(KithException.class)
                    .hasMessageContaining("two circles are named 'OLD CREW' (in any case)").hasMessageContaining("nothing was restored");
            assertThatThrownBy(() -> other.exports().restore(longFile, false, () -> user)).isInstanceOf(KithException.class)
                    .hasMessageContaining("contact " + contactId + ": the note is too long (20001 characters): at most 20000")
                    .hasMessageContaining("nothing was restored");
            assertThatThrownBy(() -> other.exports().restore(circleFile, false, () -> user)).isInstanceOf(KithException.class)
                    .hasMessageContaining("circle " + circleId + ": a circle needs a name of 1 to 100 characters")
                    .hasMessageContaining("nothing was restored");
            Path aheadFile = Files.write(folder.resolve("ahead.json"), json.writeValueAsBytes(ahead));
            assertThatThrownBy(() -> other.exports().restore(aheadFile, false, () -> user)).isInstanceOf(KithException.class)
                    .hasMessageContaining("contact " + contactId + "'s last touch, 2099-01-01, is after today")
                    .hasMessageContaining("nothing was restored");
            Path aheadTouchFile = Files.write(folder.resolve("ahead-touch.json"), json.writeValueAsBytes(aheadTouch));
            assertThatThrownBy(() -> other.exports().restore(aheadTouchFile, false, () -> user)).isInstanceOf(KithException.class)
                    .hasMessageContaining("interaction " + interactionId + "'s day, 2099-01-01, is after today: correct it to the day it happened")
                    .hasMessageContaining("nothing was restored");
            Path limitFile = Files.write(folder.resolve("no-limit.json"), json.writeValueAsBytes(noLimit));
            assertThatThrownBy(() -> other.exports().restore(limitFile, false, () -> user)).isInstanceOf(KithException.class)
                    .hasMessageContaining("the account: the daily limit must be from 1 to 100, not 0")
                    .hasMessageContaining("nothing was restored");
            assertThat(other.contacts().list(user, ContactFilter.ALL)).isEmpty();
        }
    }

    @BothDatabases
    void aRestoreWorksOutDueDatesAgainRatherThanTrustTheFile(TestDatabase db, @TempDir Path folder) throws IOException {
        Kith kith = new Kith(db.database(), CLOCK);
        long ada = ada(kith);
        ExportFixture.fill(kith, ada);
        String exported = new String(kith.exports().export(ada, ExportFormat.JSON), StandardCharsets.UTF_8);
        String edited = exported.replaceAll("(\"dueOn\"\\s*:\\s*)\"\\d{4}-\\d{2}-\\d{2}\"", "$1\"2020-01-01\"");
        assertThat(edited).isNotEqualTo(exported).contains("2020-01-01");
        Path file = Files.writeString(folder.resolve("edited.json"), edited);

        try (TestDatabase empty = TestDatabase.create(db.dialect())) {
            Kith other = new Kith(empty.database(), CLOCK);
            other.exports().restore(file, false, () -> ada(other));

            assertThat(new String(other.exports().export(ada(other), ExportFormat.JSON), StandardCharsets.UTF_8)).isEqualTo(exported);
        }
    }

    @Test
    void aJsonExportFromSqliteRestoredIntoPostgresqlExportsByteIdentically(@TempDir Path folder) throws IOException {
        try (TestDatabase sqlite = TestDatabase.create(Dialect.SQLITE); TestDatabase postgres = TestDatabase.create(Dialect.POSTGRESQL)) {
            Kith from = new Kith(sqlite.database(), CLOCK);
            long ada = ada(from);
            ExportFixture.fill(from, ada);
            byte[] exported = from.exports().export(ada, ExportFormat.JSON);
            Path file = Files.write(folder.resolve("export.json"), exported);

            Kith to = new Kith(postgres.database(), CLOCK);
            to.exports().restore(file, false, () -> ada(to));

            assertThat(new String(to.exports().export(ada(to), ExportFormat.JSON), StandardCharsets.UTF_8))
                    .isEqualTo(new String(exported, StandardCharsets.UTF_8));
        }
    }

    @BothDatabases
    void aBackupIsConsistentWhileASecondConnectionWrites(TestDatabase db, @TempDir Path folder) throws Exception {
        Kith kith = new Kith(db.database(), CLOCK);
        long ada = ada(kith);
        ExportFixture.fill(kith, ada);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch writing = new CountDownLatch(20);
        Thread writer = new Thread(() -> {
            try (Database second = db.dialect() == Dialect.SQLITE ? Database.openSqlite(db.dataDir().resolve("kith.db")) : Database.openPostgres(db.url())) {
                Kith writerKith = new Kith(second, CLOCK);
                for (int i = 0; !stop.get(); i++) {
                    writerKith.contacts().add(ada, ContactChanges.builder().name("Writer " + i).emails(List.of("writer" + i + "@example.com"))
                            .tags(List.of("written")).build());
                    writing.countDown();
                }
            } catch (Throwable e) {
                failure.set(e);
                while (writing.getCount() > 0) {
                    writing.countDown();
                }
            }
        });
        writer.start();
        assertThat(writing.await(60, TimeUnit.SECONDS)).isTrue();
        Path backup = folder.resolve(db.dialect() == Dialect.SQLITE ? "backup.db" : "backup.json");
        kith.exports().backup(backup);
        stop.set(true);
        writer.join();
        assertThat(failure.get()).isNull();

        assertThatThrownBy(() -> kith.exports().backup(backup)).isInstanceOf(KithException.class).hasMessageContaining("already exists");
        try (TestDatabase empty = TestDatabase.create(db.dialect())) {
            Kith restored = new Kith(empty.database(), CLOCK);
            RestoreSummary summary = restored.exports().restore(backup, false, () -> {
                throw new AssertionError("a backup names its own accounts");
            });
            assertThat(summary.contacts()).isGreaterThanOrEqualTo(24);
            long restoredAda = ada(restored);
            UserExport data = restored.exports().snapshot(restoredAda);
            // Every contact came whole: a writer's contact with its email and tag, never without.
            data.contacts().stream().filter(c -> c.name().startsWith("Writer ")).forEach(c -> {
                assertThat(c.emails()).containsExactly(c.name().replace("Writer ", "writer") + "@example.com");
                assertThat(c.tags()).containsExactly("written");
            });
            assertThat(restored.accounts().authenticate("ada", "no password")).isEmpty();
        }
    }

    @BothDatabases
    void aBackupBringsBackEveryAccountWithItsPassword(TestDatabase db, @TempDir Path folder) {
        Kith kith = new Kith(db.database(), CLOCK);
        long ada = ada(kith);
        ExportFixture.fill(kith, ada);
        long bob = kith.accounts().createUser("bob", "bob's long password").id();
        kith.contacts().add(bob, ContactChanges.named("Bob's friend"));
        Path backup = folder.resolve("backup");
        kith.exports().backup(backup);

        try (TestDatabase empty = TestDatabase.create(db.dialect())) {
            Kith restored = new Kith(empty.database(), CLOCK);
            RestoreSummary summary = restored.exports().restore(backup, false, () -> {
                throw new AssertionError("a backup names its own accounts");
            });

            assertThat(summary.accounts()).isEqualTo(2);
            assertThat(restored.accounts().authenticate("bob", "bob's long password")).isPresent();
            long restoredBob = restored.accounts().byUsername("bob").orElseThrow().id();
            assertThat(restored.exports().snapshot(restoredBob).contacts()).extracting(UserExport.ContactEntry::name).containsExactly("Bob's friend");
            assertThat(restored.exports().export(ada(restored), ExportFormat.JSON)).isEqualTo(kith.exports().export(ada, ExportFormat.JSON));
        }
    }

    @BothDatabases
    void aBackupReplacesTheEmptyOwnerMadeOnFirstUse(TestDatabase db, @TempDir Path folder) {
        Kith kith = new Kith(db.database(), CLOCK);
        long ada = ada(kith);
        ExportFixture.fill(kith, ada);
        Path backup = folder.resolve("backup");
        kith.exports().backup(backup);

        try (TestDatabase target = TestDatabase.create(db.dialect())) {
            Kith other = new Kith(target.database(), CLOCK);
            long carol = other.accounts().actingAccount(null, "carol").id(); // a first command before the restore makes its owner
            assertThat(other.accounts().profile(carol).dailyLimit()).isEqualTo(5); // and its profile is remembered

            RestoreSummary summary = other.exports().restore(backup, false, () -> {
                throw new AssertionError("a backup names its own accounts");
            });

            assertThat(other.accounts().list()).extracting(Account::username, Account::owner).containsExactly(tuple("ada", true));
            assertThat(other.accounts().actingAccount(null, "carol").username()).isEqualTo("ada");
            // The restored owner's profile, not the one remembered from before (on SQLite they share an id).
            assertThat(other.accounts().profile(ada(other)).dailyLimit()).isEqualTo(7);
            // Said on both: on SQLite the backup's file replaces the database whole, carol with it.
            assertThat(summary.removedAccounts()).containsExactly("carol");
            assertThat(summary.describe()).endsWith("Removed the empty account carol, which the backup does not hold.");
        }
    }

    @Test
    void aForcedJsonBackupKeepsOtherAccountsWithDataButNotAsOwner(@TempDir Path folder) {
        try (TestDatabase source = TestDatabase.create(Dialect.POSTGRESQL); TestDatabase target = TestDatabase.create(Dialect.POSTGRESQL)) {
            Kith kith = new Kith(source.database(), CLOCK);
            ExportFixture.fill(kith, ada(kith));
            Path backup = folder.resolve("backup.json");
            kith.exports().backup(backup);
            Kith other = new Kith(target.database(), CLOCK);
            long dave = other.accounts().actingAccount(null, "dave").id();
            other.contacts().add(dave, ContactChanges.named("Dave's friend"));

            RestoreSummary summary = other.exports().restore(backup, true, () -> dave);

            assertThat(summary.removedAccounts()).isEmpty();
            assertThat(other.accounts().list()).extracting(Account::username, Account::owner)
                    .containsExactlyInAnyOrder(tuple("ada", true), tuple("dave", false));
            assertThat(other.exports().snapshot(dave).contacts()).extracting(UserExport.ContactEntry::name).containsExactly("Dave's friend");
        }
    }

    @Test
    void aJsonBackupOfAnAccountNamedBeforeNamesWereKeptInCompatibilityFormComesBackAsItWasApartFromItsLookAlike(@TempDir Path folder) {
        try (TestDatabase source = TestDatabase.create(Dialect.POSTGRESQL); TestDatabase target = TestDatabase.create(Dialect.POSTGRESQL)) {
            Kith kith = new Kith(source.database(), CLOCK);
            ada(kith);
            // A full-width name, as an older version kept it, and a bob made since: two accounts.
            long legacy = source.database().jdbi().withHandle(handle -> handle.createQuery(
                    "INSERT INTO users (username, is_owner) VALUES ('\uFF42\uFF4F\uFF42', false) RETURNING id").mapTo(Long.class).one());
            kith.accounts().setPassword(legacy, "the older one's password");
            kith.contacts().add(legacy, ContactChanges.named("Older friend"));
            long bob = kith.accounts().createUser("bob", "the newer one's password").id();
            kith.contacts().add(bob, ContactChanges.named("Newer friend"));
            Path backup = folder.resolve("backup.json");
            kith.exports().backup(backup);

            Kith other = new Kith(target.database(), CLOCK);
            for (boolean force : List.of(false, true)) {
                other.exports().restore(backup, force, () -> {
                    throw new AssertionError("a backup names its own accounts");
                });
                // Each comes back as it was, with its own data: neither is taken for the other.
                assertThat(other.accounts().list()).extracting(Account::username).containsExactlyInAnyOrder("ada", "\uFF42\uFF4F\uFF42", "bob");
                Account older = other.accounts().authenticate("\uFF42\uFF4F\uFF42", "the older one's password").orElseThrow();
                Account newer = other.accounts().authenticate("bob", "the newer one's password").orElseThrow();
                assertThat(other.exports().snapshot(older.id()).contacts()).extracting(UserExport.ContactEntry::name).containsExactly("Older friend");
                assertThat(other.exports().snapshot(newer.id()).contacts()).extracting(UserExport.ContactEntry::name).containsExactly("Newer friend");
                // The older name in another case finds it too, as every name is found in any case.
                assertThat(other.accounts().byUsername("\uFF22\uFF2F\uFF22")).map(Account::id).contains(older.id());
            }
        }
    }

    @BothDatabases
    void aRestoreRefusesATargetHoldingContactsUnlessForced(TestDatabase db, @TempDir Path folder) throws IOException {
        Kith kith = new Kith(db.database(), CLOCK);
        long ada = ada(kith);
        ExportFixture.fill(kith, ada);
        Path export = Files.write(folder.resolve("export.json"), kith.exports().export(ada, ExportFormat.JSON));
        Path backup = folder.resolve("backup");
        kith.exports().backup(backup);

        try (TestDatabase target = TestDatabase.create(db.dialect())) {
            Kith other = new Kith(target.database(), CLOCK);
            long otherAda = ada(other);
            other.contacts().add(otherAda, ContactChanges.named("Already here"));
            other.contacts().add(otherAda, ContactChanges.named("Also here"));
            String where = db.dialect() == Dialect.SQLITE ? "the data directory" : "the database";

            assertThatThrownBy(() -> other.exports().restore(export, false, () -> otherAda))
                    .isInstanceOf(KithException.class)
                    .hasMessageStartingWith(where + " already holds 2 contacts: restore into an empty one, or pass --force to replace them");
            assertThatThrownBy(() -> other.exports().restore(backup, false, () -> otherAda))
                    .isInstanceOf(KithException.class).hasMessageContaining("already holds 2 contacts and 0 interactions");
            assertThat(other.exports().snapshot(otherAda).contacts()).hasSize(2);

            other.exports().restore(export, true, () -> otherAda);
            assertThat(other.exports().export(otherAda, ExportFormat.JSON)).isEqualTo(kith.exports().export(ada, ExportFormat.JSON));
            other.exports().restore(backup, true, () -> otherAda);
            assertThat(other.exports().export(ada(other), ExportFormat.JSON)).isEqualTo(kith.exports().export(ada, ExportFormat.JSON));
        }
    }

    @BothDatabases
    void aDamagedOrUnknownFileIsRejectedAndChangesNothing(TestDatabase db, @TempDir Path folder) throws IOException {
        Kith kith = new Kith(db.database(), CLOCK);
        long ada = ada(kith);
        ExportFixture.fill(kith, ada);
        byte[] before = kith.exports().export(ada, ExportFormat.JSON);
        byte[] damagedSqlite = new byte[8192];
        System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, damagedSqlite, 0, 16);
        for (int i = 16; i < damagedSqlite.length; i++) {
            damagedSqlite[i] = (byte) (i * 31);
        }
        String json = new String(before, StandardCharsets.UTF_8);
        Path sqlite = Files.write(folder.resolve("damaged.db"), damagedSqlite);
        Path text = Files.writeString(folder.resolve("notes.txt"), "these are not the contacts you are looking for");
        Path badDate = Files.writeString(folder.resolve("bad-date.json"), json.replace("\"metOn\": \"2024-03-15\"", "\"metOn\": \"2024-13-45\""));
        Path badLink = Files.writeString(folder.resolve("bad-link.json"), json.replace("\"circles\": [\n        1,", "\"circles\": [\n        99,"));
        Path newer = Files.writeString(folder.resolve("newer.json"), json.replace("\"version\": 2", "\"version\": 3"));
        Path cut = Files.writeString(folder.resolve("cut.json"), json.substring(0, json.length() / 2));
        int contactsAt = json.indexOf("\"contacts\": [");
        Path badZone = Files.writeString(folder.resolve("bad-zone.json"), json.substring(0, contactsAt)
                + json.substring(contactsAt).replaceFirst("\"timezone\": \"[^\"]+\"", "\"timezone\": \"Mars/X\""));
        Path badCircleCadence = Files.writeString(folder.resolve("bad-circle-cadence.json"),
                json.replaceFirst("(\"circles\": \\[\\s*\\{\\s*\"id\": \\d+,\\s*\"name\": \"[^\"]+\",\\s*\"cadence\": \")[^\"]+", "$1P1X"));
        Path badContactCadence = Files.writeString(folder.resolve("bad-contact-cadence.json"), json.substring(0, contactsAt)
                + json.substring(contactsAt).replaceFirst("\"cadence\": \"[^\"]+\"", "\"cadence\": \"P1X\""));
        Path badDay = Files.writeString(folder.resolve("bad-day.json"), json.replaceFirst("(\"interactions\": \\[\\s*\\{\\s*\"id\": \\d+,\\s*\"on\": \")[^\"]+", "$12026-02-30"));

        assertThatThrownBy(() -> kith.exports().restore(sqlite, true, () -> ada)).isInstanceOf(KithException.class)
                .hasMessageContaining("is a damaged SQLite file").hasMessageContaining("nothing was restored");
        assertThatThrownBy(() -> kith.exports().restore(text, true, () -> ada)).isInstanceOf(KithException.class)
                .hasMessageContaining("is neither a Kith backup nor a Kith JSON export").hasMessageEndingWith("use kith import");
        assertThatThrownBy(() -> kith.exports().restore(badDate, true, () -> ada)).isInstanceOf(KithException.class)
                .hasMessageContaining("is not a valid Kith export: contact ").hasMessageContaining(": '2024-13-45' is not a date");
        assertThatThrownBy(() -> kith.exports().restore(cut, true, () -> ada)).isInstanceOf(KithException.class)
                .hasMessageEndingWith("ends in the middle of its JSON, as a copy or a download cut short does; nothing was restored: use a whole copy");
        // Cut inside a word of JSON ("fals"), which Jackson reads as an unknown word: cut short all the same.
        Path cutInWord = Files.writeString(folder.resolve("cut-in-word.json"), json.substring(0, json.indexOf("false") + 4));
        assertThatThrownBy(() -> kith.exports().restore(cutInWord, true, () -> ada)).isInstanceOf(KithException.class)
                .hasMessageEndingWith("ends in the middle of its JSON, as a copy or a download cut short does; nothing was restored: use a whole copy");
        // A short word alone, or a word that follows no comma, colon or bracket, is not JSON cut short.
        for (String words : List.of("hello", "  true2", "{\"format\": \"kith-export\" fals")) {
            Path word = Files.writeString(folder.resolve("word.json"), words);
            assertThatThrownBy(() -> kith.exports().restore(word, true, () -> ada)).as(words).isInstanceOf(KithException.class)
                    .hasMessageContaining("is neither a Kith backup nor a Kith JSON export");
        }
        // Cut right after a comma, or after an opening bracket, between two values: cut short all the same.
        for (String at : List.of(",\n", "[\n", "{\n")) {
            Path cutBetween = Files.writeString(folder.resolve("cut-between.json"), json.substring(0, json.indexOf(at, json.length() / 3) + 1));
            assertThatThrownBy(() -> kith.exports().restore(cutBetween, true, () -> ada)).as(at).isInstanceOf(KithException.class)
                    .hasMessageEndingWith("ends in the middle of its JSON, as a copy or a download cut short does; nothing was restored: use a whole copy");
        }
        assertThatThrownBy(() -> kith.exports().restore(badZone, true, () -> ada)).isInstanceOf(KithException.class)
                .hasMessageContaining("is not a valid Kith export: contact ").hasMessageContaining(": 'Mars/X' is not a time zone");
        assertThat(Files.readString(badCircleCadence)).contains("P1X");
        assertThatThrownBy(() -> kith.exports().restore(badCircleCadence, true, () -> ada)).isInstanceOf(KithException.class)
                .hasMessageContaining("is not a valid Kith export: circle ")
                .hasMessageContaining(": 'P1X' is not a cadence: use an ISO-8601 period, such as P1M or P6W");
        assertThat(Files.readString(badContactCadence)).contains("P1X");
        assertThatThrownBy(() -> kith.exports().restore(badContactCadence, true, () -> ada)).isInstanceOf(KithException.class)
                .hasMessageContaining("is not a valid Kith export: contact ").hasMessageContaining(": 'P1X' is not a cadence");
        assertThat(Files.readString(badDay)).contains("2026-02-30");
        assertThatThrownBy(() -> kith.exports().restore(badDay, true, () -> ada)).isInstanceOf(KithException.class)
                .hasMessageContaining("is not a valid Kith export: interaction ").hasMessageContaining(": '2026-02-30' is not a date");
        assertThatThrownBy(() -> kith.exports().restore(badLink, true, () -> ada)).isInstanceOf(KithException.class)
                .hasMessageContaining("contact 1 is in circle 99, which the file does not hold");
        assertThatThrownBy(() -> kith.exports().restore(newer, true, () -> ada)).isInstanceOf(KithException.class)
                .hasMessageContaining("is a Kith file of version 3, and this Kith reads versions 1 to 2");
        assertThat(kith.exports().export(ada, ExportFormat.JSON)).isEqualTo(before);
    }
}
