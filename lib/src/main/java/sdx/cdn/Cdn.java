package sdx.cdn;

import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;

/**
 * The CDN notebook's experiments (notebook 08), all simulated in virtual time on {@link Geography#standard()} with
 * measured round-trip times ({@link RoundTrips}). Every method takes the settings ({@link CdnSettings#standard()}
 * and its {@code with...} methods) and a seed; the same seed gives the same numbers.
 */
public final class Cdn {
    private Cdn() {}

    /** The example's users, PoPs and origin, with their round-trip times. */
    public static Geography geography() {
        return Geography.standard();
    }

    /** One simulation on the standard geography: latencies with and without the CDN, offload, staleness. */
    public static CdnRun run(CdnSettings settings, long seed) {
        return CdnSimulation.run(Geography.standard(), Check.notNull("settings", settings), seed);
    }

    /**
     * Origin share vs the size of each PoP's LRU cache (no TTL expiry, no updates), beside Che's approximation.
     *
     * @param percents cache sizes as % of the objects, each in (0, 100]
     */
    public static OffloadBySize offloadBySize(CdnSettings settings, double[] percents, long seed) {
        Check.notNull("settings", settings);
        Check.notNull("percents", percents);
        Check.that(percents.length > 0, "percents", "[]", "must not be empty");
        double[] p = settings.popularity();
        double[] measured = new double[percents.length], theory = new double[percents.length];
        for (int i = 0; i < percents.length; i++) {
            Check.inRange("percent", percents[i], 1e-9, 100);
            int capacity = Math.max(1, (int) Math.round(settings.objects() * percents[i] / 100));
            CdnSettings s = settings.withEdgeCapacity(capacity).withTtl(Double.POSITIVE_INFINITY).withUpdates(0);
            measured[i] = run(s, seed).originShare();
            theory[i] = 1 - Theory.lruHitRatio(p, capacity);
        }
        return new OffloadBySize(settings, percents, measured, theory);
    }

    /**
     * Origin share and stale share vs TTL (PoP caches hold every object), beside the TTL-cache theory.
     *
     * @param ttls TTLs in seconds, each finite and positive
     */
    public static TtlTradeoff byTtl(CdnSettings settings, double[] ttls, long seed) {
        Check.notNull("settings", settings);
        Check.notNull("ttls", ttls);
        Check.that(ttls.length > 0, "ttls", "[]", "must not be empty");
        Geography g = Geography.standard();
        double[] p = settings.popularity(), shares = g.popShares();
        int n = ttls.length;
        double[] origin = new double[n], stale = new double[n], originTheory = new double[n], staleTheory = new double[n],
                perSecond = new double[n];
        for (int i = 0; i < n; i++) {
            Check.that(ttls[i] > 0 && Double.isFinite(ttls[i]), "ttl", ttls[i], "must be finite and > 0");
            CdnRun r = run(settings.withEdgeCapacity(settings.objects()).withTtl(ttls[i]).withPurge(false), seed);
            origin[i] = r.originShare();
            stale[i] = r.staleShare();
            perSecond[i] = r.originPerSecond();
            originTheory[i] = Theory.originShareTtl(shares, p, settings.requestsPerSecond(), ttls[i]);
            staleTheory[i] = Theory.staleShareTtl(shares, p, settings.requestsPerSecond(), settings.updatesPerObjectPerSecond(), ttls[i]);
        }
        return new TtlTradeoff(settings, ttls, origin, originTheory, stale, staleTheory, perSecond);
    }

    /**
     * TTL expiry alone vs TTL plus a purge on every update, for each TTL: stale share, origin share, and the time
     * until every PoP serves a new version of a popular object.
     */
    public static Staleness expiryVsPurge(CdnSettings settings, double[] ttls, long seed) {
        Check.notNull("settings", settings);
        Check.notNull("ttls", ttls);
        Check.that(settings.updatesPerObjectPerSecond() > 0, "settings.updatesPerObjectPerSecond", 0, "must be > 0: without updates nothing is stale");
        List<CdnRun> runs = new ArrayList<>();
        for (boolean purge : new boolean[] {false, true}) {
            for (double ttl : ttls) {
                Check.that(ttl > 0 && Double.isFinite(ttl), "ttl", ttl, "must be finite and > 0");
                runs.add(run(settings.withEdgeCapacity(settings.objects()).withTtl(ttl).withPurge(purge), seed));
            }
        }
        return new Staleness(runs);
    }

    /**
     * Pull vs push from a cold start (no warm-up: the catalogue is published at time 0): what the origin sends, and
     * what the first request for an object at a PoP costs.
     */
    public static Staleness pullVsPush(CdnSettings settings, long seed) {
        Check.notNull("settings", settings);
        CdnSettings cold = settings.withWarmup(0);
        return new Staleness(List.of(run(cold.withDelivery(Delivery.PULL), seed), run(cold.withDelivery(Delivery.PUSH), seed)));
    }
}
