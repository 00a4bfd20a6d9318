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
        for (String text : new String[] {"PST", "Mars/Olympus", "Europe/", "+02:00"}) {
            assertThatThrownBy(() -> TimeZones.parse(text)).as(text)
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("is not a time zone: use an IANA name such as Europe/Berlin");
        }
    }
}
