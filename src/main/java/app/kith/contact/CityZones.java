package app.kith.contact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The time zone where a contact lives, taken from their city and country when they have none of their own, so that
 * Today can suggest hours that suit both: a city the time zone database names a zone after (Lisbon is Europe/Lisbon,
 * New York America/New_York), a few large cities it does not (San Francisco, Barcelona, Porto), or else the
 * country when all of its zones keep one time (Germany, France, India: Hamburg, DE is Europe/Berlin). A country given,
 * or written after the city ("Lisbon, Portugal"), must be the zone's: London, Ontario is not Europe/London, and Perth,
 * Scotland is the United Kingdom's zone, not Australia/Perth. A state or province of the United States, Canada or
 * Australia after the city ({@link Regions}) places a city the database names inside it ("Boston, MA", "Perth, WA",
 * "Dawson Creek, BC"), else gives its own zone where all of it keeps one time: written by its name ("Springfield,
 * Illinois"), or by its code with its country given, written last ("Springfield, IL, USA"), or the user's own
 * ("Portland, OR" written by someone in the United States). None when it cannot tell: a city of a country of several
 * times given no more ("Portland"), or with a state of several times ("Plano, TX"), or with a code that may be
 * another country's province and no country to tell ("Amsterdam, NH" for a user whose country is not set), or a
 * country's code after a city known only in that country ("Munich, DE" is Germany's even for a user in the United
 * States): what follows a comma gives a country's zone only when it can be nothing but a country's name ("Hamburg,
 * Germany"), comes last after a state, or is the country of the city Kith lists.
 */
public final class CityZones {
    /**
     * Large cities the database names no zone after, in countries of several times, with their zone; in the United
     * States, Canada and Australia with their state or province too ({@link Regions}), so that a state written after a
     * town of the same name elsewhere is not taken for theirs ("Austin, IN" is not Austin, Texas).
     */
    private static final String MORE = """
            US America/Los_Angeles: San Francisco CA, SF CA, San Jose CA, San Diego CA, Seattle WA, Las Vegas NV, Oakland CA, Sacramento CA, Palo Alto CA, Cupertino CA, Sunnyvale CA, Redmond WA, Spokane WA, Tacoma WA
            US America/New_York: Washington DC, Washington DC DC, Washington D.C. DC, Boston MA, Atlanta GA, Philadelphia PA, Miami FL, Pittsburgh PA, NYC NY, New York City NY
            US America/Chicago: Austin TX, Dallas TX, Houston TX, San Antonio TX, Minneapolis MN, Nashville TN, New Orleans LA
            CA America/Toronto: Montreal QC, Montréal QC, Ottawa ON, Quebec City QC, Québec QC
            CA America/Edmonton: Calgary AB, Yellowknife NT
            ES Europe/Madrid: Barcelona, Valencia, Seville, Sevilla, Bilbao, Malaga, Málaga
            PT Europe/Lisbon: Porto, Braga, Coimbra
            CN Asia/Shanghai: Beijing, Peking, Guangzhou, Shenzhen, Hangzhou, Chengdu
            AU Australia/Sydney: Canberra ACT
            BR America/Sao_Paulo: Rio de Janeiro, Brasília, Brasilia, Belo Horizonte
            RU Europe/Moscow: Saint Petersburg, St Petersburg
            """;
    /**
     * Names of zones that are more often other places' when written alone: Norfolk, Virginia or England, not Norfolk
     * Island; Chatham, Kent or Ontario, not the Chatham Islands; San Juan, Puerto Rico, not the Argentine province.
     * They still place a city written with its country ("Norfolk", "NF"). So do the zones of counties in a state
     * (America/Indiana/Knox, America/North_Dakota/Center), which need the state written ("Knox, IN").
     */
    private static final Set<String> NOT_ALONE = Set.of("norfolk", "chatham", "midway", "san juan");
    /** The zone database's regions whose zones are named for a city; Antarctica's stations are not where people live. */
    private static final Set<String> REGIONS = Set.of("Africa", "America", "Arctic", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");
    /** A postcode after a state: the United States' (97201, 97201-1234), Australia's (2000), Canada's (K1A 0B1). */
    private static final Pattern POSTCODE = Pattern.compile("\\s+(\\d{4,5}(-\\d{4})?|[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d)$");
    private static final int MAX_KEPT = 10_000;
    private static final Map<String, Optional<ZoneId>> KEPT = new ConcurrentHashMap<>();

    private CityZones() {
    }

    /**
     * A zone a city's name gives, with the ISO code of its country, and for a large city the time zone database does
     * not name, its state or province's code (else null); {@code alone}: whether the name written alone gives it (see
     * {@link #NOT_ALONE}).
     */
    private record Zone(ZoneId id, String country, String state, boolean alone) {
    }

    /**
     * The time zone of someone who lives in {@code city}, {@code country} (either may be null), or null when it cannot
     * be told; {@code home}, the user's own country (may be null), tells which country a state's code after the city
     * is of when no country is given ("Portland, OR" written in the United States; MI is also Milan's province code).
     * Worked out once for each city and countries written.
     */
    public static ZoneId of(String city, String country, String home) {
        String key = (city == null ? "" : city.strip()) + "\u0000" + (country == null ? "" : country.strip()) + "\u0000"
                + (home == null ? "" : home.strip());
        Optional<ZoneId> kept = KEPT.get(key);
        if (kept == null) {
            kept = Optional.ofNullable(find(city, country, home == null || home.isBlank() ? null : home.strip()));
            if (KEPT.size() >= MAX_KEPT) {
                KEPT.clear();
            }
            KEPT.put(key, kept);
        }
        return kept.orElse(null);
    }

    /** As {@link #of(String, String, String)}, for a user whose own country is not known. */
    public static ZoneId of(String city, String country) {
        return of(city, country, null);
    }

    /**
     * A city as written, parted at its commas: the city, what follows it if there is a third part (a state or
     * province: "Springfield, IL, USA"), and what comes last (a country, or a state or province, whose codes and names
     * are often a country's too: MA is Morocco, Georgia a country); a postcode after either is left out.
     */
    private record Parts(String city, String between, String after) {
        static Parts of(String written) {
            String place = written == null ? "" : written.strip();
            int comma = place.lastIndexOf(',');
            if (comma <= 0) {
                return new Parts(place, null, null);
            }
            String after = withoutPostcode(place.substring(comma + 1));
            place = place.substring(0, comma).strip();
            int second = place.lastIndexOf(',');
            return second <= 0 ? new Parts(place, null, after)
                    : new Parts(place.substring(0, second).strip(), withoutPostcode(place.substring(second + 1)), after);
        }
    }

    private static ZoneId find(String city, String country, String home) {
        Parts parts = Parts.of(city);
        String between = parts.between();
        String after = parts.after();
        String written = country == null || country.isBlank() ? null : country.strip();
        Cities.Listed listed = parts.city().isEmpty() ? null : Cities.listed(parts.city());
        List<Zone> named = named(listed == null ? List.of(parts.city()) : listed.names());
        // A state or province after the city, of the country given or written last if any. Georgia given as the
        // country, with a place in the state or for a user in the United States, is the state ("Atlanta, GA" or
        // "Atlanta" in "Georgia"; "Savannah" there), unless the city is one Kith knows in Georgia ("Tbilisi").
        String afterCity = between != null ? between : after;
        boolean stateForCountry = written != null && NameKey.of(written).equals("georgia")
                && (isState(afterCity, "GA") || named.stream().anyMatch(zone -> "GA".equals(zone.state()))
                    || home != null && Countries.same(home, "US") && !knownIn(listed, named, "GE"));
        String given = stateForCountry ? "US" : written;
        String regionWritten = stateForCountry && afterCity == null ? written : afterCity;
        String inCountry = given != null ? given : listed == null ? null : listed.country();
        String regionCountry = given != null ? given : between != null ? after : null;
        List<Regions.Region> regions = Regions.of(regionWritten).stream()
                .filter(region -> regionCountry == null || Countries.same(regionCountry, region.country())).toList();
        // A city the database names inside it keeps its own zone ("Boston, MA"; "Dawson Creek, BC", an hour off
        // Vancouver's in winter), but not one it names elsewhere ("Phoenix, OR", "Washington, IL").
        List<ZoneId> inRegion = ids(named, zone -> regions.stream().anyMatch(region -> holds(region, zone)));
        if (inRegion.size() == 1) {
            return inRegion.get(0);
        }
        // A state written as the country ("Chicago", "IL"): a city the database names inside it.
        if (given != null && after == null && named.stream().noneMatch(zone -> Countries.same(given, zone.country()))) {
            List<Regions.Region> givenStates = Regions.of(given);
            List<ZoneId> inGivenState = ids(named, zone -> givenStates.stream().anyMatch(region -> holds(region, zone)));
            if (inGivenState.size() == 1) {
                return inGivenState.get(0);
            }
        }
        // With a country given, that is what is checked ("Lisbon", "PT"); else what follows the city, if a country,
        // before any state of that name or code ("Tbilisi, Georgia", "Casablanca, MA"; not "Denver, PA, USA").
        String qualifier = given == null ? after : null;
        List<ZoneId> found = ids(named, zone -> (inCountry == null || Countries.same(inCountry, zone.country()))
                && (qualifier == null || Countries.same(qualifier, zone.country()))
                && (zone.alone() || given != null || qualifier != null));
        if (qualifier != null && between == null && found.size() == 1) {
            return found.get(0);
        }
        List<Regions.Region> meant = meant(regions, regionWritten, regionCountry, home, listed, named);
        if (!meant.isEmpty()) {
            // Where it keeps several times, a city the database names elsewhere in the country is not theirs ("Detroit, TX").
            ZoneId regionZone = meant.get(0).zone();
            return regionZone != null && meant.stream().allMatch(region -> regionZone.equals(region.zone())) ? regionZone : null;
        }
        // Not past a middle part that is no state Kith knows ("Washington, Cook County, USA"): a town of that name in it.
        if (between == null && found.size() == 1) {
            return found.get(0);
        }
        // A city the database names in another country than the one given is not theirs (London, Ontario), but a
        // town of the same name in the country given, which has its zone if the country keeps one time (Perth,
        // Scotland; Valencia, Venezuela). A country's zone is not taken for a city followed by what may be a state,
        // unless it can only be a country, or comes last after a state ("Boston, Lincolnshire, UK"); nor for a city
        // named in several zones of the country, which keeps several.
        String zoneCountry = given != null ? given : after == null ? inCountry
                : onlyCountry(after) || between != null && Countries.known(after)
                  || listed != null && Countries.same(after, listed.country()) ? after : null;
        if (zoneCountry == null) {
            return null;
        }
        // A city the database names in a territory of the country ("Cayenne", "France": French Guiana's).
        String code = Countries.code(zoneCountry);
        List<ZoneId> overseas = ids(named, zone -> code != null && code.equals(Countries.parentOf(zone.country())));
        return overseas.size() == 1 ? overseas.get(0) : byCountry(zoneCountry);
    }

    /** The zones the names of a city give, each once. */
    private static List<Zone> named(List<String> names) {
        List<Zone> named = new ArrayList<>();
        for (String name : names) {
            for (Zone zone : Known.BY_CITY.getOrDefault(NameKey.of(name), List.of())) {
                if (!named.contains(zone)) {
                    named.add(zone);
                }
            }
        }
        return named;
    }

    /** The ids of the zones that pass, each once. */
    private static List<ZoneId> ids(List<Zone> zones, Predicate<Zone> passing) {
        return zones.stream().filter(passing).map(Zone::id).distinct().toList();
    }

    /**
     * The regions a state or province after the city surely is, whose zone is then theirs where all of it keeps one
     * time: written by its name, which is no country's ("Springfield, Illinois"), or with its country given, written
     * last, or the user's own ("Savannah, Georgia"; IL is also Israel's code, NH North Holland's). A city Kith knows
     * only elsewhere, with a code that is also a country's, is not read so ("Munich, DE", "Cuiabá, MT"); with a code
     * no country has, it is ("London, ON"). LA is not, as often Los Angeles as Louisiana ("Santa Monica, LA").
     */
    private static List<Regions.Region> meant(List<Regions.Region> regions, String written, String country, String home,
                                              Cities.Listed listed, List<Zone> named) {
        if (regions.isEmpty() || country != null || !Regions.isCode(written) && !Countries.known(written)) {
            return regions;
        }
        if (home == null || NameKey.of(written).equals("la")) {
            return List.of();
        }
        boolean elsewhereMaybe = (listed != null || !named.isEmpty()) && Countries.known(written);
        return regions.stream().filter(region -> Countries.same(home, region.country())
                && (!elsewhereMaybe || knownIn(listed, named, region.country()))).toList();
    }

    /** Whether the text is the state or province of the United States, Canada or Australia with this code. */
    private static boolean isState(String written, String code) {
        return Regions.of(written).stream().anyMatch(region -> Regions.of(code).contains(region));
    }

    /** Whether a city Kith knows, by its list or the zones its name gives, is in the country. */
    private static boolean knownIn(Cities.Listed listed, List<Zone> named, String country) {
        return listed != null && Countries.same(listed.country(), country)
                || named.stream().anyMatch(zone -> zone.country().equals(country));
    }

    /** A part of an address without a postcode after it ("OR 97201", "ON K1A 0B1", "NSW 2000"). */
    private static String withoutPostcode(String part) {
        return POSTCODE.matcher(part.strip()).replaceFirst("").strip();
    }

    /**
     * Whether what follows a city's comma can only be a country: a country's name ("Hamburg, Germany", "Inverness, Scotland"),
     * not a code, which may be a state's or a province's (DE is Delaware, CA California, SA South Australia), nor
     * Georgia, a state as well.
     */
    private static boolean onlyCountry(String after) {
        String key = NameKey.of(after);
        return key.length() > 3 && !key.equals("georgia") && Countries.known(after);
    }

    /**
     * Whether a city a zone is named for is inside the region: a large city of that state; or a city the database
     * names a zone after that is one of the region's, or keeps its time where all of it keeps one ("Beulah, MI" is not
     * America/North_Dakota/Beulah, though Michigan's Menominee keeps that time).
     */
    private static boolean holds(Regions.Region region, Zone zone) {
        if (!region.country().equals(zone.country())) {
            return false;
        }
        if (zone.state() != null) {
            return Regions.of(zone.state()).contains(region);
        }
        return region.zones().contains(zone.id()) || region.zone() != null && oneTime(region.zone(), zone.id());
    }

    /** Whether two zones keep the same time, now and half a year on. */
    private static boolean oneTime(ZoneId a, ZoneId b) {
        Instant now = Instant.now();
        Instant later = now.plus(182, ChronoUnit.DAYS);
        return a.getRules().getOffset(now).equals(b.getRules().getOffset(now))
                && a.getRules().getOffset(later).equals(b.getRules().getOffset(later));
    }

    /** The zone of a country whose zones all keep one time, now and half a year on (its first); else null. */
    private static ZoneId byCountry(String country) {
        List<ZoneId> zones = Known.BY_COUNTRY.entrySet().stream().filter(entry -> Countries.same(country, entry.getKey()))
                .findFirst().map(Map.Entry::getValue).orElse(List.of());
        if (zones.isEmpty()) {
            return null;
        }
        ZoneId first = zones.get(0);
        return zones.stream().allMatch(zone -> oneTime(first, zone)) ? first : null;
    }

    /** Built at the first contact without a zone of their own, not at start-up. */
    private static final class Known {
        static final Map<String, List<ZoneId>> BY_COUNTRY = new LinkedHashMap<>();
        static final Map<String, List<Zone>> BY_CITY = new HashMap<>();

        static {
            Set<String> available = ZoneId.getAvailableZoneIds();
            try (InputStream in = CityZones.class.getResourceAsStream("zone-countries.tsv");
                 BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] cells = line.split("\t");
                    if (line.startsWith("#") || cells.length != 2 || !available.contains(cells[1])) {
                        continue;
                    }
                    String id = cells[1];
                    ZoneId zone = ZoneId.of(id);
                    BY_COUNTRY.computeIfAbsent(cells[0], code -> new ArrayList<>()).add(zone);
                    if (REGIONS.contains(id.substring(0, id.indexOf('/')))) {
                        String name = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
                        boolean county = id.startsWith("America/Indiana/") || id.startsWith("America/Kentucky/")
                                || id.startsWith("America/North_Dakota/");
                        addCity(name, new Zone(zone, cells[0], null, !county && !NOT_ALONE.contains(NameKey.of(name))));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : MORE.strip().split("\n")) {
                int colon = line.indexOf(':');
                String[] head = line.substring(0, colon).split(" ");
                boolean withStates = Set.of("US", "CA", "AU").contains(head[0]);
                for (String entry : line.substring(colon + 1).split(",")) {
                    String name = entry.strip();
                    int space = name.lastIndexOf(' ');
                    String state = withStates ? name.substring(space + 1) : null;
                    addCity(withStates ? name.substring(0, space) : name, new Zone(ZoneId.of(head[1]), head[0], state, true));
                }
            }
        }

        private static void addCity(String name, Zone zone) {
            List<Zone> zones = BY_CITY.computeIfAbsent(NameKey.of(name), key -> new ArrayList<>());
            if (!zones.contains(zone)) {
                zones.add(zone);
            }
        }
    }
}
