package sdx.dcache;

import java.util.Locale;
import java.util.PriorityQueue;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A cache stampede on one popular key: readers arrive as a Poisson stream, the cached value lives
 * {@link #TTL_SEC}, and loading it from the database takes {@link #RECOMPUTE_SEC}. For each read rate and
 * {@link Protection}: database loads per expiry (an "expiry" is a load that starts while none is running)
 * and readers per expiry that had no value and had to wait for the database. Simulated in virtual time,
 * seeded.
 *
 * @param rates   reads per second
 * @param loads   database loads per expiry, one row per protection (in {@link Protection} order)
 * @param waits   readers per expiry that found no fresh value, one row per protection
 * @param beta    XFetch's β
 * @param expiries expiries simulated per point
 */
public record Stampede(double[] rates, double[][] loads, double[][] waits, double beta, int expiries) {
    /** Lifetime of a cached value, seconds. */
    public static final double TTL_SEC = 1;
    /** Time to load the value from the database, seconds. */
    public static final double RECOMPUTE_SEC = 0.05;

    /** Copies arrays in and out. */
    public Stampede {
        rates = rates.clone();
        loads = new double[][] {loads[0].clone(), loads[1].clone(), loads[2].clone()};
        waits = new double[][] {waits[0].clone(), waits[1].clone(), waits[2].clone()};
    }

    static Stampede run(double[] rates, double beta, int expiries, long seed) {
        Check.notNull("rates", rates);
        Check.that(rates.length > 0, "rates", "[]", "must list at least one read rate");
        for (double r : rates) Check.inRange("rate", r, 0.1, 10_000.0);
        Check.inRange("beta", beta, 0.01, 100.0);
        Check.inRange("expiries", expiries, 1, 10_000);
        Protection[] all = Protection.values();
        double[][] loads = new double[all.length][rates.length];
        double[][] waits = new double[all.length][rates.length];
        for (int p = 0; p < all.length; p++) {
            for (int i = 0; i < rates.length; i++) {
                double[] r = simulate(all[p], rates[i], beta, expiries, seed + i);
                loads[p][i] = r[0];
                waits[p][i] = r[1];
            }
        }
        return new Stampede(rates, loads, waits, beta, expiries);
    }

    /** {loads per expiry, waits per expiry} for one protection and read rate. */
    static double[] simulate(Protection protection, double rate, double beta, int expiries, long seed) {
        UniformRandomProvider rng = Rng.of(seed, 144);
        PriorityQueue<Double> inFlight = new PriorityQueue<>(); // finish times of running loads
        double expiry = 0; // the value is fresh while t < expiry; none at the start
        double t = 0;
        long loads = 0, episodes = 0, waits = 0;
        while (episodes < expiries || !inFlight.isEmpty()) {
            t += -Math.log(1 - rng.nextDouble()) / rate;
            while (!inFlight.isEmpty() && inFlight.peek() <= t) expiry = inFlight.poll() + TTL_SEC; // a load's set
            if (episodes >= expiries) continue; // let the last loads finish
            if (t < expiry) {
                if (protection == Protection.EARLY_EXPIRATION
                        && t - RECOMPUTE_SEC * beta * Math.log(1 - rng.nextDouble()) >= expiry) {
                    if (inFlight.isEmpty()) episodes++;
                    loads++;
                    inFlight.add(t + RECOMPUTE_SEC);
                }
                continue; // served from the cache (an early recompute runs in the background)
            }
            waits++;
            if (protection == Protection.SINGLE_FLIGHT && !inFlight.isEmpty()) continue; // waits for the running load
            if (inFlight.isEmpty()) episodes++;
            loads++;
            inFlight.add(t + RECOMPUTE_SEC);
        }
        return new double[] {(double) loads / episodes, (double) waits / episodes};
    }

    /** Requests arriving during one recompute, λ·δ, per rate. */
    public double[] arrivalsPerRecompute() {
        double[] x = new double[rates.length];
        for (int i = 0; i < x.length; i++) x[i] = rates[i] * RECOMPUTE_SEC;
        return x;
    }

    /** Measured loads per expiry of one protection. */
    public double[] loads(Protection p) {
        return loads[p.ordinal()].clone();
    }

    /** Measured waiting readers per expiry of one protection. */
    public double[] waits(Protection p) {
        return waits[p.ordinal()].clone();
    }

    /** {@code 1 + λδ} per rate: loads per expiry without protection. */
    public double[] theoryNone() {
        double[] t = new double[rates.length];
        for (int i = 0; i < t.length; i++) t[i] = Theory.stampedeLoads(rates[i], RECOMPUTE_SEC);
        return t;
    }

    /** Loads per expiry against λδ (log-log): measured per protection, 1 + λδ and 1 dashed. */
    public Plot plot() {
        double[] x = arrivalsPerRecompute();
        double[] one = new double[x.length];
        java.util.Arrays.fill(one, 1);
        Plot p = Plot.line(String.format(Locale.ROOT, "Database loads per expiry (TTL %.0f s, load takes %.0f ms, β = %.1f)",
                TTL_SEC, RECOMPUTE_SEC * 1000, beta), "reads arriving during one load, λ·δ", "database loads per expiry");
        for (Protection pr : Protection.values()) p.points(pr.label(), x, loads[pr.ordinal()]);
        return p.theoryOf(Protection.NONE.label(), "no protection: 1 + λδ", x, theoryNone())
                .theoryOf(Protection.SINGLE_FLIGHT.label(), "single flight: 1", x, one)
                .logX().logY();
    }

    /** One row per read rate: loads and waiting readers per expiry for each protection. */
    public Table table() {
        Table t = Table.create(String.format(Locale.ROOT, "Per expiry, mean over %d expiries", expiries));
        t.addColumns(DoubleColumn.create("reads/s", rates), DoubleColumn.create("λ·δ", arrivalsPerRecompute()),
                DoubleColumn.create("1 + λδ", KeyMoves.r(theoryNone())));
        for (Protection p : Protection.values()) {
            t.addColumns(DoubleColumn.create("loads, " + p.label(), KeyMoves.r(loads[p.ordinal()])),
                    DoubleColumn.create("waits, " + p.label(), KeyMoves.r(waits[p.ordinal()])));
        }
        return t;
    }
}
