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

/**
 * The time zone where a contact lives, taken from their city and country when they have none of their own, so that
 * Today can suggest hours that suit both: a city the time zone database names a zone after (Lisbon is Europe/Lisbon,
 * New York America/New_York), a few large cities it does not (San Francisco, Barcelona, Porto), or else the
 * country when all of its zones keep one time (Germany, France, India: Hamburg, DE is Europe/Berlin). A country given,
 * or written after the city ("London, Canada"), must be the zone's: London, Ontario is not Europe/London. None when it
 * cannot tell: a city of a country of several times given no more ("Portland"), or a state after it ("Paris, TX").
 */
public final class CityZones {
    /** Large cities the database names no zone after, in countries of several times, with their zone. */
    private static final String MORE = """
            US America/Los_Angeles: San Francisco, SF, San Jose, San Diego, Seattle, Las Vegas, Oakland, Sacramento
            US America/New_York: Washington, Washington DC, Washington D.C., Boston, Atlanta, Philadelphia, Miami, Pittsburgh, NYC, New York City
            US America/Chicago: Austin, Dallas, Houston, San Antonio, Minneapolis, Nashville, New Orleans
            CA America/Toronto: Montreal, Montréal, Ottawa, Quebec City, Québec
            CA America/Edmonton: Calgary
            ES Europe/Madrid: Barcelona, Valencia, Seville, Sevilla, Bilbao, Malaga, Málaga
            PT Europe/Lisbon: Porto, Braga, Coimbra
            CN Asia/Shanghai: Beijing, Peking, Guangzhou, Shenzhen, Hangzhou, Chengdu
            AU Australia/Sydney: Canberra
            BR America/Sao_Paulo: Rio de Janeiro, Brasília, Brasilia, Belo Horizonte
            RU Europe/Moscow: Saint Petersburg, St Petersburg
            """;
    private static final Set<String> REGIONS = Set.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");
    private static final int MAX_KEPT = 10_000;
    private static final Map<String, Optional<ZoneId>> KEPT = new ConcurrentHashMap<>();

    private CityZones() {
    }

    /** A zone and the ISO code of its country. */
    private record Zone(ZoneId id, String country) {
    }

    /**
     * The time zone of someone who lives in {@code city}, {@code country} (either may be null), or null when it cannot
     * be told. Worked out once for each city and country written.
     */
    public static ZoneId of(String city, String country) {
        String key = (city == null ? "" : city.strip()) + "\u0000" + (country == null ? "" : country.strip());
        Optional<ZoneId> kept = KEPT.get(key);
        if (kept == null) {
            kept = Optional.ofNullable(find(city, country));
            if (KEPT.size() >= MAX_KEPT) {
                KEPT.clear();
            }
            KEPT.put(key, kept);
        }
        return kept.orElse(null);
    }

    private static ZoneId find(String city, String country) {
        String place = city == null ? "" : city.strip();
        String given = country == null || country.isBlank() ? null : country.strip();
        int comma = place.lastIndexOf(',');
        if (comma > 0) {
            String after = place.substring(comma + 1).strip();
            place = place.substring(0, comma).strip();
            // A state or a county after the city ("Paris, TX") tells nothing Kith can check: it cannot tell.
            if (!Countries.known(after)) {
                return given == null ? null : byCountry(given);
            }
            if (given != null && !Countries.same(after, given)) {
                return null;
            }
            given = after;
        }
        Cities.Listed listed = place.isEmpty() ? null : Cities.listed(place);
        List<String> names = listed == null ? List.of(place) : listed.names();
        String inCountry = given != null ? given : listed == null ? null : listed.country();
        List<Zone> found = new ArrayList<>();
        for (String name : names) {
            for (Zone zone : Known.BY_CITY.getOrDefault(NameKey.of(name), List.of())) {
                if ((inCountry == null || Countries.same(inCountry, zone.country())) && !found.contains(zone)) {
                    found.add(zone);
                }
            }
        }
        if (found.size() == 1) {
            return found.get(0).id();
        }
        return found.isEmpty() && inCountry != null ? byCountry(inCountry) : null;
    }

    /** The zone of a country whose zones all keep one time, now and half a year on (its first); else null. */
    private static ZoneId byCountry(String country) {
        List<ZoneId> zones = Known.BY_COUNTRY.entrySet().stream().filter(entry -> Countries.same(country, entry.getKey()))
                .findFirst().map(Map.Entry::getValue).orElse(List.of());
        if (zones.isEmpty()) {
            return null;
        }
        Instant now = Instant.now();
        Instant later = now.plus(182, ChronoUnit.DAYS);
        ZoneId first = zones.get(0);
        boolean oneTime = zones.stream().allMatch(zone -> zone.getRules().getOffset(now).equals(first.getRules().getOffset(now))
                && zone.getRules().getOffset(later).equals(first.getRules().getOffset(later)));
        return oneTime ? first : null;
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
                        addCity(id.substring(id.lastIndexOf('/') + 1).replace('_', ' '), new Zone(zone, cells[0]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : MORE.strip().split("\n")) {
                int colon = line.indexOf(':');
                String[] head = line.substring(0, colon).split(" ");
                Zone zone = new Zone(ZoneId.of(head[1]), head[0]);
                for (String name : line.substring(colon + 1).split(",")) {
                    addCity(name.strip(), zone);
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
