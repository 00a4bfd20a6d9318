package app.kith.exchange;

import app.kith.Kith;
import app.kith.contact.Birthday;
import app.kith.contact.Contact;
import app.kith.contact.ContactBulk.Draft;
import app.kith.contact.ContactFilter;
import app.kith.contact.Photo;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VCardImportTest {

    // --- Apple Contacts ------------------------------------------------------------------------------------

    @Test
    void appleCardKeepsGroupedEmailsItsSocialProfileAndABirthdayWithoutAYear() {
        Parsed parsed = parse("apple-contacts.vcf");
        ImportRow jane = parsed.rows().get(0);
        Draft draft = jane.draft();

        assertThat(parsed.format()).isEqualTo("vCard");
        assertThat(jane.line()).isEqualTo(1);
        assertThat(draft.name()).isEqualTo("Dr. Jane Q. Appleseed");
        assertThat(draft.emails()).containsExactly("jane.appleseed@example.com", "jane@orchard.example.org");
        assertThat(draft.phones()).containsExactly("+1 (555) 010-2000", "+1 555 010 2001");
        assertThat(draft.company()).isEqualTo("Orchard Analytics, Inc.");
        assertThat(draft.title()).isEqualTo("Head of Data");
        // The address's state is kept after the city, so that it tells the time zone (California's).
        assertThat(draft.city()).isEqualTo("Cupertino, CA");
        assertThat(draft.country()).isEqualTo("United States");
        assertThat(app.kith.contact.CityZones.of(draft.city(), draft.country())).isEqualTo(java.time.ZoneId.of("America/Los_Angeles"));
        assertThat(draft.notes()).isEqualTo("Met at the data conference in Austin.\nLikes hiking, chess and tea.");
        assertThat(draft.linkedinUrl()).isEqualTo("http://www.linkedin.com/in/jane-appleseed-example");
        assertThat(draft.birthday()).isEqualTo(new Birthday(null, MonthDay.of(3, 15)));
    }

    @Test
    void appleEmbeddedPhotoIsScaledDownToAJpegOfAtMost256Pixels() throws IOException {
        Photo photo = parse("apple-contacts.vcf").rows().get(0).draft().photo();

        assertThat(photo).isNotNull();
        assertThat(photo.mediaType()).isEqualTo("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.data()));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
    }

    @Test
    void appleCompanyCardWithAnEmptyNIsNamedAfterItsCompany() {
        Draft company = parse("apple-contacts.vcf").rows().get(1).draft();

        assertThat(company.name()).isEqualTo("Blue Harbor Coffee Roasters");
        assertThat(company.company()).isEqualTo("Blue Harbor Coffee Roasters");
        assertThat(company.emails()).containsExactly("hello@blueharbor.example.com");
        assertThat(company.phones()).containsExactly("+1 555 010 3000");
    }

    @Test
    void appleSocialProfileFromTheLinkedInAppBecomesAProfileUrl() {
        ImportRow sam = parse("apple-contacts.vcf").rows().get(2);

        assertThat(sam.line()).isEqualTo(102);
        assertThat(sam.draft().linkedinUrl()).isEqualTo("https://www.linkedin.com/in/sam-okafor-example");
        assertThat(sam.draft().birthday()).isEqualTo(Birthday.of(LocalDate.of(1988, 11, 2)));
        assertThat(sam.draft().photo()).isNull();
    }

    @Test
    void aCardWithAnEmailButNoNameIsSkippedWithItsLine() {
        Parsed parsed = parse("apple-contacts.vcf");

        assertThat(parsed.rows()).hasSize(3);
        assertThat(parsed.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.line()).isEqualTo(115);
            assertThat(skip.reason()).startsWith("no name");
        });
    }

    // --- iCloud, Google, Outlook, vCard 4.0 ------------------------------------------------------------------

    @Test
    void iCloudFoldedNoteIsUnfoldedWithItsEscapedCommaAndNewline() {
        Parsed parsed = parse("icloud.vcf");
        Draft haruto = parsed.rows().get(0).draft();

        assertThat(haruto.notes()).isEqualTo("Mentor from my first job. Ask about the platform migration, the hiring plan"
                + " and his trip to Kyoto next spring.\nPrefers email over calls.");
        assertThat(haruto.linkedinUrl()).isEqualTo("https://www.linkedin.com/in/haruto-nakamura-example");
        assertThat(haruto.birthday()).isEqualTo(new Birthday(null, MonthDay.of(7, 4)));
        assertThat(haruto.city()).isEqualTo("Tokyo");
        assertThat(haruto.phones()).containsExactly("+81 3 5555 0100");
        assertThat(parsed.rows().get(1).line()).isEqualTo(22);
        assertThat(parsed.rows().get(1).draft().birthday()).isEqualTo(Birthday.of(LocalDate.of(1990, 2, 28)));
    }

    @Test
    void googleLinkedInUrlWithAnEscapedColonYearlessBirthdayAndGroupsAsTags() {
        Draft priya = parse("google.vcf").rows().get(0).draft();

        assertThat(priya.name()).isEqualTo("Priya Raman");
        assertThat(priya.emails()).containsExactly("priya.raman@example.com", "priya@lattice.example.org");
        assertThat(priya.linkedinUrl()).isEqualTo("https://www.linkedin.com/in/priya-raman-example");
        assertThat(priya.birthday()).isEqualTo(new Birthday(null, MonthDay.of(3, 15)));
        assertThat(priya.tags()).as("Google's myContacts is every contact, not a tag").containsExactly("Friends", "Conference");
        assertThat(priya.city()).isEqualTo("London");
        assertThat(priya.country()).isEqualTo("United Kingdom");
        assertThat(priya.photo()).as("a photo given by URL is not fetched").isNull();
    }

    @Test
    void anUndecodablePhotoIsDroppedAndTheCardKept() {
        Draft tomas = parse("google.vcf").rows().get(1).draft();

        assertThat(tomas.name()).isEqualTo("Tomás Herrera");
        assertThat(tomas.photo()).isNull();
        assertThat(tomas.tags()).isEmpty();
    }

    @Test
    void outlookQuotedPrintableUtf8IsDecodedAcrossSoftLineBreaks() {
        Draft juergen = parse("outlook.vcf").rows().get(0).draft();

        assertThat(juergen.name()).isEqualTo("Jürgen Müller");
        assertThat(juergen.notes()).isEqualTo("Kennengelernt auf der Messe in Köln.\r\nMöchte über Logistik sprechen.");
        assertThat(juergen.city()).isEqualTo("Köln");
        assertThat(juergen.country()).isEqualTo("Deutschland");
        assertThat(juergen.company()).isEqualTo("Nordlicht GmbH");
        assertThat(juergen.linkedinUrl()).isEqualTo("https://de.linkedin.com/in/juergen-mueller-example");
        assertThat(juergen.birthday()).isEqualTo(Birthday.of(LocalDate.of(1975, 7, 4)));
        assertThat(juergen.phones()).containsExactly("+49 221 555 0100", "+49 170 555 0101");
        assertThat(juergen.emails()).containsExactly("juergen.mueller@example.org");
    }

    @Test
    void outlookSmallPhotoIsKeptAsItIs() throws IOException {
        Photo photo = parse("outlook.vcf").rows().get(0).draft().photo();

        assertThat(photo.mediaType()).isEqualTo("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.data())).getWidth()).isEqualTo(48);
    }

    @Test
    void outlookCompanyCardWithoutFnOrNIsNamedAfterItsOrg() {
        ImportRow kontor = parse("outlook.vcf").rows().get(1);

        assertThat(kontor.line()).isEqualTo(39);
        assertThat(kontor.draft().name()).isEqualTo("Kontor Logistik AG");
        assertThat(kontor.draft().emails()).containsExactly("kontor@example.org");
    }

    @Test
    void vCard4FoldedLinesEscapesTelUriAndMonthDayBirthday() {
        Draft zoe = parse("vcard4.vcf").rows().get(0).draft();

        assertThat(zoe.name()).isEqualTo("Zoë Lindqvist-Ångström");
        assertThat(zoe.birthday()).isEqualTo(new Birthday(null, MonthDay.of(3, 15)));
        assertThat(zoe.phones()).containsExactly("+46-8-555-0100");
        assertThat(zoe.company()).isEqualTo("Fjord & Fell, AB");
        assertThat(zoe.notes()).isEqualTo("Line one\nLine two, with a comma; and a semicolon. This note is long enough"
                + " for the writer to fold it over more than one line.");
        assertThat(zoe.linkedinUrl()).isEqualTo("https://se.linkedin.com/in/zoe-lindqvist-example");
        assertThat(zoe.tags()).containsExactly("design", "conference");
        assertThat(zoe.photo().mediaType()).as("a small PNG with transparency stays a PNG").isEqualTo("image/png");
    }

    @Test
    void mixedLineEndingsReadEveryCardOnItsLine() {
        Parsed parsed = parse("mixed-line-endings.vcf");

        assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(1L, 8L);
        assertThat(parsed.rows().get(0).draft().emails()).containsExactly("lena.vogel@example.com");
        assertThat(parsed.rows().get(1).draft().name()).isEqualTo("Renée Dubois");
        assertThat(parsed.rows().get(1).draft().phones()).containsExactly("+33 1 55 55 01 00");
    }

    @Test
    void aLoneCarriageReturnEndsALineToo() {
        Parsed parsed = VCardImport.parse("BEGIN:VCARD\rVERSION:3.0\rFN:Ola\rEND:VCARD\rBEGIN:VCARD\rVERSION:3.0\rFN:Kari\rEND:VCARD\r");

        assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(1L, 5L);
    }

    @Test
    void aNestedAgentCardIsNotCountedAsAContact() {
        Parsed parsed = VCardImport.parse(String.join("\r\n", "BEGIN:VCARD", "VERSION:2.1", "FN:Ola Nordmann", "AGENT:",
                "BEGIN:VCARD", "VERSION:2.1", "FN:Kari Nordmann", "END:VCARD", "END:VCARD",
                "BEGIN:VCARD", "VERSION:2.1", "FN:Per Hansen", "END:VCARD", ""));

        assertThat(parsed.rows()).extracting(row -> row.draft().name()).containsExactly("Ola Nordmann", "Per Hansen");
        assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(1L, 10L);
    }

    @Test
    void aCardNestedAnywhereButUnderAnAgentFailsTheFileOnItsLine() {
        // ez-vcard read the outer card and dropped the inner one without a word.
        assertThatThrownBy(() -> VCardImport.parse(String.join("\r\n", "BEGIN:VCARD", "VERSION:3.0", "FN:Ola Nordmann",
                "BEGIN:VCARD", "VERSION:3.0", "FN:Kari Nordmann", "END:VCARD", "EMAIL:ola@example.com", "END:VCARD", "")))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("line 4: this BEGIN:VCARD is inside the card begun on line 1, whose END:VCARD is after it")
                .hasMessageEndingWith("nothing was imported");
        // Under an AGENT with parameters or a group, or after a blank line, it is the agent's card.
        for (String agent : List.of("AGENT;TYPE=VCARD:", "item1.agent:", "AGENT :", "AGENT;TYPE=WORK;\r\n CHARSET=UTF-8:")) {
            Parsed parsed = VCardImport.parse(String.join("\r\n", "BEGIN:VCARD", "VERSION:2.1", "FN:Ola Nordmann", agent, "",
                    "BEGIN:VCARD", "VERSION:2.1", "FN:Kari Nordmann", "END:VCARD", "END:VCARD", ""));
            assertThat(parsed.rows()).as(agent).extracting(row -> row.draft().name()).containsExactly("Ola Nordmann");
        }
    }

    @Test
    void aVCard4EmailGivenAsAMailtoUriLosesItsScheme() {
        Parsed parsed = VCardImport.parse("BEGIN:VCARD\nVERSION:4.0\nFN:Ola\nEMAIL:mailto:ola@example.com\nEND:VCARD\n");

        assertThat(parsed.rows().get(0).draft().emails()).containsExactly("ola@example.com");
    }

    // --- Malformed files ---------------------------------------------------------------------------------------

    @Test
    void aFileCutShortFailsOnTheCardThatHasNoEnd() {
        assertThatThrownBy(() -> parse("truncated.vcf"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(6))
                .hasMessageContaining("line 6: this BEGIN:VCARD has no END:VCARD")
                .hasMessageEndingWith("nothing was imported");
    }

    @Test
    void aFileWithoutVCardsFailsSayingWhatToGive() {
        assertThatThrownBy(() -> parse("not-a-vcard.vcf"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isZero())
                .hasMessageStartingWith("no vCard found");
        assertThatThrownBy(() -> VCardImport.parse("")).isInstanceOf(ImportException.class).hasMessageStartingWith("no vCard found");
        // One of the CSV files Kith reads is named, with the format to choose.
        assertThatThrownBy(() -> VCardImport.parse("Notes:\n\"Some notes\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "Ada,Quill,,,,,15 Mar 2024\n"))
                .hasMessageStartingWith("this is LinkedIn's Connections.csv, not a vCard: import it with 'kith import linkedin'");
        assertThatThrownBy(() -> VCardImport.parse("First Name,Last Name,E-mail 1 - Value\nAda,Quill,ada@example.com\n"))
                .hasMessageStartingWith("this is a Google Contacts CSV, not a vCard: import it with 'kith import csv'");
    }

    @Test
    void aLineThatIsNoPropertyFailsWithItsLine() {
        assertThatThrownBy(() -> parse("broken-line.vcf"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(9))
                .hasMessageContaining("starting at line 6")
                .hasMessageContaining("is not a property (it has no colon): \"this line lost its property name\"");
    }

    @Test
    void quotedPrintableThatDoesNotDecodeFailsWithItsLine() {
        String text = String.join("\r\n", "BEGIN:VCARD", "VERSION:2.1", "N:Hansen;Per", "FN;ENCODING=QUOTED-PRINTABLE:Per =ZZ Hansen",
                "END:VCARD", "");

        assertThatThrownBy(() -> VCardImport.parse(text))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(4));
    }

    @Test
    void anEndWithoutABeginFailsWithItsLine() {
        String text = String.join("\n", "BEGIN:VCARD", "VERSION:3.0", "FN:Ola", "END:VCARD", "VERSION:3.0", "FN:Kari", "END:VCARD", "");

        assertThatThrownBy(() -> VCardImport.parse(text))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(7))
                .hasMessageContaining("END:VCARD without a BEGIN:VCARD");
    }

    @Test
    void aBirthdayThatIsNoDateFailsWithItsLine() {
        String text = String.join("\r\n", "BEGIN:VCARD", "VERSION:3.0", "FN:Ola Nordmann", "BDAY:next tuesday", "END:VCARD", "");

        assertThatThrownBy(() -> VCardImport.parse(text))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("'next tuesday' under BDAY is not a date");
    }

    @Test
    void ignorableWarningsDoNotStopTheImport() {
        String text = String.join("\r\n", "BEGIN:VCARD", "VERSION:9.9", "FN:Ola Nordmann", "GEO:somewhere",
                "TZ:not an offset", "BDAY;VALUE=text:circa 1980", "N;CHARSET=no-such-charset;ENCODING=QUOTED-PRINTABLE:Nordmann;Ola",
                "END:VCARD", "");

        Draft ola = VCardImport.parse(text).rows().get(0).draft();

        assertThat(ola.name()).isEqualTo("Ola Nordmann");
        assertThat(ola.birthday()).isNull();
    }

    // --- Big files, read in parts on every core -----------------------------------------------------------------

    /** Cards of 4 to 6 lines, some with blank lines between them; {@code special} puts a line of its own into a card. */
    private static String bigFile(int cards, java.util.function.IntFunction<String> special) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cards; i++) {
            text.append("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ").append(i).append("\r\n");
            if (i % 3 == 0) {
                text.append("EMAIL:p").append(i).append("@example.com\r\nTEL:+1 555 ").append(i).append("\r\n");
            }
            String line = special.apply(i);
            if (line != null) {
                text.append(line).append("\r\n");
            }
            text.append("END:VCARD\r\n").append(i % 7 == 0 ? "\r\n" : "");
        }
        return text.toString();
    }

    /** What one reader from the top makes of a text, and what parts read at once make of it: rows, skips or the error. */
    private static String outcome(String text, int parts) {
        try {
            Parsed parsed = VCardImport.parse(text, parts, BadRows.FAIL);
            return parsed.rows().stream().map(row -> row.line() + " " + row.draft()).toList() + " skipped " + parsed.skipped();
        } catch (ImportException e) {
            return e.getMessage();
        }
    }

    @Test
    void aBigFileReadInPartsGivesEveryCardItsLineInOrder() {
        String text = bigFile(3 * VCardImport.PART + 17, i -> i % 5 == 0 ? "NOTE:card " + i : null);

        Parsed parsed = VCardImport.parse(text, 4, BadRows.FAIL);

        long line = 1;
        for (int i = 0; i < parsed.rows().size(); i++) {
            assertThat(parsed.rows().get(i).line()).isEqualTo(line);
            assertThat(parsed.rows().get(i).draft().name()).isEqualTo("Person " + i);
            line += 4 + (i % 3 == 0 ? 2 : 0) + (i % 5 == 0 ? 1 : 0) + (i % 7 == 0 ? 1 : 0);
        }
        assertThat(parsed.rows()).hasSize(3 * VCardImport.PART + 17);
        assertThat(outcome(text, 4)).isEqualTo(outcome(text, 1));
    }

    @Test
    void inABigFileTheFirstBadLineIsReportedOnItsOwnLine() {
        int cards = 3 * VCardImport.PART;
        String text = bigFile(cards, i -> i == cards - 10 ? "BDAY:never" : i == cards / 2 + 3 ? "this line has no colon" : null);

        assertThatThrownBy(() -> VCardImport.parse(text, 4, BadRows.FAIL))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(lineOf(text, "this line has no colon")))
                .hasMessageContaining("is not a property (it has no colon)");
        String late = bigFile(cards, i -> i == cards - 10 ? "BDAY:never" : null);
        assertThatThrownBy(() -> VCardImport.parse(late, 4, BadRows.FAIL))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(lineOf(late, "BDAY:never")))
                .hasMessageContaining("'never' under BDAY is not a date");
    }

    @Test
    void partsReadWhatOneReaderReadsWhateverTheCardsHold() {
        int cards = 2 * VCardImport.PART + 300;
        // A quoted-printable soft break swallows the END:VCARD after it; nested AGENT cards; nameless cards; broken lines.
        List<java.util.function.IntFunction<String>> specials = List.of(
                i -> i % 97 == 0 ? "NOTE;ENCODING=QUOTED-PRINTABLE:soft break=" : null,
                i -> i % 89 == 0 ? "AGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:Agent " + i + "\r\nEND:VCARD" : null,
                i -> i % 13 == 0 ? "FN:" : null,
                i -> i % 500 == 499 ? "NOTE;ENCODING=QUOTED-PRINTABLE:=ZZ" : null,
                i -> i == cards - 2 ? "no colon at the end" : null);
        for (java.util.function.IntFunction<String> special : specials) {
            String text = bigFile(cards, special);
            assertThat(outcome(text, 3)).isEqualTo(outcome(text, 1));
        }
    }

    private static long lineOf(String text, String line) {
        return text.substring(0, text.indexOf(line)).split("\r\n", -1).length;
    }

    // --- Through the import service, on both databases ---------------------------------------------------------

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    @BothDatabases
    void importingAppleContactsStoresEveryFieldAndTheSecondTimeAddsNothing(TestDatabase test) {
        Kith kith = new Kith(test.database(), CLOCK);
        long me = kith.accounts().actingAccount(null, "ada").id();

        ImportSummary first = kith.imports().run(me, ImportFormat.VCARD, bytes("apple-contacts.vcf"), ImportService.Options.NONE,
                ImportService.Progress.NONE);

        assertThat(first.added()).isEqualTo(3);
        assertThat(first.skipped()).extracting(Skip::line).containsExactly(115L);
        List<Contact> contacts = kith.contacts().list(me, ContactFilter.ALL);
        Contact jane = contacts.stream().filter(c -> c.name().equals("Dr. Jane Q. Appleseed")).findFirst().orElseThrow();
        assertThat(jane.emails()).containsExactly("jane.appleseed@example.com", "jane@orchard.example.org");
        assertThat(jane.phones()).containsExactly("+1 (555) 010-2000", "+1 555 010 2001");
        assertThat(jane.company()).isEqualTo("Orchard Analytics, Inc.");
        assertThat(jane.title()).isEqualTo("Head of Data");
        assertThat(jane.linkedinUrl()).isEqualTo("http://www.linkedin.com/in/jane-appleseed-example");
        assertThat(jane.birthday()).isEqualTo(new Birthday(null, MonthDay.of(3, 15)));
        Photo photo = kith.contacts().photo(me, jane.id()).orElseThrow();
        assertThat(photo.mediaType()).isEqualTo("image/jpeg");
        assertThat(photo.data().length).isLessThan(20_000);
        assertThat(contacts).extracting(Contact::name)
                .containsExactlyInAnyOrder("Dr. Jane Q. Appleseed", "Blue Harbor Coffee Roasters", "Samuel Okafor");

        ImportSummary second = kith.imports().run(me, ImportFormat.VCARD, bytes("apple-contacts.vcf"), ImportService.Options.NONE,
                ImportService.Progress.NONE);

        assertThat(second.added()).isZero();
        assertThat(second.merged()).isZero();
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(kith.contacts().list(me, ContactFilter.ALL)).hasSize(3);
    }

    @BothDatabases
    void aBirthdayImportedWithYearZeroKeepsItsDayAloneAndEscapesInANoteAreDropped(TestDatabase test) {
        Kith kith = new Kith(test.database(), CLOCK);
        long me = kith.accounts().actingAccount(null, "ada").id();
        String text = String.join("\r\n", "BEGIN:VCARD", "VERSION:3.0", "FN:Ola Nordmann", "BDAY:0000-06-01",
                "NOTE:hello\u001b]0;PWNED\u0007 there", "END:VCARD", "");

        kith.imports().run(me, ImportFormat.VCARD, text.getBytes(StandardCharsets.UTF_8), ImportService.Options.NONE,
                ImportService.Progress.NONE);

        Contact ola = kith.contacts().list(me, ContactFilter.ALL).get(0);
        assertThat(ola.birthday()).isEqualTo(new Birthday(null, MonthDay.of(6, 1)));
        assertThat(ola.notes()).isEqualTo("hello]0;PWNED there");
    }

    @Test
    void aValueRefusedInACardIsToldByTheLineTheCardStartsOn() {
        String text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Quill\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bruno Lima\r\nORG:Fjord Labs\r\nNOTE:hi\r\nEMAIL:not-an-address\r\nEND:VCARD\r\n";

        assertThatThrownBy(() -> ImportService.read(ImportFormat.VCARD, text.getBytes(StandardCharsets.UTF_8), CLOCK,
                ImportService.Progress.NONE, BadRows.FAIL))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("line 5: in the card that starts there, 'not-an-address' is not an email address")
                .hasMessageEndingWith("; nothing was imported");
    }

    @BothDatabases
    void aMalformedFileWritesNothingEvenFromItsGoodCards(TestDatabase test) {
        Kith kith = new Kith(test.database(), CLOCK);
        long me = kith.accounts().actingAccount(null, "ada").id();

        for (String file : List.of("broken-line.vcf", "truncated.vcf", "not-a-vcard.vcf")) {
            assertThatThrownBy(() -> kith.imports().run(me, ImportFormat.VCARD, bytes(file), ImportService.Options.NONE,
                    ImportService.Progress.NONE)).as(file).isInstanceOf(ImportException.class);
        }

        assertThat(kith.contacts().list(me, ContactFilter.ALL)).isEmpty();
    }

    @BothDatabases
    void aCategoryWithACommaInItIsTwoTagsAsEveryDoorPartsThemAndAnOlderSuchTagCanStillBeTakenAway(TestDatabase test) {
        Kith kith = new Kith(test.database(), CLOCK);
        long me = kith.accounts().actingAccount(null, "ada").id();
        String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kari Nordmann\r\nCATEGORIES:Go,b\\,c,x ::: y,p :\0:: q\r\nEND:VCARD\r\n";
        kith.imports().run(me, ImportFormat.VCARD, card.getBytes(StandardCharsets.UTF_8), new ImportService.Options(null, false),
                ImportService.Progress.NONE);
        Contact kari = kith.contacts().list(me, ContactFilter.ALL).get(0);
        // A control character inside a separator goes first, as from every field, and leaves the separator.
        assertThat(kari.tags()).containsExactlyInAnyOrder("Go", "b", "c", "x", "y", "p", "q");

        // As an older version kept it: named whole, it is taken away whole; else a comma parts the names given.
        test.database().jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO contact_tags (contact_id, tag) VALUES (:id, 'd,e')")
                .bind("id", kari.id()).execute());
        kith.contacts().edit(me, kari.id(), app.kith.contact.ContactChanges.builder().removeTags(List.of("D,E", "go, b")).build());
        assertThat(kith.contacts().get(me, kari.id()).tags()).containsExactlyInAnyOrder("c", "x", "y", "p", "q");
    }

    @BothDatabases
    void aBigFileWrittenWhileItIsReadEndsAsIfReadFirst(TestDatabase test) {
        Kith kith = new Kith(test.database(), CLOCK);
        long me = kith.accounts().actingAccount(null, "ada").id();
        int cards = 3 * VCardImport.PART + 17;
        // Nameless cards are left out, so fewer contacts come than cards; the last card is the first one again, with more.
        String text = bigFile(cards - 1, i -> i % 101 == 50 ? "FN:\r\nN:;;;;" : null)
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person 0\r\nEMAIL:p0@example.com\r\nTEL:+1 555 777\r\nORG:Fjord Labs\r\n"
                + "CATEGORIES:Friends\r\nEND:VCARD\r\n";
        Parsed one = VCardImport.parse(text, 1, BadRows.FAIL);

        ImportSummary summary = kith.imports().run(me, ImportFormat.VCARD, text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new ImportService.Options("Past teams", false), ImportService.Progress.NONE);

        int added = one.rows().size() - 1;
        assertThat(summary.added()).isEqualTo(added);
        assertThat(summary.merged()).isEqualTo(1);
        assertThat(summary.skipped()).isEqualTo(one.skipped());
        Contact first = kith.contacts().list(me, ContactFilter.ALL).stream().filter(c -> c.name().equals("Person 0")).findFirst().orElseThrow();
        assertThat(first.phones()).containsExactly("+1 555 0", "+1 555 777");
        assertThat(first.company()).isEqualTo("Fjord Labs");
        assertThat(first.tags()).containsExactly("Friends");
        assertThat(kith.contacts().list(me, new ContactFilter(null, null, "fjord", false, false)))
                .extracting(Contact::name).containsExactly("Person 0");
        List<Double> spreads = test.database().withHandle(handle -> handle.createQuery(
                "SELECT first_due_spread FROM contacts WHERE user_id = :me ORDER BY id").bind("me", me).mapTo(Double.class).list());
        assertThat(spreads).hasSize(added);
        for (int i = 0; i < added; i++) {
            // Each written with its place among the new contacts, none given another one later.
            assertThat(spreads.get(i)).isEqualTo(ImportPlan.spread(i));
        }
        assertThat(kith.contacts().list(me, ContactFilter.ALL)).allSatisfy(contact ->
                assertThat(contact.dueOn()).isAfter(LocalDate.now(CLOCK)).isBeforeOrEqualTo(LocalDate.now(CLOCK).plusMonths(3)));
        if (test.dialect() == app.kith.storage.Dialect.SQLITE) {
            test.database().useTransaction(handle -> handle.execute("INSERT INTO contacts_search (contacts_search) VALUES ('integrity-check')"));
        }
        // The index holds every contact written while the file was read, each found by its own name.
        for (int i = 1; i < cards - 1; i += 997) {
            if (i % 101 != 50) {
                assertThat(kith.contacts().list(me, new ContactFilter(null, null, "person " + i, false, false)))
                        .extracting(Contact::name).as("person " + i).contains("Person " + i);
            }
        }
    }

    @BothDatabases
    void aBadCardLateInABigFileWritesNothingAndIsToldAsOneReaderMeetsIt(TestDatabase test) {
        Kith kith = new Kith(test.database(), CLOCK);
        long me = kith.accounts().actingAccount(null, "ada").id();
        int cards = 3 * VCardImport.PART;
        String text = bigFile(cards, i -> i == cards - 10 ? "BDAY:never" : i == cards / 2 + 3 ? "this line has no colon" : null);
        byte[] file = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> kith.imports().run(me, ImportFormat.VCARD, file, ImportService.Options.NONE, ImportService.Progress.NONE))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(lineOf(text, "this line has no colon")))
                .hasMessageContaining("is not a property (it has no colon)");
        // As when the file was read before the database was looked at, its error comes before an unknown circle's.
        assertThatThrownBy(() -> kith.imports().run(me, ImportFormat.VCARD, file, new ImportService.Options("Friends", false),
                ImportService.Progress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("is not a property (it has no colon)");
        assertThat(kith.contacts().list(me, ContactFilter.ALL)).isEmpty();
    }

    // --- Fixtures -----------------------------------------------------------------------------------------------

    private static Parsed parse(String fixture) {
        return VCardImport.parse(TextFile.decode(bytes(fixture)));
    }

    private static byte[] bytes(String fixture) {
        try (InputStream in = VCardImportTest.class.getResourceAsStream("/exchange/vcard/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
