package sdx.availability;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import sdx.core.Check;
import sdx.core.Rng;

/**
 * An active–passive pair (a primary and a standby) whose failover is not instant. The two servers fail and
 * are repaired independently (exponential, mean MTBF and MTTR). The pair serves while its active server is
 * up. When the active server fails and the standby is up, the pair is down for {@code failoverHours}
 * (detecting the failure, then promoting the standby); then the standby, if still up, becomes active (or the
 * failed server, if it came back meanwhile). When both are down, the first one repaired takes over at once.
 * A standby that fails costs nothing. Virtual time, event-driven, seeded.
 *
 * <p>Theory: {@link Theory#failoverPairUnavailability}.
 */
final class FailoverPair {
    private FailoverPair() {}

    static Measurement run(double mtbfHours, double mttrHours, double failoverHours, double years, long seed) {
        Check.positive("mtbfHours", mtbfHours);
        Check.positive("mttrHours", mttrHours);
        Check.atLeast("failoverHours", failoverHours, 0);
        Check.that(failoverHours < mtbfHours, "failoverHours", failoverHours, "must be < mtbfHours = " + mtbfHours);
        Check.positive("years", years);
        Check.that(years <= 1e6, "years", years, "must be <= 1,000,000 (a million simulated years)");
        double a = Theory.availability(mtbfHours, mttrHours);
        FailureSimulation.checkSize(years, 4 / (mtbfHours + mttrHours));
        double horizon = years * Theory.HOURS_PER_YEAR;
        ContinuousSampler[] upTime = new ContinuousSampler[2], downTime = new ContinuousSampler[2];
        boolean[] up = new boolean[2];
        double[] next = new double[2];
        for (int i = 0; i < 2; i++) {
            UniformRandomProvider rng = Rng.of(seed, i);
            upTime[i] = AhrensDieterExponentialSampler.of(rng, mtbfHours);
            downTime[i] = AhrensDieterExponentialSampler.of(rng, mttrHours);
            up[i] = rng.nextDouble() < a;
            next[i] = up[i] ? upTime[i].sample() : downTime[i].sample();
        }
        int active = up[0] ? 0 : up[1] ? 1 : -1;
        double failoverEnds = Double.POSITIVE_INFINITY; // when a failover in progress completes
        int standby = -1;                               // the server that failover promotes
        FailureSimulation.Downtime down = new FailureSimulation.Downtime(horizon);
        double now = 0;
        long outages = 0, events = 0;
        boolean serving = active >= 0;
        while (true) {
            int i = next[0] <= next[1] ? 0 : 1;
            double t = Math.min(Math.min(next[i], failoverEnds), horizon);
            if (!serving) down.add(now, t);
            now = t;
            if (now >= horizon) break;
            if (failoverEnds <= next[i]) {          // a failover completes
                failoverEnds = Double.POSITIVE_INFINITY;
                active = up[standby] ? standby : up[1 - standby] ? 1 - standby : -1;
            } else {                                 // a server fails or is repaired
                up[i] = !up[i];
                next[i] = now + (up[i] ? upTime[i].sample() : downTime[i].sample());
                FailureSimulation.checkInterrupt(++events);
                boolean failingOver = failoverEnds < Double.POSITIVE_INFINITY;
                if (!up[i] && i == active) {
                    active = -1;
                    if (up[1 - i]) {
                        standby = 1 - i;
                        failoverEnds = now + failoverHours;
                    }
                } else if (up[i] && active < 0 && !failingOver) {
                    active = i;                      // both were down: the first repaired takes over
                }
            }
            boolean was = serving;
            serving = active >= 0 && up[active] && failoverEnds == Double.POSITIVE_INFINITY;
            if (was && !serving) outages++;
        }
        return down.measurement(outages, years, events);
    }
}
