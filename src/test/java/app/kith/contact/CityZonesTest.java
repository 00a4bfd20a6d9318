package app.kith.contact;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class CityZonesTest {

    @Test
    void aCityTheDatabaseNamesAZoneAfterHasThatZone() {
        assertThat(CityZones.of("Lisbon", null)).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(CityZones.of("new york", "US")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(CityZones.of("Tokyo", "Japan")).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(CityZones.of("São Paulo", null)).isEqualTo(ZoneId.of("America/Sao_Paulo"));
        assertThat(CityZones.of("Lisbon, Portugal", null)).isEqualTo(ZoneId.of("Europe/Lisbon"));
    }

    @Test
    void anotherNameOfAListedCityAndSomeLargeCitiesAreKnownToo() {
        assertThat(CityZones.of("Calcutta", null)).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(CityZones.of("NYC", null)).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(CityZones.of("San Francisco", "US")).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(CityZones.of("Porto", "PT")).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(CityZones.of("Beijing", null)).isEqualTo(ZoneId.of("Asia/Shanghai"));
        // A city of the list, in a country that keeps one time: its country's zone.
        assertThat(CityZones.of("Munich", null)).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aCountryThatKeepsOneTimeGivesItsZoneToAnyOfItsCities() {
        assertThat(CityZones.of("Hamburg", "DE")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(CityZones.of("Lyon", "France")).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(CityZones.of(null, "India")).isEqualTo(ZoneId.of("Asia/Kolkata"));
        // A country's name after the city, which no state or province goes by, counts as given.
        assertThat(CityZones.of("Hamburg, Germany", null)).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(CityZones.of("Hamburg, Deutschland", "")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(CityZones.of("Inverness, Scotland", null)).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(CityZones.of("Hamburg, Germany", "France")).isEqualTo(ZoneId.of("Europe/Paris"));
        // With the country given, a region after the city does not stand in the way of its zone.
        assertThat(CityZones.of("Munich, Bavaria", "DE")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(CityZones.of("Munich, Bavaria", null)).isNull();
        // A code may be a state's (DE is Delaware), and Georgia is one too.
        assertThat(CityZones.of("Dover, DE", null)).isNull();
        assertThat(CityZones.of("Savannah, Georgia", null)).isNull();
        assertThat(CityZones.of("Campinas, Brazil", null)).isNull();
        // Several times: it cannot tell.
        assertThat(CityZones.of("Springfield", "US")).isNull();
        assertThat(CityZones.of("Faro", "Portugal")).isNull();
    }

    @Test
    void aCountryGivenMustBeTheZonesAndAStateAfterTheCityTellsNothing() {
        // London, Ontario is not Europe/London; Paris, Texas is not Europe/Paris.
        assertThat(CityZones.of("London", "Canada")).isNull();
        assertThat(CityZones.of("London, Canada", null)).isNull();
        assertThat(CityZones.of("London, UK", null)).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(CityZones.of("Paris, TX", null)).isNull(); // Texas keeps two times
        assertThat(CityZones.of("Paris", "US")).isNull();
        // The country given is what counts: what follows the city then tells nothing more.
        assertThat(CityZones.of("London, Canada", "GB")).isEqualTo(ZoneId.of("Europe/London"));
        // A state or province after the city, whose code or name is also a country's: no zone of that country, but the
        // zone the city names in the state's country (these were none).
        assertThat(CityZones.of("Boston, MA", null)).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(CityZones.of("Chicago, IL", null)).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(CityZones.of("Atlanta, Georgia", null)).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(CityZones.of("Adelaide, SA", null)).isEqualTo(ZoneId.of("Australia/Adelaide"));
        assertThat(CityZones.of("Perth, WA", null)).isEqualTo(ZoneId.of("Australia/Perth"));
        assertThat(CityZones.of("Dallas, TX", null)).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(CityZones.of("Tbilisi, Georgia", null)).isEqualTo(ZoneId.of("Asia/Tbilisi"));
        // A city the database does not name, with such a state and no country: it cannot tell.
        assertThat(CityZones.of("Portland, ME", null)).isNull();
        assertThat(CityZones.of("Springfield, IL", null)).isNull();
        assertThat(CityZones.of("Vancouver, WA", null)).isNull(); // Washington or Western Australia
        // With the country given, that is what is checked, and a state after the city is passed over.
        assertThat(CityZones.of("Chicago, IL", "US")).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(CityZones.of("Chicago, IL", "Morocco")).isEqualTo(ZoneId.of("Africa/Casablanca"));
        // A city the database names elsewhere, with another country given, is a town of that name in the country,
        // which has the country's zone when it keeps one time (these were none).
        assertThat(CityZones.of("Perth", "GB")).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(CityZones.of("Perth, Scotland", null)).isEqualTo(ZoneId.of("Europe/London"));
        // Written last after a region, even a code is a country.
        assertThat(CityZones.of("Perth, Scotland, UK", null)).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(CityZones.of("Milano, MI, IT", null, "US")).isEqualTo(ZoneId.of("Europe/Rome"));
        assertThat(CityZones.of("Halifax, England", null)).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(CityZones.of("Valencia", "Venezuela")).isEqualTo(ZoneId.of("America/Caracas"));
        assertThat(CityZones.of("Paris", "Denmark")).isEqualTo(ZoneId.of("Europe/Copenhagen"));
        // In a country of several times, it cannot tell which.
        assertThat(CityZones.of("Moscow", "US")).isNull();
    }

    @Test
    void aStateOrProvinceThatKeepsOneTimeGivesItsZone() {
        // Written by its name, which is no country's.
        assertThat(CityZones.of("Springfield, Illinois", null)).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(CityZones.of("Kingston, Ontario", null)).isEqualTo(ZoneId.of("America/Toronto"));
        assertThat(CityZones.of("Cairns, Queensland", null)).isEqualTo(ZoneId.of("Australia/Brisbane"));
        assertThat(CityZones.of("Perth, Western Australia", null)).isEqualTo(ZoneId.of("Australia/Perth"));
        assertThat(CityZones.of("Corner Brook, Newfoundland", null)).isEqualTo(ZoneId.of("America/St_Johns"));
        // By its code, with its country given or written last.
        assertThat(CityZones.of("Springfield, IL", "US")).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(CityZones.of("Springfield, IL, USA", null)).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(CityZones.of("Springfield, Massachusetts", "United States")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(CityZones.of("Portland, ME", "US")).isEqualTo(ZoneId.of("America/New_York"));
        // By its code with no country: only as one of the user's own country's, as many countries' provinces have
        // such codes (MI is Milan's, NH North Holland's, UT Utrecht's, OR Oristano's).
        assertThat(CityZones.of("Portland, OR", null)).isNull();
        assertThat(CityZones.of("Portland, OR", null, "US")).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(CityZones.of("Ann Arbor, mi", "", "United States")).isEqualTo(ZoneId.of("America/Detroit"));
        assertThat(CityZones.of("London, ON", null, "CA")).isEqualTo(ZoneId.of("America/Toronto"));
        assertThat(CityZones.of("Cairns, QLD", null, "Australia")).isEqualTo(ZoneId.of("Australia/Brisbane"));
        assertThat(CityZones.of("Milano, MI", null)).isNull();
        assertThat(CityZones.of("Milano, MI", null, "IT")).isNull();
        assertThat(CityZones.of("Amsterdam, NH", null)).isNull();
        assertThat(CityZones.of("Monza, MB", null)).isNull();
        assertThat(CityZones.of("Utrecht, UT", null, "NL")).isNull();
        // Over the zone the city's name gives elsewhere: London, Ontario; Phoenix, Oregon; Washington, Illinois.
        assertThat(CityZones.of("London, ON", null)).isNull();
        assertThat(CityZones.of("Phoenix, OR", null)).isNull();
        assertThat(CityZones.of("Phoenix, OR", null, "US")).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(CityZones.of("Washington, IL", "US")).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(CityZones.of("Louisville, CO", "US")).isEqualTo(ZoneId.of("America/Denver"));
        assertThat(CityZones.of("Detroit, TX", "US")).isNull();
        assertThat(CityZones.of("Denver, PA, USA", null)).isEqualTo(ZoneId.of("America/New_York"));
        // A city the database names in the country written after it is there, whatever state has that name or code.
        assertThat(CityZones.of("Tbilisi, Georgia", null, "US")).isEqualTo(ZoneId.of("Asia/Tbilisi"));
        assertThat(CityZones.of("Savannah, Georgia", null, "US")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(CityZones.of("Casablanca, MA", null, "US")).isEqualTo(ZoneId.of("Africa/Casablanca"));
        // A town the database names inside it keeps its own zone.
        assertThat(CityZones.of("Dawson Creek, BC", null)).isEqualTo(ZoneId.of("America/Dawson_Creek"));
        assertThat(CityZones.of("Broken Hill, NSW", null)).isEqualTo(ZoneId.of("Australia/Broken_Hill"));
        assertThat(CityZones.of("Menominee, MI", "US")).isEqualTo(ZoneId.of("America/Menominee"));
        // A state of several times places only a city the database names there.
        assertThat(CityZones.of("Plano, TX", "US")).isNull();
        assertThat(CityZones.of("Indianapolis, IN", "US")).isEqualTo(ZoneId.of("America/Indiana/Indianapolis"));
        // Another country given than the state's: the country counts.
        assertThat(CityZones.of("Springfield, IL", "DE")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(CityZones.of("Springfield, Illinois, Canada", null)).isNull();
    }

    @Test
    void aStatesCodeIsNotReadAsOneOfTheUsersCountrysForACityKnownOnlyElsewhere() {
        // Written in the United States, a code after a city Kith knows only in that code's country is that country.
        assertThat(CityZones.of("Munich, DE", null, "US")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(CityZones.of("Tel Aviv, IL", null, "US")).isEqualTo(ZoneId.of("Asia/Jerusalem"));
        assertThat(CityZones.of("Cuiabá, MT", null, "US")).isNull();
        // A city Kith knows nowhere is read as in a state of the user's country (the page shows the zone it takes).
        assertThat(CityZones.of("Dover, DE", null, "US")).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void aLargeCityOfOneStateIsNotTakenForATownOfItsNameInAnother() {
        assertThat(CityZones.of("Austin, TX", "US")).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(CityZones.of("Austin, IN", "US")).isNull();
        assertThat(CityZones.of("Nashville, IN", "US")).isNull();
        assertThat(CityZones.of("San Antonio, FL", "US")).isNull();
        assertThat(CityZones.of("Beulah, MI", "US")).isEqualTo(ZoneId.of("America/Detroit"));
        assertThat(CityZones.of("Yellowknife, NT", null, "AU")).isEqualTo(ZoneId.of("America/Edmonton"));
    }

    @Test
    void anAddressAsAMapWritesItIsRead() {
        // A postcode after the state, an abbreviation with dots, Georgia the state given as the country.
        assertThat(CityZones.of("Detroit, TX 75436, USA", null)).isNull();
        assertThat(CityZones.of("Miami, OK 74354, USA", null)).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(CityZones.of("Portland, OR 97201", null, "US")).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(CityZones.of("Toronto, ON M5V 2T6", null)).isEqualTo(ZoneId.of("America/Toronto"));
        assertThat(CityZones.of("Washington, Ill., USA", null)).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(CityZones.of("Phoenix, Ore.", "USA")).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(CityZones.of("Brooklyn, N.Y.", null, "US")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(CityZones.of("Washington, D.C.", null)).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(CityZones.of("Atlanta, GA", "Georgia")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(CityZones.of("Atlanta", "Georgia")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(CityZones.of("Tbilisi", "Georgia")).isEqualTo(ZoneId.of("Asia/Tbilisi"));
        // A middle part Kith cannot read: not a town of the city's name elsewhere in a country of several times.
        assertThat(CityZones.of("Washington, Cook County, USA", null)).isNull();
    }

    @Test
    void aNameWrittenAloneIsNotAnIslandsOrAStationsOrACountysZone() {
        assertThat(CityZones.of("Davis", null)).isNull();
        assertThat(CityZones.of("Norfolk", null)).isNull();
        assertThat(CityZones.of("Chatham", null)).isNull();
        assertThat(CityZones.of("San Juan", null)).isNull();
        assertThat(CityZones.of("Knox", null)).isNull();
        // With their country or state, they are.
        assertThat(CityZones.of("Norfolk", "NF")).isEqualTo(ZoneId.of("Pacific/Norfolk"));
        assertThat(CityZones.of("Knox, IN", null)).isEqualTo(ZoneId.of("America/Indiana/Knox"));
    }

    @Test
    void aStateWrittenAsTheCountryOrACountrysTerritory() {
        // A state in the country field, with a city the database names inside it.
        assertThat(CityZones.of("Chicago", "IL")).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(CityZones.of("Adelaide", "SA")).isEqualTo(ZoneId.of("Australia/Adelaide"));
        assertThat(CityZones.of("Savannah", "Georgia", "US")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(CityZones.of("Tbilisi", "Georgia", "US")).isEqualTo(ZoneId.of("Asia/Tbilisi"));
        // A city of a territory written with its parent country is the territory's.
        assertThat(CityZones.of("Cayenne", "France")).isEqualTo(ZoneId.of("America/Cayenne"));
        assertThat(CityZones.of("Gibraltar", "GB")).isEqualTo(ZoneId.of("Europe/Gibraltar"));
        // LA after a city is as often Los Angeles as Louisiana.
        assertThat(CityZones.of("Santa Monica, LA", null, "US")).isNull();
        assertThat(CityZones.of("New Orleans, LA", null, "US")).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(CityZones.of("Redmond, WA", null, "AU")).isEqualTo(ZoneId.of("America/Los_Angeles"));
    }

    @Test
    void nothingKnownGivesNoZone() {
        assertThat(CityZones.of("Atlantis", null)).isNull();
        assertThat(CityZones.of(null, null)).isNull();
        assertThat(CityZones.of("  ", " ")).isNull();
        assertThat(CityZones.of("!!!", "Narnia")).isNull();
    }
}
