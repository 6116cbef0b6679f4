package sdx.cdn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.core.Workloads;

/**
 * The CDN simulation, in virtual time: one Poisson stream of user requests (region by its share, object by Zipf
 * popularity from {@link Workloads#zipf}), each answered by the nearest PoP's edge cache (an LRU
 * {@link LinkedHashMap} with a TTL per copy) or, on a miss, fetched from the origin through that PoP. The same
 * request also gets the latency it would have had without a CDN (straight to the origin). Updates at the origin
 * arrive as a Poisson stream per object; with purge, each update removes the object from every PoP after the
 * one-way delay (half the PoP-origin round trip); with push, each new version replaces the PoP's copy then.
 *
 * <p>Latency of a leg = its round-trip time plus a queueing delay drawn from an exponential distribution with mean
 * {@link #JITTER} of that round-trip time: an assumption standing in for the variation the averaged table hides.
 */
final class CdnSimulation {
    /** Mean extra delay per leg, as a share of the leg's round-trip time. */
    static final double JITTER = 0.1;
    /** The most popular objects, whose updates are followed until every PoP would serve the new version. */
    static final int TRACKED = 100;

    private record Copy(int version, double fetchedAt) {}

    private record PopEvent(double time, int pop, int key, int version) {}

    private CdnSimulation() {}

    static CdnRun run(Geography g, CdnSettings s, long seed) {
        Check.notNull("geography", g);
        Check.notNull("settings", s);
        int pops = g.pops().size(), regions = g.regions().size();
        int n = (int) Math.max(1, Math.round(s.seconds() * s.requestsPerSecond()));
        int[] keys = Workloads.zipf(s.objects(), s.skew(), n, seed).keys();
        UniformRandomProvider arrivals = Rng.of(seed, 1), updates = Rng.of(seed, 2), jitter = Rng.of(seed, 3);
        int[] popOf = new int[regions];
        double[] userPop = new double[regions], userOrigin = new double[regions], popOrigin = new double[pops];
        for (int r = 0; r < regions; r++) {
            popOf[r] = g.popOf(r);
            userPop[r] = g.userToPop(r);
            userOrigin[r] = g.userToOrigin(r);
        }
        for (int p = 0; p < pops; p++) popOrigin[p] = g.popToOrigin(p);
        double[] cumulative = cumulative(g.shares());

        Copy[][] copies = new Copy[pops][s.objects()];   // what each PoP holds, read without touching LRU order
        List<Map<Integer, Copy>> caches = new ArrayList<>();
        for (int p = 0; p < pops; p++) caches.add(lru(s.edgeCapacity(), copies[p]));
        int[] version = new int[s.objects()];
        boolean push = s.delivery() == Delivery.PUSH;
        long transfers = 0;
        if (push) {
            int stored = Math.min(s.objects(), s.edgeCapacity());
            for (int p = 0; p < pops; p++) for (int k = 0; k < stored; k++) put(caches.get(p), copies[p], k, new Copy(0, 0));
            transfers += (long) stored * pops;
        }
        boolean[][] seen = new boolean[pops][s.objects()];
        boolean[][] read = new boolean[pops][s.objects()];
        PriorityQueue<PopEvent> popEvents = new PriorityQueue<>((a, b) -> Double.compare(a.time(), b.time()));
        double updateRate = s.updatesPerObjectPerSecond() * s.objects();
        double nextUpdate = updateRate > 0 ? exp(updates, 1 / updateRate) : Double.POSITIVE_INFINITY;
        List<Double> convergence = new ArrayList<>();
        int[] servingPops = distinct(popOf);

        double warmup = s.seconds() * s.warmupShare();
        double[] withCdn = new double[n], without = new double[n];
        int[] regionOf = new int[n];
        double firstLatencySum = 0;
        long firsts = 0, measured = 0, misses = 0, stale = 0, measuredTransfers = 0, hits = 0;
        double t = 0, measureStart = Double.NaN;
        for (int i = 0; i < n; i++) {
            t += exp(arrivals, 1 / s.requestsPerSecond());
            while (nextUpdate <= t || (!popEvents.isEmpty() && popEvents.peek().time() <= t)) {
                if (!popEvents.isEmpty() && popEvents.peek().time() <= nextUpdate) {
                    PopEvent e = popEvents.poll();
                    if (push) {
                        put(caches.get(e.pop()), copies[e.pop()], e.key(), new Copy(e.version(), e.time()));
                        transfers++;
                        if (e.time() >= warmup) measuredTransfers++;
                    } else {
                        Copy c = copies[e.pop()][e.key()];
                        if (c != null && c.version() < e.version()) {
                            caches.get(e.pop()).remove(e.key());
                            copies[e.pop()][e.key()] = null;
                        }
                    }
                } else {
                    int k = updates.nextInt(s.objects());
                    version[k]++;
                    if (k < TRACKED && nextUpdate >= warmup) {
                        convergence.add(untilNew(copies, servingPops, k, nextUpdate, s, popOrigin, push));
                    }
                    if (push || s.purge()) {
                        for (int p = 0; p < pops; p++) popEvents.add(new PopEvent(nextUpdate + popOrigin[p] / 2000, p, k, version[k]));
                    }
                    nextUpdate += exp(updates, 1 / updateRate);
                }
            }
            double u = arrivals.nextDouble();
            int r = 0;
            while (r < regions - 1 && u >= cumulative[r]) r++;
            int k = keys[i], p = popOf[r];
            Map<Integer, Copy> cache = caches.get(p);
            Copy c = cache.get(k);
            boolean hit = c != null && (push || t - c.fetchedAt() < s.ttlSeconds());
            double latency = leg(jitter, userPop[r]);
            int served;
            if (hit) {
                served = c.version();
            } else {
                latency += leg(jitter, popOrigin[p]);
                served = version[k];
                put(cache, copies[p], k, new Copy(served, t));
                transfers++;
            }
            double direct = leg(jitter, userOrigin[r]);
            boolean first = !seen[p][k];
            seen[p][k] = true;
            read[p][k] = true;
            if (t < warmup) continue;
            if (Double.isNaN(measureStart)) measureStart = t;
            withCdn[(int) measured] = latency;
            without[(int) measured] = direct;
            regionOf[(int) measured] = r;
            measured++;
            if (hit) hits++;
            else {
                misses++;
                measuredTransfers++;
            }
            if (hit && served < version[k]) stale++;
            if (first) {
                firsts++;
                firstLatencySum += latency;
            }
        }
        long unread = 0;
        if (push) {
            for (int p : distinct(popOf)) for (int k = 0; k < Math.min(s.objects(), s.edgeCapacity()); k++) if (!read[p][k]) unread++;
            for (int p = 0; p < pops; p++) if (!contains(popOf, p)) unread += Math.min(s.objects(), s.edgeCapacity());
        }
        int m = (int) measured;
        double measuredSeconds = m == 0 ? 0 : t - measureStart;
        return new CdnRun(g, s, seed, java.util.Arrays.copyOf(withCdn, m), java.util.Arrays.copyOf(without, m),
                java.util.Arrays.copyOf(regionOf, m), hits, misses, stale, measuredTransfers, transfers, measuredSeconds,
                firsts == 0 ? Double.NaN : firstLatencySum / firsts, unread,
                convergence.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Seconds after an update of {@code k} at {@code now} until no serving PoP would answer with the old version: a
     * PoP holding a live old copy serves it until it expires (TTL), is purged or is replaced by the pushed version
     * (the one-way delay from the origin), whichever is first; a PoP without a live copy fetches the new one.
     */
    private static double untilNew(Copy[][] copies, int[] servingPops, int k, double now, CdnSettings s, double[] popOrigin,
                                   boolean push) {
        double worst = 0;
        for (int p : servingPops) {
            Copy c = copies[p][k];
            if (c == null) continue;
            double remaining = push ? Double.POSITIVE_INFINITY : c.fetchedAt() + s.ttlSeconds() - now;
            if (remaining <= 0) continue;
            if (push || s.purge()) remaining = Math.min(remaining, popOrigin[p] / 2000);
            worst = Math.max(worst, remaining);
        }
        return worst;
    }

    private static void put(Map<Integer, Copy> cache, Copy[] mirror, int key, Copy copy) {
        cache.put(key, copy);
        mirror[key] = copy;
    }

    private static int[] distinct(int[] values) {
        return java.util.Arrays.stream(values).distinct().toArray();
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) if (x == v) return true;
        return false;
    }

    private static double leg(UniformRandomProvider rng, double rttMs) {
        return rttMs + exp(rng, JITTER * rttMs);
    }

    private static double exp(UniformRandomProvider rng, double mean) {
        return -Math.log(1 - rng.nextDouble()) * mean;
    }

    private static double[] cumulative(double[] shares) {
        double[] c = new double[shares.length];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) c[i] = sum += shares[i];
        return c;
    }

    /** An LRU map (access order, the eldest evicted beyond {@code capacity}) that clears evicted keys in {@code mirror}. */
    private static Map<Integer, Copy> lru(int capacity, Copy[] mirror) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Copy> eldest) {
                if (size() <= capacity) return false;
                mirror[eldest.getKey()] = null;
                return true;
            }
        };
    }
}
