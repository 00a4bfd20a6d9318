package app.kith.contact;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The states and provinces people write after a city in the three large countries of several times where the habit
 * is strongest (the United States, Canada, Australia): "Springfield, IL", "London, Ontario", "Perth, WA". Each has the
 * zone of its people where all of them keep one time, or all but a few in a hundred (Oregon but most of Malheur
 * County, Michigan but four counties of the Upper Peninsula, Arizona but the Navajo Nation); none where more keep
 * another (Texas, Florida, Indiana, Kentucky, Tennessee, Idaho, the Dakotas, Nebraska, Newfoundland and Labrador,
 * Nunavut), where only the city can tell. Each also lists the other zones the time zone database has inside it, so
 * that a town it names there keeps its own (Dawson Creek, BC is America/Dawson_Creek, not Vancouver's time).
 */
public final class Regions {
    /** Country, its zone ("-": several times) and the other zones inside it, then the region's codes and names. */
    private static final String LIST = """
            US America/New_York: CT Connecticut, DE Delaware, DC District of Columbia, D.C. District of Columbia, GA Georgia, ME Maine, MD Maryland, MA Massachusetts, NH New Hampshire, NJ New Jersey, NY New York, NC North Carolina, OH Ohio, PA Pennsylvania, RI Rhode Island, SC South Carolina, VT Vermont, VA Virginia, WV West Virginia
            US America/Detroit America/Menominee: MI Michigan
            US America/Chicago America/Denver: KS Kansas
            US America/Chicago: AL Alabama, AR Arkansas, IL Illinois, IA Iowa, LA Louisiana, MN Minnesota, MS Mississippi, MO Missouri, OK Oklahoma, WI Wisconsin
            US America/Denver: CO Colorado, MT Montana, NM New Mexico, UT Utah, WY Wyoming
            US America/Phoenix America/Denver: AZ Arizona
            US America/Los_Angeles: CA California, NV Nevada, WA Washington
            US America/Los_Angeles America/Boise: OR Oregon
            US America/Anchorage America/Juneau America/Sitka America/Metlakatla America/Nome America/Yakutat America/Adak: AK Alaska
            US Pacific/Honolulu: HI Hawaii
            US - America/New_York America/Chicago: FL Florida, TN Tennessee
            US - America/Boise America/Los_Angeles: ID Idaho
            US - America/Indiana/Indianapolis America/Indiana/Knox America/Indiana/Marengo America/Indiana/Petersburg America/Indiana/Tell_City America/Indiana/Vevay America/Indiana/Vincennes America/Indiana/Winamac America/Chicago America/New_York: IN Indiana
            US - America/New_York America/Kentucky/Louisville America/Kentucky/Monticello America/Chicago: KY Kentucky
            US - America/Chicago America/Denver: NE Nebraska, SD South Dakota, TX Texas
            US - America/Chicago America/North_Dakota/Center America/North_Dakota/New_Salem America/North_Dakota/Beulah America/Denver: ND North Dakota
            CA America/Toronto America/Atikokan America/Winnipeg: ON Ontario
            CA America/Toronto America/Blanc-Sablon: QC Quebec, QC Québec, PQ Quebec
            CA America/Halifax America/Glace_Bay: NS Nova Scotia
            CA America/Halifax: PE Prince Edward Island, PEI Prince Edward Island
            CA America/Moncton: NB New Brunswick
            CA America/Winnipeg: MB Manitoba
            CA America/Regina America/Swift_Current America/Edmonton: SK Saskatchewan
            CA America/Edmonton: AB Alberta
            CA America/Edmonton America/Inuvik America/Yellowknife: NT Northwest Territories, NWT Northwest Territories
            CA America/Vancouver America/Dawson_Creek America/Fort_Nelson America/Creston America/Edmonton: BC British Columbia
            CA America/Whitehorse America/Dawson: YT Yukon
            CA America/St_Johns: NFLD Newfoundland
            CA - America/St_Johns America/Goose_Bay: NL Newfoundland and Labrador
            CA - America/Iqaluit America/Rankin_Inlet America/Cambridge_Bay America/Resolute: NU Nunavut
            AU Australia/Sydney Australia/Broken_Hill Australia/Lord_Howe: NSW New South Wales
            AU Australia/Sydney: ACT Australian Capital Territory
            AU Australia/Melbourne: VIC Victoria
            AU Australia/Brisbane Australia/Lindeman: QLD Queensland
            AU Australia/Adelaide: SA South Australia
            AU Australia/Perth Australia/Eucla: WA Western Australia
            AU Australia/Hobart: TAS Tasmania
            AU Australia/Darwin: NT Northern Territory
            """;

    private Regions() {
    }

    /**
     * A state or province: its country's ISO code, its zone (null when it keeps several times), and every zone inside
     * it, its own first.
     */
    record Region(String country, ZoneId zone, List<ZoneId> zones) {
    }

    /** The regions written so, by code or name, in any case, accents and punctuation aside ("wa": Washington, Western Australia). */
    static List<Region> of(String written) {
        return written == null ? List.of() : Known.BY_NAME.getOrDefault(NameKey.of(written), List.of());
    }

    /**
     * Whether a region is written by its code ("IL", "NSW"), as many other countries' provinces are too (MI is Milan's,
     * NH North Holland's), rather than by its name ("Illinois").
     */
    static boolean isCode(String written) {
        return written != null && Known.CODES.contains(NameKey.of(written));
    }

    /**
     * The city of an address given in parts (a vCard's ADR, a contacts file's columns), as Kith keeps it: with its
     * state or province after a comma when that is one of this list and of the country given, so that it tells the
     * zone ("Springfield, IL"); else the city alone, as a region elsewhere, or one whose country is not given (MI is
     * also Milan's province), tells nothing sure.
     */
    public static String cityIn(String city, String region, String country) {
        if (city == null || city.isBlank() || region == null || region.isBlank() || country == null || country.isBlank()
                || city.contains(",")) {
            return city;
        }
        boolean known = of(region).stream().anyMatch(listed -> Countries.same(country.strip(), listed.country()));
        return known ? city.strip() + ", " + region.strip() : city;
    }

    /** Built at the first city written with a region, not at start-up. */
    private static final class Known {
        static final Map<String, List<Region>> BY_NAME = new HashMap<>();
        static final Set<String> CODES = new HashSet<>();

        static {
            for (String line : LIST.strip().split("\n")) {
                int colon = line.indexOf(':');
                String[] head = line.substring(0, colon).split(" ");
                // A zone the JDK's time zone data lacks (an older JDK's) is passed over.
                List<ZoneId> zones = Arrays.stream(head).skip(head[1].equals("-") ? 2 : 1)
                        .filter(ZoneId.getAvailableZoneIds()::contains).map(ZoneId::of).toList();
                Region region = new Region(head[0], head[1].equals("-") ? null : zones.get(0), zones);
                for (String entry : line.substring(colon + 1).split(",")) {
                    String written = entry.strip();
                    int space = written.indexOf(' ');
                    String code = written.substring(0, space);
                    CODES.add(NameKey.of(code));
                    for (String name : List.of(code, written.substring(space + 1))) {
                        List<Region> named = BY_NAME.computeIfAbsent(NameKey.of(name), key -> new ArrayList<>());
                        if (!named.contains(region)) {
                            named.add(region);
                        }
                    }
                }
            }
            BY_NAME.replaceAll((name, named) -> List.copyOf(named));
        }
    }
}
