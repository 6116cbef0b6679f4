package sdx.cdn;

import sdx.core.Check;
import sdx.core.Roots;

/** Closed forms the CDN notebook draws beside its measurements. */
public final class Theory {
    private Theory() {}

    /**
     * Che's approximation of an LRU cache's hit ratio under independent requests with popularity {@code p}: find
     * the characteristic time {@code T} with {@code Σ (1 - e^(-p_k T)) = capacity}; then the hit ratio is
     * {@code Σ p_k (1 - e^(-p_k T))}. H. Che, Y. Tung, Z. Wang, IEEE JSAC 2002; C. Fricker, P. Robert, J. Roberts,
     * ITC 2012 (why it is accurate). It does not depend on the request rate, so every PoP with the same popularity
     * has the same hit ratio.
     */
    public static double lruHitRatio(double[] p, int capacity) {
        Check.notNull("p", p);
        Check.positive("capacity", capacity);
        if (capacity >= p.length) return 1;
        double t = Roots.bisectUpward(x -> occupancy(p, x), capacity, 1);
        double h = 0;
        for (double pk : p) h += pk * (1 - Math.exp(-pk * t));
        return h;
    }

    private static double occupancy(double[] p, double t) {
        double s = 0;
        for (double pk : p) s += 1 - Math.exp(-pk * t);
        return s;
    }

    /**
     * Hit ratio of one object at one TTL cache (expiry {@code ttl} after the copy is fetched, room for everything),
     * requests a Poisson stream of rate {@code rate}: {@code λT / (1 + λT)}. Each miss starts a TTL period in which
     * λT requests hit on average. J. Jung, A. Berger, H. Balakrishnan, <i>Modeling TTL-based Internet caches</i>,
     * INFOCOM 2003; N. C. Fofack, P. Nain, G. Neglia, D. Towsley, <i>Performance evaluation of hierarchical TTL-based
     * cache networks</i>, Computer Networks 2014.
     */
    public static double ttlHitRatio(double rate, double ttl) {
        Check.atLeast("rate", rate, 0.0);
        Check.that(ttl > 0, "ttl", ttl, "must be > 0");
        if (Double.isInfinite(ttl)) return rate > 0 ? 1 : 0;
        return rate * ttl / (1 + rate * ttl);
    }

    /**
     * Share of one object's requests that are stale at a TTL cache when the origin updates it as a Poisson stream of
     * rate {@code update}: in each TTL period a request at time {@code s} after the fetch is stale if an update came
     * in between, probability {@code 1 - e^(-us)}; so {@code λ (T - (1 - e^(-uT))/u) / (1 + λT)} (the same renewal
     * argument as {@link #ttlHitRatio}).
     */
    public static double ttlStaleShare(double rate, double update, double ttl) {
        Check.atLeast("rate", rate, 0.0);
        Check.atLeast("update", update, 0.0);
        Check.that(ttl > 0 && Double.isFinite(ttl), "ttl", ttl, "must be finite and > 0");
        if (update == 0 || rate == 0) return 0;
        double inside = update * ttl < 1e-6 ? update * ttl * ttl / 2 : ttl - (1 - Math.exp(-update * ttl)) / update;
        return rate * inside / (1 + rate * ttl);
    }

    /**
     * The share of all requests that reach the origin, summed over PoPs and objects, for TTL caches with room for
     * everything: {@code Σ_pop Σ_k λ_pk (1 - h(λ_pk, T)) / λ}, with {@code λ_pk = λ · popShare · p_k}.
     */
    public static double originShareTtl(double[] popShares, double[] p, double requestsPerSecond, double ttl) {
        double miss = 0;
        for (double share : popShares) {
            for (double pk : p) {
                double rate = requestsPerSecond * share * pk;
                miss += share * pk * (1 - ttlHitRatio(rate, ttl));
            }
        }
        return miss;
    }

    /** The share of all requests that are stale, summed like {@link #originShareTtl}. */
    public static double staleShareTtl(double[] popShares, double[] p, double requestsPerSecond, double update, double ttl) {
        double stale = 0;
        for (double share : popShares) {
            for (double pk : p) stale += share * pk * ttlStaleShare(requestsPerSecond * share * pk, update, ttl);
        }
        return stale;
    }

    /**
     * Mean seconds after an update until none of {@code pops} PoPs serves the old version, TTL expiry only, for an
     * object so popular that every PoP always holds a copy: each copy's remaining life at a random moment is uniform
     * on {@code [0, T]} (a renewal argument: copies are re-fetched right after they expire), so the wait is the
     * largest of {@code pops} uniforms, mean {@code T · P / (P + 1)}. Less popular objects wait less (some PoPs hold
     * no copy); the worst case is always {@code T}.
     */
    public static double untilEveryPopNew(double ttl, int pops) {
        Check.that(ttl > 0 && Double.isFinite(ttl), "ttl", ttl, "must be finite and > 0");
        Check.positive("pops", pops);
        return ttl * pops / (pops + 1.0);
    }
}
