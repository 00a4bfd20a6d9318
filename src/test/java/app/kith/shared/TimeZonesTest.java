package app.kith.shared;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeZonesTest {
    @Test
    void anIanaNameIsReadInAnyCase() {
        assertThat(TimeZones.parse("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(TimeZones.parse(" europe/berlin ")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(TimeZones.parse("AMERICA/NEW_YORK")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(TimeZones.parse("utc")).isEqualTo(ZoneId.of("UTC"));
        assertThat(TimeZones.parse("  ")).isNull();
    }

    @Test
    void anythingElseIsRefusedWithAnExample() {
        for (String text : new String[] {"Mars/Olympus", "Europe/", "+02:00", "XYZ"}) {
            assertThatThrownBy(() -> TimeZones.parse(text)).as(text)
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("is not a time zone: use an IANA name such as Europe/Berlin");
        }
    }

    @Test
    void anAbbreviationIsRefusedWithTheNameOfThePlaceToUse() {
        assertThatThrownBy(() -> TimeZones.parse("EST")).isInstanceOf(ValidationException.class)
                .hasMessage("'EST' is an abbreviation, not a time zone: use America/New_York (US Eastern), an IANA name, "
                        + "which follows the clock changes");
        assertThatThrownBy(() -> TimeZones.parse(" pst ")).hasMessageContaining("use America/Los_Angeles (US Pacific)");
        assertThatThrownBy(() -> TimeZones.parse("IST")).hasMessageContaining("Asia/Kolkata (India), Europe/Dublin (Ireland)");
        // Every name suggested is one the parser takes.
        for (String name : new String[] {"America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
                "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "Europe/London", "Europe/Berlin", "Europe/Paris",
                "Europe/Athens", "Europe/Helsinki", "Europe/Moscow", "Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem",
                "Asia/Tokyo", "Asia/Seoul", "Asia/Singapore", "Asia/Hong_Kong", "Australia/Sydney", "Australia/Brisbane",
                "Australia/Adelaide", "Australia/Darwin", "Australia/Perth", "Pacific/Auckland"}) {
            assertThat(TimeZones.parse(name)).isEqualTo(ZoneId.of(name));
        }
        // Those that are zones of their own in the IANA database stay zones.
        assertThat(TimeZones.parse("CET")).isEqualTo(ZoneId.of("CET"));
        assertThat(TimeZones.parse("GMT")).isEqualTo(ZoneId.of("GMT"));
    }
}
