package app.kith.exchange;

import app.kith.Kith;
import app.kith.contact.Birthday;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.contact.ContactBulk;
import app.kith.shared.ValidationException;
import app.kith.storage.Dialect;
import app.kith.storage.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties: an export loses nothing, whatever the names, notes and characters in it. */
class ExportPropertiesTest {
    private static TestDatabase source;
    private static TestDatabase target;
    private static Kith from;
    private static Kith to;
    private static Path folder;
    private static int accounts;

    @BeforeContainer
    static void open() throws IOException {
        source = TestDatabase.create(Dialect.SQLITE);
        target = TestDatabase.create(Dialect.SQLITE);
        from = new Kith(source.database(), ExportServiceTest.CLOCK);
        to = new Kith(target.database(), ExportServiceTest.CLOCK);
        folder = Files.createTempDirectory("kith-export-property");
    }

    @AfterContainer
    static void close() throws IOException {
        source.close();
        target.close();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    @Property(tries = 60)
    void aJsonExportRestoredElsewhereExportsTheSameBytes(@ForAll("text") String name, @ForAll("text") String notes,
                                                         @ForAll("text") String tag) throws IOException {
        long fromUser = from.accounts().actingAccount(null, "ada").id();
        try {
            from.contacts().add(fromUser, ContactChanges.builder().name(name).notes(notes).tags(List.of(tag)).company(notes).build());
        } catch (ValidationException refused) {
            Assume.that(false); // a name Kith does not accept by hand is no export's concern
        }
        byte[] exported = from.exports().export(fromUser, ExportFormat.JSON);
        Path file = Files.write(folder.resolve("export.json"), exported);

        long toUser = to.accounts().actingAccount(null, "ada").id();
        to.exports().restore(file, true, () -> toUser);

        assertThat(to.exports().export(toUser, ExportFormat.JSON)).isEqualTo(exported);
    }

    @Property(tries = 200)
    void aVcardExportReadBackByTheImportLosesNothing(@ForAll("text") String name, @ForAll("text") String notes,
                                                    @ForAll("text") String company, @ForAll("text") String tag,
                                                    @ForAll("birthdays") Birthday birthday) {
        int n = ++accounts;
        Contact stored = addedOrSkipped(ContactChanges.builder().name(name).notes(notes).company(company)
                .title(notes).tags(List.of(tag)).emails(List.of("someone." + n + "@example.com"))
                .phones(List.of("+44 20 7946 " + n)).birthday(birthday)
                .linkedinUrl("https://www.linkedin.com/in/someone-" + n).build());

        Parsed parsed = VCardImport.parse(VcardExport.write(exportOf(stored)));

        assertThat(parsed.rows()).hasSize(1);
        assertCardReadBack(from.bulk().checked(parsed.rows().get(0).draft()), stored);
    }

    /** What both a vCard and a CSV row carry back: name, notes, job, tags, emails, phones, LinkedIn page, birthday. */
    private static void assertCardReadBack(ContactBulk.Draft back, Contact stored) {
        assertThat(back.name()).isEqualTo(stored.name());
        assertThat(back.notes()).isEqualTo(stored.notes());
        assertThat(back.company()).isEqualTo(stored.company());
        assertThat(back.title()).isEqualTo(stored.title());
        assertThat(back.tags()).isEqualTo(stored.tags());
        assertThat(back.emails()).isEqualTo(stored.emails());
        assertThat(back.phones()).isEqualTo(stored.phones());
        assertThat(back.linkedinUrl()).isEqualTo(stored.linkedinUrl());
        assertThat(back.birthday()).isEqualTo(stored.birthday());
    }

    /** The contact added to the source's owner; a try whose contact Kith refuses by hand is skipped (no export's concern). */
    private static Contact addedOrSkipped(ContactChanges contact) {
        try {
            return from.contacts().add(owner(), contact);
        } catch (ValidationException refused) {
            Assume.that(false);
            throw refused;
        }
    }

    /** The owner's export holding this one contact alone. */
    private static UserExport exportOf(Contact contact) {
        UserExport all = from.exports().snapshot(owner());
        return new UserExport(all.format(), all.version(), all.user(), all.circles(),
                all.contacts().stream().filter(c -> c.id() == contact.id()).toList(), List.of(), List.of(), List.of());
    }

    private static long owner() {
        return from.accounts().actingAccount(null, "ada").id();
    }

    @Provide
    Arbitrary<Birthday> birthdays() {
        return Arbitraries.integers().between(1, 366).flatMap(day -> Arbitraries.of(true, false).map(withYear -> {
            LocalDate date = LocalDate.ofYearDay(1996, day);
            return withYear ? Birthday.of(date) : new Birthday(null, MonthDay.from(date));
        }));
    }

    @Property(tries = 200)
    void aCsvExportReadBackByTheImportLosesNothing(@ForAll("text") String name, @ForAll("text") String notes,
                                                  @ForAll("text") String company, @ForAll("text") String tag,
                                                  @ForAll("text") String metHow, @ForAll("birthdays") Birthday birthday) {
        // Kith's CSV joins a list's items with " ::: ", as Google's does: an item holding ":::" is split on the way back.
        Assume.that(!tag.contains(":::"));
        int n = ++accounts;
        Contact stored = addedOrSkipped(ContactChanges.builder().name(name).notes(notes).company(company)
                .title(notes).city(company).country(name).tags(List.of(tag)).metHow(metHow).metOn(LocalDate.of(2020, 2, 29))
                .emails(List.of("someone." + n + "@example.com", "other." + n + "@example.org"))
                .phones(List.of("+44 20 7946 " + n, "(020) 7946 " + n)).birthday(birthday)
                .linkedinUrl("https://www.linkedin.com/in/someone-" + n).build());

        Parsed parsed = ContactsCsv.parse(CsvExport.write(exportOf(stored)));

        assertThat(parsed.format()).isEqualTo(ContactsCsv.KITH);
        assertThat(parsed.rows()).hasSize(1);
        ContactBulk.Draft back = from.bulk().checked(parsed.rows().get(0).draft());
        assertCardReadBack(back, stored);
        assertThat(back.city()).isEqualTo(stored.city());
        assertThat(back.country()).isEqualTo(stored.country());
        assertThat(back.metOn()).isEqualTo(stored.metOn());
        assertThat(back.metHow()).isEqualTo(stored.metHow());
    }

    @Property(tries = 500)
    void aCsvCellReadsBackAsItsValueWithAFormulaQuoted(@ForAll("text") String name, @ForAll("text") String notes,
                                                        @ForAll("text") String company)
            throws IOException {
        UserExport.ContactEntry contact = new UserExport.ContactEntry(1, name, List.of(), List.of(), company, null, null, null,
                null, null, null, null, notes, null, null, null, false, "2026-03-10", null, null, null, null, null, null, null,
                null, List.of(), List.of(), null, null);
        UserExport export = new UserExport(UserExport.FORMAT, UserExport.VERSION, null, List.of(), List.of(contact), List.of(), List.of(), List.of());

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(CsvExport.write(export))).getRecords();

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("Name")).isEqualTo(quoted(name));
        assertThat(rows.get(0).get("Notes")).isEqualTo(quoted(notes));
        assertThat(rows.get(0).get("Company")).isEqualTo(quoted(company));
    }

    /** Any unicode text, text made of CSV's and vCard's special characters, and text that starts like a formula. */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> awkward = Arbitraries.strings().withChars("=+-@\t\r\n\",;:\\' aZé日🎉").ofMaxLength(30);
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                awkward,
                Arbitraries.of("=", "+", "-", "@", "\t", "\r", "'", "''", "'=").flatMap(start -> awkward.map(rest -> start + rest)));
    }

    private static String quoted(String value) {
        return !value.isEmpty() && "=+-@\t\r'".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
