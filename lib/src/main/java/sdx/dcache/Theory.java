package sdx.dcache;

import sdx.core.Check;

/** The closed forms notebook 14 draws beside its measurements, each with where it comes from. */
public final class Theory {
    private Theory() {}

    /**
     * Share of keys that change owner when a consistent-hash ring grows from {@code n - 1} to {@code n}
     * nodes, or shrinks from {@code n} to {@code n - 1}: the arcs of one node out of {@code n}, {@code 1/n}
     * on average (Karger et al., STOC 1997).
     */
    public static double movedConsistent(int n) {
        Check.atLeast("n", n, 2);
        return 1.0 / n;
    }

    /**
     * Share of keys that change owner under {@code hash mod n} when the cluster goes from {@code n - 1} to
     * {@code n} nodes: a key stays only when {@code h mod (n-1) == h mod n}, which holds for {@code n - 1}
     * residues out of every {@code n(n-1)}, so {@code 1 - 1/n} move.
     */
    public static double movedModulo(int n) {
        Check.atLeast("n", n, 2);
        return 1.0 - 1.0 / n;
    }

    /**
     * Reads per second that reach the cache cluster for one key read at {@code ratePerSec} in total,
     * spread evenly over {@code appServers} servers, each with a near-cache entry that lives {@code ttlSec}
     * after it is fetched. Per server, Poisson reads at {@code λ = rate/servers}: a cycle is one fetch, then
     * {@code ttl} of local hits, then the wait for the next read ({@code 1/λ} on average), so each server
     * fetches {@code λ / (1 + λ·ttl)} times per second (renewal-reward theorem).
     */
    public static double nearCacheFetchRate(double ratePerSec, int appServers, double ttlSec) {
        Check.atLeast("ratePerSec", ratePerSec, 0.0);
        Check.positive("appServers", appServers);
        Check.atLeast("ttlSec", ttlSec, 0.0);
        double lambda = ratePerSec / appServers;
        return appServers * lambda / (1 + lambda * ttlSec);
    }

    /**
     * Database loads per expiry of one key without protection: the first reader after expiry starts a load
     * that takes {@code recomputeSec}; every reader arriving before it finishes misses too and starts its own.
     * With Poisson arrivals that is {@code 1 + λ·δ} loads.
     */
    public static double stampedeLoads(double ratePerSec, double recomputeSec) {
        Check.atLeast("ratePerSec", ratePerSec, 0.0);
        Check.atLeast("recomputeSec", recomputeSec, 0.0);
        return 1 + ratePerSec * recomputeSec;
    }
}
