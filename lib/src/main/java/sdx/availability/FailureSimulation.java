package sdx.availability;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import sdx.core.Check;
import sdx.core.Rng;

/**
 * An event-driven simulation, in virtual time, of parts that fail and are repaired independently: each part
 * stays up for an exponential time of mean MTBF, then down for an exponential time of mean MTTR, again and
 * again. The system's state is the block diagram's structure function of the parts' states; the simulation
 * adds up the time it is down. Each part starts in its steady state (up with probability {@code A}: with
 * exponential times that is exact), so there is no warm-up bias. Every part draws from its own seeded stream.
 */
final class FailureSimulation {
    private FailureSimulation() {}

    /** Batches for the batch-means standard error. */
    static final int BATCHES = 20;

    /** The most failures and repairs one simulation may draw (a few seconds of work). */
    static final double MAX_EVENTS = 50e6;

    /** Refuses a run that would take more than {@link #MAX_EVENTS} events, naming {@code years}. */
    static void checkSize(double years, double eventsPerHour) {
        double expected = years * Theory.HOURS_PER_YEAR * eventsPerHour;
        Check.that(expected <= MAX_EVENTS, "years", years, String.format(Locale.ROOT,
                "must be small enough for at most %,.0f failures and repairs (this system would draw about %,.0f); "
                        + "use fewer years", MAX_EVENTS, expected));
    }

    /** Stops a long run when the notebook's interrupt button is pressed. */
    static void checkInterrupt(long events) {
        if ((events & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("simulation interrupted after " + events + " events");
        }
    }

    /** Sees every state change of a run (for drawing a timeline). */
    interface Recorder {
        /** At {@code hour}, part {@code part} went up or down; {@code systemUp} is the system's state after it. */
        void change(double hour, int part, boolean up, boolean systemUp);
    }

    static Measurement run(Block system, double years, long seed) {
        return run(system, years, seed, null);
    }

    /** Runs the simulation; {@code recorder} (may be null) first sees every part's initial state at hour 0. */
    static Measurement run(Block system, double years, long seed, Recorder recorder) {
        Check.notNull("system", system);
        Check.positive("years", years);
        Check.that(years <= 1e6, "years", years, "must be <= 1,000,000 (a million simulated years)");
        List<Block.Part> parts = system.parts();
        Predicate<boolean[]> structure = system.structure(parts);
        int m = parts.size();
        checkSize(years, parts.stream().mapToDouble(p -> 2 / (p.mtbfHours() + p.mttrHours())).sum());
        double horizon = years * Theory.HOURS_PER_YEAR;
        ContinuousSampler[] upTime = new ContinuousSampler[m], downTime = new ContinuousSampler[m];
        boolean[] up = new boolean[m];
        double[] next = new double[m];
        for (int i = 0; i < m; i++) {
            UniformRandomProvider rng = Rng.of(seed, i);
            Block.Part p = parts.get(i);
            upTime[i] = AhrensDieterExponentialSampler.of(rng, p.mtbfHours());
            downTime[i] = AhrensDieterExponentialSampler.of(rng, p.mttrHours());
            up[i] = rng.nextDouble() < p.availability();
            next[i] = up[i] ? upTime[i].sample() : downTime[i].sample();
        }
        Downtime down = new Downtime(horizon);
        boolean systemUp = structure.test(up);
        if (recorder != null) for (int i = 0; i < m; i++) recorder.change(0, i, up[i], systemUp);
        double now = 0;
        long outages = 0, events = 0;
        while (true) {
            int i = 0;
            for (int j = 1; j < m; j++) if (next[j] < next[i]) i = j;
            double t = Math.min(next[i], horizon);
            if (!systemUp) down.add(now, t);
            now = t;
            if (now >= horizon) break;
            up[i] = !up[i];
            next[i] = now + (up[i] ? upTime[i].sample() : downTime[i].sample());
            checkInterrupt(++events);
            boolean was = systemUp;
            systemUp = structure.test(up);
            if (was && !systemUp) outages++;
            if (recorder != null) recorder.change(now, i, up[i], systemUp);
        }
        return down.measurement(outages, years, events);
    }

    /** Down time accumulated per batch of the horizon, for the availability and its batch-means standard error. */
    static final class Downtime {
        private final double horizon, batch;
        private final double[] perBatch = new double[BATCHES];

        Downtime(double horizon) {
            this.horizon = horizon;
            this.batch = horizon / BATCHES;
        }

        /** The system was down from {@code t0} to {@code t1}. */
        void add(double t0, double t1) {
            while (t1 > t0) {
                int b = Math.min(BATCHES - 1, (int) (t0 / batch));
                double end = Math.min(t1, b == BATCHES - 1 ? horizon : (b + 1) * batch);
                perBatch[b] += end - t0;
                if (end <= t0) break;
                t0 = end;
            }
        }

        Measurement measurement(long outages, double years, long events) {
            double sum = 0;
            for (double d : perBatch) sum += d;
            double mean = sum / BATCHES / batch;
            double ss = 0;
            for (double d : perBatch) ss += (d / batch - mean) * (d / batch - mean);
            double se = Math.sqrt(ss / (BATCHES - 1) / BATCHES);
            return new Measurement(1 - sum / horizon, se, outages, years, events);
        }
    }
}
