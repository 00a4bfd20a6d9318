package app.kith.shared;

import java.time.ZoneId;

/** IANA time zone names, as people and address books give them. */
public final class TimeZones {
    private TimeZones() {
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
        throw new ValidationException(Quoted.of(text) + " is not a time zone: use an IANA name such as Europe/Berlin or America/New_York");
    }
}
