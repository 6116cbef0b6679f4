package sdx.cache;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * How fresh cached data is when the store changes behind the cache's back. Reads arrive as a Poisson
 * stream (rate {@code readsPerSecond}, keys by a Zipf {@link Popularity}); another writer updates the
 * store directly, each key independently at rate {@code updatesPerKeyPerSecond}. The cache has room
 * for every key; an entry expires {@code ttl} seconds after it was fetched. A hit on an entry older
 * than the store's current version is a <em>stale read</em>. Three ways to keep entries fresh:
 * <ul>
 *   <li>{@link Mode#TTL}: expiry only. Theory (a renewal argument, per key with read rate r and update
 *       rate u): hits {@code rT/(1+rT)}, stale reads {@code r(T - (1 - e^(-uT))/u) / (1 + rT)}.</li>
 *   <li>{@link Mode#INVALIDATE}: every update also deletes the cached entry, so no read is stale; an
 *       entry lives until {@code min(T, next update)}: hits {@code a/(1+a)} with
 *       {@code a = r(1 - e^(-uT))/u}.</li>
 *   <li>{@link Mode#REFRESH_AHEAD}: a hit on an entry older than {@link #REFRESH_AT} of its TTL also
 *       re-reads it from the store in the background (the reader does not wait), restarting its TTL.
 *       No closed form is drawn for it.</li>
 * </ul>
 * The first quarter of the simulated time is warm-up and is not counted. Time is simulated.
 *
 * @param popularity the read popularity
 * @param readsPerSecond total read rate
 * @param updatesPerKeyPerSecond update rate of each key
 * @param ttls       TTLs in seconds
 * @param hit        measured hit ratio per mode (rows in {@link Mode} order), per TTL
 * @param stale      measured share of all reads that returned stale data, per mode, per TTL
 * @param hitTheory   theory for TTL and INVALIDATE (REFRESH_AHEAD row NaN)
 * @param staleTheory theory for TTL and INVALIDATE (REFRESH_AHEAD row NaN)
 */
public record Freshness(Popularity popularity, double readsPerSecond, double updatesPerKeyPerSecond, double[] ttls,
                        double[][] hit, double[][] stale, double[][] hitTheory, double[][] staleTheory) {

    /** Share of the TTL after which a hit triggers a background refresh in {@link Mode#REFRESH_AHEAD}. */
    public static final double REFRESH_AT = 0.5;

    /** How the cache keeps entries fresh. */
    public enum Mode {
        /** Expiry after the TTL only. */
        TTL,
        /** TTL, and every update deletes the cached copy. */
        INVALIDATE,
        /** TTL, and late hits refresh the entry in the background. */
        REFRESH_AHEAD;

        String label() {
            return switch (this) {
                case TTL -> "TTL only";
                case INVALIDATE -> "TTL + invalidate on update";
                case REFRESH_AHEAD -> "TTL + refresh-ahead";
            };
        }
    }

    /** Copies the arrays. */
    public Freshness {
        ttls = ttls.clone();
        hit = deep(hit);
        stale = deep(stale);
        hitTheory = deep(hitTheory);
        staleTheory = deep(staleTheory);
    }

    /**
     * Simulates {@code reads} reads for each TTL and mode.
     *
     * @param reads number of reads simulated per TTL and mode, at least 1,000
     */
    public static Freshness run(Popularity popularity, double readsPerSecond, double updatesPerKeyPerSecond,
                                double[] ttls, int reads, long seed) {
        Check.notNull("popularity", popularity);
        Check.positive("readsPerSecond", readsPerSecond);
        Check.positive("updatesPerKeyPerSecond", updatesPerKeyPerSecond);
        Check.notNull("ttls", ttls);
        Check.that(ttls.length > 0, "ttls", "[]", "must not be empty");
        for (double t : ttls) Check.positive("ttls[i]", t);
        Check.atLeast("reads", reads, 1_000);
        Mode[] modes = Mode.values();
        double[][] hit = new double[modes.length][ttls.length], stale = new double[modes.length][ttls.length];
        for (Mode mode : modes) {
            for (int i = 0; i < ttls.length; i++) {
                double[] hs = simulate(popularity, readsPerSecond, updatesPerKeyPerSecond, ttls[i], mode, reads, seed);
                hit[mode.ordinal()][i] = hs[0];
                stale[mode.ordinal()][i] = hs[1];
            }
        }
        double[][] ht = new double[modes.length][ttls.length], st = new double[modes.length][ttls.length];
        double[] p = popularity.probabilities();
        for (int i = 0; i < ttls.length; i++) {
            double[] ttl = theory(p, readsPerSecond, updatesPerKeyPerSecond, ttls[i]);
            ht[0][i] = ttl[0];
            st[0][i] = ttl[1];
            ht[1][i] = ttl[2];
            st[1][i] = 0;
            ht[2][i] = Double.NaN;
            st[2][i] = Double.NaN;
        }
        return new Freshness(popularity, readsPerSecond, updatesPerKeyPerSecond, ttls, hit, stale, ht, st);
    }

    /** {hit ratio, stale share} for TTL only, and the hit ratio with invalidation, from the renewal argument. */
    static double[] theory(double[] p, double readsPerSecond, double u, double ttl) {
        double hits = 0, stale = 0, hitsInvalidate = 0;
        for (double pk : p) {
            double r = readsPerSecond * pk;
            if (r == 0) continue;
            double life = -Math.expm1(-u * ttl) / u; // E[min(T, Exp(u))]
            hits += pk * r * ttl / (1 + r * ttl);
            stale += pk * r * (ttl - life) / (1 + r * ttl);
            hitsInvalidate += pk * r * life / (1 + r * life);
        }
        return new double[] {hits, stale, hitsInvalidate};
    }

    private static double[] simulate(Popularity popularity, double readRate, double u, double ttl, Mode mode,
                                     int reads, long seed) {
        int n = popularity.keySpace();
        UniformRandomProvider readRng = Rng.of(seed, 1), writeRng = Rng.of(seed, 2);
        var zipf = popularity.skew() == 0 ? null : RejectionInversionZipfSampler.of(readRng, n, popularity.skew());
        double updateRate = u * n;
        double[] fetchedAt = new double[n];
        Arrays.fill(fetchedAt, Double.NEGATIVE_INFINITY);
        long[] storeVersion = new long[n], cachedVersion = new long[n];
        double nextRead = exp(readRng, readRate), nextUpdate = exp(writeRng, updateRate);
        int warmup = reads / 4;
        long hits = 0, stale = 0;
        for (int done = 0; done < warmup + reads; ) {
            if (nextUpdate < nextRead) {
                int k = writeRng.nextInt(n);
                storeVersion[k]++;
                if (mode == Mode.INVALIDATE) fetchedAt[k] = Double.NEGATIVE_INFINITY;
                nextUpdate += exp(writeRng, updateRate);
                continue;
            }
            double now = nextRead;
            int k = zipf == null ? readRng.nextInt(n) : zipf.sample() - 1;
            boolean counted = done >= warmup;
            double age = now - fetchedAt[k];
            if (age < ttl) {
                if (counted) {
                    hits++;
                    if (cachedVersion[k] != storeVersion[k]) stale++;
                }
                if (mode == Mode.REFRESH_AHEAD && age >= REFRESH_AT * ttl) {
                    fetchedAt[k] = now;
                    cachedVersion[k] = storeVersion[k];
                }
            } else {
                fetchedAt[k] = now;
                cachedVersion[k] = storeVersion[k];
            }
            done++;
            nextRead += exp(readRng, readRate);
        }
        return new double[] {hits / (double) reads, stale / (double) reads};
    }

    private static double exp(UniformRandomProvider rng, double rate) {
        return -Math.log1p(-rng.nextDouble()) / rate;
    }

    /** Hit ratio (left) and stale-read share per mode vs TTL, log x; theory dashed. */
    public Plot plot() {
        Plot plot = Plot.line(String.format(Locale.ROOT, "Hits and stale reads vs TTL (%.0f reads/s; updates every %.0f s per key)",
                        readsPerSecond, 1 / updatesPerKeyPerSecond), "TTL (s, log)", "share of reads");
        for (Mode m : Mode.values()) {
            plot.series("hits, " + m.label(), ttls, hit[m.ordinal()]);
            if (m != Mode.INVALIDATE) plot.points("stale reads, " + m.label(), ttls, stale[m.ordinal()]);
        }
        plot.theory("hits, TTL only, theory", ttls, hitTheory[0]);
        plot.theory("hits, invalidate, theory", ttls, hitTheory[1]);
        plot.theory("stale reads, TTL only, theory", ttls, staleTheory[0]);
        return plot.logX().yRange(0, 1);
    }

    /** One row per TTL: hit ratio and stale share per mode, theory beside. */
    public Table table() {
        Table t = Table.create(String.format(Locale.ROOT, "Hit ratio and share of stale reads per TTL (%s; %.0f reads/s; each key updated every %.0f s on average)",
                popularity.label(), readsPerSecond, 1 / updatesPerKeyPerSecond));
        t.addColumns(DoubleColumn.create("TTL s", ttls));
        for (Mode m : Mode.values()) {
            t.addColumns(DoubleColumn.create("hits, " + m.label(), r(hit[m.ordinal()])),
                    DoubleColumn.create("stale, " + m.label(), r(stale[m.ordinal()])));
        }
        t.addColumns(DoubleColumn.create("hits, TTL theory", r(hitTheory[0])),
                DoubleColumn.create("stale, TTL theory", r(staleTheory[0])),
                DoubleColumn.create("hits, invalidate theory", r(hitTheory[1])));
        return t;
    }

    private static double[] r(double[] v) {
        return Arrays.stream(v).map(HitRatioCurve::round).toArray();
    }

    private static double[][] deep(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
