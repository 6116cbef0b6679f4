package sdx.gossip;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import sdx.core.Check;
import sdx.sim.Delay;
import sdx.sim.Simulation;
import sdx.sim.Time;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * SWIM-style probing against all-to-all heartbeats, on the simulator: {@code nodes} nodes, one-way delays
 * uniform in 1..5 ms, each message lost with probability {@code loss}; node {@code n1} crashes at
 * {@link #CRASH_AT}; the run ends at {@link #RUN_FOR}. Measured: how long until some live node declares n1
 * failed, how often live nodes are declared failed (false suspicions), and the messages each node sends.
 */
public final class FailureDetection {
    private FailureDetection() {}

    /** When n1 crashes. */
    public static final long CRASH_AT = Time.s(8);
    /** Length of a run. */
    public static final long RUN_FOR = Time.s(20);
    /** SWIM's protocol period T, ping timeout and indirect probes k. */
    public static final long SWIM_PERIOD = Time.ms(200), SWIM_PING_TIMEOUT = Time.ms(40);
    /** SWIM's indirect probes per failed direct ping. */
    public static final int SWIM_K = 3;
    /** Heartbeat interval and the silence after which a peer is declared failed (3 intervals). */
    public static final long HEARTBEAT_INTERVAL = Time.ms(100), HEARTBEAT_TIMEOUT = Time.ms(300);

    /** The two detectors compared. */
    public enum Detector {
        /** SWIM: ping, then ping-req through k others. */
        SWIM,
        /** Every node heartbeats every other node. */
        HEARTBEAT;

        /** "SWIM (k=3)" or "heartbeat (3 missed)". */
        public String label() {
            return this == SWIM ? "SWIM (T=200 ms, k=3)" : "heartbeat (100 ms, timeout 300 ms)";
        }

        Supplier<FailureDetector> factory() {
            return this == SWIM ? () -> new SwimNode(SWIM_PERIOD, SWIM_PING_TIMEOUT, SWIM_K)
                    : () -> new HeartbeatNode(HEARTBEAT_INTERVAL, HEARTBEAT_TIMEOUT);
        }
    }

    /**
     * One run's figures.
     *
     * @param detector        which detector
     * @param nodes           cluster size
     * @param loss            message loss probability
     * @param detectionMs     ms from n1's crash until a live node declared it failed (NaN if none did)
     * @param falsePerNodeMin declarations about live nodes, per node per minute
     * @param messagesPerNodeS messages sent per node per second
     */
    public record Run(Detector detector, int nodes, double loss, double detectionMs, double falsePerNodeMin,
            double messagesPerNodeS) {}

    /** Runs one detector once. */
    public static Run run(Detector detector, int nodes, double loss, long seed) {
        Check.notNull("detector", detector);
        Check.atLeast("nodes", nodes, 3);
        Check.that(loss >= 0 && loss < 1, "loss", loss, "must be in [0, 1)");
        Simulation sim = Simulation.seeded(seed).tracing(false);
        for (int i = 1; i <= nodes; i++) sim.add("n" + i, detector.factory());
        sim.network().delay(Delay.uniform(Time.ms(1), Time.ms(5))).loss(loss);
        sim.at(CRASH_AT, s -> s.crash("n1"));
        sim.runFor(RUN_FOR);
        double detected = Double.NaN;
        int falseCount = 0;
        for (var e : sim.nodes(FailureDetector.class).entrySet()) {
            for (FailureDetector.Declaration d : e.getValue().declarations()) {
                if (d.peer().equals("n1") && d.time() >= CRASH_AT) {
                    double ms = Time.toMs(d.time() - CRASH_AT);
                    if (Double.isNaN(detected) || ms < detected) detected = ms;
                } else {
                    falseCount++;
                }
            }
        }
        long sent = 0;
        for (String n : sim.nodeNames()) sent += sim.sent(n);
        double seconds = RUN_FOR / 1e6;
        return new Run(detector, nodes, loss, detected, falseCount / (nodes * seconds / 60.0), sent / (nodes * seconds));
    }

    /** Both detectors at each loss rate, averaged over {@code seeds} runs. */
    public static Study compare(int nodes, double[] losses, int seeds, long seed) {
        Check.notNull("losses", losses);
        Check.positive("seeds", seeds);
        List<Run> rows = new ArrayList<>();
        for (Detector d : Detector.values()) {
            for (double loss : losses) {
                double det = 0, fal = 0, msg = 0;
                int detectedRuns = 0;
                for (int i = 0; i < seeds; i++) {
                    Run r = run(d, nodes, loss, seed + i);
                    if (!Double.isNaN(r.detectionMs())) {
                        det += r.detectionMs();
                        detectedRuns++;
                    }
                    fal += r.falsePerNodeMin();
                    msg += r.messagesPerNodeS();
                }
                rows.add(new Run(d, nodes, loss, detectedRuns == 0 ? Double.NaN : det / detectedRuns, fal / seeds, msg / seeds));
            }
        }
        return new Study(nodes, seeds, losses.clone(), rows);
    }

    /**
     * Both detectors over a range of loss rates.
     *
     * @param nodes  cluster size
     * @param seeds  runs per point
     * @param losses the loss rates
     * @param rows   mean figures, SWIM's rows first
     */
    public record Study(int nodes, int seeds, double[] losses, List<Run> rows) {
        /** Copies. */
        public Study {
            losses = losses.clone();
            rows = List.copyOf(rows);
        }

        /** The rows of one detector, in loss order. */
        public List<Run> of(Detector d) {
            return rows.stream().filter(r -> r.detector() == d).toList();
        }

        /** Time to detect the crash vs loss. */
        public Plot detectionPlot() {
            Plot p = Plot.line("Time until the crash is detected (" + nodes + " nodes)", "message loss (%)",
                    "ms after the crash (mean of " + seeds + " runs)");
            for (Detector d : Detector.values()) p.series(d.label(), pct(), of(d).stream().mapToDouble(Run::detectionMs).toArray());
            return p;
        }

        /** False suspicions vs loss. */
        public Plot falsePlot() {
            Plot p = Plot.line("Live nodes declared failed (" + nodes + " nodes)", "message loss (%)",
                    "false declarations per node per minute");
            for (Detector d : Detector.values()) p.series(d.label(), pct(), of(d).stream().mapToDouble(Run::falsePerNodeMin).toArray());
            return p;
        }

        /** Every figure. */
        public Table table() {
            return Table.create("Failure detectors, " + nodes + " nodes, mean of " + seeds + " runs").addColumns(
                    StringColumn.create("detector", rows.stream().map(r -> r.detector().label()).toList()),
                    DoubleColumn.create("loss %", rows.stream().mapToDouble(r -> r.loss() * 100).toArray()),
                    DoubleColumn.create("detection (ms)", rows.stream().mapToDouble(r -> round(r.detectionMs(), 1)).toArray()),
                    DoubleColumn.create("false declarations / node / min", rows.stream().mapToDouble(r -> round(r.falsePerNodeMin(), 2)).toArray()),
                    DoubleColumn.create("messages / node / s", rows.stream().mapToDouble(r -> round(r.messagesPerNodeS(), 1)).toArray()));
        }

        private double[] pct() {
            return java.util.Arrays.stream(losses).map(l -> l * 100).toArray();
        }

        private static double round(double v, int digits) {
            double f = Math.pow(10, digits);
            return Double.isNaN(v) ? v : Math.round(v * f) / f;
        }
    }
}
