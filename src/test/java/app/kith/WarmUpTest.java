package app.kith;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The clock a command runs by: the machine's time and time zone, the zone looked up only when asked. */
class WarmUpTest {
    @Test
    void theMachineClockIsTheSystemClockInTheMachinesZone() {
        WarmUp.start();
        Clock clock = new WarmUp.MachineClock();

        assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault());
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(Math.abs(clock.millis() - System.currentTimeMillis())).isLessThan(5_000);
        assertThat(clock.withZone(ZoneId.of("Asia/Tokyo")).getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(clock.withZone(ZoneId.of("Asia/Tokyo")).instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
    }
}
