package sdx.kv;

import sdx.core.Check;

/**
 * Time in milliseconds that moves only when told to, so expiry and fsync schedules are exact and repeatable:
 * {@code clock.advance(1_000)} is one second later, with no sleeping.
 */
public final class VirtualClock {
    private long now;

    /** A clock at time 0. */
    public VirtualClock() {}

    /** The current time, ms since the clock was made. */
    public long now() {
        return now;
    }

    /** Moves the clock forward by {@code millis} (0 or more); returns the new time. */
    public long advance(long millis) {
        if (millis < 0) throw Check.fail("millis must be >= 0, was " + millis);
        now += millis;
        return now;
    }

    /** Moves the clock to {@code millis}, which must not be in the past. */
    public void advanceTo(long millis) {
        if (millis < now) throw Check.fail("millis must be >= now (" + now + "), was " + millis);
        now = millis;
    }
}
