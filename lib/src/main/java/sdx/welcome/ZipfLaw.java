package sdx.welcome;

import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;
import sdx.core.Trace;
import sdx.core.Workloads;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * How popular each key is: measured request shares of the most requested keys beside Zipf's law,
 * the first chart of the course (welcome notebook). (Named apart from {@code sdx.cache.Popularity},
 * the workload record, so a cell may import both packages.)
 */
public final class ZipfLaw {
    private ZipfLaw() {}

    /** Ranks shown: the top 100 keys (or all, if fewer). */
    public static final int RANKS = 100;

    /**
     * Measured share of requests of the top keys for each skew, with Zipf's law dashed beside it,
     * on log-log axes where Zipf(s) is a straight line of slope -s.
     */
    public static Plot chart(int keySpace, double[] skews, int length, long seed) {
        Check.notNull("skews", skews);
        Check.that(skews.length > 0, "skews", "[]", "must not be empty");
        int ranks = Math.min(RANKS, Check.positive("keySpace", keySpace));
        double[] rank = new double[ranks];
        for (int r = 0; r < ranks; r++) rank[r] = r + 1;
        Plot plot = Plot.line("Share of requests by popularity rank", "rank of key (1 = most requested)",
                "share of requests").logX().logY();
        for (double s : skews) {
            Trace t = Workloads.zipf(keySpace, s, length, seed);
            long[] counts = t.counts();
            double[] p = Workloads.zipfProbabilities(keySpace, s);
            double[] measured = new double[ranks], theory = new double[ranks];
            for (int r = 0; r < ranks; r++) {
                measured[r] = Math.max(counts[r], 0.5) / length; // 0.5: keep unseen keys on a log axis
                theory[r] = p[r];
            }
            plot.points("s=" + s + " measured", rank, measured).theoryOf("s=" + s + " measured", "s=" + s + " Zipf", rank, theory);
        }
        return plot;
    }

    /** Share of all requests taken by the top 1, 10 and 100 keys, measured, one row per skew. */
    public static Table table(int keySpace, double[] skews, int length, long seed) {
        Check.notNull("skews", skews);
        Check.positive("keySpace", keySpace);
        List<Double> skewCol = new ArrayList<>();
        DoubleColumn top1 = DoubleColumn.create("top 1 key"), top10 = DoubleColumn.create("top 10 keys"),
                top100 = DoubleColumn.create("top 100 keys");
        for (double s : skews) {
            long[] c = Workloads.zipf(keySpace, s, length, seed).counts();
            skewCol.add(s);
            top1.append(share(c, 1, length));
            top10.append(share(c, 10, length));
            top100.append(share(c, 100, length));
        }
        return Table.create("share of requests (" + keySpace + " keys, " + length + " requests)")
                .addColumns(DoubleColumn.create("skew s", skewCol), top1, top10, top100);
    }

    private static double share(long[] counts, int top, int length) {
        long sum = 0;
        for (int k = 0; k < Math.min(top, counts.length); k++) sum += counts[k];
        return Math.round(sum * 1000.0 / length) / 1000.0;
    }
}
