package app.kith.exchange;

import app.kith.contact.Birthday;
import app.kith.contact.ContactBulk.Draft;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.MonthDay;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactsCsvTest {
    private static final String OUTLOOK_HEADER = "First Name,Middle Name,Last Name,Title,Web Page,Birthday,Notes,E-mail Address,"
            + "E-mail Type,E-mail 2 Address,E-mail 2 Type,Mobile Phone,Business Phone,Company,Job Title,Business City,Categories\n";

    static byte[] fixture(String name) {
        try (InputStream in = ContactsCsvTest.class.getResourceAsStream("/exchange/csv/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Parsed parseFixture(String name) {
        return ContactsCsv.parse(TextFile.decode(fixture(name)));
    }

    private static Draft only(Parsed parsed) {
        assertThat(parsed.rows()).hasSize(1);
        return parsed.rows().get(0).draft();
    }

    @Test
    void aStateOrProvinceThatTellsATimeZoneIsKeptAfterTheCity() {
        // Google's Region and Outlook's State: a state of the list, of the country given, is kept; another region is
        // not, nor one with no country given (OR is also Oristano's province code).
        Parsed google = ContactsCsv.parse("""
                First Name,Last Name,Address 1 - City,Address 1 - Region,Address 1 - Country
                Ada,Quill,Springfield,IL,United States
                Bo,Lind,Portland,OR,
                Cy,Ruiz,Munich,Bavaria,Germany
                Di,Moss,Springfield,IL,Germany
                Ed,Nash,,IL,US
                """);
        assertThat(google.rows()).extracting(row -> row.draft().city())
                .containsExactly("Springfield, IL", "Portland", "Munich", "Springfield", "");
        Parsed outlook = ContactsCsv.parse("First Name,Last Name,Business City,Business State,Business Country/Region\n"
                + "Fay,Ito,London,ON,Canada\n");
        assertThat(only(outlook).city()).isEqualTo("London, ON");
        assertThat(app.kith.contact.CityZones.of(only(outlook).city(), only(outlook).country()))
                .isEqualTo(java.time.ZoneId.of("America/Toronto"));
    }

    // --- Google, current export ---------------------------------------------------------------------------------

    @Test
    void googlesCurrentExportGivesEveryFieldKithKeeps() {
        Parsed parsed = parseFixture("google-contacts.csv");

        assertThat(parsed.format()).isEqualTo("Google Contacts CSV");
        assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(2L, 6L, 8L, 9L, 11L);
        Draft ada = parsed.rows().get(0).draft();
        assertThat(ada.name()).isEqualTo("Ada Maria Quill");
        assertThat(ada.company()).isEqualTo("Quill & Co");
        assertThat(ada.title()).isEqualTo("Staff Engineer");
        assertThat(ada.city()).isEqualTo("Lisbon");
        assertThat(ada.country()).isEqualTo("Portugal");
        assertThat(ada.notes()).isEqualTo("Met at the \"Lisbon data\" meetup.\nLikes long walks.");
        assertThat(ada.metOn()).isNull();
    }

    @Test
    void valuesJoinedWithColonsInOneCellBecomeSeveralValues() {
        Draft ada = parseFixture("google-contacts.csv").rows().get(0).draft();

        assertThat(ada.emails()).containsExactly("ada.quill@example.com", "ada@example.org", "aq@example.net");
        assertThat(ada.phones()).containsExactly("+351 912 345 678", "+351 213 000 111", "+351 213 000 222");
    }

    /** Excel saves "CSV" with semicolons where the comma is the decimal mark (Germany, France): read as it comes. */
    @Test
    void aFileWhoseCellsArePartedBySemicolonsIsReadAsOneWithCommas() {
        Draft ada = only(ContactsCsv.parse("First Name;Last Name;E-mail 1 - Value;Organization Name;Notes\n"
                + "Ada;Quill;ada@example.com;\"Quill, Lovelace & Co\";\"met in Berlin; twice\"\n"));
        assertThat(ada.name()).isEqualTo("Ada Quill");
        assertThat(ada.emails()).containsExactly("ada@example.com");
        assertThat(ada.company()).isEqualTo("Quill, Lovelace & Co");
        assertThat(ada.notes()).isEqualTo("met in Berlin; twice");
        // A header with commas stays a comma file, whatever semicolons its quoted names or its rows hold.
        assertThat(CsvRows.separator("First Name,\"Last; Name\",Notes\nAda;x,Quill;y;z,n\n")).isEqualTo(',');
        assertThat(CsvRows.separator("\"Notes, first\";Name;E-mail\n")).isEqualTo(';');
        assertThat(CsvRows.separator("")).isEqualTo(',');
    }

    @Test
    void numberedColumnsAreReadInNumberOrderWhateverTheirCount() {
        String header = IntStream.of(10, 2, 1, 11, 3, 4, 5, 6, 7, 8, 9)
                .mapToObj(n -> "E-mail " + n + " - Label,E-mail " + n + " - Value,Phone " + n + " - Value")
                .collect(Collectors.joining(",", "First Name,Last Name,", "\n"));
        String row = IntStream.of(10, 2, 1, 11, 3, 4, 5, 6, 7, 8, 9)
                .mapToObj(n -> "Other,m" + n + "@example.com,+1 555 01" + (10 + n))
                .collect(Collectors.joining(",", "Ada,Quill,", "\n"));

        Draft ada = only(ContactsCsv.parse(header + row));

        assertThat(ada.emails()).containsExactlyElementsOf(IntStream.rangeClosed(1, 11).mapToObj(n -> "m" + n + "@example.com").toList());
        assertThat(ada.phones()).hasSize(11).startsWith("+1 555 0111", "+1 555 0112").endsWith("+1 555 0121");
    }

    @Test
    void labelsBecomeTagsWithoutGooglesSystemGroups() {
        List<Draft> rows = parseFixture("google-contacts.csv").rows().stream().map(ImportRow::draft).toList();

        assertThat(rows.get(0).tags()).containsExactly("Friends", "Mentors");
        assertThat(rows.get(1).tags()).isEmpty();
        assertThat(rows.get(2).tags()).containsExactly("Suppliers");
        assertThat(rows.get(4).tags()).containsExactly("Conference 2024");
    }

    @Test
    void birthdaysWithAndWithoutTheYear() {
        List<Draft> rows = parseFixture("google-contacts.csv").rows().stream().map(ImportRow::draft).toList();

        assertThat(rows.get(0).birthday()).isEqualTo(new Birthday(null, MonthDay.of(3, 15)));
        assertThat(rows.get(1).birthday()).isEqualTo(Birthday.parse("1985-03-15"));
        assertThat(rows.get(2).birthday()).isNull();
    }

    @Test
    void aLinkedInWebsiteBecomesTheProfileAndOtherWebsitesDoNot() {
        List<Draft> rows = parseFixture("google-contacts.csv").rows().stream().map(ImportRow::draft).toList();

        assertThat(rows.get(0).linkedinUrl()).isEqualTo("https://www.linkedin.com/in/ada-quill-0a1b2c");
        assertThat(rows.get(1).linkedinUrl()).isNull();
    }

    @Test
    void aRowWithOnlyACompanyIsNamedAfterIt_andOneWithOnlyAnEmailAfterTheAddress() {
        List<Draft> rows = parseFixture("google-contacts.csv").rows().stream().map(ImportRow::draft).toList();

        assertThat(rows.get(2).name()).isEqualTo("Northwind Traders");
        assertThat(rows.get(2).company()).isEqualTo("Northwind Traders");
        assertThat(rows.get(3).name()).isEqualTo("someone@example.org");
        assertThat(rows.get(3).emails()).containsExactly("someone@example.org");
    }

    @Test
    void aRowWithNoNameCompanyOrEmailIsSkippedWithItsLine() {
        Parsed parsed = parseFixture("google-contacts.csv");

        assertThat(parsed.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.line()).isEqualTo(10);
            assertThat(skip.reason()).startsWith("no name");
        });
    }

    @Test
    void quotedCommasAndQuotesStayInTheirCell() {
        Draft zoe = parseFixture("google-contacts.csv").rows().get(4).draft();

        assertThat(zoe.name()).isEqualTo("Zoë Åberg");
        assertThat(zoe.title()).isEqualTo("Designer \"UX\", Nordics");
        assertThat(zoe.city()).isEqualTo("Malmö");
    }

    // --- Google, older export -----------------------------------------------------------------------------------

    @Test
    void googlesOlderExportWithGivenAndFamilyNamesAndGroupMembership() {
        Parsed parsed = parseFixture("google-contacts-legacy.csv");

        assertThat(parsed.format()).isEqualTo("Google Contacts CSV");
        assertThat(parsed.skipped()).isEmpty();
        Draft chiamaka = parsed.rows().get(0).draft();
        assertThat(chiamaka.name()).isEqualTo("Chiamaka Obi");
        assertThat(chiamaka.emails()).containsExactly("chiamaka@example.com", "c.obi@example.org");
        assertThat(chiamaka.phones()).containsExactly("+234 803 000 0000");
        assertThat(chiamaka.company()).isEqualTo("Obi Analytics");
        assertThat(chiamaka.title()).isEqualTo("Founder");
        assertThat(chiamaka.city()).isEqualTo("Lagos");
        assertThat(chiamaka.country()).isEqualTo("Nigeria");
        assertThat(chiamaka.birthday()).isEqualTo(Birthday.parse("1990-07-04"));
        assertThat(chiamaka.tags()).containsExactly("Book club", "Friends");
        assertThat(chiamaka.linkedinUrl()).isEqualTo("linkedin.com/in/chiamaka-obi");
        assertThat(chiamaka.notes()).isEqualTo("Runs the book club.");

        Draft dmitri = parsed.rows().get(1).draft();
        assertThat(dmitri.name()).as("from the Name column when the parts are empty").isEqualTo("Dmitri Volkov");
        assertThat(dmitri.birthday()).isEqualTo(Birthday.parse("--11-02"));
        assertThat(dmitri.tags()).isEmpty();
    }

    // --- Outlook ------------------------------------------------------------------------------------------------

    @Test
    void outlooksExportInWindows1252WithCrlfLineEnds() {
        byte[] bytes = fixture("outlook-contacts.csv");
        assertThat(bytes).as("é written as one byte, as Outlook does").contains((byte) 0xE9);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("\r\n");

        Parsed parsed = ContactsCsv.parse(TextFile.decode(bytes));

        assertThat(parsed.format()).isEqualTo("Outlook CSV");
        assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(2L, 3L, 4L);
        Draft emile = parsed.rows().get(0).draft();
        assertThat(emile.name()).as("Title is an honorific, not part of the name").isEqualTo("Émile Durand");
        assertThat(emile.title()).as("the job comes from Job Title").isEqualTo("Directeur technique");
        assertThat(emile.company()).isEqualTo("Durand, Fils & Cie");
        assertThat(emile.emails()).containsExactly("emile.durand@example.com", "emile@example.org");
        assertThat(emile.phones()).as("no fax").containsExactly("+33 6 12 34 56 78", "+33 1 23 45 67 89");
        assertThat(emile.city()).isEqualTo("Lyon");
        assertThat(emile.country()).isEqualTo("France");
        assertThat(emile.birthday()).isEqualTo(Birthday.parse("1985-03-15"));
        assertThat(emile.notes()).isEqualTo("Aime le café noir.");
        assertThat(emile.linkedinUrl()).isEqualTo("https://www.linkedin.com/in/emile-durand");
        assertThat(emile.tags()).containsExactly("Clients");

        Draft renee = parsed.rows().get(1).draft();
        assertThat(renee.name()).isEqualTo("Renée A. Müller");
        assertThat(renee.birthday()).as("0/0/00 is Outlook's empty date").isNull();
        assertThat(renee.city()).isEqualTo("Zürich");
        assertThat(renee.country()).isEqualTo("Switzerland");
        assertThat(renee.linkedinUrl()).isNull();
        assertThat(renee.tags()).isEmpty();

        Draft cafe = parsed.rows().get(2).draft();
        assertThat(cafe.name()).isEqualTo("Café Zéphyr");
        assertThat(cafe.city()).isEqualTo("Marseille");

        assertThat(parsed.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.line()).isEqualTo(5);
            assertThat(skip.reason()).startsWith("no name");
        });
    }

    @Test
    void outlooksExportInGermanIsReadByItsGermanColumns() {
        byte[] bytes = fixture("outlook-contacts-german.csv");
        assertThat(bytes).as("ß written as one byte, as Outlook does").contains((byte) 0xDF);

        Parsed parsed = ContactsCsv.parse(TextFile.decode(bytes));

        assertThat(parsed.format()).isEqualTo("Outlook CSV");
        assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(2L, 3L);
        Draft juergen = parsed.rows().get(0).draft();
        assertThat(juergen.name()).as("Anrede is an honorific, not part of the name").isEqualTo("Jürgen Weiß");
        assertThat(juergen.company()).isEqualTo("Bäckerei Weiß & Söhne");
        assertThat(juergen.title()).isEqualTo("Geschäftsführer");
        assertThat(juergen.emails()).containsExactly("juergen.weiss@example.de", "jw@example.org");
        assertThat(juergen.phones()).as("mobile first, as in English").containsExactly("+49 171 2345678", "+49 89 1234567");
        assertThat(juergen.city()).isEqualTo("München");
        assertThat(juergen.country()).isEqualTo("Deutschland");
        assertThat(juergen.birthday()).as("day first").isEqualTo(Birthday.parse("1985-03-15"));
        assertThat(juergen.tags()).containsExactly("Kunden", "Bayern");
        assertThat(juergen.notes()).isEqualTo("Trinkt gern Kaffee; fragt nach dem Urlaub.");
        assertThat(juergen.linkedinUrl()).isEqualTo("https://www.linkedin.com/in/juergen-weiss");

        Draft anna = parsed.rows().get(1).draft();
        assertThat(anna.name()).isEqualTo("Anna Maria Schäfer");
        assertThat(anna.birthday()).as("0.0.00 is Outlook's empty date").isNull();
        assertThat(anna.phones()).containsExactly("+49 30 7654321");
        assertThat(parsed.skipped()).singleElement().satisfies(skip -> assertThat(skip.reason()).startsWith("no name"));
    }

    @Test
    void anOutlookInAnotherLanguageWritesItsDatesDayFirstOrYearFirst() {
        Parsed french = ContactsCsv.parse("Prénom,Nom,Adresse de messagerie,Anniversaire\nÉmile,Durand,emile@example.fr,04/03/1985\n");
        assertThat(only(french).birthday()).as("the 4th of March, not April 3").isEqualTo(Birthday.parse("1985-03-04"));
        Parsed swedish = ContactsCsv.parse("Förnamn,Efternamn,E-postadress,Födelsedag\n"
                + "Astrid,Berg,astrid@example.se,1985-03-15\nBo,Ek,bo@example.se,1986.04.16.\n");
        assertThat(swedish.rows()).extracting(row -> row.draft().birthday())
                .containsExactly(Birthday.parse("1985-03-15"), Birthday.parse("1986-04-16"));
        assertThatThrownBy(() -> ContactsCsv.parse("Vorname;Nachname;E-Mail-Adresse;Geburtstag\nJan;Ott;jan@example.de;31.02.1985\n"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("'31.02.1985' under Geburtstag is not a date like 15.03.1985 (day, month, four-digit year)");
    }

    @Test
    void aJapaneseOutlooksNamesAreWrittenFamilyNameFirstAndItsBirthdaysYearFirst() {
        Draft taro = only(ContactsCsv.parse("名,姓,会社名,役職,電子メール アドレス,携帯電話,市町村 (会社),誕生日\n"
                + "太郎,山田,山田商事,部長,taro@example.jp,090-1234-5678,東京,1985/03/15\n"));
        assertThat(taro.name()).isEqualTo("山田太郎");
        assertThat(taro.company()).isEqualTo("山田商事");
        assertThat(taro.title()).isEqualTo("部長");
        assertThat(taro.emails()).containsExactly("taro@example.jp");
        assertThat(taro.phones()).containsExactly("090-1234-5678");
        assertThat(taro.city()).isEqualTo("東京");
        assertThat(taro.birthday()).isEqualTo(Birthday.parse("1985-03-15"));
        // Simplified Chinese names first and family names as Japanese does; its own columns tell it apart.
        Draft li = only(ContactsCsv.parse("名,姓,单位,电子邮件地址,生日\n雷,李,北京大学,lei@example.cn,1990/4/5\n"));
        assertThat(li.name()).isEqualTo("李雷");
        assertThat(li.company()).isEqualTo("北京大学");
        assertThat(li.birthday()).isEqualTo(Birthday.parse("1990-04-05"));
    }

    @Test
    void aFrenchOutlooksTitreIsTheJobTitleNotTheHonorificOfTheSameName() {
        // French Outlook names Title (M., Dr) and Job Title both "Titre", in Outlook's order: the honorific first.
        Draft emile = only(ContactsCsv.parse("Titre;Prénom;Nom;Société;Titre;Adresse de messagerie\n"
                + "M.;Émile;Durand;Durand & Fils;Directeur technique;emile@example.fr\n"));
        assertThat(emile.name()).isEqualTo("Émile Durand");
        assertThat(emile.title()).isEqualTo("Directeur technique");
        assertThat(emile.company()).isEqualTo("Durand & Fils");
    }

    @Test
    void anOutlookWhoseLanguageLeavesSomeColumnsInEnglishIsReadInThatLanguage() {
        // Spanish names some columns as English does: taken for an English file by them, its names were lost.
        Draft lucia = only(ContactsCsv.parse("Nombre,Apellidos,E-mail Address,Puesto,Organización,Mobile Phone\n"
                + "Lucía,García,lucia@example.es,Directora,Acme,+34 600 000 000\n"));
        assertThat(lucia.name()).isEqualTo("Lucía García");
        assertThat(lucia.title()).isEqualTo("Directora");
        assertThat(lucia.company()).isEqualTo("Acme");
        assertThat(lucia.emails()).containsExactly("lucia@example.es");
        assertThat(lucia.phones()).containsExactly("+34 600 000 000");
        // Two columns of a language are not enough to tell it.
        assertThatThrownBy(() -> ContactsCsv.parse("Vorname,Nachname\nJan,Ott\n")).isInstanceOf(ImportException.class)
                .hasMessageContaining("is none of the CSV files Kith reads");
    }

    @Test
    void outlookBirthdaysMonthFirst_dayFirstWhenItCannotBeAMonth() {
        Parsed parsed = ContactsCsv.parse(OUTLOOK_HEADER
                + "Ada,,Quill,,,3/5/1985,,,,,,,,,,,\n"
                + "Bruno,,Lima,,,15/03/1990,,,,,,,,,,,\n"
                + "Carla,,Mendes,,,0/0/0000,,,,,,,,,,,\n"
                + "Dora,,Reis,,,1/1/4501,,,,,,,,,,,\n");

        // 1/1/4501 is the date Outlook keeps for "None".
        assertThat(parsed.rows()).extracting(row -> row.draft().birthday())
                .containsExactly(Birthday.parse("1985-03-05"), Birthday.parse("1990-03-15"), null, null);
    }

    @Test
    void anOutlookBirthdayThatIsNoDateFailsWithItsLine() {
        assertThatThrownBy(() -> ContactsCsv.parse(OUTLOOK_HEADER + "Ada,,Quill,,,,,,,,,,,,,,\nBruno,,Lima,,,13/13/1990,,,,,,,,,,,\n"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("'13/13/1990' under Birthday");
    }

    @Test
    void aGoogleBirthdayThatIsNoDateFailsWithItsLine() {
        assertThatThrownBy(() -> ContactsCsv.parse("First Name,Labels,Birthday\nAda,,--02-30\n"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("'--02-30' under Birthday is not a date like 1985-03-15");
    }

    @Test
    void outlooksExchangeAddressesAreNotEmails() {
        Draft ada = only(ContactsCsv.parse(OUTLOOK_HEADER
                + "Ada,,Quill,,,,,/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=ada,EX,ada@example.com,SMTP,,,,,,\n"));

        assertThat(ada.emails()).containsExactly("ada@example.com");
    }

    // --- what fails ---------------------------------------------------------------------------------------------

    @Test
    void anyOtherHeaderFailsNamingTheFormatsUnderstood() {
        assertThatThrownBy(() -> ContactsCsv.parse("Mail,Telephone,Employer\nada@example.org,,Acme\n"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessage("line 1: the header 'Mail,Telephone,Employer' is none of the CSV files Kith reads:"
                        + " Google Contacts CSV (contacts.google.com, Export, Google CSV), Outlook CSV (File, Open & Export,"
                        + " Import/Export, Export to a file, CSV; its columns named in English or in one of 31 other languages),"
                        + " Kith's own ('kith export csv', or Contacts as CSV on Settings), or a sheet of your own with a Name column;"
                        + " for LinkedIn's Connections.csv use 'kith import linkedin' (on the Import page: LinkedIn's Connections.csv);"
                        + " nothing was imported");
    }

    @Test
    void aSheetOfOnesOwnIsReadByItsColumnsInAnyOrder() {
        Parsed parsed = ContactsCsv.parse("City,Name,Email,Company,Phone,Tag,Note\n"
                + "Berlin,Ada Quill,ada@example.org,Acme,+49 30 1234567,robotics,Met at a meetup\n,Bruno Lima,,,,,\n");
        assertThat(parsed.format()).isEqualTo(ContactsCsv.KITH);
        Draft ada = parsed.rows().get(0).draft();
        assertThat(ada.name()).isEqualTo("Ada Quill");
        assertThat(ada.city()).isEqualTo("Berlin");
        assertThat(ada.company()).isEqualTo("Acme");
        assertThat(ada.emails()).containsExactly("ada@example.org");
        assertThat(ada.phones()).containsExactly("+49 30 1234567");
        assertThat(ada.tags()).containsExactly("robotics");
        assertThat(ada.notes()).isEqualTo("Met at a meetup");
        assertThat(parsed.rows().get(1).draft().name()).isEqualTo("Bruno Lima");
        assertThat(only(ContactsCsv.parse("full name,title\nCy Reis,CTO\n")).title()).isEqualTo("CTO");
    }

    @Test
    void aSheetOfOnesOwnWithTwoColumnsForOneFieldIsRefused() {
        assertThatThrownBy(() -> ContactsCsv.parse("Name,Email,E-mail\nAda Quill,ada@example.org,ada@work.example\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("two of them give emails (Email and E-mail, or Phone twice): keep one of each");
    }

    @Test
    void aSheetOfOnesOwnWithValuesUnderAColumnWithoutANameIsRefused() {
        // Passed over, the values would be lost without a word; an empty column without a name (a trailing comma) is fine.
        assertThatThrownBy(() -> ContactsCsv.parse("Name,Email,\nAda Quill,ada@example.org,\nBruno Lima,,Lisbon\n"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageStartingWith("line 3: column 3 (C) holds 'Lisbon' but has no name in the header on line 1: name it as"
                        + " one of Kith's columns (Name, Emails, Phones, Company");
        assertThat(ContactsCsv.parse("Name,Email,\nAda Quill,ada@example.org,\nBruno Lima,,\n").rows()).hasSize(2);
        // A row of another width is refused for that, where it is: a comma unquoted, not a value under no name.
        assertThatThrownBy(() -> ContactsCsv.parse("Name,Email,\nLima, Ana,ana@example.org,\n"))
                .isInstanceOf(ImportException.class).hasMessageContaining("unquoted comma").hasMessageNotContaining("no name");
        assertThat(ContactsCsv.letters(0)).isEqualTo("A");
        assertThat(ContactsCsv.letters(25)).isEqualTo("Z");
        assertThat(ContactsCsv.letters(26)).isEqualTo("AA");
        assertThat(ContactsCsv.letters(27)).isEqualTo("AB");
        assertThat(ContactsCsv.letters(701)).isEqualTo("ZZ");
        assertThat(ContactsCsv.letters(702)).isEqualTo("AAA");
    }

    @Test
    void aSheetOfOnesOwnWithAColumnKithDoesNotReadIsRefusedNamingIt() {
        // Its data would be lost without a word: the column is named, with those Kith reads.
        assertThatThrownBy(() -> parseFixture("unknown-header.csv"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessage("line 1: a sheet of your own is read by its columns, and Kith reads no column named 'Mail', 'Telephone',"
                        + " 'Employer': give it a Name column and any of Emails, Phones, Company, Title, City, Country, LinkedIn,"
                        + " Met on, How we met, Birthday, Tags, Notes (or Email, Phone, Tag, Note); rename those columns or take them"
                        + " out; nothing was imported");
        // Ten thousand of them: the first ten, then how many more, so that the message stays one line (it was 129 KB).
        String header = "Name," + java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "Extra" + i).collect(java.util.stream.Collectors.joining(","));
        assertThatThrownBy(() -> ContactsCsv.parse(header + "\nAda" + ",x".repeat(10_000) + "\n"))
                .hasMessageContaining("no column named 'Extra0', 'Extra1'").hasMessageContaining("'Extra9' and 9990 more: give it a Name column")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600));
    }

    @Test
    void aBinaryHeaderIsQuotedOnOneLineWithoutItsControlCharacters() {
        String garbage = "\u0001\u001b[31mPK\u0003\u0004" + "x".repeat(500) + "\r\u0007,y";
        assertThatThrownBy(() -> ContactsCsv.parse(garbage))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r")
                        .contains("the header '  [31mPK  xxx").contains("…' is none of the CSV files"));
    }

    @Test
    void linkedInsConnectionsAreSentToTheLinkedInImport() {
        byte[] linkedin;
        try (InputStream in = getClass().getResourceAsStream("/exchange/linkedin-connections.csv")) {
            linkedin = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThatThrownBy(() -> ContactsCsv.parse(TextFile.decode(linkedin)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("use 'kith import linkedin'");
    }

    @Test
    void aLongHeaderIsShortenedInTheMessage() {
        String header = String.join(",", Collections.nCopies(40, "Something"));

        assertThatThrownBy(() -> ContactsCsv.parse(header + "\n"))
                .hasMessageContaining("'" + header.substring(0, 59) + "…'");
    }

    @Test
    void theHeaderIsTheFirstRecordThatIsNotEmpty() {
        Draft ada = only(ContactsCsv.parse("\uFEFF\n\n,,\nFirst Name,Last Name,E-mail 1 - Value\nAda,Quill,ada@example.com\n"));

        assertThat(ada.name()).isEqualTo("Ada Quill");
    }

    @Test
    void anEmptyFileFails() {
        assertThatThrownBy(() -> ContactsCsv.parse("\n\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderFailsWithItsLine() {
        assertThatThrownBy(() -> ContactsCsv.parse("First Name,Last Name,E-mail 1 - Value\nAda,Quill,ada@example.com\n\nBruno,Lima,Jr,b@example.com\n"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("this row has 4 cells where the header has 3");
        assertThatThrownBy(() -> ContactsCsv.parse("Name,Email\nAda,ada@example.com\nBruno\n"))
                .hasMessageContaining("this row has 1 cell where the header has 2");
    }

    @Test
    void aBrokenQuoteFailsWithTheLineItOpensOn() {
        assertThatThrownBy(() -> parseFixture("google-contacts-broken-quote.csv"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageStartingWith("line 4: a quoted cell starting on this line is never closed")
                .hasMessageEndingWith("nothing was imported");
    }
}
