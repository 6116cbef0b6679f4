package sdx.sim;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import sdx.core.Check;

/**
 * Runs a {@link Scenario} over many seeds and checks named invariants after every event, stopping at the
 * first seed that breaks one (or whose node code throws). Runs are untraced for speed; a failing seed is
 * run again with tracing, which both captures the trace for the {@link Counterexample} and checks that
 * the seed reproduces the failure.
 *
 * <pre>{@code
 * Exploration e = Explorer.seeds(1, 1000).runFor(s(10)).randomFaults(ms(500), 2)
 *         .check(seed -> Election.cluster(seed, 5, Timing.raft(), false),
 *                Invariant.of("one leader per term", Election::oneLeaderPerTerm));
 * assertTrue(e.ok(), e::toString);
 * }</pre>
 */
public final class Explorer {
    private final long firstSeed;
    private final long lastSeed;
    private long duration = Time.s(1);
    private long meanGap;
    private int maxDown;

    private Explorer(long firstSeed, long lastSeed) {
        this.firstSeed = firstSeed;
        this.lastSeed = lastSeed;
    }

    /** Seeds {@code first} to {@code last}, both included. */
    public static Explorer seeds(long first, long last) {
        Check.that(last >= first, "last", last, "must be >= first (" + first + ")");
        Check.that(last - first < 100_000_000L, "last - first", last - first, "must be < 100,000,000");
        return new Explorer(first, last);
    }

    /** How long each run lasts in virtual time (default 1 s). */
    public Explorer runFor(long durationMicros) {
        duration = Check.positive("durationMicros", durationMicros);
        return this;
    }

    /**
     * Adds a random nemesis to every run (see {@link Schedule#random}): an action about every
     * {@code meanGapMicros}, at most {@code maxDown} nodes down at once, all healed at the end.
     */
    public Explorer randomFaults(long meanGapMicros, int maxDown) {
        meanGap = Check.positive("meanGapMicros", meanGapMicros);
        this.maxDown = Check.atLeast("maxDown", maxDown, 0);
        return this;
    }

    /** Runs {@code scenario} for every seed, checking {@code invariants} after every event. */
    public Exploration check(Scenario scenario, Invariant... invariants) {
        Check.notNull("scenario", scenario);
        Check.notNull("invariants", invariants);
        long events = 0;
        for (long seed = firstSeed; seed <= lastSeed; seed++) {
            Run run = run(scenario, seed, invariants, false);
            events += run.sim.eventCount();
            if (run.failure != null) {
                Run again = run(scenario, seed, invariants, true);
                boolean same = again.failure != null && again.failure.invariant.equals(run.failure.invariant)
                        && again.failure.time == run.failure.time;
                Failure f = again.failure != null ? again.failure : run.failure;
                String msg = String.format(Locale.ROOT, "seed %d: %s", seed, f.message);
                Counterexample c = new Counterexample(seed, f.invariant, f.time, msg, run.schedule,
                        again.sim.trace(), same);
                return new Exploration(seed - firstSeed + 1, lastSeed - firstSeed + 1, events, Optional.of(c));
            }
        }
        return new Exploration(lastSeed - firstSeed + 1, lastSeed - firstSeed + 1, events, Optional.empty());
    }

    private record Failure(String invariant, long time, String message) {}

    private record Run(Simulation sim, Schedule schedule, Failure failure) {}

    private Run run(Scenario scenario, long seed, Invariant[] invariants, boolean traced) {
        Simulation sim = Check.notNull("scenario.build(" + seed + ")", scenario.build(seed));
        Check.that(sim.seed() == seed, "scenario.build(" + seed + ").seed()", sim.seed(),
                "must be the seed it was given (use Simulation.seeded(seed))");
        sim.tracing(traced);
        Schedule schedule = meanGap > 0
                ? Schedule.random(seed, sim.nodeNames(), sim.now() + duration, meanGap, Math.min(maxDown, sim.nodeNames().size()))
                : Schedule.none();
        try {
            sim.schedule(schedule);
            sim.check(invariants);
            sim.runFor(duration);
            return new Run(sim, schedule, null);
        } catch (InvariantViolation v) {
            return new Run(sim, schedule, new Failure(v.invariant(), v.time(), v.getMessage()));
        } catch (RuntimeException e) {
            return new Run(sim, schedule, new Failure("no exception", sim.now(), String.valueOf(e.getMessage())));
        }
    }

    @Override
    public String toString() {
        return "Explorer[seeds " + firstSeed + ".." + lastSeed + ", " + Time.toMs(duration) + " ms each"
                + (meanGap > 0 ? ", random faults every ~" + Time.toMs(meanGap) + " ms, max " + maxDown + " down" : "") + "]";
    }

}
