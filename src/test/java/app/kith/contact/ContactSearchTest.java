package app.kith.contact;

import app.kith.OwnerFixture;
import app.kith.interaction.Kind;
import app.kith.storage.BothDatabases;
import app.kith.storage.Dialect;
import app.kith.storage.TestDatabase;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact search: full-text by word prefix, safe whatever is typed, filtered, paginated, and one user's only. */
class ContactSearchTest extends OwnerFixture {
    private List<String> found(String text) {
        return names(kith.contacts().search(me, new ContactService.Search(text, null, null, null, false, false), 0, 50));
    }

    private static List<String> names(ContactService.Page page) {
        return page.contacts().stream().map(Contact::name).toList();
    }

    private void add(ContactChanges.Builder contact) {
        kith.contacts().add(me, contact.build());
    }

    @BothDatabases
    void aWordPrefixIsFoundInTheNameCompanyTitleCityAndNotes(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Grace Hopper").company("US Navy").title("Rear Admiral").city("Arlington"));
        add(ContactChanges.builder().name("Alan Kay").notes("Invented Smalltalk at Xerox PARC"));
        add(ContactChanges.builder().name("Zed Other"));

        assertThat(found("grace")).containsExactly("Grace Hopper");
        assertThat(found("NAV")).containsExactly("Grace Hopper");
        assertThat(found("admir")).containsExactly("Grace Hopper");
        assertThat(found("arl")).containsExactly("Grace Hopper");
        assertThat(found("smallt")).containsExactly("Alan Kay");
        assertThat(found("xerox parc")).containsExactly("Alan Kay");
    }

    @BothDatabases
    void everyWordMustMatchAndOnlyAtTheStartOfAWord(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Grace Hopper").company("US Navy"));
        add(ContactChanges.builder().name("Alan Kay").notes("smalltalk").company("MatchCorp"));

        assertThat(found("grace navy")).containsExactly("Grace Hopper");
        assertThat(found("grace smalltalk")).isEmpty();
        // Not a substring search: the middle of a word is no match.
        assertThat(found("talk")).isEmpty();
        assertThat(found("corp")).isEmpty();
        assertThat(found("matchc")).containsExactly("Alan Kay");
    }

    @BothDatabases
    void caseDoesNotMatterInAnyAlphabet(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Émile Zola").city("Médan"));
        add(ContactChanges.builder().name("Ödön von Horváth"));

        assertThat(found("ÉMILE")).containsExactly("Émile Zola");
        assertThat(found("médan")).containsExactly("Émile Zola");
        assertThat(found("ödö")).containsExactly("Ödön von Horváth");
    }

    @BothDatabases
    void accentsDoNotMatterEitherWay(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Émile Zola").city("Médan"));
        add(ContactChanges.builder().name("Renee Muller").company("Cafe Zephyr"));

        assertThat(found("emile")).containsExactly("Émile Zola");
        assertThat(found("medan zola")).containsExactly("Émile Zola");
        assertThat(found("renée")).containsExactly("Renee Muller");
        assertThat(found("müll café zéph")).containsExactly("Renee Muller");
        assertThat(found("emilie")).isEmpty();
    }

    @BothDatabases
    void anEmailIsFoundByItsStartOrItsDomain(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Emma").emails(List.of("emma.w@match.io")));
        add(ContactChanges.builder().name("Other").emails(List.of("someone@else.org")));

        assertThat(found("emma.w@")).containsExactly("Emma");
        assertThat(found("match")).containsExactly("Emma");
        assertThat(found("MATCH.i")).containsExactly("Emma");
        assertThat(found("@match")).containsExactly("Emma");
        assertThat(found("atch")).isEmpty();
        assertThat(found("@else_")).isEmpty();
        assertThat(found("%lse")).isEmpty();
    }

    @BothDatabases
    void whatTheUserTypesIsNeverQuerySyntax(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Ada Lovelace").notes("near the engine, or not"));
        add(ContactChanges.builder().name("Bob O'Brien"));

        for (String text : List.of("\"", "'", "*", "ada\"", "ada*", "a:*", "ada & !bob", "ada | bob", "(ada", "NEAR(ada bob)",
                "ada AND", "OR", "-ada", "ada:b", "{ada}", "^ada", "\\", "%", "_", "o'brien")) {
            List<String> names = found(text);
            assertThat(names).as(text).isNotNull();
        }
        assertThat(found("o'brien")).containsExactly("Bob O'Brien");
        assertThat(found("ada\" OR \"bob")).isEmpty();
        assertThat(found("NEAR")).containsExactly("Ada Lovelace");
        assertThat(found("or")).containsExactly("Ada Lovelace");
    }

    @BothDatabases
    void textWithoutALetterOrDigitFindsNobodyOnThePageAndInTheListAndBlankTextDoesNotFilter(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Ada Lovelace"));
        add(ContactChanges.builder().name("Bob Smith"));

        assertThat(found("%")).isEmpty();
        assertThat(found("\uD83C\uDF19")).isEmpty();
        assertThat(found("  ")).containsExactly("Ada Lovelace", "Bob Smith");
        assertThat(kith.contacts().list(me, new ContactFilter(null, null, "%", false, false))).isEmpty();
    }

    @BothDatabases
    void anEditIsFoundAtOnceAndTheOldTextNoLonger(TestDatabase test) {
        open(test);
        Contact ada = kith.contacts().add(me, ContactChanges.builder().name("Ada Lovelace").company("Analytical").build());
        kith.contacts().edit(me, ada.id(), ContactChanges.builder().company("Difference Engines").notes("poetical science").build());

        assertThat(found("analytical")).isEmpty();
        assertThat(found("difference")).containsExactly("Ada Lovelace");
        assertThat(found("poetic")).containsExactly("Ada Lovelace");
    }

    @BothDatabases
    void pagesHoldTheGivenNumberInNameOrderAndCountEveryMatch(TestDatabase test) {
        open(test);
        for (String name : List.of("Gina", "Fred", "Eve", "Dan", "Cora", "Bea", "Al")) {
            add(ContactChanges.builder().name(name).notes("engineer"));
        }
        add(ContactChanges.builder().name("Zed").notes("painter"));
        ContactService.Search engineers = new ContactService.Search("engineer", null, null, null, false, false);

        ContactService.Page first = kith.contacts().search(me, engineers, 0, 3);
        ContactService.Page second = kith.contacts().search(me, engineers, 3, 3);
        ContactService.Page last = kith.contacts().search(me, engineers, 6, 3);
        ContactService.Page beyond = kith.contacts().search(me, engineers, 9, 3);

        assertThat(names(first)).containsExactly("Al", "Bea", "Cora");
        assertThat(names(second)).containsExactly("Dan", "Eve", "Fred");
        assertThat(names(last)).containsExactly("Gina");
        assertThat(names(beyond)).isEmpty();
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(second.number()).isEqualTo(2);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
    }

    @BothDatabases
    void contactsAreListedByNameWithCaseAccentsAndStrokesAside(TestDatabase test) {
        open(test);
        for (String name : List.of("Zoe Adler", "Łukasz Nowak", "emma Stone", "Émile Zola", "Emil Nolde", "Øyvind Berg",
                "Oscar Wilde", "Lena Park", "Ödön Horváth", "Ada Lovelace", "박지민", "李雷", "山田太郎")) {
            add(ContactChanges.builder().name(name));
        }
        // Hangul, Chinese and Japanese names after the Latin ones, in the same order on both databases.
        List<String> expected = List.of("Ada Lovelace", "Emil Nolde", "Émile Zola", "emma Stone", "Lena Park", "Łukasz Nowak",
                "Ödön Horváth", "Oscar Wilde", "Øyvind Berg", "Zoe Adler", "山田太郎", "李雷", "박지민");

        ContactService.Search everyone = new ContactService.Search(null, null, null, null, false, false);
        assertThat(names(kith.contacts().search(me, everyone, 0, 50))).containsExactlyElementsOf(expected);
        assertThat(names(kith.contacts().search(me, everyone, 4, 3))).containsExactly("Lena Park", "Łukasz Nowak", "Ödön Horváth");
        // A search with few matches sorts them itself, in the same order.
        ContactService.Search lettered = new ContactService.Search("e", null, null, null, false, false);
        assertThat(found("o")).containsExactly("Ödön Horváth", "Oscar Wilde", "Øyvind Berg");
        assertThat(names(kith.contacts().search(me, lettered, 0, 50))).containsExactly("Emil Nolde", "Émile Zola", "emma Stone");
    }

    @BothDatabases
    void everyWayAContactIsWrittenKeepsItsSortKey(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Émile Zola"));
        add(ContactChanges.builder().name("박지민"));
        Contact renamed = kith.contacts().add(me, ContactChanges.builder().name("Oscar Wilde").build());
        kith.contacts().edit(me, renamed.id(), ContactChanges.builder().name("Øyvind Berg").build());
        // An import of a few rows, and one big enough to be loaded in bulk (BulkLoad.FROM rows).
        String header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
        StringBuilder csv = new StringBuilder(header + "Łukasz,Nowak,,,,,\n");
        for (int i = 0; i < BulkLoad.FROM; i++) {
            csv.append("Ängela,Ähn ").append(i).append(",,,,,\n");
        }
        kith.imports().run(me, app.kith.exchange.ImportFormat.LINKEDIN, (header + "Ödön,Horváth,,,,,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                app.kith.exchange.ImportService.Options.NONE, app.kith.exchange.ImportService.Progress.NONE);
        kith.imports().run(me, app.kith.exchange.ImportFormat.LINKEDIN, csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                app.kith.exchange.ImportService.Options.NONE, app.kith.exchange.ImportService.Progress.NONE);

        List<List<String>> keys = test.database().withHandle(handle -> handle.createQuery("SELECT full_name, sort_name FROM contacts")
                .map((rows, context) -> java.util.Arrays.asList(rows.getString(1), rows.getString(2))).list());
        assertThat(keys).hasSize(5 + BulkLoad.FROM);
        // PostgreSQL's unaccent and Kith's own fold agree on these names.
        assertThat(keys).allSatisfy(pair -> assertThat(pair.get(1)).as(pair.get(0)).isEqualTo(app.kith.storage.SearchFold.plain(pair.get(0))));
    }

    @BothDatabases
    void aFewMatchesSortedGiveTheSamePagesAsAllContactsWalkedByName(TestDatabase test) {
        open(test);
        List<String> names = List.of("émile", "Zoë", "al", "Al", "bea", "Bo", "Ülla", "cy", "Dee", "ed", "Fay", "gus", "Hal", "ivy",
                "Jo", "kim", "Lee", "mo", "Ned", "oz");
        for (int i = 0; i < names.size(); i++) {
            add(ContactChanges.builder().name(names.get(i)).notes(i % 3 == 0 ? "engineer" : "engineer, painter").city(i % 2 == 0 ? "Oslo" : "Rome"));
            add(ContactChanges.builder().name(names.get(i) + " other").notes("painter"));
        }
        ContactService.Search search = new ContactService.Search("engineer", null, "oslo", null, false, false);

        test.database().withHandle(handle -> {
            ContactStore.Listing listing = ContactStore.listing(handle, test.dialect(), me, search, null, TODAY);
            int total = ContactStore.count(handle, listing);
            assertThat(total).isEqualTo(10);
            for (int offset = 0; offset < 12; offset += 4) {
                List<String> sorted = ContactStore.list(handle, listing, offset, 4, 1).stream().map(Contact::name).toList();
                List<String> walked = ContactStore.list(handle, listing, offset, 4, Integer.MAX_VALUE).stream().map(Contact::name).toList();
                assertThat(sorted).as("offset " + offset).isEqualTo(walked).hasSize(Math.min(4, total - offset));
            }
            return null;
        });
    }

    @BothDatabases
    void lettersWithAStrokeOrALigatureAreFoundByTheirPlainLettersOnBothDatabases(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Jørgen Łukasiewicz-Straße").city("Kraków"));
        add(ContactChanges.builder().name("Björk Guðmundsdóttir").company("Æther Œuvres"));

        for (String words : List.of("jorgen", "lukasiewicz", "strasse", "JØRGEN", "krakow")) {
            assertThat(found(words)).as(words).containsExactly("Jørgen Łukasiewicz-Straße");
        }
        for (String words : List.of("gudmundsdottir", "bjork", "aether", "oeuvres", "Guð")) {
            assertThat(found(words)).as(words).containsExactly("Björk Guðmundsdóttir");
        }
    }

    @BothDatabases
    void aWordWithAnApostropheIsFoundWithOrWithoutIt(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Siobhán O'Brien").company("D’Arcy Partners"));
        add(ContactChanges.builder().name("Ada Brien").notes("said 'hello' at the door, with rock'n'roll"));

        for (String words : List.of("obrien", "OBri", "o'brien", "o’brien", "siobhan obrien", "darcy", "d'arcy partners")) {
            assertThat(found(words)).as(words).containsExactly("Siobhán O'Brien");
        }
        assertThat(found("brien")).containsExactly("Ada Brien", "Siobhán O'Brien");
        // Quotation marks are not apostrophes inside a word: nothing is joined across them.
        assertThat(found("hello")).containsExactly("Ada Brien");
        assertThat(found("saidhello")).isEmpty();
        assertThat(found("rocknroll")).containsExactly("Ada Brien");
        assertThat(found("rock n roll")).containsExactly("Ada Brien");
    }

    @BothDatabases
    void aHyphenatedWordIsFoundWithOrWithoutItsHyphens(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Jean-Luc Picard").company("Hewlett‑Packard"));
        add(ContactChanges.builder().name("Luc Besson").notes("2020-2021 at the studio -- then - elsewhere"));

        for (String words : List.of("jeanluc", "JeanL", "jean-luc", "jean luc", "hewlettpackard", "hewlett-packard", "jeanluc hewlett")) {
            assertThat(found(words)).as(words).containsExactly("Jean-Luc Picard");
        }
        assertThat(found("luc")).containsExactly("Jean-Luc Picard", "Luc Besson");
        assertThat(found("20202021")).containsExactly("Luc Besson");
        // A dash standing between words joins nothing.
        assertThat(found("thenelsewhere")).isEmpty();
        assertThat(found("studiothen")).isEmpty();
    }

    @BothDatabases
    void chineseJapaneseAndKoreanNamesAreFoundByAnyRunOfTheirCharactersInOrder(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("李雷").city("北京市"));
        add(ContactChanges.builder().name("韩梅梅").notes("李雷的同学"));
        add(ContactChanges.builder().name("박지민").company("서울전자"));
        add(ContactChanges.builder().name("山田たろう"));
        add(ContactChanges.builder().name("佐々木 太郎").notes("会議、東京"));
        add(ContactChanges.builder().name("木村").notes("佐藤と、時々"));

        assertThat(found("雷")).containsExactly("李雷", "韩梅梅");
        assertThat(found("李雷")).containsExactly("李雷", "韩梅梅");
        assertThat(found("李雷 北京")).containsExactly("李雷");
        assertThat(found("梅梅")).containsExactly("韩梅梅");
        assertThat(found("雷李")).isEmpty();
        assertThat(found("지민")).containsExactly("박지민");
        assertThat(found("서울")).containsExactly("박지민");
        assertThat(found("たろう")).containsExactly("山田たろう");
        assertThat(found("田た")).containsExactly("山田たろう");
        // A space or punctuation between the characters does not part them (as a phrase reads them), on both databases.
        assertThat(found("佐々木太郎")).containsExactly("佐々木 太郎");
        assertThat(found("会議東京")).containsExactly("佐々木 太郎");
        assertThat(found("佐々木")).containsExactly("佐々木 太郎");
        assertThat(found("時々")).containsExactly("木村");
    }

    @BothDatabases
    void circleCityDueAndArchivedNarrowTheSearch(TestDatabase test) {
        open(test);
        Contact olga = kith.contacts().add(me, ContactChanges.builder().name("Olga Overdue").city("Berlin")
                .circles(List.of("Mentors")).notes("engineer").build());
        kith.interactions().log(me, List.of(olga.id()), Kind.CALL, TODAY.minusMonths(3), null);
        add(ContactChanges.builder().name("Lea Later").city("berlin").circles(List.of("Mentors")).notes("engineer"));
        add(ContactChanges.builder().name("Paul Paris").city("Paris").circles(List.of("Role models")).notes("engineer"));
        Contact old = kith.contacts().add(me, ContactChanges.builder().name("Otto Old").city("Berlin").notes("engineer").build());
        kith.contacts().archive(me, old.id(), true);

        assertThat(names(search(new ContactService.Search("engineer", null, "BERLIN", null, false, false))))
                .containsExactly("Lea Later", "Olga Overdue");
        assertThat(names(search(new ContactService.Search(null, "role models", null, null, false, false))))
                .containsExactly("Paul Paris");
        assertThat(names(search(new ContactService.Search("eng", "Mentors", "Berlin", null, true, false))))
                .containsExactly("Olga Overdue");
        assertThat(names(search(new ContactService.Search("engineer", null, null, null, false, true))))
                .containsExactly("Otto Old");
        assertThat(search(ContactService.Search.ALL).total()).isEqualTo(3);
        assertThat(kith.contacts().cities(me)).containsExactly("Berlin", "Paris");
    }

    @BothDatabases
    void theCityFilterTakesACityByAnyOfItsNamesAndWithOrWithoutWhereItIs(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Ana Alt").city("München"));
        add(ContactChanges.builder().name("Ben Berg").city("Muenchen"));
        add(ContactChanges.builder().name("Cem Cakir").city("Munich, Germany"));
        add(ContactChanges.builder().name("Dana Dorn").city("Münster"));
        add(ContactChanges.builder().name("Eli Eck").city("Portland, OR"));
        add(ContactChanges.builder().name("Finn Fox").city("Portland, ME"));

        assertThat(names(search(new ContactService.Search(null, null, "Munich", null, false, false))))
                .containsExactly("Ana Alt", "Ben Berg", "Cem Cakir");
        // Another name of the city is taken for a city written alone or with its country.
        assertThat(names(search(new ContactService.Search(null, null, "munchen", null, false, false))))
                .containsExactly("Ana Alt", "Ben Berg", "Cem Cakir");
        assertThat(names(search(new ContactService.Search(null, null, "Portland", null, false, false))))
                .containsExactly("Eli Eck", "Finn Fox");
        assertThat(names(search(new ContactService.Search(null, null, "Portland, OR", null, false, false)))).containsExactly("Eli Eck");
    }

    @BothDatabases
    void theCityFilterTakesTheCityHoweverItIsSpelledAndItsSuggestionsGiveEachCityOnce(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Ana Souza").city("São Paulo"));
        add(ContactChanges.builder().name("Bia Lima").city("Sao Paulo"));
        add(ContactChanges.builder().name("Caio Reis").city("são paulo"));
        add(ContactChanges.builder().name("Duda Alves").city("São Paulo"));
        add(ContactChanges.builder().name("Lou Reed").city("St. Louis"));
        add(ContactChanges.builder().name("Sam Paulo").city("Paulo Afonso"));
        add(ContactChanges.builder().name("Rui Maia").city("SAO PAULO."));

        assertThat(names(search(new ContactService.Search(null, null, "sao paulo", null, false, false))))
                .containsExactly("Ana Souza", "Bia Lima", "Caio Reis", "Duda Alves", "Rui Maia");
        assertThat(names(search(new ContactService.Search(null, null, "SÃO-PAULO", null, false, false))))
                .containsExactly("Ana Souza", "Bia Lima", "Caio Reis", "Duda Alves", "Rui Maia");
        assertThat(names(search(new ContactService.Search(null, null, "st louis", null, false, false)))).containsExactly("Lou Reed");
        assertThat(names(search(new ContactService.Search(null, null, "Paulo", null, false, false)))).isEmpty();
        assertThat(names(search(new ContactService.Search("lima", null, "são paulo", null, false, false)))).containsExactly("Bia Lima");
        assertThat(kith.contacts().cities(me)).containsExactly("Paulo Afonso", "São Paulo", "St. Louis");
        // As common as another spelling, the best written is offered: São Paulo, not SAO PAULO. nor Sao Paulo.
        add(ContactChanges.builder().name("Eva Ramos").city("SAO PAULO."));
        add(ContactChanges.builder().name("Fabi Costa").city("Sao Paulo"));
        assertThat(kith.contacts().cities(me)).containsExactly("Paulo Afonso", "São Paulo", "St. Louis");
    }

    @BothDatabases
    void anotherUsersContactsNeverMatch(TestDatabase test) {
        open(test);
        long bob = kith.accounts().createUser("bob", "another long password").id();
        kith.contacts().add(bob, ContactChanges.builder().name("Grace Hopper").notes("navy").emails(List.of("grace@navy.mil")).build());
        add(ContactChanges.builder().name("Alan Kay"));

        assertThat(found("grace")).isEmpty();
        assertThat(found("navy")).isEmpty();
        assertThat(search(ContactService.Search.ALL).total()).isEqualTo(1);
    }

    @BothDatabases
    void theSearchUsesTheFullTextIndex(TestDatabase test) {
        open(test);
        add(ContactChanges.builder().name("Grace Hopper").company("US Navy"));
        Dialect dialect = test.dialect();
        if (dialect == Dialect.POSTGRESQL) {
            // Enough contacts that reading them all would cost more than the index: PostgreSQL plans by size.
            test.database().useTransaction(handle -> {
                handle.createUpdate("""
                                INSERT INTO contacts (user_id, full_name, added_on, notes)
                                SELECT :userId, 'Person ' || n, DATE '2026-01-01', 'filler words for the plan' FROM generate_series(1, 2000) n
                                """)
                        .bind("userId", me)
                        .execute();
                handle.execute("ANALYZE contacts");
            });
        }

        assertThat(plan(test, "grace nav")).contains("contacts_search");
        // A run of CJK characters too: asked of the index as each of them, then as the run in the text.
        assertThat(plan(test, "李雷 nav")).contains("contacts_search");
        assertThat(found("李雷 nav")).isEmpty();
        if (dialect == Dialect.SQLITE) {
            // Emails are sought by their start and their domain's, never read one by one (LIKE '%@nav%').
            assertThat(plan(test, "grace nav")).contains("contact_emails_email").contains("contact_emails_domain").doesNotContain("SCAN e");
            // The count looks the matches up by id, not every contact of the user up in the matches.
            assertThat(plan(test, "grace nav")).contains("SEARCH k USING INTEGER PRIMARY KEY").doesNotContain("contacts_city").doesNotContain("contacts_name");
        }
        assertThat(ContactStore.prefixQuery(dialect, ContactStore.words("Grace, NAV!")))
                .isEqualTo(dialect == Dialect.SQLITE ? "\"grace\"* \"nav\"*" : "grace:* & nav:*");
        assertThat(ContactStore.prefixQuery(dialect, ContactStore.words("李雷")))
                .isEqualTo(dialect == Dialect.SQLITE ? "\"李 雷\"*" : "李 & 雷:*");
    }

    private String plan(TestDatabase test, String text) {
        ContactService.Search search = new ContactService.Search(text, null, null, null, false, false);
        Dialect dialect = test.dialect();
        String explain = dialect == Dialect.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
        return test.database().withHandle(handle -> {
            ContactStore.Listing listing = ContactStore.listing(handle, dialect, me, search, null, TODAY);
            return ContactStore.reading(handle, listing, reading -> listing
                    .bind(reading.createQuery(explain + "SELECT count(*) FROM contacts k WHERE " + listing.whereFromMatches()))
                    .map((rows, context) -> rows.getString(dialect == Dialect.SQLITE ? 4 : 1))
                    .list()
                    .stream()
                    .collect(Collectors.joining("\n")));
        });
    }

    private ContactService.Page search(ContactService.Search search) {
        return kith.contacts().search(me, search, 0, 50);
    }
}
