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
            US America/New_York: CT Connecticut, Conn. Connecticut, DE Delaware, Del. Delaware, DC District of Columbia, GA Georgia, ME Maine, MD Maryland, MA Massachusetts, Mass. Massachusetts, NH New Hampshire, NJ New Jersey, NY New York, NC North Carolina, OH Ohio, PA Pennsylvania, RI Rhode Island, SC South Carolina, VT Vermont, VA Virginia, WV West Virginia, W.Va. West Virginia
            US America/Detroit America/Menominee: MI Michigan, Mich. Michigan
            US America/Chicago America/Denver: KS Kansas, Kan. Kansas, Kans. Kansas
            US America/Chicago: AL Alabama, Ala. Alabama, AR Arkansas, Ark. Arkansas, IL Illinois, Ill. Illinois, IA Iowa, LA Louisiana, MN Minnesota, Minn. Minnesota, MS Mississippi, Miss. Mississippi, MO Missouri, OK Oklahoma, Okla. Oklahoma, WI Wisconsin, Wis. Wisconsin, Wisc. Wisconsin
            US America/Denver: CO Colorado, Colo. Colorado, MT Montana, Mont. Montana, NM New Mexico, UT Utah, WY Wyoming, Wyo. Wyoming
            US America/Phoenix America/Denver: AZ Arizona, Ariz. Arizona
            US America/Los_Angeles: CA California, Calif. California, Cal. California, NV Nevada, Nev. Nevada, WA Washington, Wash. Washington
            US America/Los_Angeles America/Boise: OR Oregon, Ore. Oregon, Oreg. Oregon
            US America/Anchorage America/Juneau America/Sitka America/Metlakatla America/Nome America/Yakutat America/Adak: AK Alaska
            US Pacific/Honolulu: HI Hawaii
            US - America/New_York America/Chicago: FL Florida, Fla. Florida, TN Tennessee, Tenn. Tennessee
            US - America/Boise America/Los_Angeles: ID Idaho
            US - America/Indiana/Indianapolis America/Indiana/Knox America/Indiana/Marengo America/Indiana/Petersburg America/Indiana/Tell_City America/Indiana/Vevay America/Indiana/Vincennes America/Indiana/Winamac America/Chicago America/New_York: IN Indiana, Ind. Indiana
            US - America/New_York America/Kentucky/Louisville America/Kentucky/Monticello America/Chicago: KY Kentucky
            US - America/Chicago America/Denver: NE Nebraska, Neb. Nebraska, Nebr. Nebraska, SD South Dakota, TX Texas, Tex. Texas
            US - America/Chicago America/North_Dakota/Center America/North_Dakota/New_Salem America/North_Dakota/Beulah America/Denver: ND North Dakota
            CA America/Toronto America/Atikokan America/Winnipeg: ON Ontario, Ont. Ontario
            CA America/Toronto America/Blanc-Sablon: QC Quebec, Que. Quebec, QC Québec, PQ Quebec
            CA America/Halifax America/Glace_Bay: NS Nova Scotia
            CA America/Halifax: PE Prince Edward Island, PEI Prince Edward Island
            CA America/Moncton: NB New Brunswick
            CA America/Winnipeg: MB Manitoba, Man. Manitoba
            CA America/Regina America/Swift_Current America/Edmonton: SK Saskatchewan, Sask. Saskatchewan
            CA America/Edmonton: AB Alberta, Alta. Alberta
            CA America/Edmonton America/Inuvik America/Yellowknife: NT Northwest Territories, NWT Northwest Territories
            CA America/Vancouver America/Dawson_Creek America/Fort_Nelson America/Creston America/Edmonton: BC British Columbia
            CA America/Whitehorse America/Dawson: YT Yukon
            CA America/St_Johns: NFLD Newfoundland
            CA - America/St_Johns America/Goose_Bay: NL Newfoundland and Labrador
            CA - America/Iqaluit America/Rankin_Inlet America/Cambridge_Bay America/Resolute: NU Nunavut
            AU Australia/Sydney Australia/Broken_Hill Australia/Lord_Howe: NSW New South Wales
            AU Australia/Sydney: ACT Australian Capital Territory
            AU Australia/Melbourne: VIC Victoria, Vic. Victoria
            AU Australia/Brisbane Australia/Lindeman: QLD Queensland
            AU Australia/Adelaide: SA South Australia
            AU Australia/Perth Australia/Eucla: WA Western Australia
            AU Australia/Hobart: TAS Tasmania, Tas. Tasmania
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
        return written == null ? List.of() : Known.BY_NAME.getOrDefault(key(written), List.of());
    }

    /** The key a region is found by: its name's, or a code's without the dots or blanks inside it ("N.Y.", "N S W"). */
    private static String key(String written) {
        String name = NameKey.of(written);
        return Known.BY_NAME.containsKey(name) ? name : name.replace(" ", "");
    }

    /**
     * Whether a region is written by its code ("IL", "NSW"), as many other countries' provinces are too (MI is Milan's,
     * NH North Holland's), rather than by its name ("Illinois").
     */
    static boolean isCode(String written) {
        return written != null && Known.CODES.contains(key(written));
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
                    String code = NameKey.of(written.substring(0, space)).replace(" ", "");
                    CODES.add(code);
                    for (String name : List.of(code, NameKey.of(written.substring(space + 1)))) {
                        List<Region> named = BY_NAME.computeIfAbsent(name, key -> new ArrayList<>());
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
