package sdx.sim;

/** Virtual time units. The simulator counts microseconds in a {@code long}. */
public final class Time {
    private Time() {}

    /** {@code millis} milliseconds, in microseconds. */
    public static long ms(double millis) {
        return Math.round(millis * 1_000.0);
    }

    /** {@code seconds} seconds, in microseconds. */
    public static long s(double seconds) {
        return Math.round(seconds * 1_000_000.0);
    }

    /** Microseconds as milliseconds, for printing and plotting. */
    public static double toMs(long micros) {
        return micros / 1_000.0;
    }
}
