package app.kith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Start-up work done on a second thread while the main one reads the command line: the JDK's time zone rules and
 * calendar data, which a command needs only once it runs (the machine's zone for its clock, SQLite's driver a
 * calendar for each connection), and which take a cold JVM some tens of milliseconds to load. What it loads
 * (classes, the JDK's caches) is shared: whatever this thread has done by then, the command finds done, and nothing
 * depends on which thread comes first.
 */
final class WarmUp {
    private WarmUp() {
    }

    static void start() {
        Thread thread = new Thread(() -> {
            try {
                ZoneId.systemDefault();
                // The date format sqlite-jdbc makes for every connection's settings: it loads the calendar data.
                org.sqlite.date.FastDateFormat.getInstance("yyyy-MM-dd HH:mm:ss.SSS");
            } catch (RuntimeException | LinkageError e) {
                // Only a head start: the command does the same work itself when it needs it, and reports what fails.
            }
        }, "kith-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** The system clock in the machine's time zone, as Clock.systemDefaultZone(), with the zone looked up when first asked. */
    static final class MachineClock extends Clock {
        private volatile ZoneId zone;

        @Override
        public ZoneId getZone() {
            ZoneId known = zone;
            if (known == null) {
                known = ZoneId.systemDefault();
                zone = known;
            }
            return known;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return Clock.system(other);
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }
    }
}
