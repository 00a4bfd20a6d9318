package app.kith.shared;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/** IANA time zone names, as people and address books give them. */
public final class TimeZones {
    /**
     * Abbreviations people write for a zone, with the IANA name to use instead: an abbreviation names half a year
     * (EST is winter in New York), the IANA name the place, through its changes of clock. Some are ambiguous (IST).
     */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("ET", "America/New_York (US Eastern)"), Map.entry("EST", "America/New_York (US Eastern)"),
            Map.entry("EDT", "America/New_York (US Eastern)"), Map.entry("CT", "America/Chicago (US Central)"),
            Map.entry("CST", "America/Chicago (US Central)"), Map.entry("CDT", "America/Chicago (US Central)"),
            Map.entry("MT", "America/Denver (US Mountain; America/Phoenix for Arizona)"),
            Map.entry("MST", "America/Denver (US Mountain; America/Phoenix for Arizona)"),
            Map.entry("MDT", "America/Denver (US Mountain)"), Map.entry("PT", "America/Los_Angeles (US Pacific)"),
            Map.entry("PST", "America/Los_Angeles (US Pacific)"), Map.entry("PDT", "America/Los_Angeles (US Pacific)"),
            Map.entry("AKST", "America/Anchorage"), Map.entry("AKDT", "America/Anchorage"), Map.entry("HST", "Pacific/Honolulu"),
            Map.entry("BST", "Europe/London"), Map.entry("CEST", "Europe/Berlin, Europe/Paris or your own city's"),
            Map.entry("EEST", "Europe/Athens, Europe/Helsinki or your own city's"), Map.entry("MSK", "Europe/Moscow"),
            Map.entry("IST", "Asia/Kolkata (India), Europe/Dublin (Ireland) or Asia/Jerusalem (Israel)"),
            Map.entry("JST", "Asia/Tokyo"), Map.entry("KST", "Asia/Seoul"), Map.entry("SGT", "Asia/Singapore"),
            Map.entry("HKT", "Asia/Hong_Kong"), Map.entry("AEST", "Australia/Sydney (or Australia/Brisbane)"),
            Map.entry("AEDT", "Australia/Sydney"), Map.entry("ACST", "Australia/Adelaide (or Australia/Darwin)"),
            Map.entry("AWST", "Australia/Perth"), Map.entry("NZST", "Pacific/Auckland"), Map.entry("NZDT", "Pacific/Auckland"));

    private TimeZones() {
    }

    /** A zone as people read it: its IANA name; a fixed offset as "UTC" or "UTC+02:00" (Java writes them "Z" and "+02:00"). */
    public static String written(ZoneId zone) {
        return zone instanceof ZoneOffset offset ? (offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId()) : zone.getId();
    }

    /** Parses an IANA zone such as {@code Europe/Berlin}; blank means unknown (null). */
    public static ZoneId parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = text.trim();
        if (name.equalsIgnoreCase("UTC")) {
            return ZoneId.of("UTC");
        }
        if (ZoneId.getAvailableZoneIds().contains(name)) {
            return ZoneId.of(name);
        }
        // In any case, as people type them: europe/berlin is Europe/Berlin.
        for (String known : ZoneId.getAvailableZoneIds()) {
            if (known.equalsIgnoreCase(name)) {
                return ZoneId.of(known);
            }
        }
        String instead = ABBREVIATIONS.get(name.toUpperCase(Locale.ROOT));
        if (instead != null) {
            throw new ValidationException(Quoted.of(text) + " is an abbreviation, not a time zone: use " + instead
                    + ", an IANA name, which follows the clock changes");
        }
        throw new ValidationException(Quoted.of(text) + " is not a time zone: use an IANA name such as Europe/Berlin or America/New_York");
    }
}
