package app.kith.agenda;

import app.kith.account.Profile;
import app.kith.account.WorkHours;
import app.kith.agenda.Suggestion.Format;
import app.kith.agenda.Suggestion.Window;
import app.kith.contact.Cadence;
import app.kith.shared.Weekdays;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private static final LocalDate WINTER = LocalDate.of(2026, 1, 14);
    private static final LocalDate SUMMER = LocalDate.of(2026, 7, 15);
    /** The US moved its clocks on 8 March 2026, Europe on 29 March: three weeks with a one-hour-smaller gap. */
    private static final LocalDate BETWEEN_THE_CHANGES = LocalDate.of(2026, 3, 16);

    private static Profile me(String city, String country, ZoneId zone, WorkHours hours) {
        return new Profile("ada", "Ada Lovelace", city, country, zone, hours, 5);
    }

    private static Profile meIn(ZoneId zone) {
        return me("Berlin", "DE", zone, WorkHours.DEFAULT);
    }

    private static Profile meIn(ZoneId zone, String hours) {
        return me("Berlin", "DE", zone, WorkHours.parse(hours));
    }

    private static DueContact contact(String city, String country, ZoneId zone) {
        return new DueContact(1, "Grace Hopper", LocalDate.of(2026, 3, 1), Cadence.parse("1m"), null, city, country, zone);
    }

    private static Window window(String from, String to) {
        return new Window(LocalTime.parse(from), LocalTime.parse(to));
    }

    // Format

    @Test
    void someoneElsewhereWithoutAZoneOfTheirOwnKeepsTheTimeOfWhereTheyLive() {
        Profile me = me("Berlin", "DE", BERLIN, WorkHours.DEFAULT);
        Suggestion tokyo = Suggestion.forContact(me, contact("Tokyo", null, null), WINTER);
        assertThat(tokyo.format()).isEqualTo(Suggestion.Format.VIDEO);
        assertThat(tokyo).isEqualTo(Suggestion.forContact(me, contact("Tokyo", null, TOKYO), WINTER));
        assertThat(tokyo.theirZoneUnknown()).isFalse();
        // Where Kith cannot tell, it says so.
        assertThat(Suggestion.forContact(me, contact("Springfield", "US", null), WINTER).theirZoneUnknown()).isTrue();
    }

    @Test
    void aStatesCodeAfterTheirCityIsReadAsOneOfYourCountrysStates() {
        // Written in the United States, "Portland, OR" is Oregon's; written in Italy, OR may be Oristano's province.
        Profile american = me("Boston", "US", ZoneId.of("America/New_York"), WorkHours.DEFAULT);
        Suggestion portland = Suggestion.forContact(american, contact("Portland, OR", null, null), WINTER);
        assertThat(portland).isEqualTo(Suggestion.forContact(american, contact("Portland", null, ZoneId.of("America/Los_Angeles")), WINTER));
        assertThat(portland.window()).isEqualTo(window("12:00", "18:00"));
        Profile italian = me("Cagliari", "IT", ZoneId.of("Europe/Rome"), WorkHours.DEFAULT);
        assertThat(Suggestion.forContact(italian, contact("Portland, OR", null, null), WINTER).theirZoneUnknown()).isTrue();
    }

    @Test
    void someoneInYourCityKeepsYourTimeBeforeTheOneTheirCityWouldGive() {
        // Your own zone is the machine's here (UTC, none in the profile is as good): a neighbour without one of their
        // own keeps yours, whatever zone Berlin's name gives.
        Profile me = me("Berlin", "DE", ZoneId.of("UTC"), WorkHours.DEFAULT);
        Suggestion neighbour = Suggestion.forContact(me, contact("Berlin", "DE", null), WINTER);
        assertThat(neighbour.window()).isEqualTo(window("09:00", "18:00"));
    }

    @Test
    void someoneInYourCityIsMetInPerson() {
        assertThat(Suggestion.format(me("Berlin", "DE", BERLIN, WorkHours.DEFAULT), contact("Berlin", "DE", BERLIN)))
                .isEqualTo(Format.IN_PERSON);
    }

    @Test
    void cityNamesMatchWhateverTheirCaseAndSurroundingSpaces() {
        Profile me = me("New York", "US", NEW_YORK, WorkHours.DEFAULT);
        assertThat(Suggestion.format(me, contact("  new york ", "us", NEW_YORK))).isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me, contact("NEW YORK", " US ", NEW_YORK))).isEqualTo(Format.IN_PERSON);
    }

    @Test
    void cityNamesMatchWhateverTheirAccentsAndPunctuation() {
        Profile me = me("München", "DE", BERLIN, WorkHours.DEFAULT);
        assertThat(Suggestion.format(me, contact("Munchen", "DE", BERLIN))).isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("St. Louis", "US", NEW_YORK, WorkHours.DEFAULT), contact("st louis", "US", NEW_YORK)))
                .isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("São Paulo", "BR", null, WorkHours.DEFAULT), contact("Sao-Paulo", "br", null)))
                .isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me, contact("Münster", "DE", BERLIN))).isEqualTo(Format.VIDEO);
        // Without a letter or digit there is no name to compare: the same only as written.
        assertThat(Suggestion.format(me("🙂", null, null, WorkHours.DEFAULT), contact("🎉", null, null))).isEqualTo(Format.VIDEO);
        assertThat(Suggestion.format(me("🙂", null, null, WorkHours.DEFAULT), contact("🙂", null, null))).isEqualTo(Format.IN_PERSON);
    }

    @Test
    void aCityKnownByMoreThanOneNameIsTheSameByAnyOfThem() {
        Profile munich = me("Munich", "DE", BERLIN, WorkHours.DEFAULT);
        for (String same : List.of("München", "Muenchen", "munchen", "MÜNCHEN ")) {
            assertThat(Suggestion.format(munich, contact(same, "DE", BERLIN))).as(same).isEqualTo(Format.IN_PERSON);
        }
        assertThat(Suggestion.format(me("Köln", null, null, WorkHours.DEFAULT), contact("Cologne", null, null))).isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("Bombay", "IN", null, WorkHours.DEFAULT), contact("Mumbai", "India", null))).isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("Moscow", null, null, WorkHours.DEFAULT), contact("Москва", null, null))).isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("Tokyo", null, null, WorkHours.DEFAULT), contact("東京", null, null))).isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("NYC", "US", NEW_YORK, WorkHours.DEFAULT), contact("New York City", "US", NEW_YORK)))
                .isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("The Hague", null, null, WorkHours.DEFAULT), contact("'s-Gravenhage", null, null)))
                .isEqualTo(Format.IN_PERSON);
        // Two cities, each known by more than one name, are still two.
        assertThat(Suggestion.format(munich, contact("Köln", "DE", BERLIN))).isEqualTo(Format.VIDEO);
        assertThat(Suggestion.format(munich, contact("Nürnberg", "DE", BERLIN))).isEqualTo(Format.VIDEO);
        // A city of one of its names in another country is still another city.
        assertThat(Suggestion.format(me("Wien", "AT", null, WorkHours.DEFAULT), contact("Vienna", "US", null))).isEqualTo(Format.VIDEO);
        // Many such names are towns elsewhere too: one given another country than the city's is that town.
        assertThat(Suggestion.format(me("Naples", "US", null, WorkHours.DEFAULT), contact("Napoli", null, null))).isEqualTo(Format.VIDEO);
        assertThat(Suggestion.format(me("Naples", "Italy", null, WorkHours.DEFAULT), contact("Napoli", null, null))).isEqualTo(Format.IN_PERSON);
        // ... and one written with where it is is that place alone.
        assertThat(Suggestion.format(me("Wien", null, null, WorkHours.DEFAULT), contact("Vienna, VA", null, null))).isEqualTo(Format.VIDEO);
        assertThat(Suggestion.format(me("Санкт-Петербург", null, null, WorkHours.DEFAULT), contact("St. Petersburg, FL", null, null)))
                .isEqualTo(Format.VIDEO);
        assertThat(Suggestion.format(me("Washington DC", null, null, WorkHours.DEFAULT), contact("Washington, PA", null, null)))
                .isEqualTo(Format.VIDEO);
        // Written with the city's own country, it is still that city; with another (GA: Gabon, or Georgia), not.
        assertThat(Suggestion.format(me("München", null, null, WorkHours.DEFAULT), contact("Munich, Germany", null, null)))
                .isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("Munich, DE", null, null, WorkHours.DEFAULT), contact("Muenchen", "Deutschland", null)))
                .isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("Athina", null, null, WorkHours.DEFAULT), contact("Athens, GA", null, null))).isEqualTo(Format.VIDEO);
        assertThat(Suggestion.format(me("Athina", null, null, WorkHours.DEFAULT), contact("Athens, Greece", null, null)))
                .isEqualTo(Format.IN_PERSON);
    }

    @Test
    void aCityWrittenWithWhereItIsIsTheCityWrittenAlone() {
        assertThat(Suggestion.format(me("Portland", "US", null, WorkHours.DEFAULT), contact("Portland, OR", "US", null)))
                .isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("Berlin, Germany", null, BERLIN, WorkHours.DEFAULT), contact("berlin", null, BERLIN)))
                .isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("Washington, D.C.", "US", NEW_YORK, WorkHours.DEFAULT), contact("Washington DC", "US", NEW_YORK)))
                .isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("Portland", "US", null, WorkHours.DEFAULT), contact("Salem, OR", "US", null)))
                .isEqualTo(Format.VIDEO);
        // Both written with where they are: compared whole, so two places of one name are not taken as one.
        assertThat(Suggestion.format(me("Portland, OR", "US", null, WorkHours.DEFAULT), contact("Portland, ME", "US", null)))
                .isEqualTo(Format.VIDEO);
    }

    @Test
    void anUnknownCountryDoesNotStopAMeeting() {
        assertThat(Suggestion.format(me("Berlin", null, BERLIN, WorkHours.DEFAULT), contact("Berlin", "DE", BERLIN)))
                .isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("Berlin", "DE", BERLIN, WorkHours.DEFAULT), contact("Berlin", " ", BERLIN)))
                .isEqualTo(Format.IN_PERSON);
    }

    @Test
    void aCountryIsTheSameByItsCodeItsEnglishNameOrItsOwnName() {
        Profile me = me("Berlin", "DE", BERLIN, WorkHours.DEFAULT);
        for (String germany : List.of("Germany", "Deutschland", "DEU", "de", " germany ")) {
            assertThat(Suggestion.format(me, contact("Berlin", germany, BERLIN))).as(germany).isEqualTo(Format.IN_PERSON);
        }
        Profile london = me("London", "United Kingdom", null, WorkHours.DEFAULT);
        for (String uk : List.of("UK", "GB", "GBR", "England", "Great Britain")) {
            assertThat(Suggestion.format(london, contact("London", uk, null))).as(uk).isEqualTo(Format.IN_PERSON);
        }
        assertThat(Suggestion.format(me("Portland", "USA", null, WorkHours.DEFAULT), contact("Portland", "United States", null)))
                .isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("Wien", "Österreich", null, WorkHours.DEFAULT), contact("Wien", "Austria", null)))
                .isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me("Atlantis", "Narnia", null, WorkHours.DEFAULT), contact("Atlantis", "narnia", null)))
                .isEqualTo(Format.IN_PERSON);
        assertThat(Suggestion.format(me, contact("Berlin", "United States", null))).isEqualTo(Format.VIDEO);
        assertThat(Suggestion.format(london, contact("London", "Canada", null))).isEqualTo(Format.VIDEO);
        assertThat(Suggestion.format(me("Atlantis", "Narnia", null, WorkHours.DEFAULT), contact("Atlantis", "Oz", null)))
                .isEqualTo(Format.VIDEO);
    }

    @Test
    void aCityOfTheSameNameInAnotherCountryIsAVideoCall() {
        Profile me = me("Paris", "FR", ZoneId.of("Europe/Paris"), WorkHours.DEFAULT);
        assertThat(Suggestion.format(me, contact("Paris", "US", ZoneId.of("America/Chicago")))).isEqualTo(Format.VIDEO);
    }

    @Test
    void someoneInAnotherCityIsAVideoCall() {
        assertThat(Suggestion.format(me("Berlin", "DE", BERLIN, WorkHours.DEFAULT), contact("Munich", "DE", BERLIN)))
                .isEqualTo(Format.VIDEO);
        assertThat(Suggestion.format(me("Berlin", null, BERLIN, WorkHours.DEFAULT), contact("Lisbon", null, null)))
                .isEqualTo(Format.VIDEO);
    }

    @Test
    void anUnknownCityOnEitherSideMeansAMessage() {
        Profile me = me("Berlin", "DE", BERLIN, WorkHours.DEFAULT);
        assertThat(Suggestion.format(me, contact(null, "DE", BERLIN))).isEqualTo(Format.MESSAGE);
        assertThat(Suggestion.format(me, contact("  ", "DE", BERLIN))).isEqualTo(Format.MESSAGE);
        assertThat(Suggestion.format(me(null, "DE", BERLIN, WorkHours.DEFAULT), contact("Berlin", "DE", BERLIN)))
                .isEqualTo(Format.MESSAGE);
        assertThat(Suggestion.format(me("", null, null, WorkHours.DEFAULT), contact("", null, null)))
                .isEqualTo(Format.MESSAGE);
    }

    @Test
    void formatsHaveWordsForPeople() {
        assertThat(Format.IN_PERSON.word()).isEqualTo("in-person");
        assertThat(Format.VIDEO.word()).isEqualTo("video");
        assertThat(Format.MESSAGE.word()).isEqualTo("message");
    }

    // Window

    @Test
    void inTheSameZoneTheWindowIsTheWholeSharedDay() {
        assertThat(Suggestion.window(meIn(BERLIN), BERLIN, WINTER)).isEqualTo(window("09:00", "18:00"));
        assertThat(Suggestion.window(meIn(BERLIN), BERLIN, SUMMER)).isEqualTo(window("09:00", "18:00"));
    }

    @Test
    void inTheSameZoneTheWindowIsWhereBothDaysOverlap() {
        assertThat(Suggestion.window(meIn(BERLIN, "08:00-12:00"), BERLIN, WINTER)).isEqualTo(window("09:00", "12:00"));
        assertThat(Suggestion.window(meIn(BERLIN, "14:30-20:00"), BERLIN, WINTER)).isEqualTo(window("14:30", "18:00"));
        assertThat(Suggestion.window(meIn(BERLIN, "07:00-21:00"), BERLIN, WINTER)).isEqualTo(window("09:00", "18:00"));
    }

    @Test
    void aBerlinUserReachesNewYorkInTheirAfternoonInWinter() {
        assertThat(Suggestion.window(meIn(BERLIN), NEW_YORK, WINTER)).isEqualTo(window("15:00", "18:00"));
    }

    @Test
    void aBerlinUserReachesNewYorkInTheirAfternoonInSummer() {
        assertThat(Suggestion.window(meIn(BERLIN), NEW_YORK, SUMMER)).isEqualTo(window("15:00", "18:00"));
    }

    @Test
    void whileOnlyTheUsHasMovedItsClocksTheWindowOpensAnHourEarlier() {
        assertThat(Suggestion.window(meIn(BERLIN), NEW_YORK, LocalDate.of(2026, 3, 7), Weekdays.ANY)).isEqualTo(window("15:00", "18:00"));
        assertThat(Suggestion.window(meIn(BERLIN), NEW_YORK, LocalDate.of(2026, 3, 8), Weekdays.ANY)).isEqualTo(window("14:00", "18:00"));
        assertThat(Suggestion.window(meIn(BERLIN), NEW_YORK, BETWEEN_THE_CHANGES, Weekdays.ANY)).isEqualTo(window("14:00", "18:00"));
        assertThat(Suggestion.window(meIn(BERLIN), NEW_YORK, LocalDate.of(2026, 3, 28), Weekdays.ANY)).isEqualTo(window("14:00", "18:00"));
        assertThat(Suggestion.window(meIn(BERLIN), NEW_YORK, LocalDate.of(2026, 3, 29), Weekdays.ANY)).isEqualTo(window("15:00", "18:00"));
    }

    @Test
    void aNewYorkUserSeesTheSameShiftFromTheOtherSide() {
        Profile me = meIn(NEW_YORK);
        assertThat(Suggestion.window(me, BERLIN, LocalDate.of(2026, 3, 7), Weekdays.ANY)).isEqualTo(window("09:00", "12:00"));
        assertThat(Suggestion.window(me, BERLIN, LocalDate.of(2026, 3, 8), Weekdays.ANY)).isEqualTo(window("09:00", "13:00"));
        assertThat(Suggestion.window(me, BERLIN, BETWEEN_THE_CHANGES, Weekdays.ANY)).isEqualTo(window("09:00", "13:00"));
        assertThat(Suggestion.window(me, BERLIN, LocalDate.of(2026, 3, 29), Weekdays.ANY)).isEqualTo(window("09:00", "12:00"));
    }

    @Test
    void aNewYorkUserReachesLondonInTheirMorning() {
        Profile me = meIn(NEW_YORK);
        assertThat(Suggestion.window(me, LONDON, WINTER)).isEqualTo(window("09:00", "13:00"));
        assertThat(Suggestion.window(me, LONDON, BETWEEN_THE_CHANGES)).isEqualTo(window("09:00", "14:00"));
        assertThat(Suggestion.window(me, LONDON, SUMMER)).isEqualTo(window("09:00", "13:00"));
    }

    @Test
    void theEuropeanClockChangeShiftsTheWindowOnTheDayItHappens() {
        // Berlin user, London contact: one hour apart on both sides of the change, so the same window.
        assertThat(Suggestion.window(meIn(BERLIN), LONDON, LocalDate.of(2026, 3, 28), Weekdays.ANY)).isEqualTo(window("10:00", "18:00"));
        assertThat(Suggestion.window(meIn(BERLIN), LONDON, LocalDate.of(2026, 3, 29), Weekdays.ANY)).isEqualTo(window("10:00", "18:00"));
        // Berlin user, Tokyo contact (no daylight saving): the gap shrinks from 8 to 7 hours.
        assertThat(Suggestion.window(meIn(BERLIN), TOKYO, LocalDate.of(2026, 3, 28), Weekdays.ANY)).isEqualTo(window("09:00", "10:00"));
        assertThat(Suggestion.window(meIn(BERLIN), TOKYO, LocalDate.of(2026, 3, 29), Weekdays.ANY)).isEqualTo(window("09:00", "11:00"));
    }

    @Test
    void aLosAngelesUserReachesTokyoAtTheEndOfTheirDayWhenItIsTomorrowThere() {
        assertThat(Suggestion.window(meIn(LOS_ANGELES), TOKYO, WINTER)).isEqualTo(window("16:00", "18:00"));
        assertThat(Suggestion.window(meIn(LOS_ANGELES), TOKYO, SUMMER)).isEqualTo(window("17:00", "18:00"));
    }

    @Test
    void aTokyoUserReachesLosAngelesAtTheStartOfTheirDayWhenItIsStillYesterdayThere() {
        assertThat(Suggestion.window(meIn(TOKYO), LOS_ANGELES, WINTER)).isEqualTo(window("09:00", "11:00"));
        assertThat(Suggestion.window(meIn(TOKYO), LOS_ANGELES, SUMMER)).isEqualTo(window("09:00", "10:00"));
    }

    @Test
    void tokyoAndNewYorkWorkingDaysNeverMeet() {
        assertThat(Suggestion.window(meIn(TOKYO), NEW_YORK, WINTER)).isNull();
        assertThat(Suggestion.window(meIn(TOKYO), NEW_YORK, SUMMER)).isNull();
        assertThat(Suggestion.window(meIn(NEW_YORK), TOKYO, WINTER)).isNull();
    }

    @Test
    void aShortMorningInBerlinDoesNotReachLosAngeles() {
        assertThat(Suggestion.window(meIn(BERLIN, "09:00-12:00"), LOS_ANGELES, WINTER)).isNull();
    }

    @Test
    void windowsTouchingOnlyAtAnInstantAreNoWindow() {
        // Berlin 09:00-15:00 in winter ends at 14:00 UTC, exactly when New York starts.
        assertThat(Suggestion.window(meIn(BERLIN, "09:00-15:00"), NEW_YORK, WINTER)).isNull();
        assertThat(Suggestion.window(meIn(BERLIN, "09:00-15:01"), NEW_YORK, WINTER)).isEqualTo(window("15:00", "15:01"));
    }

    @Test
    void halfHourZonesGiveHalfHourWindows() {
        assertThat(Suggestion.window(meIn(BERLIN), KOLKATA, WINTER)).isEqualTo(window("09:00", "13:30"));
        assertThat(Suggestion.window(meIn(BERLIN), KOLKATA, SUMMER)).isEqualTo(window("09:00", "14:30"));
    }

    @Test
    void theWindowIsInTheUsersOwnHours() {
        assertThat(Suggestion.window(meIn(NEW_YORK, "06:00-10:00"), BERLIN, WINTER)).isEqualTo(window("06:00", "10:00"));
        assertThat(Suggestion.window(meIn(NEW_YORK, "06:00-10:00"), BERLIN, SUMMER)).isEqualTo(window("06:00", "10:00"));
    }

    @Test
    void aLongDayIsCutToTheirWorkingHours() {
        // Tokyo contact, Berlin user from 02:00 to 23:00 in winter (UTC 01:00-22:00):
        // Tokyo's day runs 00:00-09:00 UTC, so the user's 02:00-10:00 is shared; the next Tokyo day starts too late.
        assertThat(Suggestion.window(meIn(BERLIN, "02:00-23:00"), TOKYO, WINTER)).isEqualTo(window("02:00", "10:00"));
    }

    @Test
    void whenTheUsersDayMeetsTwoOfTheirsTheLongerStretchWins() {
        Profile allDayInLondon = meIn(LONDON, "00:00-23:59");
        // Los Angeles works 17:00-02:00 UTC in winter: the end of their yesterday (00:00-02:00)
        // is shorter than the start of their today (17:00-23:59).
        assertThat(Suggestion.window(allDayInLondon, LOS_ANGELES, WINTER)).isEqualTo(window("17:00", "23:59"));
        // Noumea (UTC+11) works 22:00-07:00 UTC: the end of their day (00:00-07:00) is the longer stretch.
        assertThat(Suggestion.window(allDayInLondon, ZoneId.of("Pacific/Noumea"), WINTER)).isEqualTo(window("00:00", "07:00"));
    }

    @Test
    void overnightHoursRunIntoTheNextDay() {
        Profile nightsInBerlin = meIn(BERLIN, "22:00-06:00");
        // Wednesday 22:00 to Thursday 06:00 Berlin is 21:00-05:00 UTC; Tokyo's Thursday runs 00:00-09:00 UTC.
        assertThat(Suggestion.window(nightsInBerlin, TOKYO, WINTER)).isEqualTo(window("01:00", "06:00"));
        // New York's Wednesday runs 14:00-23:00 UTC: the start of the night, up to midnight in Berlin.
        assertThat(Suggestion.window(nightsInBerlin, NEW_YORK, WINTER)).isEqualTo(window("22:00", "00:00"));
        // Berlin's own working day is long over.
        assertThat(Suggestion.window(nightsInBerlin, BERLIN, WINTER)).isNull();
        // Friday night's small hours are Saturday in Tokyo: their weekend.
        assertThat(Suggestion.window(nightsInBerlin, TOKYO, LocalDate.of(2026, 1, 16))).isNull();
        assertThat(Suggestion.window(nightsInBerlin, TOKYO, LocalDate.of(2026, 1, 16), Weekdays.ANY)).isEqualTo(window("01:00", "06:00"));
        // Hours to midnight: London 18:00-00:00 meets Los Angeles' 17:00-02:00 UTC from 18:00 to the end.
        assertThat(Suggestion.window(meIn(LONDON, "18:00-00:00"), LOS_ANGELES, WINTER)).isEqualTo(window("18:00", "00:00"));
    }

    @Test
    void aClockChangeInsideTheUsersOwnDayIsFollowed() {
        Profile earlyInNewYork = meIn(NEW_YORK, "00:00-12:00");
        // Spring forward: 00:00 EST is 05:00 UTC, 12:00 EDT is 16:00 UTC; London works 09:00-18:00 UTC.
        assertThat(Suggestion.window(earlyInNewYork, LONDON, LocalDate.of(2026, 3, 8), Weekdays.ANY)).isEqualTo(window("05:00", "12:00"));
        // Fall back: 00:00 EDT is 04:00 UTC, 12:00 EST is 17:00 UTC.
        assertThat(Suggestion.window(earlyInNewYork, LONDON, LocalDate.of(2026, 11, 1), Weekdays.ANY)).isEqualTo(window("04:00", "12:00"));
    }

    @Test
    void noWindowWhenEitherZoneIsUnknown() {
        assertThat(Suggestion.window(meIn(BERLIN), null, WINTER)).isNull();
        assertThat(Suggestion.window(meIn(null), BERLIN, WINTER)).isNull();
    }

    @Test
    void aWindowPrintsAsARange() {
        assertThat(window("15:00", "18:00")).hasToString("15:00-18:00");
    }

    @Test
    void aSuggestionCombinesFormatAndWindow() {
        Profile me = me("Berlin", "DE", BERLIN, WorkHours.DEFAULT);
        Suggestion suggestion = Suggestion.forContact(me, contact("New York", "US", NEW_YORK), WINTER);
        assertThat(suggestion.format()).isEqualTo(Format.VIDEO);
        assertThat(suggestion.window()).isEqualTo(window("15:00", "18:00"));

        assertThat(suggestion.hoursApart()).isFalse();

        Suggestion unknown = Suggestion.forContact(me, contact(null, null, null), WINTER);
        assertThat(unknown.format()).isEqualTo(Format.MESSAGE);
        assertThat(unknown.window()).isNull();
        assertThat(unknown.hoursApart()).as("their zone is not known: nothing to say of their hours").isFalse();

        // Someone in your city whose zone was never set lives in yours: the hours are said.
        Suggestion near = Suggestion.forContact(me("Berlin", "DE", BERLIN, WorkHours.parse("10:00-19:00")), contact("berlin", null, null), WINTER);
        assertThat(near.format()).isEqualTo(Format.IN_PERSON);
        assertThat(near.window()).isEqualTo(window("10:00", "18:00"));
        assertThat(Suggestion.forContact(meIn(null), contact("Berlin", "DE", null), WINTER).window()).isNull();

        // 09:00-18:00 in Berlin and in Auckland never meet: said so, rather than nothing.
        Suggestion apart = Suggestion.forContact(me, contact("Auckland", "NZ", ZoneId.of("Pacific/Auckland")), WINTER);
        assertThat(apart.window()).isNull();
        assertThat(apart.hoursApart()).isTrue();
    }

    @Test
    void noHoursAreSuggestedOnADayThatIsNotOneOfYourWorkingDays() {
        LocalDate saturday = LocalDate.of(2026, 1, 17);
        Profile me = me("Berlin", "DE", BERLIN, WorkHours.DEFAULT);
        Suggestion weekend = Suggestion.forContact(me, contact("Berlin", "DE", BERLIN), saturday);
        assertThat(weekend.format()).isEqualTo(Format.IN_PERSON);
        assertThat(weekend.window()).isNull();
        assertThat(weekend.dayOff()).isTrue();
        assertThat(weekend.hoursApart()).isFalse();
        // Working on Saturdays, the hours are back; on a Monday off, gone.
        Profile saturdays = new Profile("ada", "Ada Lovelace", "Berlin", "DE", BERLIN, WorkHours.DEFAULT, 5, Weekdays.parse("tue,wed,thu,fri,sat"));
        assertThat(Suggestion.forContact(saturdays, contact("Berlin", "DE", BERLIN), saturday).dayOff()).isFalse();
        assertThat(Suggestion.forContact(saturdays, contact("Berlin", "DE", BERLIN), saturday.plusDays(2)).dayOff()).isTrue();
        // With no zone for them the day is still one you do not work, and said so first.
        assertThat(Suggestion.forContact(me, contact(null, null, null), saturday).dayOff()).isTrue();
        assertThat(Suggestion.forContact(me, contact("Munich", null, null), saturday).dayOff()).isTrue();
    }

    @Test
    void withoutTheirTimeZoneNoHoursAreSuggestedAndThatIsSaid() {
        Profile me = me("Berlin", "DE", BERLIN, WorkHours.DEFAULT);
        LocalDate monday = LocalDate.of(2026, 3, 9);
        // Elsewhere, or where is not known: the hours depend on a zone Kith does not know.
        for (Suggestion unknown : List.of(Suggestion.forContact(me, contact("Springfield", "US", null), monday),
                Suggestion.forContact(me, contact(null, null, null), monday))) {
            assertThat(unknown.window()).isNull();
            assertThat(unknown.noHours()).isEqualTo(Suggestion.NoHours.THEIR_ZONE_UNKNOWN);
            assertThat(unknown.theirZoneUnknown()).isTrue();
        }
        // In your city they live in your zone: hours, though their own zone is not set.
        assertThat(Suggestion.forContact(me, contact("Berlin", "DE", null), monday).window()).isNotNull();
        assertThat(Suggestion.forContact(me, contact("Munich", null, ZoneId.of("Europe/Berlin")), monday).noHours()).isNull();
    }

    @Test
    void aContactsWeekendHasNoWorkingHours() {
        // A Monday evening in Berlin (UTC+1) is Tuesday morning in Auckland (UTC+13 in January): a working day of theirs.
        Profile late = meIn(BERLIN, "16:00-23:00");
        LocalDate monday = LocalDate.of(2026, 1, 19);
        assertThat(Suggestion.window(late, ZoneId.of("Pacific/Auckland"), monday)).isEqualTo(window("21:00", "23:00"));
        // A Friday evening in Berlin is Saturday morning in Auckland: their weekend.
        LocalDate friday = LocalDate.of(2026, 1, 23);
        assertThat(Suggestion.window(late, ZoneId.of("Pacific/Auckland"), friday, Weekdays.ANY)).isEqualTo(window("21:00", "23:00"));
        assertThat(Suggestion.window(late, ZoneId.of("Pacific/Auckland"), friday)).isNull();
        Suggestion weekend = Suggestion.forContact(late, contact("Auckland", "NZ", ZoneId.of("Pacific/Auckland")), friday);
        assertThat(weekend.theirWeekend()).as("their weekend, not hours that never meet").isTrue();
        assertThat(weekend.hoursApart()).isFalse();
        assertThat(weekend.noHours()).isEqualTo(Suggestion.NoHours.THEIR_WEEKEND);

        // Someone who works Saturdays, on a Saturday, with a friend in the same city: it is the friend's weekend.
        Profile saturdays = new Profile("ada", "Ada Lovelace", "Berlin", "DE", BERLIN, WorkHours.DEFAULT, 5, Weekdays.parse("tue,wed,thu,fri,sat"));
        Suggestion friend = Suggestion.forContact(saturdays, contact("Berlin", "DE", null), LocalDate.of(2026, 1, 17));
        assertThat(friend.format()).isEqualTo(Format.IN_PERSON);
        assertThat(friend.window()).isNull();
        assertThat(friend.theirWeekend()).isTrue();
        assertThat(friend.hoursApart()).isFalse();
    }
}
