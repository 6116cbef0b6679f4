package sdx.replication;

import sdx.viz.Plot;
import sdx.viz.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A client writes a key, and {@code gap} after the acknowledgement reads it back from a follower: how
 * often it misses its own write, with a plain follower read and with a session token (read-your-writes).
 *
 * @param gapsMs      time from the acknowledgement to sending the read, ms
 * @param stale       share of plain follower reads that missed the write
 * @param staleWithToken share of reads with the session token that missed it
 * @param forwarded   share of reads with the token that the follower passed to the leader
 * @param theory      P(replication delay > time between the write reaching the leader and the read reaching the follower)
 * @param trials      write-then-read pairs per gap
 */
public record StaleReads(double[] gapsMs, double[] stale, double[] staleWithToken, double[] forwarded, double[] theory,
        int trials) {
    public StaleReads {
        gapsMs = gapsMs.clone();
        stale = stale.clone();
        staleWithToken = staleWithToken.clone();
        forwarded = forwarded.clone();
        theory = theory.clone();
    }

    @Override public double[] gapsMs() { return gapsMs.clone(); }
    @Override public double[] stale() { return stale.clone(); }
    @Override public double[] staleWithToken() { return staleWithToken.clone(); }
    @Override public double[] forwarded() { return forwarded.clone(); }
    @Override public double[] theory() { return theory.clone(); }

    /** Stale share against the gap, with the delay model dashed. */
    public Plot plot() {
        String plain = "read from a follower";
        return Plot.line("Reading your own write from a follower", "read sent this long after the acknowledgement (ms)",
                        "share of reads that miss the write")
                .points(plain, gapsMs, stale)
                .theoryOf(plain, "P(replication delay > gap + 2 ms)", gapsMs, theory)
                .points("with a session token (read-your-writes)", gapsMs, staleWithToken);
    }

    /** The numbers behind the plot. */
    public Tables.HtmlTable table() {
        return Tables.html(Table.create("Stale reads, " + trials + " per gap").addColumns(
                DoubleColumn.create("gap ms", gapsMs), DoubleColumn.create("stale (follower)", r(stale)),
                DoubleColumn.create("theory", r(theory)), DoubleColumn.create("stale (token)", r(staleWithToken)),
                DoubleColumn.create("forwarded to leader", r(forwarded))));
    }

    private static double[] r(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Percentiles.round(v[i], 3);
        return out;
    }
}
