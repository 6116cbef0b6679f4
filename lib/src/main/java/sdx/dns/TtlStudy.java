package sdx.dns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The TTL trade-off over one simulated day. {@code resolvers} recursive resolvers each receive their
 * clients' queries for one name as a Poisson stream ({@code queriesPerHour} each). A resolver with no
 * fresh copy asks the authoritative server and keeps the answer for TTL seconds. Then the record changes
 * at a random moment: a resolver holding a copy keeps serving the old address until its copy expires.
 *
 * <p><b>Theory</b> (renewal argument, derived in notebook 02). A resolver's cycle is one TTL with a copy,
 * then a wait for the next query (exponential, mean 1/λ): load per resolver 1 / (TTL + 1/λ) queries per
 * second. A change lands inside a copy with probability TTL / (TTL + 1/λ), at a uniform point of it, so the
 * mean stale window per resolver is TTL² / (2 (TTL + 1/λ)), about TTL/2 when λ·TTL is large; the worst is TTL.
 *
 * <p>Simulated: the traffic and the caches (virtual seconds, seeded). Each resolver was (re)started with an
 * empty cache at a random moment of the last four cycles (at least four hours) before the day, so resolvers
 * are not in step with one another when the day begins; only queries within the day are counted.
 */
public final class TtlStudy {
    /** Length of the simulated day, seconds. */
    public static final double DAY = 86_400;

    /** One TTL's figures: measured authoritative queries per hour and mean stale window, and their theory. */
    public record Point(double ttl, double authPerHour, double theoryAuthPerHour, double meanStaleS, double theoryStaleS,
                        double maxStaleS) {}

    private final List<Point> points;
    private final int resolvers;
    private final double queriesPerHour;

    private TtlStudy(List<Point> points, int resolvers, double queriesPerHour) {
        this.points = List.copyOf(points);
        this.resolvers = resolvers;
        this.queriesPerHour = queriesPerHour;
    }

    /**
     * Runs the day once per TTL.
     *
     * @param ttlSeconds     the TTLs to try, each > 0
     * @param resolvers      recursive resolvers asking for the name, >= 1
     * @param queriesPerHour each resolver's clients' queries per hour, > 0
     * @param changes        moments (random, across the day) at which the record's change is observed, >= 1
     */
    public static TtlStudy run(double[] ttlSeconds, int resolvers, double queriesPerHour, int changes, long seed) {
        Check.notNull("ttlSeconds", ttlSeconds);
        Check.that(ttlSeconds.length > 0, "ttlSeconds", "[]", "must hold at least one TTL");
        for (double t : ttlSeconds) Check.that(t > 0 && t <= 7 * DAY, "ttlSeconds", t, "must be in (0, 604800] seconds");
        Check.inRange("resolvers", resolvers, 1, 100_000);
        Check.inRange("queriesPerHour", queriesPerHour, 1e-3, 1e5);
        Check.inRange("changes", changes, 1, 10_000);
        double lambda = queriesPerHour / 3600;
        List<Point> points = new ArrayList<>();
        for (int k = 0; k < ttlSeconds.length; k++) {
            UniformRandomProvider rng = Rng.of(seed, k);
            points.add(one(ttlSeconds[k], resolvers, lambda, changes, rng));
        }
        return new TtlStudy(points, resolvers, queriesPerHour);
    }

    /** The notebook's run: TTLs from 10 s to a day, 1,000 resolvers, 20 queries per hour each, 50 changes. */
    public static TtlStudy typical(long seed) {
        return run(new double[] {10, 30, 60, 300, 900, 1800, 3600, 4 * 3600, DAY}, 1000, 20, 50, seed);
    }

    /** Theory: authoritative queries per second from one resolver, 1 / (TTL + 1/λ). */
    public static double theoryLoadPerResolver(double ttl, double lambdaPerSecond) {
        return 1 / (ttl + 1 / lambdaPerSecond);
    }

    /** Theory: mean stale window per resolver after a change, TTL² / (2 (TTL + 1/λ)). */
    public static double theoryMeanStale(double ttl, double lambdaPerSecond) {
        return ttl * ttl / (2 * (ttl + 1 / lambdaPerSecond));
    }

    private static Point one(double ttl, int resolvers, double lambda, int changes, UniformRandomProvider rng) {
        double[] changeAt = new double[changes];
        for (int i = 0; i < changes; i++) changeAt[i] = rng.nextDouble() * DAY;
        Arrays.sort(changeAt);
        double history = 4 * Math.max(ttl + 1 / lambda, 3600);
        long fetches = 0;
        double staleSum = 0, staleMax = 0;
        for (int r = 0; r < resolvers; r++) {
            double t = -history * rng.nextDouble(), expires = Double.NEGATIVE_INFINITY;
            int c = 0;
            while (true) {
                t += -Math.log(1 - rng.nextDouble()) / lambda;
                // changes that fall before this query: stale if a copy is still fresh then
                while (c < changes && changeAt[c] < Math.min(t, DAY)) {
                    double stale = Math.max(0, expires - changeAt[c]);
                    staleSum += stale;
                    staleMax = Math.max(staleMax, stale);
                    c++;
                }
                if (t >= DAY) break;
                if (t >= expires) {
                    expires = t + ttl;
                    if (t >= 0) fetches++;
                }
            }
        }
        double lambdaTotal = resolvers * 3600.0;
        return new Point(ttl, fetches / (DAY / 3600), lambdaTotal * theoryLoadPerResolver(ttl, lambda),
                staleSum / ((double) resolvers * changes), theoryMeanStale(ttl, lambda), staleMax);
    }

    /** The figures per TTL. */
    public List<Point> points() {
        return points;
    }

    /** The authoritative server's load vs TTL, measured and theory (dashed), log-log. */
    public Plot loadPlot() {
        double[] x = col(Point::ttl);
        return Plot.line("Load on the authoritative server (" + resolvers + " resolvers, "
                        + fmt(queriesPerHour) + " queries/h each)", "TTL (s)", "queries per hour")
                .points("measured", x, col(Point::authPerHour))
                .theoryOf("measured", "R / (TTL + 1/λ)", x, col(Point::theoryAuthPerHour))
                .logX().logY();
    }

    /** The mean stale window after a change vs TTL, measured and theory (dashed), log-log. */
    public Plot stalenessPlot() {
        double[] x = col(Point::ttl);
        return Plot.line("How long a resolver serves the old address after a change", "TTL (s)", "mean stale window (s)")
                .points("measured", x, col(Point::meanStaleS))
                .theoryOf("measured", "TTL² / (2 (TTL + 1/λ))", x, col(Point::theoryStaleS))
                .logX().logY();
    }

    /** The figures as a table. */
    public Table table() {
        Table t = Table.create("The TTL trade-off over one simulated day");
        return t.addColumns(DoubleColumn.create("TTL (s)", col(Point::ttl)),
                DoubleColumn.create("authoritative queries/h", round(col(Point::authPerHour))),
                DoubleColumn.create("theory (queries/h)", round(col(Point::theoryAuthPerHour))),
                DoubleColumn.create("mean stale window (s)", round(col(Point::meanStaleS))),
                DoubleColumn.create("theory (s)", round(col(Point::theoryStaleS))),
                DoubleColumn.create("longest stale window (s)", round(col(Point::maxStaleS))));
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 10) / 10.0).toArray();
    }

    private double[] col(java.util.function.ToDoubleFunction<Point> f) {
        return points.stream().mapToDouble(f).toArray();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
