package sdx.sim;

import java.util.Locale;
import sdx.viz.Picture;

/**
 * A run that broke an invariant (or threw), found by the {@link Explorer}: re-running {@link #seed()}
 * (with {@link #schedule()}, if random faults were on) reproduces it event for event.
 *
 * @param seed      the seed that fails
 * @param invariant the violated invariant's name, or "no exception" when node code threw
 * @param time      virtual time of the violation, µs
 * @param message   one sentence: what failed, when, with which seed
 * @param schedule  the random nemesis used, or an empty schedule
 * @param trace     the whole trace of the failing run, up to the violation
 * @param reproduced true if a second run of the seed failed the same way at the same time
 */
public record Counterexample(long seed, String invariant, long time, String message, Schedule schedule,
        TraceLog trace, boolean reproduced) {

    /** The trace from {@code beforeMicros} before the violation to the violation. */
    public TraceLog around(long beforeMicros) {
        return trace.between(Math.max(0, time - beforeMicros), time + 1);
    }

    /** The sequence diagram of the last 300 ms (or less) before the violation. */
    public Picture diagram() {
        return around(Time.ms(300)).diagram();
    }

    @Override
    public String toString() {
        return message + String.format(Locale.ROOT, "; %d trace events; nemesis %s%s", trace.size(), schedule,
                reproduced ? "; reproduced by re-running the seed" : "; NOT reproduced on a second run");
    }
}
