package sdx.capstone;

import sdx.viz.Plot;

/**
 * How often a shard has at least one live copy, for 1 to n copies per shard, measured over many simulated
 * shard-days of independent node crashes (no zone outage), beside 1 - (1 - a)^r. A replica count whose
 * shards were never all down in the run is left out of the log-scale chart (0 cannot be drawn).
 *
 * @param nodeAvailability a, each node's own availability
 * @param replicas         1, 2, ..., n
 * @param measured         share of time with a live copy, per replica count
 * @param theory           1 - (1 - a)^r per replica count
 * @param shardDays        shard-days simulated per replica count
 */
public record ReplicaSweep(double nodeAvailability, double[] replicas, double[] measured, double[] theory, int shardDays) {
    public ReplicaSweep {
        replicas = replicas.clone();
        measured = measured.clone();
        theory = theory.clone();
    }

    @Override public double[] replicas() { return replicas.clone(); }
    @Override public double[] measured() { return measured.clone(); }
    @Override public double[] theory() { return theory.clone(); }

    /** Unavailability (1 - availability) per replica count on a log scale, measured and theory (dashed). */
    public Plot plot() {
        java.util.List<Integer> seen = new java.util.ArrayList<>();     // log scale: a share of 0 cannot be drawn
        for (int i = 0; i < measured.length; i++) if (measured[i] < 1) seen.add(i);
        double[] x = seen.stream().mapToDouble(i -> replicas[i]).toArray();
        double[] m = seen.stream().mapToDouble(i -> 1 - measured[i]).toArray();
        double[] t = new double[theory.length];
        for (int i = 0; i < t.length; i++) t[i] = 1 - theory[i];
        return Plot.line("A shard with no live copy: time share vs copies", "copies per shard (r)",
                        "time with no live copy (log scale)").logY()
                .series("measured", x, m).theoryOf("measured", "(1 - a)^r", replicas, t);
    }
}
