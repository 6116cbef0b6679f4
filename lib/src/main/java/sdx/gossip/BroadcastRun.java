package sdx.gossip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdx.core.Check;
import sdx.sim.Clients;
import sdx.sim.Delay;
import sdx.sim.RunReport;
import sdx.sim.Simulation;
import sdx.sim.Time;
import sdx.sim.TraceLog;
import sdx.viz.Picture;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A broadcast run on the simulator, reported the way Maelstrom reports one: {@code nodes} nodes n1..nN
 * running {@link BroadcastNode}, one-way delays log-normal with a median of 5 ms, message loss
 * {@code loss}, two clients each broadcasting a new value every 50 ms for {@code seconds} seconds, and
 * optionally a partition from {@code partitionFrom} to {@code healAt} separating n1, n2 from the rest.
 * Besides the client figures (answered at once, so their latency is one round trip) it measures each
 * value's <em>stable latency</em>: from the client's call until the last node learned the value.
 *
 * @param sim       the simulation after the run (trace, per-node counters)
 * @param report    Maelstrom's figures
 * @param starts    per value: when its client called, µs
 * @param stable    per value: stable latency, µs (-1 if some node never learned it)
 * @param partitionFrom partition start, µs (-1 if none)
 * @param healAt    heal time, µs (-1 if none)
 */
public record BroadcastRun(Simulation sim, RunReport report, long[] starts, long[] stable, long partitionFrom,
        long healAt) {
    /** Retry period of the nodes. */
    public static final long RETRY = Time.ms(100);

    /** Copies. */
    public BroadcastRun {
        starts = starts.clone();
        stable = stable.clone();
    }

    /**
     * What {@link #run(Settings)} simulates, by name.
     *
     * @param nodes         3 to 50
     * @param loss          message loss, in [0, 1)
     * @param seconds       how long the clients broadcast
     * @param partitionFrom when n1, n2 are cut off from the rest, µs (negative: never)
     * @param healAt        when the cut heals, µs (after {@code partitionFrom})
     * @param seed          the simulation's seed
     */
    public record Settings(int nodes, double loss, double seconds, long partitionFrom, long healAt, long seed) {
        /** Validates. */
        public Settings {
            Check.inRange("nodes", nodes, 3, 50);
            Check.that(loss >= 0 && loss < 1, "loss", loss, "must be in [0, 1)");
            Check.positive("seconds", seconds);
            if (partitionFrom >= 0) Check.that(healAt > partitionFrom, "healAt", healAt, "must be after partitionFrom = " + partitionFrom);
        }

        /** Five nodes, 5% loss, three seconds of broadcasts, no partition, the course's default seed. */
        public static Settings defaults() {
            return new Settings(5, 0.05, 3, -1, -1, sdx.core.Rng.DEFAULT_SEED);
        }

        /** These settings with {@code n} nodes. */
        public Settings withNodes(int n) {
            return new Settings(n, loss, seconds, partitionFrom, healAt, seed);
        }

        /** These settings with another loss rate. */
        public Settings withLoss(double rate) {
            return new Settings(nodes, rate, seconds, partitionFrom, healAt, seed);
        }

        /** These settings broadcasting for another duration. */
        public Settings withSeconds(double s) {
            return new Settings(nodes, loss, s, partitionFrom, healAt, seed);
        }

        /** These settings with n1, n2 cut off from the rest from {@code from} until {@code heal} (µs, e.g. {@code Time.s(1)}). */
        public Settings withPartition(long from, long heal) {
            Check.atLeast("from", from, 0L);
            return new Settings(nodes, loss, seconds, from, heal, seed);
        }

        /** These settings with another seed. */
        public Settings withSeed(long s) {
            return new Settings(nodes, loss, seconds, partitionFrom, healAt, s);
        }
    }

    /** Runs the workload the settings name. */
    public static BroadcastRun run(Settings settings) {
        Check.notNull("settings", settings);
        return run(settings.nodes(), settings.loss(), settings.seconds(), settings.partitionFrom(), settings.healAt(),
                settings.seed());
    }

    /** Runs the workload; {@code partitionFrom < 0} means no partition. (Notebooks use {@link #run(Settings)}.) */
    public static BroadcastRun run(int nodes, double loss, double seconds, long partitionFrom, long healAt, long seed) {
        Check.inRange("nodes", nodes, 3, 50);
        Check.that(loss >= 0 && loss < 1, "loss", loss, "must be in [0, 1)");
        Check.positive("seconds", seconds);
        Simulation sim = Simulation.seeded(seed);
        for (int i = 1; i <= nodes; i++) sim.add("n" + i, () -> new BroadcastNode(RETRY));
        sim.network().delay(Delay.logNormal(Time.ms(5), 0.5)).loss(loss);
        if (partitionFrom >= 0) {
            Check.that(healAt > partitionFrom, "healAt", healAt, "must be after partitionFrom = " + partitionFrom);
            Set<String> left = Set.of("n1", "n2");
            Set<String> right = new java.util.HashSet<>();
            for (int i = 3; i <= nodes; i++) right.add("n" + i);
            sim.at(partitionFrom, s -> s.partition(left, right));
            sim.at(healAt, Simulation::heal);
        }
        Clients clients = sim.clients(2, Time.ms(500));
        int perClient = (int) Math.round(seconds * 1000 / 50);
        clients.every(Time.ms(50), perClient, (id, r) ->
                Clients.Call.to("n" + (1 + r.nextInt(nodes)), new BroadcastNode.Broadcast(id, (int) id)));
        sim.runFor(Time.s(seconds) + Time.s(2)); // two more seconds to settle
        Map<String, BroadcastNode> all = sim.nodes(BroadcastNode.class);
        List<Clients.Op> ops = clients.ops();
        long[] starts = new long[ops.size()], stable = new long[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            Clients.Op op = ops.get(i);
            int value = ((BroadcastNode.Broadcast) op.request()).value();
            long last = 0;
            for (BroadcastNode n : all.values()) {
                long t = n.learnedAt(value);
                if (t < 0) {
                    last = -1;
                    break;
                }
                last = Math.max(last, t);
            }
            starts[i] = op.start();
            stable[i] = last < 0 ? -1 : last - op.start();
        }
        return new BroadcastRun(sim, sim.report(), starts, stable, partitionFrom, healAt);
    }

    /** Maelstrom's summary row: operations, messages per operation, client latency percentiles. */
    public Object summary() {
        return report.summary();
    }

    /** Stable-latency percentiles in ms (the time until every node has a value). */
    public Table stableTable() {
        long[] s = Arrays.stream(stable).filter(v -> v >= 0).sorted().toArray();
        long never = Arrays.stream(stable).filter(v -> v < 0).count();
        double[] p = {50, 95, 99, 100};
        String[] names = {"p50", "p95", "p99", "max"};
        double[] ms = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            ms[i] = s.length == 0 ? Double.NaN
                    : Math.round(Time.toMs(s[Math.min(s.length - 1, (int) Math.ceil(p[i] / 100 * s.length) - 1)]) * 10) / 10.0;
        }
        return Table.create("stable latency: call until every node has the value (" + s.length + " values"
                + (never > 0 ? ", " + never + " never reached every node" : "") + ")")
                .addColumns(StringColumn.create("percentile", names), DoubleColumn.create("ms", ms));
    }

    /** Each value's stable latency against the time it was broadcast; the partition shows as a ramp. */
    public Plot stablePlot() {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) if (stable[i] >= 0) pts.add(new double[] {Time.toMs(starts[i]), Time.toMs(stable[i])});
        String title = partitionFrom >= 0
                ? String.format(java.util.Locale.ROOT, "Stable latency; partition %.0f-%.0f ms", Time.toMs(partitionFrom), Time.toMs(healAt))
                : "Stable latency per broadcast value";
        return Plot.line(title, "time of the broadcast (ms)", "until every node has it (ms)")
                .points("value", pts.stream().mapToDouble(a -> a[0]).toArray(), pts.stream().mapToDouble(a -> a[1]).toArray());
    }

    /** The trace between {@code fromMs} and {@code toMs} as a sequence diagram (retry timers hidden). */
    public Picture diagram(double fromMs, double toMs) {
        TraceLog window = sim.trace().between(Time.ms(fromMs), Time.ms(toMs));
        return sdx.sim.SequenceDiagram.of(window).timers(false).draw();
    }
}
