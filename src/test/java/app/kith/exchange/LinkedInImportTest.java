package app.kith.exchange;

import app.kith.Kith;
import app.kith.account.ProfileChanges;
import app.kith.contact.CareerMove;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.contact.ContactFilter;
import app.kith.interaction.Interaction;
import app.kith.interaction.Kind;
import app.kith.shared.NotFoundException;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkedInImportTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private Kith kith;
    private long me;

    private void open(TestDatabase test) {
        kith = new Kith(test.database(), clock);
        me = kith.accounts().actingAccount(null, "sam").id();
    }

    static byte[] fixture(String name) {
        try (InputStream in = LinkedInImportTest.class.getResourceAsStream("/exchange/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A messages.csv of LinkedIn's export: its header, then these rows. */
    private static byte[] messagesCsv(String... rows) {
        String header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER";
        return (header + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private ImportSummary run(ImportFormat format, byte[] file, String circle, boolean dryRun) {
        return kith.imports().run(me, format, file, new ImportService.Options(circle, dryRun), ImportService.Progress.NONE);
    }

    private List<Contact> contacts() {
        return kith.contacts().list(me, ContactFilter.ALL);
    }

    private Contact named(String name) {
        return contacts().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @BothDatabases
    void connectionsAreReadPastThePreambleWithEveryQuirkOfTheExport(TestDatabase test) {
        open(test);

        ImportSummary summary = run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), "Past teams", false);

        assertThat(summary.added()).isEqualTo(4);
        assertThat(summary.skipped()).containsExactly(new Skip(9, "no name (LinkedIn leaves out members who hide it)"));
        Contact ada = named("Ada Quill");
        assertThat(ada.company()).isEqualTo("Stripe, Inc.");
        assertThat(ada.title()).isEqualTo("Staff Engineer");
        assertThat(ada.emails()).containsExactly("ada.quill@example.com");
        assertThat(ada.linkedinUrl()).isEqualTo("https://www.linkedin.com/in/ada-quill-0a1b2c");
        assertThat(ada.metOn()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(ada.metHow()).isEqualTo("LinkedIn");
        assertThat(ada.circles()).containsExactly("Past teams");
        assertThat(named("Bruno Ferreira-Lima").emails()).isEmpty();
        assertThat(named("Bruno Ferreira-Lima").title()).isEqualTo("Head of Data, EMEA");
        assertThat(named("Zoë Åberg").title()).isEqualTo("Designer \"UX\"");
        assertThat(named("Zoë Åberg").metOn()).isEqualTo(LocalDate.of(2019, 9, 9));
        assertThat(named("Chiamaka Obi").company()).isNull();
    }

    @BothDatabases
    void importingTheSameFileTwiceAddsNothing(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), "Past teams", false);
        List<Contact> before = contacts();

        ImportSummary again = run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), "Past teams", false);

        assertThat(again.added()).isZero();
        assertThat(again.merged()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(contacts()).isEqualTo(before);
    }

    @BothDatabases
    void aDryRunCountsButWritesNothing(TestDatabase test) {
        open(test);

        ImportSummary summary = run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), "Past teams", true);

        assertThat(summary.dryRun()).isTrue();
        assertThat(summary.added()).isEqualTo(4);
        assertThat(contacts()).isEmpty();
    }

    @BothDatabases
    void duplicatesAreMergedByEmailThenProfileThenNameWithoutOverwritingWhatTheUserTyped(TestDatabase test) {
        open(test);
        Contact ada = kith.contacts().add(me, ContactChanges.builder().name("ADA  quill").city("Lisbon")
                .notes("met at the Rust meetup").metHow("Rust meetup").build());
        Contact zoe = kith.contacts().add(me, ContactChanges.builder().name("Zoe A.").emails(List.of("ZOE@example.org")).build());
        Contact bruno = kith.contacts().add(me, ContactChanges.builder().name("B. Lima")
                .linkedinUrl("linkedin.com/in/Bruno-FL/").build());

        ImportSummary summary = run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);

        assertThat(summary.added()).isEqualTo(1);
        assertThat(summary.merged()).isEqualTo(3);
        assertThat(contacts()).hasSize(4);
        Contact mergedAda = kith.contacts().get(me, ada.id());
        assertThat(mergedAda.name()).isEqualTo("ADA  quill");
        assertThat(mergedAda.city()).isEqualTo("Lisbon");
        assertThat(mergedAda.metHow()).isEqualTo("Rust meetup");
        assertThat(mergedAda.notes()).isEqualTo("met at the Rust meetup");
        assertThat(mergedAda.company()).isEqualTo("Stripe, Inc.");
        assertThat(mergedAda.emails()).containsExactly("ada.quill@example.com");
        assertThat(mergedAda.metOn()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(kith.contacts().get(me, zoe.id()).name()).isEqualTo("Zoe A.");
        assertThat(kith.contacts().get(me, zoe.id()).emails()).containsExactly("ZOE@example.org");
        assertThat(kith.contacts().get(me, zoe.id()).company()).isEqualTo("Fjord Labs");
        assertThat(kith.contacts().get(me, bruno.id()).company()).isEqualTo("Northwind Traders");
        assertThat(kith.contacts().get(me, bruno.id()).linkedinUrl()).isEqualTo("https://linkedin.com/in/Bruno-FL/");
    }

    @BothDatabases
    void aNameInChineseJapaneseOrKoreanScriptIsWrittenFamilyNameFirstAndMergedWithTheSameNameTyped(TestDatabase test) {
        open(test);
        Contact typed = kith.contacts().add(me, ContactChanges.builder().name("李 雷").city("北京").build());
        String csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "雷,李,,,腾讯,工程师,15 Mar 2024\n"
                + "지민,박,,,,,15 Mar 2024\n"
                + "Wei,王,,,,,15 Mar 2024\n";

        ImportSummary summary = run(ImportFormat.LINKEDIN, csv.getBytes(StandardCharsets.UTF_8), null, false);

        assertThat(summary.merged()).isEqualTo(1);
        assertThat(kith.contacts().get(me, typed.id()).company()).isEqualTo("腾讯");
        // Written as the user typed it; the new ones family name first where the whole name is in that script.
        assertThat(contacts()).extracting(Contact::name).containsExactlyInAnyOrder("李 雷", "박지민", "Wei 王");
        // An earlier import wrote such a name given name first ("민준 김"): the same file again finds that contact.
        Contact earlier = kith.contacts().add(me, ContactChanges.builder().name("민준 김").build());
        ImportSummary again = run(ImportFormat.LINKEDIN, (csv + "민준,김,,,네이버,,15 Mar 2024\n").getBytes(StandardCharsets.UTF_8), null, false);
        assertThat(again.added()).isZero();
        assertThat(kith.contacts().get(me, earlier.id()).company()).isEqualTo("네이버");
        assertThat(contacts()).hasSize(4);
    }

    @BothDatabases
    void theCircleOfAnImportIsForTheNewContactsOnly(TestDatabase test) {
        open(test);
        Contact mentor = kith.contacts().add(me, ContactChanges.builder().name("Ada Quill").circles(List.of("Mentors")).build());
        LocalDate due = kith.contacts().get(me, mentor.id()).dueOn();

        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), "Past teams", false);

        Contact after = kith.contacts().get(me, mentor.id());
        assertThat(after.circles()).containsExactly("Mentors");
        assertThat(after.dueOn()).isEqualTo(due);
        assertThat(contacts()).filteredOn(c -> c.id() != mentor.id()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.circles()).containsExactly("Past teams"));
    }

    @BothDatabases
    void twoPeopleWithOneNameButTwoProfilesStayTwoContacts(TestDatabase test) {
        open(test);
        Contact known = kith.contacts().add(me, ContactChanges.builder().name("John Smith").company("Typed Co")
                .linkedinUrl("https://www.linkedin.com/in/jsmith-known").build());
        byte[] file = ("""
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                John,Smith,https://www.linkedin.com/in/jsmith1,,A Corp,Developer,15 Mar 2024
                John,Smith,https://www.linkedin.com/in/jsmith2,,B Corp,Product Manager,16 Mar 2024
                John,Smith,https://www.linkedin.com/in/jsmith-known,,Typed Co,,17 Mar 2024
                """).getBytes(StandardCharsets.UTF_8);

        ImportSummary summary = run(ImportFormat.LINKEDIN, file, null, false);

        assertThat(summary.added()).isEqualTo(2);
        assertThat(contacts()).extracting(Contact::linkedinUrl).containsExactlyInAnyOrder("https://www.linkedin.com/in/jsmith-known",
                "https://www.linkedin.com/in/jsmith1", "https://www.linkedin.com/in/jsmith2");
        assertThat(kith.contacts().get(me, known.id()).company()).isEqualTo("Typed Co");
        assertThat(kith.contacts().career(me, known.id())).isEmpty();
    }

    @BothDatabases
    void aChangedJobIsKeptInTheCareerHistory(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);
        byte[] moved = new String(fixture("linkedin-connections.csv"), StandardCharsets.UTF_8)
                .replace("\"Stripe, Inc.\",Staff Engineer", "Globex,Principal Engineer")
                .getBytes(StandardCharsets.UTF_8);

        ImportSummary summary = run(ImportFormat.LINKEDIN, moved, null, false);
        ImportSummary again = run(ImportFormat.LINKEDIN, moved, null, false);

        assertThat(summary.careerMoves()).isEqualTo(1);
        assertThat(summary.merged()).isEqualTo(1);
        Contact ada = named("Ada Quill");
        assertThat(ada.company()).isEqualTo("Globex");
        assertThat(ada.title()).isEqualTo("Principal Engineer");
        assertThat(kith.contacts().career(me, ada.id())).containsExactly(
                new CareerMove(TODAY, "Stripe, Inc.", "Staff Engineer", "Globex", "Principal Engineer", "LinkedIn connections"));
        assertThat(again.careerMoves()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);

        // The older file again, imported by mistake: the job they left is no news, and nothing goes back.
        ImportSummary older = run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);
        assertThat(older.careerMoves()).isZero();
        assertThat(older.unchanged()).isEqualTo(4);
        assertThat(named("Ada Quill").company()).isEqualTo("Globex");
        assertThat(kith.contacts().career(me, ada.id())).hasSize(1);

        // On to Initech, then back at Stripe two years on: that is news.
        byte[] initech = new String(moved, StandardCharsets.UTF_8).replace("Globex,Principal Engineer", "Initech,CTO")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(run(ImportFormat.LINKEDIN, initech, null, false).careerMoves()).isEqualTo(1);
        assertThat(run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false).careerMoves()).isEqualTo(1);
        assertThat(named("Ada Quill").company()).isEqualTo("Stripe, Inc.");
    }

    @BothDatabases
    void aJobTheUserTypedIsTheirsAndNoImportChangesIt(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);
        Contact ada = named("Ada Quill");
        kith.contacts().edit(me, ada.id(), ContactChanges.builder().company("Initech").build());

        // The same export again (an older one, as far as Ada's job goes): her new job, typed, stays.
        ImportSummary again = run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);

        assertThat(named("Ada Quill").company()).isEqualTo("Initech");
        assertThat(named("Ada Quill").title()).isEqualTo("Staff Engineer");
        assertThat(again.careerMoves()).isZero();
        assertThat(kith.contacts().career(me, ada.id())).isEmpty();
    }

    @BothDatabases
    void anAddressBookCardLeavesTheJobLinkedInGaveButLinkedInUpdatesOneACardGave(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);
        byte[] cards = """
                BEGIN:VCARD
                VERSION:3.0
                FN:Ada Quill
                EMAIL:ada.quill@example.com
                ORG:Old Employer
                TITLE:Engineer
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Dara Okafor
                EMAIL:dara@example.com
                ORG:Card Co
                TITLE:Analyst
                END:VCARD
                """.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

        ImportSummary fromPhone = run(ImportFormat.VCARD, cards, null, false);

        assertThat(fromPhone.careerMoves()).isZero();
        assertThat(named("Ada Quill").company()).isEqualTo("Stripe, Inc.");
        assertThat(named("Dara Okafor").company()).isEqualTo("Card Co");

        byte[] linkedin = """
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Dara,Okafor,https://www.linkedin.com/in/dara-okafor,dara@example.com,Globex,Lead Analyst,3 Mar 2025
                """.getBytes(StandardCharsets.UTF_8);
        ImportSummary fromLinkedin = run(ImportFormat.LINKEDIN, linkedin, null, false);
        // The card again: it no longer changes the job LinkedIn gave since.
        ImportSummary cardsAgain = run(ImportFormat.VCARD, cards, null, false);

        assertThat(fromLinkedin.careerMoves()).isEqualTo(1);
        Contact dara = named("Dara Okafor");
        assertThat(dara.company()).isEqualTo("Globex");
        assertThat(dara.title()).isEqualTo("Lead Analyst");
        assertThat(kith.contacts().career(me, dara.id())).containsExactly(
                new CareerMove(TODAY, "Card Co", "Analyst", "Globex", "Lead Analyst", "LinkedIn connections"));
        assertThat(cardsAgain.careerMoves()).isZero();
        assertThat(named("Dara Okafor").company()).isEqualTo("Globex");
    }

    @BothDatabases
    void halfAJobIsFilledInOnlyFromTheSameJob(TestDatabase test) {
        open(test);
        Contact typed = kith.contacts().add(me, ContactChanges.builder().name("Ivy Typed").company("Initech").build());
        byte[] linkedin = """
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Ivy,Typed,,,Stripe,Staff Engineer,3 Mar 2025
                Gus,Given,,gus@example.com,Globex,,3 Mar 2025
                Sue,Same,,sue@example.com,"Stripe, Inc.",,3 Mar 2025
                """.getBytes(StandardCharsets.UTF_8);
        run(ImportFormat.LINKEDIN, linkedin, null, false);
        byte[] cards = """
                BEGIN:VCARD
                VERSION:3.0
                FN:Gus Given
                EMAIL:gus@example.com
                ORG:Card Co
                TITLE:Analyst
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Sue Same
                EMAIL:sue@example.com
                ORG:Stripe\\, Inc.
                TITLE:Engineer
                END:VCARD
                """.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

        ImportSummary fromPhone = run(ImportFormat.VCARD, cards, null, false);

        // Another company's title under the typed company, or under LinkedIn's, would be a job nobody has.
        assertThat(kith.contacts().get(me, typed.id()).company()).isEqualTo("Initech");
        assertThat(kith.contacts().get(me, typed.id()).title()).isNull();
        assertThat(named("Gus Given").company()).isEqualTo("Globex");
        assertThat(named("Gus Given").title()).isNull();
        // The same company: the card's title completes the job.
        assertThat(named("Sue Same").company()).isEqualTo("Stripe, Inc.");
        assertThat(named("Sue Same").title()).isEqualTo("Engineer");
        assertThat(fromPhone.careerMoves()).isZero();
        assertThat(kith.contacts().career(me, named("Gus Given").id())).isEmpty();
    }

    @BothDatabases
    void anImpossibleDateFailsTheImportInsteadOfMovingToTheMonthsEnd(TestDatabase test) {
        open(test);
        byte[] connections = """
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Ada,Quill,,,,,15 Mar 2024
                Bruno,Lima,,,,,31 Feb 2024
                """.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN, connections, null, false))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("line 3: '31 Feb 2024' under Connected On is not a date");
        assertThat(contacts()).isEmpty();

        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);
        byte[] messages = messagesCsv(
                "2-x,,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,2026-02-30 10:00:00 UTC,,Hi,INBOX");
        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN_MESSAGES, messages, null, false))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("2026-02-30 10:00:00 UTC");
    }

    @BothDatabases
    void aConnectionMadeTodayWhereTheUserIsImportsThoughTheMachineIsADayBehind(TestDatabase test) {
        open(test);
        // At 12:00 UTC on 25 Nov (the machine's clock) it is already 02:00 on 26 Nov at UTC+14 (Kiritimati), where
        // the user lives: a connection made there today is dated the 26th. Nowhere is it the 27th yet.
        kith.accounts().updateProfile(me, new ProfileChanges(null, null, null, ZoneId.of("Pacific/Kiritimati"), null, null));
        byte[] tomorrow = """
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Ada,Quill,,,,,26 Nov 2026
                """.getBytes(StandardCharsets.UTF_8);
        assertThat(run(ImportFormat.LINKEDIN, tomorrow, null, false).added()).isEqualTo(1);
        Contact ada = named("Ada Quill");
        assertThat(ada.metOn()).isEqualTo(TODAY.plusDays(1));
        // Added on the user's date, as by hand; and editing another field never fails on the stored date.
        assertThat(ada.addedOn()).isEqualTo(TODAY.plusDays(1));
        assertThat(kith.contacts().edit(me, ada.id(), ContactChanges.builder().notes("met at the harbour").build(), false, TODAY)
                .notes()).isEqualTo("met at the harbour");
        // The web's form sends every field back, the stored date too: still no refusal; a new date to come is refused.
        assertThat(kith.contacts().edit(me, ada.id(), ContactChanges.builder().notes("at the harbour").metOn(TODAY.plusDays(1))
                .build(), false, TODAY).notes()).isEqualTo("at the harbour");
        assertThatThrownBy(() -> kith.contacts().edit(me, ada.id(), ContactChanges.builder().metOn(TODAY.plusDays(2)).build(),
                false, TODAY)).hasMessageContaining("is in the future");
        byte[] later = """
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Bruno,Lima,,,,,27 Nov 2026
                """.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN, later, null, false))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("is in the future");
        assertThat(contacts()).extracting(Contact::name).containsExactly("Ada Quill");
    }

    @BothDatabases
    void aBrokenQuoteFailsTheWholeImportWithItsLineAndWritesNothing(TestDatabase test) {
        open(test);
        StringBuilder file = new StringBuilder("Notes:\n\"some notes\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int line = 5; line < 6000; line++) {
            file.append(line == 5012 ? "Broken,Row,,,\"Acme, Inc,Boss,01 Jan 2020\n"
                    : "Person,N" + line + ",,,Acme,Engineer,01 Jan 2020\n");
        }

        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN, file.toString().getBytes(StandardCharsets.UTF_8), null, false))
                .isInstanceOf(ImportException.class)
                .hasMessage("line 5012: a quoted cell starting on this line is never closed: look for a missing or stray quote;"
                        + " nothing was imported")
                .hasMessageEndingWith("nothing was imported");
        assertThat(contacts()).isEmpty();
    }

    @BothDatabases
    void aRowThatCannotBeStoredFailsTheImportWithItsLine(TestDatabase test) {
        open(test);
        String file = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "Ada,Quill,,ada@example.com,,,\n"
                + "Bad,Mail,,not-an-email,,,\n";

        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN, file.getBytes(StandardCharsets.UTF_8), null, false))
                .hasMessage("line 3: 'not-an-email' is not an email address: use name@example.com; nothing was imported");
        assertThat(contacts()).isEmpty();
    }

    @BothDatabases
    void inABigFileTheFirstBadRowIsTheOneReported(TestDatabase test) {
        open(test);
        StringBuilder file = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int line = 2; line <= 9000; line++) {
            file.append("Person,N").append(line).append(",,").append(line == 8500 || line == 4321 ? "bad-" + line : "").append(",,,\n");
        }

        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN, file.toString().getBytes(StandardCharsets.UTF_8), null, false))
                .hasMessageStartingWith("line 4321: 'bad-4321' is not an email address");
        assertThat(contacts()).isEmpty();
    }

    /** A Connections.csv big enough to be read in parts while it is imported: its header, then these rows. */
    private static String bigConnections(int rows, java.util.function.IntFunction<String> row) {
        StringBuilder file = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int i = 0; i < rows; i++) {
            String special = row.apply(i);
            file.append(special != null ? special : "Person,N" + i + ",https://www.linkedin.com/in/person-n-" + i + ",p" + i
                    + "@example.com," + (i == 0 ? "" : "Acme") + ",Engineer,15 Mar 2024").append('\n');
        }
        assertThat(file.length()).isGreaterThan(400_000);
        return file.toString();
    }

    @org.junit.jupiter.api.Test
    void aBigImportLeavesTheCopyOfSqlitesLogToAThreadOfItsOwn() throws Exception {
        try (TestDatabase test = TestDatabase.create(app.kith.storage.Dialect.SQLITE)) {
            open(test);
            java.nio.file.Path file = test.dataDir().resolve("kith.db");
            long before = java.nio.file.Files.size(file);

            run(ImportFormat.LINKEDIN, bigConnections(6000, i -> null).getBytes(StandardCharsets.UTF_8), null, false);

            // Nothing commits after the import: only the copy asked for on a thread of its own puts the log's pages
            // (megabytes of them) into the database file. BulkLoadTest shows that the commit itself leaves them.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (java.nio.file.Files.size(file) < before + 1_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(java.nio.file.Files.size(file)).isGreaterThan(before + 1_000_000);
        }
    }

    @BothDatabases
    void twoImportsOfOneFileAtOnceAddItsPeopleOnce(TestDatabase test) throws Exception {
        open(test);
        byte[] file = bigConnections(5000, i -> null).getBytes(StandardCharsets.UTF_8);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<ImportSummary>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(() -> {
                    start.await();
                    return run(ImportFormat.LINKEDIN, file, null, false);
                }));
            }
            start.countDown();
            int added = 0;
            for (Future<ImportSummary> run : runs) {
                added += run.get(2, TimeUnit.MINUTES).added();
            }
            // One import adds everyone, the other (waiting for the first) finds them all there.
            assertThat(added).isEqualTo(5000);
            assertThat(contacts()).hasSize(5000);
        } finally {
            two.shutdownNow();
        }
    }

    @BothDatabases
    void aBigFileMatchedWhileItIsReadEndsAsIfReadFirst(TestDatabase test) {
        open(test);
        int rows = 5000;
        String file = bigConnections(rows, i -> i == 77 ? ",,https://www.linkedin.com/in/hidden,,,," : null)
                + "Person,N0,,p0@example.com,Fjord Labs,,\n";

        ImportSummary summary = run(ImportFormat.LINKEDIN, file.getBytes(StandardCharsets.UTF_8), "Past teams", false);

        assertThat(summary.added()).isEqualTo(rows - 1);
        assertThat(summary.merged()).isEqualTo(1);
        assertThat(summary.skipped()).extracting(Skip::line).containsExactly(79L);
        assertThat(named("Person N0").company()).isEqualTo("Fjord Labs");
        List<Double> spreads = kith.database().withHandle(handle -> handle.createQuery(
                "SELECT first_due_spread FROM contacts WHERE user_id = :me ORDER BY id").bind("me", me).mapTo(Double.class).list());
        assertThat(spreads).hasSize(rows - 1);
        for (int i = 0; i < spreads.size(); i++) {
            // Each written with its place among the new contacts, none given another one later.
            assertThat(spreads.get(i)).isEqualTo(ImportPlan.spread(i));
        }
        assertThat(contacts()).allSatisfy(contact -> assertThat(contact.dueOn()).isAfter(TODAY).isBeforeOrEqualTo(TODAY.plusMonths(3)));
    }

    @BothDatabases
    void aBigFileReadInPartsStillToldItsFirstErrorAsIfReadFirst(TestDatabase test) {
        open(test);
        // A row of the wrong width comes first, but a broken quote further on is what reading the whole file first meets.
        String file = bigConnections(5000, i -> i == 100 ? "Person,N100,,,," : i == 4500 ? "Person,\"N4500,,,,," : null);
        ImportException whole = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class, () -> LinkedInConnections.parse(file));

        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN, file.getBytes(StandardCharsets.UTF_8), "Friends", false))
                .isInstanceOf(ImportException.class)
                .hasMessage(whole.getMessage())
                .hasMessageContaining("never closed");
        assertThat(contacts()).isEmpty();
    }

    @BothDatabases
    void connectionsCsvSavedWithSemicolonsByASpreadsheetIsReadAsItComes(TestDatabase test) {
        open(test);
        // Excel where the comma is the decimal mark (Germany, France) saves CSV with semicolons.
        String commas = new String(fixture("linkedin-connections.csv"), StandardCharsets.UTF_8);
        String saved = String.join("\r\n", commas.lines().map(line -> line.startsWith("\"") || line.isEmpty() ? line
                : String.join(";", CsvRows.read(line).get(0).cells().stream()
                        .map(cell -> cell.contains(";") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell).toList()))
                .toList());
        assertThat(saved).contains("Ada;Quill;").contains(";Stripe, Inc.;");

        ImportSummary summary = run(ImportFormat.LINKEDIN, saved.getBytes(StandardCharsets.UTF_8), null, false);

        ImportSummary plain = run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, true);
        assertThat(summary.added()).isPositive();
        assertThat(plain.unchanged()).as("the same contacts as the file with commas").isEqualTo(summary.added());
        assertThat(contacts()).filteredOn(contact -> contact.name().equals("Ada Quill")).singleElement()
                .satisfies(ada -> assertThat(ada.company()).isEqualTo("Stripe, Inc."));
    }

    @BothDatabases
    void aFileThatIsNotConnectionsCsvIsRefused(TestDatabase test) {
        open(test);

        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN, "Name,Phone\nAda,123\n".getBytes(StandardCharsets.UTF_8), null, false))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no header 'First Name,Last Name,URL");
        assertThatCode(() -> run(ImportFormat.LINKEDIN, "First Name,Last Name\nAda,Quill\n".getBytes(StandardCharsets.UTF_8), null, false))
                .doesNotThrowAnyException();
        // Google's, Outlook's and Kith's own CSVs have a first and a last name too: all else in them would be lost.
        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN, fixture("csv/google-contacts.csv"), null, false))
                .isInstanceOf(ImportException.class)
                .hasMessage("line 1: this is a Google Contacts CSV, not LinkedIn's Connections.csv: import it with 'kith import csv'"
                        + " (on the Import page: CSV); nothing was imported");
        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN, fixture("csv/outlook-contacts.csv"), null, false))
                .hasMessageContaining("this is an Outlook CSV, not LinkedIn's Connections.csv");
        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN, fixture("csv/outlook-contacts-german.csv"), null, false))
                .hasMessageContaining("this is an Outlook CSV, not LinkedIn's Connections.csv");
        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN, "Name,First Name,Last Name,Emails,Phones,How we met\nAda Quill,Ada,Quill,,,\n"
                .getBytes(StandardCharsets.UTF_8), null, false))
                .hasMessageContaining("this is Kith's own CSV, not LinkedIn's Connections.csv");
        assertThat(contacts()).hasSize(1);
        // LinkedIn's own, with a column added in a spreadsheet that Google's CSV has too: still LinkedIn's.
        assertThatCode(() -> run(ImportFormat.LINKEDIN, "First Name,Last Name,URL,Email Address,Company,Position,Connected On,Labels\nBea,Stone,,,,,15 Mar 2024,friends\n"
                .getBytes(StandardCharsets.UTF_8), null, false)).doesNotThrowAnyException();
    }

    @BothDatabases
    void anUnknownCircleFailsBeforeAnythingIsWritten(TestDatabase test) {
        open(test);

        assertThatThrownBy(() -> run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), "Friends", false))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("there is no circle named 'Friends'");
        assertThat(contacts()).isEmpty();
    }

    @BothDatabases
    void importedContactsFallDueSpreadOverTheirFirstCadence(TestDatabase test) {
        open(test);
        StringBuilder file = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int i = 0; i < 900; i++) {
            file.append("Person,N").append(i).append(",,,,,\n");
        }

        run(ImportFormat.LINKEDIN, file.toString().getBytes(StandardCharsets.UTF_8), "Past teams", false);

        Map<LocalDate, Long> perDay = contacts().stream().collect(Collectors.groupingBy(Contact::dueOn, TreeMap::new, Collectors.counting()));
        // Past teams: every 3 months, so 92 days from 25 Nov 2026; 900 people are 9.8 a day.
        assertThat(perDay.keySet()).allSatisfy(day -> assertThat(day).isAfter(TODAY).isBeforeOrEqualTo(TODAY.plusMonths(3)));
        assertThat(perDay).hasSize(92);
        assertThat(perDay.values()).allSatisfy(count -> assertThat(count).isBetween(9L, 12L));
        assertThat(kith.agenda().day(me, TODAY).due()).isEmpty();
        assertThat(kith.agenda().day(me, TODAY.plusDays(1)).due()).hasSize(5);
    }

    @BothDatabases
    void messagesBecomeInteractionsOnTheirDaysOnce(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), "Past teams", false);

        ImportSummary summary = run(ImportFormat.LINKEDIN_MESSAGES, fixture("linkedin-messages.csv"), null, false);
        ImportSummary again = run(ImportFormat.LINKEDIN_MESSAGES, fixture("linkedin-messages.csv"), null, false);

        assertThat(summary.interactions()).isEqualTo(4);
        assertThat(summary.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.line()).isEqualTo(7);
            assertThat(skip.reason()).startsWith("1 message(s) with Priya Nandakumar, who is not among your contacts");
        });
        Contact ada = named("Ada Quill");
        List<Interaction> timeline = kith.interactions().timeline(me, ada.id());
        assertThat(timeline).extracting(Interaction::on).containsExactly(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 9, 12));
        assertThat(timeline).extracting(Interaction::kind).containsOnly(Kind.MESSAGE);
        assertThat(timeline.get(0).note()).isEqualTo("LinkedIn: Thanks for the intro, the call went well!");
        assertThat(ada.lastTouch()).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(ada.dueOn()).isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(named("Bruno Ferreira-Lima").lastTouch()).isEqualTo(LocalDate.of(2025, 12, 24));
        assertThat(kith.interactions().timeline(me, named("Bruno Ferreira-Lima").id()).get(0).note())
                .isEqualTo("LinkedIn: Happy holidays, Bruno! Hope Lisbon treats you well.");
        assertThat(again.interactions()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(kith.interactions().timeline(me, ada.id())).hasSize(2);
    }

    @BothDatabases
    void aMessageTheUserDeletedIsNotImportedAgain(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);
        run(ImportFormat.LINKEDIN_MESSAGES, fixture("linkedin-messages.csv"), null, false);
        Contact ada = named("Ada Quill");
        Interaction latest = kith.interactions().timeline(me, ada.id()).get(0);

        kith.interactions().delete(me, latest.id());
        ImportSummary again = run(ImportFormat.LINKEDIN_MESSAGES, fixture("linkedin-messages.csv"), null, false);

        assertThat(again.interactions()).isZero();
        assertThat(kith.interactions().timeline(me, ada.id())).extracting(Interaction::on).containsExactly(LocalDate.of(2026, 9, 12));
        assertThat(named("Ada Quill").lastTouch()).isEqualTo(LocalDate.of(2026, 9, 12));
        assertThat(new String(kith.exports().export(me, ExportFormat.JSON), StandardCharsets.UTF_8)).contains("\"deletedImports\"");
    }

    @BothDatabases
    void inASingleConversationTheOwnerIsTheOneWhoIsNotAContact(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);
        // One conversation: Sam (the export's owner) and Ada are in as many conversations; only Ada is a contact.
        // A control character in the conversation's id (a NUL, which PostgreSQL cannot hold) is dropped from the key.
        byte[] messages = messagesCsv(
                "2-one\u0000,,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,Aaron Me,https://www.linkedin.com/in/aaron-me,2026-10-02 16:04:11 UTC,,Hi,INBOX",
                "2-one,,Aaron Me,https://www.linkedin.com/in/aaron-me,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,2026-10-02 09:15:40 UTC,,Hello,INBOX");

        ImportSummary summary = run(ImportFormat.LINKEDIN_MESSAGES, messages, null, false);

        assertThat(summary.interactions()).isEqualTo(1);
        assertThat(summary.skipped()).isEmpty();
        assertThat(named("Ada Quill").lastTouch()).isEqualTo(LocalDate.of(2026, 10, 2));
    }

    @BothDatabases
    void aMessageIsDatedOnTheDayItWasWhereTheUserLives(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);
        kith.accounts().updateProfile(me, new ProfileChanges(null, "Berlin", "DE", ZoneId.of("Europe/Berlin"), null, null));
        // 23:30 UTC on the 2nd is 01:30 on the 3rd in Berlin; the same conversation at 10:00 UTC was on the 2nd there.
        // One day as LinkedIn counts it, one touch, dated on the later day whatever the order in the file.
        byte[] messages = messagesCsv(
                "2-late,,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,2026-10-02 23:30:00 UTC,,Late,INBOX",
                "2-late,,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,2026-10-02 10:00:00 UTC,,Earlier,INBOX",
                "2-day,,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,Bruno Lima,https://www.linkedin.com/in/Bruno-FL,2026-09-01,,A day alone,INBOX");

        ImportSummary summary = run(ImportFormat.LINKEDIN_MESSAGES, messages, null, false);

        assertThat(summary.interactions()).isEqualTo(2);
        assertThat(kith.interactions().timeline(me, named("Ada Quill").id())).extracting(Interaction::on)
                .containsExactly(LocalDate.of(2026, 10, 3));
        assertThat(named("Ada Quill").lastTouch()).isEqualTo(LocalDate.of(2026, 10, 3));
        // A day given without a time is taken as written.
        assertThat(named("Bruno Ferreira-Lima").lastTouch()).isEqualTo(LocalDate.of(2026, 9, 1));
        // Known by LinkedIn's own day, as before this date was moved: a file imported then adds nothing now.
        List<String> keys = kith.database().withHandle(handle -> handle.createQuery("SELECT source_key FROM interactions ORDER BY source_key")
                .mapTo(String.class).list());
        assertThat(keys).containsExactly("linkedin:2-day:2026-09-01", "linkedin:2-late:2026-10-02");
        // The same file again adds nothing: a message is known by LinkedIn's own day, wherever the user lives.
        kith.accounts().updateProfile(me, new ProfileChanges(null, null, null, ZoneId.of("Pacific/Honolulu"), null, null));
        assertThat(run(ImportFormat.LINKEDIN_MESSAGES, messages, null, false).interactions()).isZero();
    }

    @BothDatabases
    void messagesEitherSideOfMidnightUtcOnOneEveningOfTheUserAreOneTouch(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);
        kith.accounts().updateProfile(me, new ProfileChanges(null, "Berlin", "DE", ZoneId.of("Europe/Berlin"), null, null));
        // 23:30 UTC on the 3rd and 08:00 UTC on the 4th: both the 4th in Berlin. A week later, another touch.
        byte[] messages = messagesCsv(
                "3-a,,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,2026-10-11 09:00:00 UTC,,Week after,INBOX",
                "3-a,,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,2026-10-04 08:00:00 UTC,,Morning,INBOX",
                "3-a,,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,2026-10-03 23:30:00 UTC,,Late,INBOX");

        ImportSummary summary = run(ImportFormat.LINKEDIN_MESSAGES, messages, null, false);

        assertThat(summary.interactions()).isEqualTo(2);
        assertThat(kith.interactions().timeline(me, named("Ada Quill").id())).extracting(Interaction::on)
                .containsExactly(LocalDate.of(2026, 10, 11), LocalDate.of(2026, 10, 4));
        List<String> keys = kith.database().withHandle(handle -> handle.createQuery("SELECT source_key FROM interactions ORDER BY source_key")
                .mapTo(String.class).list());
        assertThat(keys).containsExactly("linkedin:3-a:2026-10-03", "linkedin:3-a:2026-10-11");
        // Again, and from another time zone: nothing new, as either of a touch's days is known.
        kith.accounts().updateProfile(me, new ProfileChanges(null, null, null, ZoneId.of("America/New_York"), null, null));
        ImportSummary again = run(ImportFormat.LINKEDIN_MESSAGES, messages, null, false);
        assertThat(again.interactions()).isZero();
    }

    @BothDatabases
    void aConversationGoingOnMorningAndEveningForAWeekIsATouchADayNotOne(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);
        kith.accounts().updateProfile(me, new ProfileChanges(null, "Tokyo", "JP", ZoneId.of("Asia/Tokyo"), null, null));
        List<String> rows = new java.util.ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            for (String time : List.of("11:00:00", "23:00:00")) {
                rows.add("4-a,,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,"
                        + "2026-09-0" + day + " " + time + " UTC,,Hi,INBOX");
            }
        }

        ImportSummary summary = run(ImportFormat.LINKEDIN_MESSAGES, messagesCsv(rows.toArray(String[]::new)), null, false);

        // 11:00 UTC is 20:00 in Tokyo, 23:00 UTC 08:00 the next morning: each of LinkedIn's days holds two of the user's.
        assertThat(summary.interactions()).isEqualTo(7);
        assertThat(kith.interactions().timeline(me, named("Ada Quill").id())).extracting(Interaction::on)
                .first().isEqualTo(LocalDate.of(2026, 9, 8));
    }

    @BothDatabases
    void aMessageDatedInTheFutureIsLeftOutWithWhy(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);
        byte[] messages = messagesCsv(
                "2-a,,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,2026-10-02 16:04:11 UTC,,Hi,INBOX",
                "2-b,,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,2030-01-01 09:15:40 UTC,,From the future,INBOX",
                "2-c,,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,Bruno Lima,https://www.linkedin.com/in/Bruno-FL,2026-09-01 09:15:40 UTC,,Hi,INBOX");

        ImportSummary summary = run(ImportFormat.LINKEDIN_MESSAGES, messages, null, false);

        assertThat(summary.skipped()).extracting(Skip::line, Skip::reason)
                .contains(org.assertj.core.groups.Tuple.tuple(3L, "a message dated 2030-01-01, in the future"));
        assertThat(named("Ada Quill").lastTouch()).isEqualTo(LocalDate.of(2026, 10, 2));
    }

    @BothDatabases
    void aDraftIsCountedAndLeftOutWithWhyNeverATouch(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), null, false);
        String header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT";
        byte[] messages = (header + "\n"
                + "2-a,,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,2026-10-02 16:04:11 UTC,,Hi,INBOX,No\n"
                + "2-b,,Sam Rivera,https://www.linkedin.com/in/sam-rivera-owner,Ada Quill,https://www.linkedin.com/in/ada-quill-0a1b2c,2026-10-09 09:15:40 UTC,,Not sent,DRAFT,Yes\n")
                .getBytes(StandardCharsets.UTF_8);

        ImportSummary summary = run(ImportFormat.LINKEDIN_MESSAGES, messages, null, false);

        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.skipped()).extracting(Skip::line, Skip::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "a draft, never sent"));
        assertThat(named("Ada Quill").lastTouch()).isEqualTo(LocalDate.of(2026, 10, 2));
    }

    @BothDatabases
    void aMessageImportNeverMovesALaterTouchBack(TestDatabase test) {
        open(test);
        run(ImportFormat.LINKEDIN, fixture("linkedin-connections.csv"), "Past teams", false);
        Contact ada = named("Ada Quill");
        kith.interactions().log(me, List.of(ada.id()), Kind.COFFEE, LocalDate.of(2026, 11, 20), null);

        run(ImportFormat.LINKEDIN_MESSAGES, fixture("linkedin-messages.csv"), null, false);

        assertThat(kith.contacts().get(me, ada.id()).lastTouch()).isEqualTo(LocalDate.of(2026, 11, 20));
    }
}
