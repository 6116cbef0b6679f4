package sdx.capstone;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;

/**
 * One node's crashes over a stretch of time: alternating up and down periods, each exponential (mean time
 * between failures, mean time to repair), started in the stationary state (down with probability 1 - a), so
 * the node is up a fraction a of the time on average: a = MTBF / (MTBF + MTTR). Each node draws from its own
 * random stream, so adding a node never changes another node's crashes.
 */
final class NodeFailures {
    private final double[] downStart, downEnd;     // sorted, disjoint

    private NodeFailures(double[] downStart, double[] downEnd) {
        this.downStart = downStart;
        this.downEnd = downEnd;
    }

    /** Crashes of a node with availability {@code a} and mean repair {@code repairSeconds} over [0, horizon). */
    static NodeFailures of(double a, double repairSeconds, double horizon, long seed, long stream) {
        Check.inRange("a", a, 0.0, 1.0);
        Check.positive("repairSeconds", repairSeconds);
        Check.positive("horizon", horizon);
        if (a >= 1) return new NodeFailures(new double[0], new double[0]);
        UniformRandomProvider rng = Rng.of(seed, stream);
        double upMean = repairSeconds * a / (1 - a);
        double[] starts = new double[16], ends = new double[16];
        int n = 0;
        boolean up = rng.nextDouble() < a;
        double t = 0;
        while (t < horizon) {
            double length = -Math.log(1 - rng.nextDouble()) * (up ? upMean : repairSeconds);
            if (!up) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * n);
                    ends = Arrays.copyOf(ends, 2 * n);
                }
                starts[n] = t;
                ends[n++] = Math.min(horizon, t + length);
            }
            t += length;
            up = !up;
        }
        return new NodeFailures(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** Whether the node is up at time t. */
    boolean up(double t) {
        return downSince(t) < 0;
    }

    /** When the node's current down period began, or -1 if it is up at time t. */
    double downSince(double t) {
        int i = Arrays.binarySearch(downStart, t);
        if (i < 0) i = -i - 2;
        return i >= 0 && t < downEnd[i] ? downStart[i] : -1;
    }

    /** Seconds up in [0, horizon). */
    double upSeconds(double horizon) {
        double down = 0;
        for (int i = 0; i < downStart.length; i++) down += Math.max(0, Math.min(horizon, downEnd[i]) - downStart[i]);
        return horizon - down;
    }

    /** Down periods as [start, end) pairs: starts. */
    double[] downStarts() {
        return downStart.clone();
    }

    /** Down periods as [start, end) pairs: ends. */
    double[] downEnds() {
        return downEnd.clone();
    }
}
