package sdx.queues;

import java.util.Locale;
import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Lag-based alerting on a {@link Backlog} queue: normal traffic with short bursts above the consumer's rate
 * (the backlog jumps, then drains), then a real overload that never ends. An alert fires when the lag
 * (messages in the queue) is above a threshold at a sample (once a second). A good threshold stays silent
 * through the bursts and fires soon after the overload starts; no threshold on lag alone can do both when the
 * bursts are big, which is why real alerts also look at how long the lag has been growing.
 */
public final class Alerting {
    private Alerting() {}

    /**
     * The traffic of one run.
     *
     * @param mu             the consumer's rate, messages per second
     * @param normal         the producer's normal rate
     * @param burst          the rate during a burst
     * @param burstSeconds   how long each burst lasts
     * @param burstEvery     a burst starts every this many seconds, the first at burstEvery / 2
     * @param overload       the rate from {@code overloadAt} on
     * @param overloadAt     when the real overload starts, seconds
     * @param seconds        the run's length
     */
    public record Traffic(double mu, double normal, double burst, double burstSeconds, double burstEvery,
            double overload, double overloadAt, double seconds) {
        public Traffic {
            Check.positive("mu", mu);
            Check.positive("normal", normal);
            Check.positive("burst", burst);
            Check.positive("burstSeconds", burstSeconds);
            Check.that(burstEvery > burstSeconds, "burstEvery", burstEvery, "longer than burstSeconds " + burstSeconds);
            Check.that(overload > mu, "overload", overload, "above mu " + mu + " (a real overload)");
            Check.inRange("overloadAt", overloadAt, 1, seconds - 1);
        }

        /** The default: mu 100/s, normal 70/s, 15 s bursts at 150/s every 2 min, overload 120/s from 600 s. */
        public static Traffic standard() {
            return new Traffic(100, 70, 150, 15, 120, 120, 600, 900);
        }

        /** The producer's rate at time t. */
        public double rate(double t) {
            if (t >= overloadAt) return overload;
            double phase = (t - burstEvery / 2) % burstEvery;
            return t >= burstEvery / 2 && phase < burstSeconds ? burst : normal;
        }
    }

    /** A run's lag, sampled each second. */
    public record Run(Traffic traffic, double[] times, double[] lag) {
        public Run {
            times = times.clone();
            lag = lag.clone();
        }

        @Override public double[] times() { return times.clone(); }
        @Override public double[] lag() { return lag.clone(); }

        /** Alerts that fired before the overload: upward crossings of the threshold (false alarms). */
        public int falseAlarms(double threshold) {
            int count = 0;
            for (int i = 0; i < times.length && times[i] < traffic.overloadAt(); i++) {
                if (lag[i] > threshold && (i == 0 || lag[i - 1] <= threshold)) count++;
            }
            return count;
        }

        /** Seconds from the overload's start to the first sample above the threshold (NaN: never). */
        public double detectionSeconds(double threshold) {
            for (int i = 0; i < times.length; i++) {
                if (times[i] >= traffic.overloadAt() && lag[i] > threshold) return times[i] - traffic.overloadAt();
            }
            return Double.NaN;
        }

        /** One row per threshold: false alarms, time to fire after the overload, and whether it meets both goals. */
        public Table table(double withinSeconds, double... thresholds) {
            Check.positive("withinSeconds", withinSeconds);
            Check.notNull("thresholds", thresholds);
            DoubleColumn th = DoubleColumn.create("threshold (messages)"), fired = DoubleColumn.create("fires after (s)");
            IntColumn fa = IntColumn.create("false alarms");
            StringColumn ok = StringColumn.create("silent in bursts, fires within " + Backlog.fmt(withinSeconds) + " s");
            for (double t : thresholds) {
                th.append(t);
                fa.append(falseAlarms(t));
                double d = detectionSeconds(t);
                if (Double.isNaN(d)) fired.appendMissing();
                else fired.append(d);
                ok.append(falseAlarms(t) == 0 && d <= withinSeconds ? "yes" : "no");
            }
            return Table.create("Lag thresholds: false alarms before the overload, and how soon each fires after it")
                    .addColumns(th, fa, fired, ok);
        }

        /** The lag over time, the fluid model of the overload dashed, and each threshold as a flat line. */
        public Plot plot(double... thresholds) {
            Check.notNull("thresholds", thresholds);
            double t0 = traffic.overloadAt(), end = times[times.length - 1];
            double[] tx = new double[21], ty = new double[21];
            for (int i = 0; i <= 20; i++) {
                tx[i] = t0 + (end - t0) * i / 20;
                ty[i] = Theory.fluidBacklog(traffic.overload(), traffic.mu(), tx[i] - t0);
            }
            Plot p = Plot.line("Consumer lag over time: bursts, then a real overload", "seconds", "lag (messages)")
                    .series("lag (simulated)", times, lag)
                    .theoryOf("lag (simulated)", "overload: (lambda - mu)(t - start)", tx, ty);
            for (double th : thresholds) {
                p.series(String.format(Locale.ROOT, "threshold %s", Backlog.fmt(th)), new double[] {0, end},
                        new double[] {th, th});
            }
            return p;
        }
    }

    /** Runs {@code traffic} on one queue (unbounded), sampling the lag once a second. */
    public static Run run(Traffic traffic, long seed) {
        Check.notNull("traffic", traffic);
        double max = Math.max(traffic.normal(), Math.max(traffic.burst(), traffic.overload()));
        Backlog.Run r = Backlog.simulate(traffic::rate, max, traffic.mu(), Integer.MAX_VALUE, traffic.seconds(), 0, 1,
                seed);
        return new Run(traffic, r.times(), r.backlog());
    }
}
