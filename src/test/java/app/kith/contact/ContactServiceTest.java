package app.kith.contact;

import app.kith.OwnerFixture;
import app.kith.interaction.Kind;
import app.kith.shared.NotFoundException;
import app.kith.shared.ValidationException;
import app.kith.storage.BothDatabases;
import app.kith.storage.TestDatabase;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactServiceTest extends OwnerFixture {
    // --- adding and reading -------------------------------------------------------------------------------

    @BothDatabases
    void aNewContactKeepsEveryFieldItWasGiven(TestDatabase test) {
        open(test);
        Contact grace = kith.contacts().add(me, ContactChanges.builder()
                .name("  Grace Hopper ")
                .emails(List.of("grace@navy.mil", "ghopper@example.com"))
                .phones(List.of("+1 555 0100"))
                .company("US Navy").title("Rear Admiral").city("Arlington").country("US")
                .timezone("America/New_York").linkedinUrl("linkedin.com/in/grace-hopper")
                .metHow("a COBOL conference").metOn(LocalDate.of(2020, 5, 1))
                .notes("likes nanoseconds").strengths("compilers")
                .tags(List.of("navy", "COBOL")).circles(List.of("mentors")).days("mon,wed")
                .build());

        Contact stored = kith.contacts().get(me, grace.id());
        assertThat(stored).isEqualTo(grace);
        assertThat(stored.name()).isEqualTo("Grace Hopper");
        assertThat(stored.emails()).containsExactly("grace@navy.mil", "ghopper@example.com");
        assertThat(stored.phones()).containsExactly("+1 555 0100");
        assertThat(stored.company()).isEqualTo("US Navy");
        assertThat(stored.title()).isEqualTo("Rear Admiral");
        assertThat(stored.city()).isEqualTo("Arlington");
        assertThat(stored.country()).isEqualTo("US");
        assertThat(stored.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(stored.linkedinUrl()).isEqualTo("https://linkedin.com/in/grace-hopper");
        assertThat(stored.metHow()).isEqualTo("a COBOL conference");
        assertThat(stored.metOn()).isEqualTo(LocalDate.of(2020, 5, 1));
        assertThat(stored.notes()).isEqualTo("likes nanoseconds");
        assertThat(stored.strengths()).isEqualTo("compilers");
        assertThat(stored.tags()).containsExactly("COBOL", "navy");
        assertThat(stored.circles()).containsExactly("Mentors");
        assertThat(stored.days().days()).isEqualTo(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
        assertThat(stored.addedOn()).isEqualTo(TODAY);
        assertThat(stored.archived()).isFalse();
    }

    @BothDatabases
    void aNameCompanyTitleCityOrCountryStaysOnOneLineAndNotesKeepTheirLines(TestDatabase test) {
        open(test);
        Contact grace = kith.contacts().add(me, ContactChanges.builder().name(" Grace \r\n Hopper\t(Navy)\u2028")
                .company("Remington\nRand").title("Rear\fAdmiral\u0000").city("New\tYork").country("\nUSA\n")
                .notes("First line\r\nsecond line").build());

        Contact stored = kith.contacts().get(me, grace.id());
        assertThat(stored.name()).isEqualTo("Grace Hopper (Navy)");
        assertThat(stored.company()).isEqualTo("Remington Rand");
        assertThat(stored.title()).isEqualTo("Rear Admiral");
        assertThat(stored.city()).isEqualTo("New York");
        assertThat(stored.country()).isEqualTo("USA");
        assertThat(stored.notes()).isEqualTo("First line\nsecond line");
        Contact edited = kith.contacts().edit(me, grace.id(), ContactChanges.builder().name("Grace\n\nM. Hopper").build());
        assertThat(edited.name()).isEqualTo("Grace M. Hopper");
        assertThat(kith.contacts().add(me, ContactChanges.builder().name("Two  spaces stay").build()).name()).isEqualTo("Two  spaces stay");
        // An import's rows (a vCard's FN with an escaped line break, a CSV cell over two lines) are cleaned alike.
        ContactBulk.Draft card = kith.bulk().checked(new ContactBulk.Draft("Ada\nQuill", List.of(), List.of(), "Stripe,\r\nInc.",
                null, null, null, null, null, null, "Met at\nPyCon", null, null, List.of()));
        assertThat(card.name()).isEqualTo("Ada Quill");
        assertThat(card.company()).isEqualTo("Stripe, Inc.");
        assertThat(card.notes()).isEqualTo("Met at\nPyCon");
        // A bidirectional override runs on past the field (the rest of a line shown backwards): dropped, as control
        // characters are. The marks, which steer only their neighbours, and a joiner inside an emoji stay.
        Contact spoof = kith.contacts().add(me, ContactChanges.builder().name("Mallory\u202Egnp.exe").company("\u2067Acme\u2069")
                .notes("one\u202Atwo\u202C\nthree").build());
        assertThat(spoof.name()).isEqualTo("Mallorygnp.exe");
        assertThat(spoof.company()).isEqualTo("Acme");
        assertThat(spoof.notes()).isEqualTo("onetwo\nthree");
        String marked = "\u05E9\u05E8\u05D4\u200F Cohen \uD83D\uDC69\u200D\uD83D\uDCBB";
        assertThat(kith.contacts().add(me, ContactChanges.builder().name(marked).build()).name()).isEqualTo(marked);
        assertThatThrownBy(() -> kith.circles().add(me, "Team\u202E", null)).hasMessageContaining("control characters");
    }

    @BothDatabases
    void aCommaPartsTwoTagsAsInTheWebForm(TestDatabase test) {
        open(test);
        Contact ada = kith.contacts().add(me, ContactChanges.builder().name("Ada").tags(List.of("machine learning, AI", "c++")).build());
        assertThat(kith.contacts().get(me, ada.id()).tags()).containsExactlyInAnyOrder("machine learning", "AI", "c++");
        // " ::: " joins tags in a CSV export, so it parts them here too: the export reads back as it was.
        kith.contacts().edit(me, ada.id(), ContactChanges.builder().tags(List.of("x ::: y")).build());
        assertThat(kith.contacts().get(me, ada.id()).tags()).containsExactlyInAnyOrder("machine learning", "AI", "c++", "x", "y");

        kith.contacts().edit(me, ada.id(), ContactChanges.builder().removeTags(List.of("ai, C++ ::: x", "y")).build());
        assertThat(kith.contacts().get(me, ada.id()).tags()).containsExactly("machine learning");
        // The same tag twice once parted (in any case, with spaces around) is one tag.
        Contact bo = kith.contacts().add(me, ContactChanges.builder().name("Bo").tags(List.of("=, =", "Rust,rust ")).build());
        assertThat(kith.contacts().get(me, bo.id()).tags()).containsExactlyInAnyOrder("=", "Rust");
        // Spaces of any kind around it, as the tag is stored (a property test found an em space after one).
        Contact cy = kith.contacts().add(me, ContactChanges.builder().name("Cy").tags(List.of("go\u2003,go", "Go")).build());
        assertThat(kith.contacts().get(me, cy.id()).tags()).containsExactly("go");
        // A tag that shows nothing is dropped, as a blank one is: it would be an empty chip.
        Contact di = kith.contacts().add(me, ContactChanges.builder().name("Di").tags(List.of("\u200B, go", "\u3164")).build());
        assertThat(kith.contacts().get(me, di.id()).tags()).containsExactly("go");
    }

    @BothDatabases
    void anAddressPastedWithItsNameIsStoredAsTheAddressAndOneThatNamesNoneIsRefusedAsTyped(TestDatabase test) {
        open(test);
        Contact ana = kith.contacts().add(me, ContactChanges.builder().name("Ana Lima")
                .emails(List.of(" Ana Lima <ana@example.org>", "mailto:lima@example.net")).build());
        assertThat(kith.contacts().get(me, ana.id()).emails()).containsExactly("ana@example.org", "lima@example.net");
        kith.contacts().edit(me, ana.id(), ContactChanges.builder().emails(List.of("\"Lima, Ana\" <al@example.com>")).build());
        assertThat(kith.contacts().get(me, ana.id()).emails()).containsExactly("ana@example.org", "lima@example.net", "al@example.com");

        assertThatThrownBy(() -> kith.contacts().add(me, ContactChanges.builder().name("Bo").emails(List.of("Bo <bo-at-example>")).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'Bo <bo-at-example>' is not an email address");
        assertThat(kith.contacts().list(me, ContactFilter.ALL)).extracting(Contact::name).containsExactly("Ana Lima");
    }

    @BothDatabases
    void aContactHoldsAtMostAHundredEmailsAndTwoHundredTagsAndAChangeOverThatSavesNothing(TestDatabase test) {
        open(test);
        List<String> hundred = numbered("ada%d@example.com", ContactService.Limit.EMAILS.most());
        Contact ada = kith.contacts().add(me, ContactChanges.builder().name("Ada").emails(hundred)
                .tags(numbered("tag%d", ContactService.Limit.TAGS.most())).build());
        assertThat(ada.emails()).hasSize(100);
        assertThat(ada.tags()).hasSize(200);
        // One more, in one change or in the next, is refused, by the field, and nothing of that change is kept.
        assertThatThrownBy(() -> kith.contacts().edit(me, ada.id(), ContactChanges.builder().company("Analytical Engines")
                .emails(List.of("one.more@example.com")).build()))
                .isInstanceOfSatisfying(ContactService.InvalidField.class, e -> assertThat(e.field()).isEqualTo("emails"))
                .hasMessageContaining("at most 100");
        assertThatThrownBy(() -> kith.contacts().edit(me, ada.id(), ContactChanges.builder().tags(List.of("one more")).build()))
                .isInstanceOfSatisfying(ContactService.InvalidField.class, e -> assertThat(e.field()).isEqualTo("tags"));
        assertThatThrownBy(() -> kith.contacts().add(me, ContactChanges.builder().name("Bo")
                .phones(numbered("+1 555 01%03d", ContactService.Limit.PHONES.most() + 1)).build()))
                .isInstanceOfSatisfying(ContactService.InvalidField.class, e -> assertThat(e.field()).isEqualTo("phones"));
        // A list far too long is refused before it is compared, entry by entry, with itself.
        assertThatThrownBy(() -> kith.contacts().add(me, ContactChanges.builder().name("Cy")
                .tags(List.of(String.join(",", numbered("t%d", 100_000)))).build()))
                .isInstanceOfSatisfying(ContactService.InvalidField.class, e -> assertThat(e.field()).isEqualTo("tags"))
                .hasMessageContaining("100000 tags");
        Contact after = kith.contacts().get(me, ada.id());
        assertThat(after.company()).isNull();
        assertThat(after.emails()).isEqualTo(ada.emails());
        assertThat(kith.contacts().list(me, ContactFilter.ALL)).extracting(Contact::name).containsExactly("Ada");
        // Taking some away is always possible.
        kith.contacts().edit(me, ada.id(), ContactChanges.builder().removeEmails(hundred.subList(0, 10)).build());
        assertThat(kith.contacts().get(me, ada.id()).emails()).hasSize(90);
    }

    @BothDatabases
    void controlCharactersAreDroppedSoThatATerminalShowingTheTextNeverObeysThem(TestDatabase test) {
        open(test);
        String escapes = "\u001b]0;PWNED\u0007\u001b[2J";
        Contact ada = kith.contacts().add(me, ContactChanges.builder().name("Ada\u001b[31m Lovelace")
                .notes("first line\n" + escapes + "second\tline\u0000\u009b!").metHow("at a\u0008 ball")
                .tags(List.of("math\u001b[1m", "poetical\nscience")).build());
        Contact stored = kith.contacts().get(me, ada.id());
        // Control characters are dropped (one-line fields make a line break or a tab a space); notes keep their line
        // breaks and tabs only.
        assertThat(stored.name()).isEqualTo("Ada[31m Lovelace");
        assertThat(stored.notes()).isEqualTo("first line\n]0;PWNED[2Jsecond\tline!");
        assertThat(stored.metHow()).isEqualTo("at a ball");
        assertThat(stored.tags()).containsExactlyInAnyOrder("math[1m", "poetical science");
        assertThat(kith.interactions().log(me, List.of(ada.id()), Kind.COFFEE, LocalDate.now(clock), "tea" + escapes + "\nand cake").note())
                .isEqualTo("tea]0;PWNED[2J\nand cake");
        // A line break written as \r\n or \r is one \n, in a touch's note as in a contact's.
        assertThat(kith.interactions().log(me, List.of(ada.id()), Kind.CALL, LocalDate.now(clock), "a\r\nb\rc").note())
                .isEqualTo("a\nb\nc");
    }

    @BothDatabases
    void twoTagsThatDifferOnlyInALoneHalfOfASurrogatePairAreOneTag(TestDatabase test) {
        open(test);
        // Neither half alone is a character: each is stored as U+FFFD, so the two tags are the same tag.
        Contact ada = kith.contacts().add(me, ContactChanges.builder().name("Ada \uD800").tags(List.of("a\uD800,a\uDC00")).build());
        assertThat(kith.contacts().get(me, ada.id()).tags()).containsExactly("a\uFFFD");
        assertThat(kith.contacts().get(me, ada.id()).name()).isEqualTo("Ada \uFFFD");
    }

    /**
     * A contact's tags come in one order wherever they are read (its page, a list, the export) and on both
     * databases, whatever their characters: SQLite would put U+FFFD before an emoji, Java and PostgreSQL after.
     */
    @BothDatabases
    void tagsAreListedInOneOrderOnEveryPathAndDatabase(TestDatabase test) {
        open(test);
        // By lower case as Java's String compares it: é after z, an emoji (two UTF-16 units from U+D83C) before U+FFFD.
        List<String> order = List.of("e", "z", "\u00c9", "\ud83c\udf89", "\ufffd");
        Contact ada = kith.contacts().add(me, ContactChanges.builder().name("Ada").tags(List.of("z,\ufffd,\ud83c\udf89,\u00c9,e")).build());

        assertThat(kith.contacts().get(me, ada.id()).tags()).containsExactlyElementsOf(order);
        assertThat(kith.contacts().list(me, ContactFilter.ALL)).singleElement().extracting(Contact::tags).isEqualTo(order);
        assertThat(kith.exports().snapshot(me).contacts()).singleElement().satisfies(entry -> assertThat(entry.tags()).isEqualTo(order));
    }

    @BothDatabases
    void aBirthdayTypedWithAYearBeforeOneOrAfter9999IsRefusedAndOneImportedSoKeepsItsDayAlone(TestDatabase test) {
        open(test);
        Contact ada = kith.contacts().add(me, ContactChanges.builder().name("Ada").birthday(Birthday.parse("1815-12-10")).build());
        for (String year : List.of("0000-06-01", "-0001-06-01", "-999999999-01-01", "+10000-01-01")) {
            assertThatThrownBy(() -> kith.contacts().edit(me, ada.id(), ContactChanges.builder().birthday(Birthday.parse(year)).build()))
                    .as(year)
                    .isInstanceOfSatisfying(ContactService.InvalidField.class, e -> assertThat(e.field()).isEqualTo("birthday"))
                    .hasMessageContaining("from 0001 to 9999");
        }
        assertThat(kith.contacts().get(me, ada.id()).birthday()).isEqualTo(Birthday.parse("1815-12-10"));
        assertThat(Birthday.parse("0001-01-01").inRange()).isTrue();
        assertThat(Birthday.parse("9999-12-31").inRange()).isTrue();
        assertThat(Birthday.parse("--02-29").inRange()).isTrue();
    }

    @BothDatabases
    void aContactImportedWithMoreThanTheLimitsCanStillBeEditedAndATagRenamedAtTheLimitIsKept(TestDatabase test) {
        open(test);
        String card = String.join("\r\n", "BEGIN:VCARD", "VERSION:3.0", "FN:Ola Nordmann",
                "CATEGORIES:" + String.join(",", numbered("t%d", 250)), "END:VCARD", "");
        kith.imports().run(me, app.kith.exchange.ImportFormat.VCARD, card.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                app.kith.exchange.ImportService.Options.NONE, app.kith.exchange.ImportService.Progress.NONE);
        Contact ola = kith.contacts().list(me, ContactFilter.ALL).get(0);
        assertThat(ola.tags()).hasSize(250);
        // Imported with 250 tags: other fields change, some tags go, but none may be added while over 200.
        kith.contacts().edit(me, ola.id(), ContactChanges.builder().city("Oslo").build());
        kith.contacts().edit(me, ola.id(), ContactChanges.builder().removeTags(numbered("t%d", 10)).build());
        assertThat(kith.contacts().get(me, ola.id()).tags()).hasSize(240);
        assertThatThrownBy(() -> kith.contacts().edit(me, ola.id(), ContactChanges.builder().tags(List.of("one more")).build()))
                .isInstanceOfSatisfying(ContactService.InvalidField.class, e -> assertThat(e.field()).isEqualTo("tags"));
        kith.contacts().edit(me, ola.id(), ContactChanges.builder().removeTags(numbered("t%d", 50).subList(10, 50)).build());
        // At exactly 200, a tag renamed (one added, one taken away) is kept.
        kith.contacts().edit(me, ola.id(), ContactChanges.builder().tags(List.of("renamed")).removeTags(List.of("t50")).build());
        assertThat(kith.contacts().get(me, ola.id()).tags()).hasSize(200).contains("renamed").doesNotContain("t50");
    }

    @BothDatabases
    void theCircleLimitHoldsAcrossChanges(TestDatabase test) {
        open(test);
        List<String> names = numbered("Circle %d", ContactService.Limit.CIRCLES.most() + 1);
        names.forEach(name -> kith.circles().add(me, name, Cadence.parse("1m")));
        Contact ada = kith.contacts().add(me, ContactChanges.builder().name("Ada").circles(names.subList(0, 150)).build());
        assertThatThrownBy(() -> kith.contacts().edit(me, ada.id(), ContactChanges.builder().circles(names.subList(150, 201)).build()))
                .isInstanceOfSatisfying(ContactService.InvalidField.class, e -> assertThat(e.field()).isEqualTo("circles"))
                .hasMessageContaining("201 circles");
        assertThat(kith.contacts().get(me, ada.id()).circles()).hasSize(150);
    }

    private static List<String> numbered(String format, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(format::formatted).toList();
    }

    @BothDatabases
    void searchAndTagsIgnoreCaseInEveryAlphabet(TestDatabase test) {
        open(test);
        Contact emile = kith.contacts().add(me, ContactChanges.builder().name("Émile Zola").city("Médan")
                .tags(List.of("Été")).build());
        kith.contacts().add(me, ContactChanges.named("Ödön von Horváth"));

        assertThat(kith.contacts().list(me, new ContactFilter(null, null, "émile", false, false)))
                .extracting(Contact::name).containsExactly("Émile Zola");
        assertThat(kith.contacts().list(me, new ContactFilter(null, null, "MÉDAN", false, false)))
                .extracting(Contact::name).containsExactly("Émile Zola");
        assertThat(kith.contacts().list(me, new ContactFilter(null, null, "ÖDÖN", false, false)))
                .extracting(Contact::name).containsExactly("Ödön von Horváth");
        assertThat(kith.contacts().list(me, new ContactFilter(null, "été", null, false, false)))
                .extracting(Contact::name).containsExactly("Émile Zola");
        kith.contacts().edit(me, emile.id(), ContactChanges.builder().removeTags(List.of("ÉTÉ")).build());
        assertThat(kith.contacts().get(me, emile.id()).tags()).isEmpty();
    }

    @BothDatabases
    void aContactInNoCircleAndWithoutItsOwnCadenceIsNotTracked(TestDatabase test) {
        open(test);
        Contact linus = kith.contacts().add(me, ContactChanges.named("Linus Torvalds"));

        assertThat(linus.cadence()).isNull();
        assertThat(linus.dueOn()).isNull();
        assertThat(linus.tracked()).isFalse();
    }

    @BothDatabases
    void aNewContactIsDueOneCadenceAfterTheDayItWasAdded(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");

        assertThat(grace.cadence().period()).isEqualTo(Period.ofMonths(1));
        assertThat(grace.dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(grace.tracked()).isTrue();
    }

    // --- cadence ------------------------------------------------------------------------------------------

    @BothDatabases
    void theShortestCadenceOfTheContactsCirclesApplies(TestDatabase test) {
        open(test);
        Contact barbara = add("Barbara Liskov", "Role models", "Current team", "Past teams");

        assertThat(barbara.cadence().period()).isEqualTo(Period.ofWeeks(6));
        assertThat(barbara.dueOn()).isEqualTo(TODAY.plusWeeks(6));
    }

    @BothDatabases
    void theContactsOwnCadenceOverridesItsCircles(TestDatabase test) {
        open(test);
        Contact alan = kith.contacts().add(me, ContactChanges.builder()
                .name("Alan Kay").circles(List.of("Role models")).every(Cadence.parse("1y")).build());

        assertThat(alan.ownCadence()).isEqualTo(Cadence.parse("1y"));
        assertThat(alan.cadence().period()).isEqualTo(Period.ofYears(1));
        assertThat(alan.dueOn()).isEqualTo(LocalDate.of(2027, 3, 10));
    }

    @BothDatabases
    void settingAnOwnCadenceMovesTheDueDateAndClearingItFallsBackToTheCircles(TestDatabase test) {
        open(test);
        Contact alan = add("Alan Kay", "Role models");

        Contact faster = kith.contacts().edit(me, alan.id(), ContactChanges.builder().every(Cadence.parse("2w")).build());
        assertThat(faster.dueOn()).isEqualTo(TODAY.plusWeeks(2));
        assertThat(stored(alan).dueOn()).isEqualTo(TODAY.plusWeeks(2));

        Contact cleared = kith.contacts().edit(me, alan.id(), ContactChanges.builder().clearEvery(true).build());
        assertThat(cleared.ownCadence()).isNull();
        assertThat(cleared.cadence().period()).isEqualTo(Period.ofMonths(6));
        assertThat(stored(alan).dueOn()).isEqualTo(TODAY.plusMonths(6));
    }

    @BothDatabases
    void clearingTheOwnCadenceOfAContactInNoCircleStopsTrackingIt(TestDatabase test) {
        open(test);
        Contact linus = kith.contacts().add(me, ContactChanges.builder().name("Linus").every(Cadence.parse("30d")).build());
        assertThat(linus.dueOn()).isEqualTo(TODAY.plusDays(30));

        kith.contacts().edit(me, linus.id(), ContactChanges.builder().clearEvery(true).build());

        assertThat(stored(linus).cadence()).isNull();
        assertThat(stored(linus).dueOn()).isNull();
    }

    @BothDatabases
    void addingAShorterCircleBringsTheDueDateForward(TestDatabase test) {
        open(test);
        Contact ken = add("Ken Thompson", "Role models");

        kith.contacts().edit(me, ken.id(), ContactChanges.builder().circles(List.of("mentors")).build());

        assertThat(stored(ken).circles()).containsExactly("Mentors", "Role models");
        assertThat(stored(ken).dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    }

    @BothDatabases
    void removingACircleFallsBackToTheOtherCirclesAndRemovingTheLastStopsTracking(TestDatabase test) {
        open(test);
        Contact ken = add("Ken Thompson", "Mentors", "Role models");

        // Named twice, in two ways: taken away once, not an error.
        kith.contacts().edit(me, ken.id(), ContactChanges.builder().removeCircles(List.of("MENTORS", " Mentors")).build());
        assertThat(stored(ken).circles()).containsExactly("Role models");
        assertThat(stored(ken).dueOn()).isEqualTo(TODAY.plusMonths(6));

        kith.contacts().edit(me, ken.id(), ContactChanges.builder().removeCircles(List.of("Role models")).build());
        assertThat(stored(ken).circles()).isEmpty();
        assertThat(stored(ken).cadence()).isNull();
        assertThat(stored(ken).dueOn()).isNull();
    }

    @BothDatabases
    void addingTheSameCircleTwiceKeepsOneMembership(TestDatabase test) {
        open(test);
        Contact ken = add("Ken Thompson", "Mentors");

        kith.contacts().edit(me, ken.id(), ContactChanges.builder().circles(List.of("mentors", "Mentors")).build());

        assertThat(stored(ken).circles()).containsExactly("Mentors");
    }

    @BothDatabases
    void dueDatesCountFromTheLastTouchRatherThanTheDayAdded(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");

        kith.interactions().log(me, List.of(grace.id()), Kind.CALL, LocalDate.of(2026, 3, 1), null);

        assertThat(stored(grace).lastTouch()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @BothDatabases
    void aDueDateMovesOnToADayOfTheWeekTheContactAccepts(TestDatabase test) {
        open(test);
        // One month after Tuesday 10 March is Friday 10 April; Monday 13 April is the next Monday.
        Contact grace = kith.contacts().add(me, ContactChanges.builder()
                .name("Grace Hopper").circles(List.of("Mentors")).days("mon").build());
        assertThat(grace.dueOn()).isEqualTo(LocalDate.of(2026, 4, 13));

        kith.contacts().edit(me, grace.id(), ContactChanges.builder().days("weekdays").build());
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));

        kith.contacts().edit(me, grace.id(), ContactChanges.builder().days("weekends").build());
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 11));

        kith.contacts().edit(me, grace.id(), ContactChanges.builder().days("any").build());
        assertThat(stored(grace).days().any()).isTrue();
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    }

    // --- snooze, away, archive ----------------------------------------------------------------------------

    @BothDatabases
    void aSnoozeThroughADayAfterTheDueDateMakesTheContactDueTheDayAfterIt(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");

        Contact snoozed = kith.contacts().snooze(me, grace.id(), LocalDate.of(2026, 4, 20));

        assertThat(snoozed.snoozedUntil()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(snoozed.dueOn()).isEqualTo(LocalDate.of(2026, 4, 21));
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 21));
    }

    @BothDatabases
    void aSnoozeEndingBeforeTheDueDateChangesNothing(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");

        kith.contacts().snooze(me, grace.id(), LocalDate.of(2026, 3, 20));

        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    }

    @BothDatabases
    void aSnoozeIntoThePastIsRejectedAndChangesNothing(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");

        assertThatThrownBy(() -> kith.contacts().snooze(me, grace.id(), TODAY.minusDays(1)))
                .isInstanceOf(ValidationException.class);

        assertThat(stored(grace)).isEqualTo(grace);
    }

    @BothDatabases
    void beingAwayMovesTheDueDateAndTheAcceptedDaysStillApply(TestDatabase test) {
        open(test);
        Contact grace = kith.contacts().add(me, ContactChanges.builder()
                .name("Grace Hopper").circles(List.of("Mentors")).days("mon").build());

        // Away through Wednesday 22 April: due the day after, then on to Monday 27 April.
        Contact away = kith.contacts().away(me, grace.id(), LocalDate.of(2026, 4, 22));

        assertThat(away.awayUntil()).isEqualTo(LocalDate.of(2026, 4, 22));
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 27));
    }

    @BothDatabases
    void theLaterOfSnoozeAndAwayWins(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");

        kith.contacts().away(me, grace.id(), LocalDate.of(2026, 5, 1));
        kith.contacts().snooze(me, grace.id(), LocalDate.of(2026, 4, 20));

        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 5, 2));
    }

    @BothDatabases
    void anArchivedContactHasNoDueDateAndUnarchivingBringsItBack(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");

        Contact archived = kith.contacts().archive(me, grace.id(), true);
        assertThat(archived.archived()).isTrue();
        assertThat(archived.tracked()).isFalse();
        assertThat(stored(grace).dueOn()).isNull();
        assertThat(kith.agenda().day(me, LocalDate.of(2026, 12, 31)).due()).isEmpty();

        kith.contacts().archive(me, grace.id(), false);
        assertThat(stored(grace).archived()).isFalse();
        assertThat(stored(grace).dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    }

    @BothDatabases
    void editingAnArchivedContactKeepsItOffTheAgenda(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");
        kith.contacts().archive(me, grace.id(), true);

        kith.contacts().edit(me, grace.id(), ContactChanges.builder().circles(List.of("Current team")).every(Cadence.parse("1w")).build());
        kith.contacts().snooze(me, grace.id(), TODAY.plusDays(3));
        kith.interactions().log(me, List.of(grace.id()), Kind.COFFEE, TODAY, null);

        assertThat(stored(grace).dueOn()).isNull();
        assertThat(kith.agenda().day(me, LocalDate.of(2027, 1, 1)).due()).isEmpty();
    }

    // --- resolve ------------------------------------------------------------------------------------------

    @BothDatabases
    void aContactIsFoundByItsIdWithOrWithoutAHash(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper");

        assertThat(kith.contacts().resolve(me, String.valueOf(grace.id())).id()).isEqualTo(grace.id());
        assertThat(kith.contacts().resolve(me, " #" + grace.id() + " ").id()).isEqualTo(grace.id());
        assertThatThrownBy(() -> kith.contacts().resolve(me, "#" + (grace.id() + 1000)))
                .isInstanceOf(NotFoundException.class);
    }

    @BothDatabases
    void anExactNameWinsEvenWhenItIsPartOfAnotherName(TestDatabase test) {
        open(test);
        Contact ann = add("Ann Lee");
        add("Ann Leeds");

        assertThat(kith.contacts().resolve(me, "ann LEE").id()).isEqualTo(ann.id());
    }

    @BothDatabases
    void aUniquePartOfANameFindsTheContact(TestDatabase test) {
        open(test);
        Contact ann = add("Ann Leeds");
        add("Bob Smith");

        assertThat(kith.contacts().resolve(me, "LEED").id()).isEqualTo(ann.id());
    }

    @BothDatabases
    void anAmbiguousNameFailsListingTheCandidates(TestDatabase test) {
        open(test);
        Contact leeds = add("Ann Leeds");
        Contact lee = add("Bob Lee");
        add("Carol King");

        assertThatThrownBy(() -> kith.contacts().resolve(me, "lee"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Ann Leeds (#" + leeds.id() + ")")
                .hasMessageContaining("Bob Lee (#" + lee.id() + ")")
                .hasMessageNotContaining("Carol");
    }

    @BothDatabases
    void aPartThatStartsAWordOfOneNameIsThatNameThoughOthersHoldItInsideAWord(TestDatabase test) {
        open(test);
        Contact anna = add("Anna Becker");
        add("Hannah Vogel");
        Contact luc = add("Jean-Luc Picard");
        add("Lucas Ebner");
        add("Élodie Saint-Luc");

        assertThat(kith.contacts().resolve(me, "anna").id()).isEqualTo(anna.id());
        assertThat(kith.contacts().resolve(me, "Anna").id()).isEqualTo(anna.id());
        // Only inside a word, it is still a part of the name, when no name has a word that starts with it.
        assertThat(kith.contacts().resolve(me, "nnah").name()).isEqualTo("Hannah Vogel");
        // Several whose words start with it are as ambiguous as before.
        assertThatThrownBy(() -> kith.contacts().resolve(me, "luc")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Jean-Luc Picard").hasMessageContaining("Lucas Ebner").hasMessageContaining("Saint-Luc");
        assertThat(kith.contacts().resolve(me, "jean-l").id()).isEqualTo(luc.id());
        // Accents as typed, the same.
        Contact eli = add("Éli Roth");
        add("Noémie Élise");
        assertThatThrownBy(() -> kith.contacts().resolve(me, "Éli")).isInstanceOf(ValidationException.class);
        add("Gaëlle Éliane");
        assertThat(kith.contacts().resolve(me, "Éli R").id()).isEqualTo(eli.id());
    }

    @BothDatabases
    void aNameIsFoundWithAccentsAsideAsTheSearchDoes(TestDatabase test) {
        open(test);
        Contact emile = add("Émile Zola");
        Contact zoe = add("Zoë Ødegaard");

        assertThat(kith.contacts().resolve(me, "emile zola").id()).isEqualTo(emile.id());
        assertThat(kith.contacts().resolve(me, "emile").id()).isEqualTo(emile.id());
        assertThat(kith.contacts().resolve(me, "ZOE").id()).isEqualTo(zoe.id());
        // Accented text finds the plain name too.
        Contact renee = add("Renee Muller");
        assertThat(kith.contacts().resolve(me, "renée").id()).isEqualTo(renee.id());
    }

    @BothDatabases
    void anUnknownNameIsNotFoundAndABlankOneIsRejected(TestDatabase test) {
        open(test);
        add("Ann Leeds");

        assertThatThrownBy(() -> kith.contacts().resolve(me, "Zed")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.contacts().resolve(me, "  ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> kith.contacts().resolve(me, null)).isInstanceOf(ValidationException.class);
        // Only characters that show nothing are no name; marks on letters (Hebrew's points, an emoji's selector) are.
        assertThatThrownBy(() -> add("\u200B\u0301")).isInstanceOf(ValidationException.class)
                .hasMessage("a contact needs a name: it cannot be blank or only characters that show nothing");
        assertThat(add("\u05D3\u05B8\u05BC\u05D5\u05B4\u05D3").name()).isEqualTo("\u05D3\u05B8\u05BC\u05D5\u05B4\u05D3");
        assertThat(add("\u2764\uFE0F").name()).isEqualTo("\u2764\uFE0F");
        // Such a name an older version kept (a restore brings it back) stands when the form sends it again.
        Contact kept = add("Kept Blank");
        test.database().useTransaction(handle -> handle.createUpdate("UPDATE contacts SET full_name = :name WHERE id = :id")
                .bind("name", "\u200B").bind("id", kept.id()).execute());
        assertThat(kith.contacts().edit(me, kept.id(), ContactChanges.builder().name("\u200B").company("Acme").build()).company())
                .isEqualTo("Acme");
        assertThatThrownBy(() -> kith.contacts().edit(me, kept.id(), ContactChanges.builder().name("\u200C").build()))
                .isInstanceOf(ValidationException.class);
    }

    @BothDatabases
    void wildcardsInANameAreTakenLiterally(TestDatabase test) {
        open(test);
        add("Ann Leeds");
        Contact percent = add("100% Ann");

        assertThatThrownBy(() -> kith.contacts().resolve(me, "_nn")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.contacts().resolve(me, "A%s")).isInstanceOf(NotFoundException.class);
        assertThat(kith.contacts().resolve(me, "0% a").id()).isEqualTo(percent.id());
    }

    @BothDatabases
    void nonAsciiNamesAreFoundWhateverTheirCase(TestDatabase test) {
        open(test);
        Contact emile = add("Émile Zola");
        add("Victor Hugo");

        assertThat(kith.contacts().resolve(me, "émile zola").id()).isEqualTo(emile.id());
        assertThat(kith.contacts().resolve(me, "ÉMILE ZOLA").id()).isEqualTo(emile.id());
        assertThat(kith.contacts().resolve(me, "ÉMILE").id()).isEqualTo(emile.id());
        assertThat(kith.contacts().resolve(me, "émile").id()).isEqualTo(emile.id());
        assertThat(kith.contacts().resolve(me, "zola").id()).isEqualTo(emile.id());
    }

    @BothDatabases
    void anExactNonAsciiNameWinsOverAnotherNameContainingIt(TestDatabase test) {
        open(test);
        Contact jose = add("JOSÉ");
        add("José Garcia");

        assertThat(kith.contacts().resolve(me, "josé").id()).isEqualTo(jose.id());
    }

    @BothDatabases
    void aNonAsciiNameInTwoCasesIsAmbiguous(TestDatabase test) {
        open(test);
        add("Zoë Ball");
        add("ZOË Smith");

        assertThatThrownBy(() -> kith.contacts().resolve(me, "zoë"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Zoë Ball")
                .hasMessageContaining("ZOË Smith");
    }

    @BothDatabases
    void aPartOfANameFoundInSeveralWithAccentsAsideIsAmbiguousNeverAGuess(TestDatabase test) {
        open(test);
        add("Emile Plain");
        add("Émile Accent");
        add("Zoë Alpha");
        add("Zoe\u0308 Gamma");
        add("Søren Kierkegaard");
        add("Jørgen Łukasiewicz-Straße");

        assertThatThrownBy(() -> kith.contacts().resolve(me, "emile"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("'emile' matches 2 contacts: Émile Accent (#2), Emile Plain (#1); name one by its full name or its id, the number alone"
                        + " (a shell takes # for a comment)");
        assertThatThrownBy(() -> kith.contacts().resolve(me, "zoe")).hasMessageStartingWith("'zoe' matches 2 contacts");
        assertThat(kith.contacts().resolve(me, "emile plain").name()).isEqualTo("Emile Plain");
        assertThat(kith.contacts().resolve(me, "Émile").name()).isEqualTo("Émile Accent");
        assertThat(kith.contacts().resolve(me, "E\u0301mile").name()).as("the accent typed as a mark of its own").isEqualTo("Émile Accent");
        assertThat(kith.contacts().resolve(me, "soren").name()).isEqualTo("Søren Kierkegaard");
        assertThat(kith.contacts().resolve(me, "jorgen lukasiewicz strasse").name()).isEqualTo("Jørgen Łukasiewicz-Straße");
        // A name typed as a letter and a combining mark is kept composed, as it would be typed as one letter.
        assertThat(kith.contacts().resolve(me, "zoë gamma").name()).isEqualTo("Zoë Gamma");
        assertThatThrownBy(() -> kith.contacts().resolve(me, "!!")).isInstanceOf(NotFoundException.class);
        // As a search reads a name: an apostrophe inside a word, and spaces between CJK characters, part nothing.
        add("Siobhán O'Brien");
        add("山田 太郎");
        assertThat(kith.contacts().resolve(me, "obrien").name()).isEqualTo("Siobhán O'Brien");
        assertThat(kith.contacts().resolve(me, "山田太").name()).isEqualTo("山田 太郎");
    }

    // --- list ---------------------------------------------------------------------------------------------

    @BothDatabases
    void listingFiltersByCircleAndByTagIgnoringCase(TestDatabase test) {
        open(test);
        Contact grace = kith.contacts().add(me, ContactChanges.builder()
                .name("Grace Hopper").circles(List.of("Mentors")).tags(List.of("Navy")).build());
        Contact alan = kith.contacts().add(me, ContactChanges.builder()
                .name("Alan Turing").circles(List.of("Role models")).tags(List.of("crypto")).build());

        assertThat(names(new ContactFilter("mentors", null, null, false, false))).containsExactly("Grace Hopper");
        assertThat(names(new ContactFilter(null, "NAVY", null, false, false))).containsExactly("Grace Hopper");
        assertThat(names(new ContactFilter("Role models", "navy", null, false, false))).isEmpty();
        assertThat(names(ContactFilter.ALL)).containsExactly("Alan Turing", "Grace Hopper");
        assertThat(kith.contacts().list(me, ContactFilter.ALL)).extracting(Contact::id).containsExactly(alan.id(), grace.id());
    }

    @BothDatabases
    void listingByAnUnknownCircleIsNotFound(TestDatabase test) {
        open(test);

        assertThatThrownBy(() -> kith.contacts().list(me, new ContactFilter("Investors", null, null, false, false)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Mentors");
    }

    @BothDatabases
    void searchLooksInNameCompanyTitleCityNotesAndEmails(TestDatabase test) {
        open(test);
        kith.contacts().add(me, ContactChanges.builder().name("Nora Name-Match").build());
        kith.contacts().add(me, ContactChanges.builder().name("Carl").company("MatchCorp").build());
        kith.contacts().add(me, ContactChanges.builder().name("Tina").title("Head of matching").build());
        kith.contacts().add(me, ContactChanges.builder().name("Cindy").city("Matchville").build());
        kith.contacts().add(me, ContactChanges.builder().name("Nick").notes("met at the MATCH final").build());
        kith.contacts().add(me, ContactChanges.builder().name("Emma").emails(List.of("emma@match.io")).build());
        kith.contacts().add(me, ContactChanges.builder().name("Zed").company("Other").notes("nothing").build());

        assertThat(names(new ContactFilter(null, null, "match", false, false)))
                .containsExactly("Carl", "Cindy", "Emma", "Nick", "Nora Name-Match", "Tina");
        assertThat(names(new ContactFilter(null, null, "  MATCHCORP ", false, false))).containsExactly("Carl");
        assertThat(names(new ContactFilter(null, null, "%", false, false))).isEmpty();
    }

    @BothDatabases
    void dueOnlyListsContactsDueTodayOrEarlier(TestDatabase test) {
        open(test);
        Contact overdue = add("Overdue Olga", "Mentors");
        kith.interactions().log(me, List.of(overdue.id()), Kind.CALL, LocalDate.of(2026, 1, 5), null);
        Contact today = kith.contacts().add(me, ContactChanges.builder().name("Today Tom").every(Cadence.parse("30d")).build());
        kith.interactions().log(me, List.of(today.id()), Kind.CALL, TODAY.minusDays(30), null);
        add("Later Lea", "Mentors");
        add("Untracked Uma");

        assertThat(names(new ContactFilter(null, null, null, true, false))).containsExactly("Overdue Olga", "Today Tom");
    }

    @BothDatabases
    void archivedContactsAreListedOnlyWhenAskedFor(TestDatabase test) {
        open(test);
        Contact gone = add("Gone Gary", "Mentors");
        add("Here Hana", "Mentors");
        kith.contacts().archive(me, gone.id(), true);

        assertThat(names(ContactFilter.ALL)).containsExactly("Here Hana");
        assertThat(names(new ContactFilter(null, null, null, false, true))).containsExactly("Gone Gary");
        assertThat(names(new ContactFilter("Mentors", null, "gary", false, true))).containsExactly("Gone Gary");
    }

    @org.junit.jupiter.api.Test
    void phoneNumbersAreTakenAsAddressBooksWriteThem() {
        for (String phone : List.of("+1 555 0100", "(555) 010-0123 x4", "1-800-FLOWERS", "+44 20 7946 0958 ext. 3",
                "555 0100,,12#", "0170/1234567", "+49 (0) 30 1234-5")) {
            assertThat(ContactService.phone(" " + phone + " ")).isEqualTo(phone);
        }
        for (String notAPhone : List.of("call me", "12", "+", "ask Ada", "x".repeat(3) + "123", "1" + "0".repeat(40), "555 <b>")) {
            assertThatThrownBy(() -> ContactService.phone(notAPhone)).as(notAPhone)
                    .isInstanceOf(ValidationException.class).hasMessageContaining("is not a phone number");
        }
    }

    // --- a contact added twice -------------------------------------------------------------------------

    @BothDatabases
    void aContactWithTheNameOfOneAlreadyThereIsAskedAboutAndNothingIsAddedUntilTheyAreAddedAnyway(TestDatabase test) {
        open(test);
        Contact jose = kith.contacts().add(me, ContactChanges.builder().name("José de la Peña").build());
        Contact archived = kith.contacts().add(me, ContactChanges.builder().name("JOSE DE LA PENA").build());
        kith.contacts().archive(me, archived.id(), true);
        kith.contacts().add(me, ContactChanges.builder().name("José de la Peña Jr").build());
        long other = secondAccount("bob");
        kith.contacts().add(other, ContactChanges.builder().name("Jose de la Pena").build());
        int before = count("contacts");

        assertThatThrownBy(() -> kith.contacts().add(me, ContactChanges.builder().name("  jose  de la pena. ").company("Acme").build(),
                TODAY, false))
                .isInstanceOfSatisfying(ContactService.AlreadyThere.class, e -> {
                    assertThat(e.alike()).containsExactly(new ContactService.Alike(jose.id(), "José de la Peña", false, null),
                            new ContactService.Alike(archived.id(), "JOSE DE LA PENA", true, null));
                    assertThat(e.getMessage()).isEqualTo("you already have José de la Peña (#" + jose.id() + "), JOSE DE LA PENA (#"
                            + archived.id() + ", archived)");
                });
        assertThat(count("contacts")).isEqualTo(before);

        Contact second = kith.contacts().add(me, ContactChanges.builder().name("jose de la pena").build(), TODAY, true);
        assertThat(kith.contacts().get(me, second.id()).name()).isEqualTo("jose de la pena");
        assertThat(kith.contacts().add(me, ContactChanges.builder().name("Josefa de la Peña").build(), TODAY, false).name())
                .isEqualTo("Josefa de la Peña");
        // Letters that are no accents to Unicode are read as the search reads them: Soren is Søren.
        Contact soren = kith.contacts().add(me, ContactChanges.builder().name("Søren Kierkegaard").build(), TODAY, false);
        assertThatThrownBy(() -> kith.contacts().add(me, ContactChanges.builder().name("soren kierkegaard").build(), TODAY, false))
                .isInstanceOfSatisfying(ContactService.AlreadyThere.class, e -> assertThat(e.alike()).extracting(ContactService.Alike::id)
                        .containsExactly(soren.id()));
        // A name without a letter or digit has no key: two different emoji are two people, each found as typed.
        Contact smile = kith.contacts().add(me, ContactChanges.builder().name("🙂").build(), TODAY, false);
        Contact party = kith.contacts().add(me, ContactChanges.builder().name("🎉").build(), TODAY, false);
        assertThat(kith.contacts().resolve(me, "🎉").id()).isEqualTo(party.id());
        kith.contacts().delete(me, party.id());
        assertThatThrownBy(() -> kith.contacts().resolve(me, "🎉")).isInstanceOf(NotFoundException.class);
        assertThat(kith.contacts().resolve(me, "🙂").id()).isEqualTo(smile.id());
    }

    @BothDatabases
    void aContactWithAnEmailAddressOfOneAlreadyThereIsAskedAboutWhateverItsCase(TestDatabase test) {
        open(test);
        Contact grace = kith.contacts().add(me, ContactChanges.builder().name("Grace Hopper")
                .emails(List.of("grace@example.org", "G.Hopper@Navy.example")).build());
        Contact namesake = kith.contacts().add(me, ContactChanges.builder().name("Grace B. Hopper").build());

        assertThatThrownBy(() -> kith.contacts().add(me, ContactChanges.builder().name("Amazing Grace")
                .emails(List.of("new@example.org", "g.hopper@navy.EXAMPLE")).build(), TODAY, false))
                .isInstanceOfSatisfying(ContactService.AlreadyThere.class, e -> assertThat(e.alike())
                        .containsExactly(new ContactService.Alike(grace.id(), "Grace Hopper", false, "G.Hopper@Navy.example")));
        // The same name and an address in common: said once, with the address.
        assertThatThrownBy(() -> kith.contacts().add(me, ContactChanges.builder().name("grace b hopper")
                .emails(List.of("grace@example.org")).build(), TODAY, false))
                .isInstanceOfSatisfying(ContactService.AlreadyThere.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "you already have Grace Hopper (#" + grace.id() + ") with grace@example.org, Grace B. Hopper (#" + namesake.id() + ")"));
        assertThat(count("contacts")).isEqualTo(2);
        assertThat(count("contact_emails")).isEqualTo(2);
    }

    @BothDatabases
    void anEditThatWouldMakeAContactLikeAnotherIsAskedAboutAndOnlyForWhatItBrings(TestDatabase test) {
        open(test);
        Contact grace = kith.contacts().add(me, ContactChanges.builder().name("Grace Hopper").emails(List.of("grace@example.org")).build());
        Contact alan = kith.contacts().add(me, ContactChanges.builder().name("Alan Turing").build());

        assertThatThrownBy(() -> kith.contacts().edit(me, alan.id(), ContactChanges.builder().name("grace  HOPPER").build(), false, TODAY, false))
                .isInstanceOfSatisfying(ContactService.AlreadyThere.class, e -> assertThat(e.getMessage())
                        .isEqualTo("you already have Grace Hopper (#" + grace.id() + ")"));
        assertThatThrownBy(() -> kith.contacts().edit(me, alan.id(), ContactChanges.builder().emails(List.of("GRACE@example.org")).build(),
                false, TODAY, false))
                .isInstanceOfSatisfying(ContactService.AlreadyThere.class, e -> assertThat(e.alike())
                        .containsExactly(new ContactService.Alike(grace.id(), "Grace Hopper", false, "grace@example.org")));
        // Another contact sharing an older address too is still found by the one gained.
        Contact ann = kith.contacts().add(me, ContactChanges.builder().name("Ann Old").emails(List.of("old@example.org", "new@example.org")).build());
        Contact bob = kith.contacts().add(me, ContactChanges.builder().name("Bob Old").emails(List.of("old@example.org")).build());
        assertThatThrownBy(() -> kith.contacts().edit(me, bob.id(), ContactChanges.builder().emails(List.of("new@example.org")).build(),
                false, TODAY, false))
                .isInstanceOfSatisfying(ContactService.AlreadyThere.class, e -> assertThat(e.alike())
                        .containsExactly(new ContactService.Alike(ann.id(), "Ann Old", false, "new@example.org")));
        // Renamed like one who shares an older address: said as the same name, the reason it is asked.
        assertThatThrownBy(() -> kith.contacts().edit(me, bob.id(), ContactChanges.builder().name("ann old").build(), false, TODAY, false))
                .hasMessage("you already have Ann Old (#" + ann.id() + ")");
        // Nothing of a refused edit is kept.
        assertThat(kith.contacts().get(me, alan.id()).name()).isEqualTo("Alan Turing");
        assertThat(kith.contacts().get(me, alan.id()).emails()).isEmpty();

        // Namesakes added on purpose: an edit that does not bring the name or an address is not asked about.
        Contact namesake = kith.contacts().add(me, ContactChanges.builder().name("Grace Hopper").emails(List.of("grace@example.org")).build());
        assertThat(kith.contacts().edit(me, namesake.id(), ContactChanges.builder().city("Arlington").build(), false, TODAY, false).city())
                .isEqualTo("Arlington");
        // And all the same, when asked to.
        assertThat(kith.contacts().edit(me, alan.id(), ContactChanges.builder().name("Grace Hopper").build(), false, TODAY, true).name())
                .isEqualTo("Grace Hopper");
    }

    @BothDatabases
    void aBadFieldIsSaidBeforeAnyContactAlikeAndFiveAlikeAreNamedTheRestCounted(TestDatabase test) {
        open(test);
        for (int i = 0; i < 7; i++) {
            kith.contacts().add(me, ContactChanges.builder().name("Sam Lee").build());
        }
        assertThatThrownBy(() -> kith.contacts().add(me, ContactChanges.builder().name("Sam Lee").phones(List.of("call me")).build(),
                TODAY, false))
                .isInstanceOf(ContactService.InvalidField.class);
        assertThatThrownBy(() -> kith.contacts().add(me, ContactChanges.builder().name("Sam Lee").build(), TODAY, false))
                .isInstanceOf(ContactService.AlreadyThere.class)
                .hasMessageEndingWith(", Sam Lee (#5) and 2 more");
        assertThat(count("contacts")).isEqualTo(7);
    }

    // --- bad input leaves the data as it was ------------------------------------------------------------

    @BothDatabases
    void addingAContactWithAnyBadFieldWritesNothing(TestDatabase test) {
        open(test);
        List<ContactChanges> bad = List.of(
                ContactChanges.builder().name("Bad Email").emails(List.of("ok@example.com", "not-an-email")).build(),
                ContactChanges.builder().name("Bad Phone").phones(List.of("call me")).build(),
                ContactChanges.builder().name("Bad Zone").timezone("Mars/Olympus").build(),
                ContactChanges.builder().name("x".repeat(201)).build(),
                ContactChanges.builder().name("   ").build(),
                ContactChanges.builder().name("Bad Circle").circles(List.of("Mentors", "Investors")).build(),
                ContactChanges.builder().name("Bad LinkedIn").linkedinUrl("https://example.com/me").build(),
                ContactChanges.builder().name("Bad Day").days("mon,someday").build(),
                ContactChanges.builder().name("Future").metOn(TODAY.plusDays(1)).build(),
                ContactChanges.builder().name("Long Company").company("c".repeat(501)).tags(List.of("t")).build());

        for (ContactChanges changes : bad) {
            assertThatThrownBy(() -> kith.contacts().add(me, changes))
                    .as(changes.name())
                    .isInstanceOfAny(ValidationException.class, NotFoundException.class);
        }

        assertThat(count("contacts")).isZero();
        assertThat(count("contact_emails")).isZero();
        assertThat(count("contact_phones")).isZero();
        assertThat(count("contact_tags")).isZero();
        assertThat(count("contact_circles")).isZero();
    }

    @BothDatabases
    void addingAContactToAnUnknownCircleIsRefusedByTheCirclesAndWritesNothing(TestDatabase test) {
        open(test);

        assertThatThrownBy(() -> add("Grace Hopper", "Investors"))
                .isInstanceOfSatisfying(ContactService.InvalidField.class, e -> assertThat(e.field()).isEqualTo("circles"))
                .hasMessageContaining("Investors")
                .hasMessageContaining("Mentors");

        assertThat(count("contacts")).isZero();
    }

    @BothDatabases
    void anEditWithOneBadFieldChangesNothing(TestDatabase test) {
        open(test);
        Contact grace = kith.contacts().add(me, ContactChanges.builder()
                .name("Grace Hopper").emails(List.of("grace@navy.mil")).tags(List.of("navy"))
                .circles(List.of("Mentors")).company("US Navy").build());

        List<ContactChanges> bad = List.of(
                ContactChanges.builder().name("Amazing Grace").company("Yale").emails(List.of("broken")).build(),
                ContactChanges.builder().name("Amazing Grace").tags(List.of("cobol")).timezone("Nowhere/Town").build(),
                ContactChanges.builder().every(Cadence.parse("1w")).circles(List.of("Investors")).build(),
                ContactChanges.builder().tags(List.of("cobol")).removeTags(List.of("sailing")).build(),
                ContactChanges.builder().circles(List.of("Role models")).removeCircles(List.of("Past teams")).build(),
                ContactChanges.builder().emails(List.of("g@example.com")).removeEmails(List.of("nobody@example.com")).build(),
                ContactChanges.builder().name("").city("Paris").build(),
                ContactChanges.builder().clearEvery(true).removeCircles(List.of("Mentors")).metOn(TODAY.plusDays(2)).build());

        for (ContactChanges changes : bad) {
            assertThatThrownBy(() -> kith.contacts().edit(me, grace.id(), changes))
                    .isInstanceOfAny(ValidationException.class, NotFoundException.class);
            assertThat(stored(grace)).isEqualTo(grace);
        }
        assertThat(count("contact_tags")).isOne();
        assertThat(count("contact_emails")).isOne();
    }

    @BothDatabases
    void anUnknownCircleIsRefusedWithTheOtherFieldsAtOnce(TestDatabase test) {
        open(test);
        Contact ada = add("Ada Quill", "Mentors");

        assertThatThrownBy(() -> kith.contacts().edit(me, ada.id(), ContactChanges.builder().emails(List.of("not-an-email"))
                .timezone("Mars/Olympus").circles(List.of("Ghost circle")).build()))
                .isInstanceOfSatisfying(ContactService.InvalidFields.class, e -> {
                    assertThat(e.fields()).containsOnlyKeys("emails", "timezone", "circles");
                    assertThat(e.fields().get("circles")).startsWith("there is no circle named 'Ghost circle'");
                });
        assertThat(kith.contacts().get(me, ada.id())).isEqualTo(ada);
    }

    @BothDatabases
    void editingChangesAndClearsFieldsAndLists(TestDatabase test) {
        open(test);
        Contact grace = kith.contacts().add(me, ContactChanges.builder()
                .name("Grace Hopper").emails(List.of("grace@navy.mil")).phones(List.of("+1 555 0100"))
                .company("US Navy").city("Arlington").tags(List.of("navy")).build());

        Contact edited = kith.contacts().edit(me, grace.id(), ContactChanges.builder()
                .name("Grace B. Hopper").company("").city("New York")
                .emails(List.of("GRACE@navy.mil", "grace@yale.edu")).removeEmails(List.of("grace@navy.mil"))
                .removePhones(List.of("+1 555 0100"))
                .tags(List.of("NAVY", "cobol")).removeTags(List.of("Navy"))
                .build());

        assertThat(edited.name()).isEqualTo("Grace B. Hopper");
        assertThat(edited.company()).isNull();
        assertThat(edited.city()).isEqualTo("New York");
        assertThat(edited.emails()).containsExactly("grace@yale.edu");
        assertThat(edited.phones()).isEmpty();
        assertThat(edited.tags()).containsExactly("cobol");
        assertThat(stored(grace)).isEqualTo(edited);
    }

    @BothDatabases
    void editingAnUnknownContactIsNotFound(TestDatabase test) {
        open(test);

        assertThatThrownBy(() -> kith.contacts().edit(me, 4242, ContactChanges.named("Nobody")))
                .isInstanceOf(NotFoundException.class);
        assertThat(count("contacts")).isZero();
    }

    // --- one user's contacts are theirs alone -------------------------------------------------------------

    @BothDatabases
    void anotherAccountCannotSeeOrTouchTheContacts(TestDatabase test) {
        open(test);
        Contact grace = add("Grace Hopper", "Mentors");
        long other = secondAccount("bob");

        assertThat(kith.contacts().list(other, ContactFilter.ALL)).isEmpty();
        assertThat(kith.contacts().list(other, new ContactFilter(null, null, "grace", false, false))).isEmpty();
        assertThatThrownBy(() -> kith.contacts().get(other, grace.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.contacts().resolve(other, "#" + grace.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.contacts().resolve(other, "Grace Hopper")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.contacts().resolve(other, "grace")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.contacts().edit(other, grace.id(), ContactChanges.named("Stolen")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.contacts().archive(other, grace.id(), true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.contacts().snooze(other, grace.id(), TODAY.plusDays(90)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.contacts().away(other, grace.id(), TODAY.plusDays(90)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kith.interactions().log(other, List.of(grace.id()), Kind.COFFEE, TODAY, null))
                .isInstanceOf(NotFoundException.class);
        assertThat(kith.agenda().day(other, LocalDate.of(2027, 1, 1)).due()).isEmpty();

        assertThat(stored(grace)).isEqualTo(grace);
        assertThat(count("interactions")).isZero();
    }

    @BothDatabases
    void eachAccountResolvesAndListsOnlyItsOwnContactsOfTheSameName(TestDatabase test) {
        open(test);
        Contact mine = add("Grace Hopper", "Mentors");
        long other = secondAccount("bob");
        Contact theirs = kith.contacts().add(other, ContactChanges.builder().name("Grace Hopper").circles(List.of("Role models")).build());

        assertThat(kith.contacts().resolve(me, "grace").id()).isEqualTo(mine.id());
        assertThat(kith.contacts().resolve(other, "grace").id()).isEqualTo(theirs.id());
        assertThat(kith.contacts().list(other, new ContactFilter("Mentors", null, null, false, false))).isEmpty();
        assertThat(theirs.dueOn()).isEqualTo(TODAY.plusMonths(6));
    }

    @BothDatabases
    void anotherAccountsCircleCannotBeUsed(TestDatabase test) {
        open(test);
        kith.circles().add(me, "Investors", Cadence.parse("2m"));
        long other = secondAccount("bob");

        assertThatThrownBy(() -> kith.contacts().add(other, ContactChanges.builder().name("Vc").circles(List.of("Investors")).build()))
                .isInstanceOf(ContactService.InvalidField.class).hasMessageContaining("there is no circle named 'Investors'");
        assertThat(count("contacts")).isZero();
    }

    // --- deleting -----------------------------------------------------------------------------------------

    @BothDatabases
    void aDeletedContactGoesWithWhatTheyAloneTookPartInAndSharedInteractionsStayForTheOthers(TestDatabase test) {
        open(test);
        Contact grace = kith.contacts().add(me, ContactChanges.builder().name("Grace Hopper").emails(List.of("grace@navy.mil"))
                .phones(List.of("+1 555 0100")).tags(List.of("navy")).circles(List.of("Mentors")).notes("findable").build());
        Contact alan = add("Alan Kay", "Mentors");
        LocalDate day = LocalDate.of(2026, 3, 1);
        kith.interactions().log(me, List.of(grace.id()), Kind.COFFEE, day, "just us");
        kith.interactions().log(me, List.of(grace.id()), Kind.CALL, day.plusDays(1), null);
        kith.interactions().log(me, List.of(grace.id(), alan.id()), Kind.MEAL, day.plusDays(2), "all three");
        long other = secondAccount("bob");
        assertThatThrownBy(() -> kith.contacts().delete(other, grace.id())).isInstanceOf(NotFoundException.class);

        Contact before = stored(grace);
        ContactService.Deletion asked = kith.contacts().deletion(me, grace.id());
        assertThat(asked.interactionsDeleted()).isEqualTo(2);
        assertThat(asked.interactionsKept()).isEqualTo(1);
        assertThat(stored(grace)).isEqualTo(before);
        assertThat(count("interactions")).isEqualTo(3);

        ContactService.Deletion deleted = kith.contacts().delete(me, grace.id());

        assertThat(deleted).isEqualTo(asked);
        assertThatThrownBy(() -> stored(grace)).isInstanceOf(NotFoundException.class);
        assertThat(count("contact_emails")).isZero();
        assertThat(count("contact_phones")).isZero();
        assertThat(count("contact_tags")).isZero();
        assertThat(count("interactions")).isOne();
        assertThat(kith.interactions().timeline(me, alan.id())).singleElement()
                .satisfies(meal -> assertThat(meal.with()).extracting(p -> p.name()).containsExactly("Alan Kay"));
        assertThat(stored(alan).lastTouch()).isEqualTo(day.plusDays(2));
        assertThat(names(new ContactFilter(null, null, "findable", false, false))).isEmpty();
        assertThat(kith.circles().list(me)).filteredOn(c -> c.name().equals("Mentors")).extracting(Circle::members).containsExactly(1);
        assertThatThrownBy(() -> kith.contacts().delete(me, grace.id())).isInstanceOf(NotFoundException.class);
        // The number of the newest contact deleted is not given again (SQLite would give the largest plus one).
        Contact newest = add("Newest");
        kith.contacts().delete(me, newest.id());
        assertThat(add("After").id()).isGreaterThan(newest.id());
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private Contact add(String name, String... circles) {
        return kith.contacts().add(me, ContactChanges.builder().name(name).circles(List.of(circles)).build());
    }

    private Contact stored(Contact contact) {
        return kith.contacts().get(me, contact.id());
    }

    private List<String> names(ContactFilter filter) {
        return kith.contacts().list(me, filter).stream().map(Contact::name).toList();
    }

    private int count(String table) {
        return kith.database().withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
    }

    /** A second account with its default circles, as the owner's first use would create it. */
    private long secondAccount(String username) {
        return kith.database().inTransaction(handle -> {
            long id = handle.createQuery("INSERT INTO users (username) VALUES (:username) RETURNING id")
                    .bind("username", username).mapTo(Long.class).one();
            kith.circles().seedDefaults(handle, id);
            return id;
        });
    }
}
