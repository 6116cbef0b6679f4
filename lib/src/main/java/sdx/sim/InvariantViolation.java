package sdx.sim;

/** Thrown by a run when an invariant registered with {@link Simulation#check} stops holding. */
public final class InvariantViolation extends RuntimeException {
    private final String invariant;
    private final long seed;
    private final long time;
    private final long eventIndex;

    InvariantViolation(String invariant, long seed, long time, long eventIndex, String lastEvent) {
        super("invariant '" + invariant + "' violated at " + String.format(java.util.Locale.ROOT, "%.3f", Time.toMs(time))
                + " ms (seed " + seed + ")" + (lastEvent.isEmpty() ? "" : ", right after: " + lastEvent.strip()));
        this.invariant = invariant;
        this.seed = seed;
        this.time = time;
        this.eventIndex = eventIndex;
    }

    /** The violated invariant's name. */
    public String invariant() {
        return invariant;
    }

    /** The simulation seed that reproduces it. */
    public long seed() {
        return seed;
    }

    /** Virtual time of the violation, in microseconds. */
    public long time() {
        return time;
    }

    /** Index of the last trace event before the check failed (-1 if tracing was off). */
    public long eventIndex() {
        return eventIndex;
    }
}
