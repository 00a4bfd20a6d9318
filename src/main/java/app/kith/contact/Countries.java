package app.kith.contact;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Countries as people and address books write them: "DE", "DEU", "Germany" and "Deutschland" are one country.
 * Codes and English names come from the JDK's locale data (ISO 3166); names in everyday use that it lacks ("UK",
 * "USA") and the names many countries go by in their own languages are listed here (the JDK has those too, but
 * reading them all costs most of a second).
 */
public final class Countries {
    private static final String OTHER_NAMES = """
            uk GB, great britain GB, england GB, scotland GB, wales GB, northern ireland GB, usa US, u s a US, u s US,
            america US, united states of america US, holland NL, nederland NL, deutschland DE, osterreich AT,
            schweiz CH, suisse CH, svizzera CH, espana ES, mexico MX, brasil BR, italia IT, belgie BE, belgique BE,
            polska PL, sverige SE, norge NO, danmark DK, suomi FI, eire IE, cesko CZ, ceska republika CZ,
            magyarorszag HU, turkiye TR, ελλαδα GR, россия RU, украина UA, україна UA, 日本 JP, 中国 CN, 대한민국 KR,
            भारत IN, 台灣 TW, 香港 HK, peru PE, romania RO, slovensko SK, slovenija SI, hrvatska HR, србија RS,
            българия BG, lietuva LT, latvija LV, eesti EE, island IS, ελλάς GR, hellas GR, south korea KR,
            czech republic CZ, the netherlands NL, uae AE, emirates AE, ksa SA""";

    private Countries() {
    }

    /** Whether two countries, as written, are the same one; one Kith does not know is compared as written. */
    public static boolean same(String a, String b) {
        String first = NameKey.of(a);
        String second = NameKey.of(b);
        if (first.isEmpty() || second.isEmpty()) {
            // Written without a letter or digit: the same only as itself.
            return a.strip().equals(b.strip());
        }
        if (first.equals(second)) {
            return true;
        }
        String firstCode = Known.CODES.get(first);
        return firstCode != null && firstCode.equals(Known.CODES.get(second));
    }

    /** Whether Kith knows this text as a country, by its code or its name ("DE", "Germany", "Deutschland"). */
    public static boolean known(String text) {
        String key = NameKey.of(text);
        return !key.isEmpty() && Known.CODES.containsKey(key);
    }

    /** The ISO code of a country as written ("Germany", "DEU", "de"), or null for one Kith does not know. */
    public static String code(String text) {
        String key = NameKey.of(text);
        return key.isEmpty() ? null : Known.CODES.get(key);
    }

    /**
     * The ISO code of the country whose territory a place with this code is, for those with a code of their own
     * (French Guiana, GF, is France's), else null: a city there, written with the parent country, is still there.
     */
    public static String parentOf(String code) {
        return TERRITORIES.get(code);
    }

    private static final Map<String, String> TERRITORIES = territories();

    private static Map<String, String> territories() {
        Map<String, String> parents = new HashMap<>();
        Map.of("FR", "GF GP MQ RE YT NC PF PM WF BL MF TF", "US", "PR GU VI AS MP UM",
                        "GB", "GI FK IO KY BM VG TC AI MS SH PN GS IM JE GG", "NL", "AW CW SX BQ", "DK", "GL FO",
                        "NO", "SJ", "AU", "CX CC NF HM", "NZ", "CK NU TK", "CN", "HK MO")
                .forEach((parent, codes) -> {
                    for (String code : codes.split(" ")) {
                        parents.put(code, parent);
                    }
                });
        return Map.copyOf(parents);
    }

    /** Built at the first comparison of two differently written countries, not at start-up. */
    private static final class Known {
        static final Map<String, String> CODES = codes();

        private static Map<String, String> codes() {
            Map<String, String> codes = new HashMap<>();
            for (String code : Locale.getISOCountries()) {
                Locale country = new Locale("", code);
                codes.putIfAbsent(NameKey.of(code), code);
                codes.putIfAbsent(NameKey.of(country.getISO3Country()), code);
                codes.putIfAbsent(NameKey.of(country.getDisplayCountry(Locale.ENGLISH)), code);
            }
            for (String entry : OTHER_NAMES.split(",")) {
                String written = entry.strip();
                int space = written.lastIndexOf(' ');
                codes.putIfAbsent(NameKey.of(written.substring(0, space)), written.substring(space + 1));
            }
            return Map.copyOf(codes);
        }
    }
}
