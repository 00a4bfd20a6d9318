package app.kith;

import app.kith.storage.TestDatabase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the feature services' tests start from: a Kith on the test's database, on a fixed Tuesday (2026-03-10,
 * noon UTC), and its owner, "ada", made on first use as a new data directory's owner is.
 */
public abstract class OwnerFixture {
    /** A Tuesday. */
    protected static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    protected final Clock clock = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    protected Kith kith;
    /** The owner's user id. */
    protected long me;

    protected void open(TestDatabase test) {
        kith = new Kith(test.database(), clock);
        me = kith.accounts().actingAccount(null, "ada").id();
    }
}
