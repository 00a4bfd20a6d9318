package app.kith.contact;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The states and provinces people write after a city in the three large countries of several times where the habit
 * is strongest (the United States, Canada, Australia): "Springfield, IL", "London, Ontario", "Perth, WA". Each has the
 * zone of its people where all of them keep one time, or all but a few in a hundred (Oregon but most of Malheur
 * County, Michigan but four counties of the Upper Peninsula, Arizona but the Navajo Nation); none where more keep
 * another (Texas, Florida, Indiana, Kentucky, Tennessee, Idaho, the Dakotas, Nebraska, Newfoundland and Labrador,
 * Nunavut), where only the city can tell.
 */
public final class Regions {
    /** Country, zone ("-": several times), then the region's codes and names. */
    private static final String LIST = """
            US America/New_York: CT Connecticut, DE Delaware, DC District of Columbia, GA Georgia, ME Maine, MD Maryland, MA Massachusetts, NH New Hampshire, NJ New Jersey, NY New York, NC North Carolina, OH Ohio, PA Pennsylvania, RI Rhode Island, SC South Carolina, VT Vermont, VA Virginia, WV West Virginia
            US America/Detroit: MI Michigan
            US America/Chicago: AL Alabama, AR Arkansas, IL Illinois, IA Iowa, KS Kansas, LA Louisiana, MN Minnesota, MS Mississippi, MO Missouri, OK Oklahoma, WI Wisconsin
            US America/Denver: CO Colorado, MT Montana, NM New Mexico, UT Utah, WY Wyoming
            US America/Phoenix: AZ Arizona
            US America/Los_Angeles: CA California, NV Nevada, OR Oregon, WA Washington
            US America/Anchorage: AK Alaska
            US Pacific/Honolulu: HI Hawaii
            US -: FL Florida, ID Idaho, IN Indiana, KY Kentucky, NE Nebraska, ND North Dakota, SD South Dakota, TN Tennessee, TX Texas
            CA America/Toronto: ON Ontario, QC Quebec, QC Québec
            CA America/Halifax: NS Nova Scotia, PE Prince Edward Island
            CA America/Moncton: NB New Brunswick
            CA America/Winnipeg: MB Manitoba
            CA America/Regina: SK Saskatchewan
            CA America/Edmonton: AB Alberta, NT Northwest Territories
            CA America/Vancouver: BC British Columbia
            CA America/Whitehorse: YT Yukon
            CA -: NL Newfoundland and Labrador, NL Newfoundland, NU Nunavut
            AU Australia/Sydney: NSW New South Wales, ACT Australian Capital Territory
            AU Australia/Melbourne: VIC Victoria
            AU Australia/Brisbane: QLD Queensland
            AU Australia/Adelaide: SA South Australia
            AU Australia/Perth: WA Western Australia
            AU Australia/Hobart: TAS Tasmania
            AU Australia/Darwin: NT Northern Territory
            """;

    private Regions() {
    }

    /** A state or province: its country's ISO code, and its zone (null when it keeps several times). */
    record Region(String country, ZoneId zone) {
    }

    /** The regions written so, by code or name, in any case, accents and punctuation aside ("wa": Washington, Western Australia). */
    static List<Region> of(String written) {
        return written == null ? List.of() : Known.BY_NAME.getOrDefault(NameKey.of(written), List.of());
    }

    /**
     * The city of an address given in parts (a vCard's ADR, a contacts file's columns), as Kith keeps it: with its
     * state or province after a comma when that is one of this list, of the country given if any, so that it tells
     * the zone or the country ("Springfield, IL"); else the city alone, as a region elsewhere tells nothing Kith uses.
     */
    public static String cityIn(String city, String region, String country) {
        if (city == null || city.isBlank() || region == null || region.isBlank() || city.contains(",")) {
            return city;
        }
        boolean known = of(region).stream().anyMatch(listed -> country == null || country.isBlank()
                || Countries.same(country.strip(), listed.country()));
        return known ? city.strip() + ", " + region.strip() : city;
    }

    /** Built at the first city written with a region, not at start-up. */
    private static final class Known {
        static final Map<String, List<Region>> BY_NAME = byName();

        private static Map<String, List<Region>> byName() {
            Map<String, List<Region>> regions = new HashMap<>();
            for (String line : LIST.strip().split("\n")) {
                int colon = line.indexOf(':');
                String[] head = line.substring(0, colon).split(" ");
                Region region = new Region(head[0], head[1].equals("-") ? null : ZoneId.of(head[1]));
                for (String entry : line.substring(colon + 1).split(",")) {
                    String written = entry.strip();
                    int space = written.indexOf(' ');
                    for (String name : List.of(written.substring(0, space), written.substring(space + 1))) {
                        List<Region> named = regions.computeIfAbsent(NameKey.of(name), key -> new ArrayList<>());
                        if (!named.contains(region)) {
                            named.add(region);
                        }
                    }
                }
            }
            regions.replaceAll((name, named) -> List.copyOf(named));
            return Map.copyOf(regions);
        }
    }
}
