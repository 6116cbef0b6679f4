package sdx.sharding;

import java.util.Arrays;
import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Adding one node to a cluster of fixed partitions, for several cluster sizes: the share of keys that
 * move (theory 1/(N+1), up to rounding of whole partitions) and the balance afterwards (the busiest
 * node holds {@code ceil(P/(N+1))} partitions, so its key share over the mean is
 * {@code ceil(P/(N+1)) / (P/(N+1))} up to hashing noise).
 *
 * @param partitions  P
 * @param nodes       N before the new node, per point
 * @param moved       measured share of keys that moved
 * @param movedTheory {@code floor(P/(N+1)) / P}: the partitions the newcomer takes
 * @param imbalance   measured busiest node's keys over the mean, after
 * @param imbalanceTheory {@code ceil(P/(N+1)) / (P/(N+1))}
 * @param keys        keys counted
 */
public record Rebalancing(int partitions, int[] nodes, double[] moved, double[] movedTheory, double[] imbalance,
                          double[] imbalanceTheory, int keys) {

    /** Copies the arrays. */
    public Rebalancing {
        nodes = nodes.clone();
        moved = moved.clone();
        movedTheory = movedTheory.clone();
        imbalance = imbalance.clone();
        imbalanceTheory = imbalanceTheory.clone();
    }

    /**
     * @param partitions P, at least the largest N + 1
     * @param nodes      cluster sizes N before adding one, each at least 1
     * @param keys       keys {@code 0..keys-1} counted, at least 1,000
     */
    public static Rebalancing run(int partitions, int[] nodes, int keys) {
        Check.notEmpty("nodes", nodes);
        Check.atLeast("keys", keys, 1_000);
        int m = nodes.length;
        double[] moved = new double[m], movedTheory = new double[m], imb = new double[m], imbTheory = new double[m];
        for (int i = 0; i < m; i++) {
            int n = Check.positive("nodes[" + i + "]", nodes[i]);
            Check.that(partitions >= n + 1, "partitions", partitions, "must be at least nodes + 1 = " + (n + 1));
            FixedPartitions before = FixedPartitions.of(partitions, n), after = before.withNode();
            moved[i] = KeyMovement.movedFraction(before, after, keys);
            movedTheory[i] = (partitions / (n + 1)) / (double) partitions;
            long[] load = new long[n + 1];
            for (int k = 0; k < keys; k++) load[after.shardOf(k)]++;
            imb[i] = Arrays.stream(load).max().orElse(0) / (keys / (double) (n + 1));
            int most = Arrays.stream(after.partitionsPerNode()).max().orElse(0);
            imbTheory[i] = most / (partitions / (double) (n + 1));
        }
        return new Rebalancing(partitions, nodes, moved, movedTheory, imb, imbTheory, keys);
    }

    /** Moved share and busiest-over-mean vs N, theory dashed. */
    public Plot plot() {
        double[] x = Arrays.stream(nodes).asDoubleStream().toArray();
        return Plot.line(partitions + " fixed partitions: adding node N+1", "nodes N before adding one", "share / ratio")
                .points("keys moved", x, moved)
                .theory("keys moved, theory", x, movedTheory)
                .points("busiest node / mean - 1, after", x, Arrays.stream(imbalance).map(v -> v - 1).toArray())
                .theory("granularity: ceil(P/(N+1)) / (P/(N+1)) - 1", x, Arrays.stream(imbalanceTheory).map(v -> v - 1).toArray());
    }

    /** One row per N. */
    public Table table() {
        Table t = Table.create("Adding a node to " + partitions + " fixed partitions (" + keys + " keys)");
        return t.addColumns(IntColumn.create("N before", nodes),
                DoubleColumn.create("keys moved", round(moved)), DoubleColumn.create("theory floor(P/(N+1))/P", round(movedTheory)),
                DoubleColumn.create("busiest/mean after", round(imbalance)),
                DoubleColumn.create("theory ceil(P/(N+1))/(P/(N+1))", round(imbalanceTheory)));
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(ShardLoad::round).toArray();
    }
}
