package app.kith.contact;

import java.util.HashMap;
import java.util.Map;

/**
 * Cities known by more than one name: in English and in their own language ("Munich" and "München", "Cologne" and
 * "Köln"), before and after a renaming ("Bombay" and "Mumbai"), in their own script ("Moscow" and "Москва"), or by a
 * short form in everyday use ("NYC"). Any other city is the same only by its name, whatever its case, accents and
 * punctuation ({@link NameKey}). The list holds cities where many people live and work; it is no gazetteer.
 */
public final class Cities {
    /** One city a line, its names separated by commas; written as people write them, compared by their {@link NameKey}. */
    private static final String NAMES = """
            Munich, München, Muenchen
            Cologne, Köln, Koeln
            Nuremberg, Nürnberg, Nuernberg
            Hanover, Hannover
            Frankfurt, Frankfurt am Main, Frankfurt a. M.
            Düsseldorf, Duesseldorf
            Vienna, Wien, Vienne
            Zurich, Zürich, Zuerich, Zurigo
            Geneva, Genève, Genf, Ginevra
            Basel, Bâle, Basle, Basilea
            Lucerne, Luzern
            Bern, Berne
            Prague, Praha, Prag
            Warsaw, Warszawa, Warschau
            Krakow, Kraków, Cracow, Krakau
            Wroclaw, Wrocław, Breslau
            Gdansk, Gdańsk, Danzig
            Brussels, Bruxelles, Brussel, Brüssel
            Antwerp, Antwerpen, Anvers
            Ghent, Gent, Gand
            Bruges, Brugge
            The Hague, Den Haag, 's-Gravenhage, Hague
            Copenhagen, København, Kobenhavn, Kopenhagen
            Gothenburg, Göteborg, Goteborg
            Helsinki, Helsingfors
            Lisbon, Lisboa, Lissabon
            Porto, Oporto
            Seville, Sevilla
            Rome, Roma, Rom
            Milan, Milano, Mailand
            Naples, Napoli, Neapel
            Turin, Torino
            Florence, Firenze, Florenz
            Venice, Venezia, Venedig
            Genoa, Genova, Genua
            Athens, Athina, Athen, Αθήνα
            Thessaloniki, Salonica, Θεσσαλονίκη
            Bucharest, București, Bucuresti, Bukarest
            Belgrade, Beograd, Београд, Belgrad
            Sofia, София
            Moscow, Moskva, Moskau, Москва
            Saint Petersburg, St. Petersburg, St Petersburg, Sankt-Peterburg, Sankt Petersburg, Санкт-Петербург
            Kyiv, Kiev, Київ, Киев
            Istanbul, İstanbul
            Mexico City, Ciudad de México, CDMX
            New York, New York City, NYC
            San Francisco, SF
            Los Angeles, LA
            Washington, Washington DC, Washington D.C.
            Montreal, Montréal
            Quebec City, Québec, Ville de Québec
            Mumbai, Bombay, मुंबई
            Bengaluru, Bangalore
            Chennai, Madras
            Kolkata, Calcutta
            Ho Chi Minh City, Saigon, Thành phố Hồ Chí Minh
            Yangon, Rangoon
            Beijing, Peking, 北京
            Shanghai, 上海
            Guangzhou, 广州
            Shenzhen, 深圳
            Hong Kong, 香港
            Taipei, 台北, 臺北
            Tokyo, 東京, 东京
            Osaka, 大阪
            Kyoto, 京都
            Seoul, 서울
            Busan, Pusan, 부산
            Tel Aviv, Tel Aviv-Yafo, Tel Aviv-Jaffa
            """;

    private Cities() {
    }

    /**
     * Whether two cities, as written, are the same place: whatever their case, accents or punctuation ("berlin " is
     * Berlin, "Munchen" München, "St Louis" St. Louis); a city known by more than one name by any of them ("Munich"
     * is München, "Bombay" Mumbai); and a city written with where it is ("Portland, OR", "Berlin, Germany") is the
     * city written alone, but not one written with somewhere else ("Portland, ME"). Without a letter or digit, a
     * name is the same only as itself.
     */
    public static boolean same(String a, String b) {
        String first = a.strip();
        String second = b.strip();
        if (first.equalsIgnoreCase(second)) {
            return true;
        }
        int firstComma = first.indexOf(',');
        int secondComma = second.indexOf(',');
        if (firstComma > 0 && secondComma < 0) {
            first = first.substring(0, firstComma);
        } else if (secondComma > 0 && firstComma < 0) {
            second = second.substring(0, secondComma);
        }
        String key = NameKey.of(first);
        String other = NameKey.of(second);
        if (key.isEmpty() || other.isEmpty()) {
            return false;
        }
        if (key.equals(other)) {
            return true;
        }
        String city = Known.CITIES.get(key);
        return city != null && city.equals(Known.CITIES.get(other));
    }

    /** Built at the first comparison of two differently written cities, not at start-up. */
    private static final class Known {
        /** Each name's key, to the key of the city's first name. */
        static final Map<String, String> CITIES = cities();

        private static Map<String, String> cities() {
            Map<String, String> cities = new HashMap<>();
            for (String line : NAMES.split("\n")) {
                String[] names = line.split(",");
                String city = NameKey.of(names[0]);
                for (String name : names) {
                    String previous = cities.put(NameKey.of(name), city);
                    if (previous != null && !previous.equals(city)) {
                        throw new IllegalStateException(name + " names two cities");
                    }
                }
            }
            return Map.copyOf(cities);
        }
    }
}
