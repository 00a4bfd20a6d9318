package app.kith.contact;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cities known by more than one name: in English and in their own language ("Munich" and "München", "Cologne" and
 * "Köln"), before and after a renaming ("Bombay" and "Mumbai"), in their own script ("Moscow" and "Москва"), or by a
 * short form in everyday use ("NYC"). Any other city is the same only by its name, whatever its case, accents and
 * punctuation ({@link NameKey}). The list holds cities where many people live and work; it is no gazetteer.
 */
public final class Cities {
    /**
     * One city a line: its country's ISO code, then its names separated by commas, written as people write them and
     * compared by their {@link NameKey}.
     */
    private static final String NAMES = """
            DE Munich, München, Muenchen
            DE Cologne, Köln, Koeln
            DE Nuremberg, Nürnberg, Nuernberg
            DE Hanover, Hannover
            DE Frankfurt, Frankfurt am Main, Frankfurt a. M.
            DE Düsseldorf, Duesseldorf
            AT Vienna, Wien
            CH Zurich, Zürich, Zuerich, Zurigo
            CH Geneva, Genève, Genf, Ginevra
            CH Basel, Bâle, Basle, Basilea
            CH Lucerne, Luzern
            CH Bern, Berne
            CZ Prague, Praha, Prag
            PL Warsaw, Warszawa, Warschau
            PL Krakow, Kraków, Cracow, Krakau
            PL Wroclaw, Wrocław, Breslau
            PL Gdansk, Gdańsk, Danzig
            BE Brussels, Bruxelles, Brussel, Brüssel
            BE Antwerp, Antwerpen, Anvers
            BE Ghent, Gent, Gand
            BE Bruges, Brugge
            NL The Hague, Den Haag, 's-Gravenhage, Hague
            DK Copenhagen, København, Kobenhavn, Kopenhagen
            SE Gothenburg, Göteborg, Goteborg
            FI Helsinki, Helsingfors
            PT Lisbon, Lisboa, Lissabon
            PT Porto, Oporto
            ES Seville, Sevilla
            IT Rome, Roma, Rom
            IT Milan, Milano, Mailand
            IT Naples, Napoli, Neapel
            IT Turin, Torino
            IT Florence, Firenze, Florenz
            IT Venice, Venezia, Venedig
            IT Genoa, Genova, Genua
            GR Athens, Athina, Athen, Αθήνα
            GR Thessaloniki, Salonica, Θεσσαλονίκη
            RO Bucharest, București, Bucuresti, Bukarest
            RS Belgrade, Beograd, Београд, Belgrad
            BG Sofia, София
            RU Moscow, Moskva, Moskau, Москва
            RU Saint Petersburg, St. Petersburg, St Petersburg, Sankt-Peterburg, Sankt Petersburg, Санкт-Петербург
            UA Kyiv, Kiev, Київ, Киев
            TR Istanbul, İstanbul
            MX Mexico City, Ciudad de México, CDMX
            US New York, New York City, NYC
            US San Francisco, SF
            US Los Angeles, LA
            US Washington, Washington DC, Washington D.C.
            CA Montreal, Montréal
            CA Quebec City, Québec, Ville de Québec
            IN Mumbai, Bombay, मुंबई
            IN Bengaluru, Bangalore
            IN Chennai, Madras
            IN Kolkata, Calcutta
            VN Ho Chi Minh City, Saigon, Thành phố Hồ Chí Minh
            MM Yangon, Rangoon
            CN Beijing, Peking, 北京
            CN Shanghai, 上海
            CN Guangzhou, 广州
            CN Shenzhen, 深圳
            HK Hong Kong, 香港
            TW Taipei, 台北, 臺北
            JP Tokyo, 東京, 东京
            JP Osaka, 大阪
            JP Kyoto, 京都
            KR Seoul, 서울
            KR Busan, Pusan, 부산
            IL Tel Aviv, Tel Aviv-Yafo, Tel Aviv-Jaffa
            """;

    private Cities() {
    }

    /**
     * The names of the city of the list written alone as {@code written}, its first name first ("Calcutta" gives
     * Kolkata, Calcutta), with its country's ISO code; null for a city the list does not hold.
     */
    static Listed listed(String written) {
        City city = Known.CITIES.get(NameKey.of(written));
        return city == null ? null : new Listed(city.names(), city.country());
    }

    /** A city of the list: its names as written there, first name first, and its country's ISO code. */
    record Listed(List<String> names, String country) {
    }

    /** As {@link #same(String, String, String, String)}, for two cities whose countries are not known. */
    public static boolean same(String a, String b) {
        return same(a, null, b, null);
    }

    /**
     * Whether two cities, as written, are the same place: whatever their case, accents or punctuation ("berlin " is
     * Berlin, "Munchen" München, "St Louis" St. Louis). A city written with where it is ("Portland, OR", "Berlin,
     * Germany") is the city written alone: written alone, a name is taken as the place its writer means; but
     * "Portland, OR" is not "Portland, ME". A city known by more than one name is the same by any of them ("Munich"
     * is München, "Bombay" Mumbai) when each is written alone or with the city's country ("Munich, Germany") and
     * neither is given another country than the city's: many such names are also towns elsewhere (Naples, Florida;
     * Athens, Georgia). Without a letter or digit, a name is the same only as itself. A country may be null.
     */
    public static boolean same(String a, String countryOfA, String b, String countryOfB) {
        String first = a.strip();
        String second = b.strip();
        if (first.equalsIgnoreCase(second)) {
            return true;
        }
        String key = NameKey.of(first);
        String other = NameKey.of(second);
        if (key.isEmpty() || other.isEmpty()) {
            return false;
        }
        if (key.equals(other)) {
            return true;
        }
        int firstComma = first.indexOf(',');
        int secondComma = second.indexOf(',');
        if (firstComma > 0 && secondComma < 0 && NameKey.of(first.substring(0, firstComma)).equals(other)
                || secondComma > 0 && firstComma < 0 && NameKey.of(second.substring(0, secondComma)).equals(key)) {
            return true;
        }
        Named one = Named.of(first, key);
        Named two = Named.of(second, other);
        return one.city() != null && one.city().equals(two.city()) && in(countryOfA, one.city()) && in(one.country(), one.city())
                && in(countryOfB, two.city()) && in(two.country(), two.city());
    }

    /**
     * A city of the list as written: by its whole name ("Washington, D.C."), or by the name before a comma when a
     * country Kith knows follows it ("Munich, Germany", "Munich, DE"), with that country; else none ("Washington, PA",
     * as a US state written after it is no country, or another's: PA is Panama).
     */
    private record Named(City city, String country) {
        static Named of(String written, String key) {
            City whole = Known.CITIES.get(key);
            int comma = written.lastIndexOf(',');
            if (whole != null || comma <= 0 || !Countries.known(written.substring(comma + 1))) {
                return new Named(whole, null);
            }
            return new Named(Known.CITIES.get(NameKey.of(written.substring(0, comma))), written.substring(comma + 1));
        }
    }

    /** Whether a country, as written, is the city's, or not given. */
    private static boolean in(String country, City city) {
        return country == null || country.isBlank() || Countries.same(country, city.country());
    }

    /** A city of the list: the key of its first name, its country's ISO code, and its names as written there, first name first. */
    private record City(String key, String country, List<String> names) {
    }

    /** Built at the first comparison of two differently written cities, not at start-up. */
    private static final class Known {
        /** Each name's key, to its city. */
        static final Map<String, City> CITIES = cities();

        private static Map<String, City> cities() {
            Map<String, City> cities = new HashMap<>();
            for (String line : NAMES.strip().split("\n")) {
                String country = line.strip().substring(0, 2);
                List<String> names = Arrays.stream(line.strip().substring(3).split(",")).map(String::strip).toList();
                City city = new City(NameKey.of(names.get(0)), country, names);
                for (String name : names) {
                    City previous = cities.put(NameKey.of(name), city);
                    if (previous != null && !previous.equals(city)) {
                        throw new IllegalStateException(name + " names two cities");
                    }
                }
            }
            return Map.copyOf(cities);
        }
    }
}
