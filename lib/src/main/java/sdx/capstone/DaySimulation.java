package sdx.capstone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import sdx.core.HashRing;
import sdx.core.Rng;

/**
 * The simulated day behind {@link Capstone#simulate}. Time is virtual (seconds of the day). One request in
 * {@code k = sampleEvery} is simulated; to keep the queues right, every simulated server works k times slower
 * and the waits it produces are divided by k: a queue with arrivals and service both slowed by k is the same
 * queue seen in slow motion, so its waits have the same distribution, k times longer. Rate limits are run on
 * the full per-second counts of the two heavy clients, and the cache sees the sampled stream (under
 * independent requests, an LRU cache's hit ratio depends on popularity, not on rate).
 */
final class DaySimulation {
    static final int HOURS = 24;
    static final double DAY = 86_400;
    /** The ring of shards is the same in every run: where keys live is part of the design, not luck. */
    static final long RING_SEED = 26;

    enum Kind { READ, WRITE, PARTNER, BOT }

    /** Why a legitimate request failed. */
    enum Reason {
        RATE_LIMITED("the rate limit refused a legitimate client"),
        NO_APP_SERVER("no app server was up"),
        APP_TIMEOUT("app servers were overloaded (waits over the timeout)"),
        NO_DATABASE_COPY("a shard had no live copy"),
        DATABASE_TIMEOUT("a database shard was overloaded (waits over the timeout)"),
        FAILOVER("writes were refused while a new leader was promoted");

        final String words;

        Reason(String words) {
            this.words = words;
        }
    }

    record Request(double t, Kind kind, long key, double u1, double u2, double u3) {}

    private final Design d;
    private final Scenario s;
    private final long seed;
    private final double k;

    private DaySimulation(Design d, Scenario s, long seed) {
        this.d = d;
        this.s = s;
        this.seed = seed;
        this.k = s.sampleEvery();
    }

    static DayReport run(Design d, Scenario s, Prices p, Targets targets, long seed) {
        return new DaySimulation(d, s, seed).simulate(p, targets);
    }

    // ---- the traffic (independent of the design: the same seed gives the same requests to every design)

    static List<Request> requests(Scenario s, long seed) {
        List<Request> out = new ArrayList<>();
        double k = s.sampleEvery();
        ordinary(out, Kind.READ, s.readsPerDay() / DAY / k, s, Rng.of(seed, 1), seed);
        ordinary(out, Kind.WRITE, s.writesPerDay() / DAY / k, s, Rng.of(seed, 2), seed);
        steady(out, Kind.PARTNER, s.partnerRequestsPerSecond() / k, 0, DAY, s, Rng.of(seed, 3));
        steady(out, Kind.BOT, s.botRequestsPerSecond() / k, 3600.0 * s.botHour(),
                3600.0 * (s.botHour() + s.botHours()), s, Rng.of(seed, 4));
        out.sort(Comparator.comparingDouble(Request::t));
        return out;
    }

    static final long VIRAL_OFFSET = 0, WRITE_BASE = 1L << 40, BOT_BASE = 1L << 41;

    private static void ordinary(List<Request> out, Kind kind, double rate, Scenario s, UniformRandomProvider rng, long seed) {
        if (rate <= 0) return;
        var zipf = zipf(s, Rng.of(seed, 10 + kind.ordinal()));
        double max = rate * s.peakToAverage();
        double viralFrom = 3600.0 * s.viralHour(), viralTo = 3600.0 * (s.viralHour() + s.viralHours());
        long written = 0;
        for (double t = exp(rng, max); t < DAY; t += exp(rng, max)) {
            boolean keep = rng.nextDouble() * s.peakToAverage() < s.shape(t);
            double pick = rng.nextDouble();
            double u1 = rng.nextDouble(), u2 = rng.nextDouble(), u3 = rng.nextDouble();
            if (!keep) continue;
            long key;
            if (kind == Kind.WRITE) key = WRITE_BASE + written++;
            else if (t >= viralFrom && t < viralTo && pick < s.viralShare()) key = s.activeLinks() + VIRAL_OFFSET;
            else key = zipf.sample();
            out.add(new Request(t, kind, key, u1, u2, u3));
        }
    }

    private static void steady(List<Request> out, Kind kind, double rate, double from, double to, Scenario s,
            UniformRandomProvider rng) {
        if (rate <= 0 || to <= from) return;
        var zipf = zipf(s, Rng.of(rng.nextLong()));
        long n = 0;
        for (double t = from + exp(rng, rate); t < to; t += exp(rng, rate)) {
            double u1 = rng.nextDouble(), u2 = rng.nextDouble(), u3 = rng.nextDouble();
            long key = kind == Kind.BOT ? BOT_BASE + n++ : zipf.sample();
            out.add(new Request(t, kind, key, u1, u2, u3));
        }
    }

    /** Link ids 0 .. activeLinks-1, id 0 the most popular. */
    static java.util.function.IntSupplier zipfSupplier(Scenario s, UniformRandomProvider rng) {
        if (s.zipfSkew() == 0) return () -> rng.nextInt(s.activeLinks());
        var sampler = RejectionInversionZipfSampler.of(rng, s.activeLinks(), s.zipfSkew());
        return () -> sampler.sample() - 1;
    }

    private interface KeySource { long sample(); }

    private static KeySource zipf(Scenario s, UniformRandomProvider rng) {
        var supplier = zipfSupplier(s, rng);
        return () -> supplier.getAsInt();
    }

    private static double exp(UniformRandomProvider rng, double rate) {
        return -Math.log(1 - rng.nextDouble()) / rate;
    }

    // ---- the rate limit, on the full per-second counts of the two heavy clients

    /** Share admitted in each second of the day by a token bucket (rate = burst = limit) for a client of this rate. */
    static double[] admitted(double rate, double limit, int from, int to, UniformRandomProvider rng) {
        double[] share = new double[(int) DAY];
        Arrays.fill(share, 1);
        if (rate <= 0 || limit == 0) return share;
        var counts = PoissonSampler.of(rng, rate);
        double tokens = limit;
        for (int sec = from; sec < to; sec++) {
            int n = counts.sample();
            int in = (int) Math.min(n, Math.floor(tokens));
            tokens = Math.min(limit, tokens - in + limit);
            share[sec] = n == 0 ? 1 : (double) in / n;
        }
        return share;
    }

    // ---- the day

    private DayReport simulate(Prices prices, Targets targets) {
        double timeout = s.timeoutMillis() / 1000 * k;
        double appMean = (s.appServiceMillis() + (d.tls() ? s.tlsExtraMillis() : 0)) / 1000 * k;
        double dbMean = s.dbServiceMillis() / 1000 * k;
        double zoneFrom = 3600.0 * s.zoneOutageHour(), zoneTo = zoneFrom + 3600.0 * s.zoneOutageHours();
        double crashFrom = 3600.0 * s.crashHour(), crashTo = crashFrom + 3600.0 * s.crashHours();

        NodeFailures[][] nodes = new NodeFailures[d.shards()][d.replicas()];
        for (int sh = 0; sh < d.shards(); sh++) {
            for (int j = 0; j < d.replicas(); j++) {
                nodes[sh][j] = NodeFailures.of(s.nodeAvailability(), s.nodeRepairHours() * 3600, DAY, seed, 1_000 + 8L * sh + j);
            }
        }
        ServerPool app = new ServerPool(d.appServers());
        ServerPool[] db = new ServerPool[d.shards()];
        for (int sh = 0; sh < d.shards(); sh++) db[sh] = new ServerPool(d.replicas());
        HashRing ring = HashRing.of(d.shards(), 64, RING_SEED);
        Map<Long, Boolean> cache = d.cacheEntries() == 0 ? null : lru(d.cacheEntries());
        if (cache != null) warm(cache);

        int sec0 = 3600 * s.botHour(), sec1 = 3600 * (s.botHour() + s.botHours());
        double[] partnerIn = admitted(s.partnerRequestsPerSecond(), d.rateLimitPerClient(), 0, (int) DAY, Rng.of(seed, 5));
        double[] botIn = admitted(s.botRequestsPerSecond(), d.rateLimitPerClient(), sec0, sec1, Rng.of(seed, 6));

        DayReport.Counts c = new DayReport.Counts(HOURS);
        double guessHits = d.randomCodes() ? s.storedLinks() / d.codeSpace() : 1;
        for (Request r : requests(s, seed)) {
            double t = r.t();
            int h = Math.min(HOURS - 1, (int) (t / 3600));
            boolean legit = r.kind() != Kind.BOT;
            boolean zoneDown = t >= zoneFrom && t < zoneTo;
            if (legit) c.legit[h]++;
            else c.botSent[h]++;
            double[] in = r.kind() == Kind.PARTNER ? partnerIn : r.kind() == Kind.BOT ? botIn : null;
            if (in != null && r.u3() >= in[(int) t]) {
                if (legit) c.fail(h, Reason.RATE_LIMITED);
                continue;
            }
            // the app tier
            boolean crashed = t >= crashFrom && t < crashTo;
            int server = app.earliestFree(i -> !(zoneDown && i % d.zones() == 0) && !(crashed && i == 0));
            if (server < 0) {
                if (legit) c.fail(h, Reason.NO_APP_SERVER);
                continue;
            }
            double wait = app.waitAt(server, t);
            if (wait > timeout) {
                if (legit) c.fail(h, Reason.APP_TIMEOUT);
                continue;
            }
            double service = -Math.log(1 - r.u1()) * appMean;
            app.occupy(server, t, wait, service);
            c.appBusy[h] += service;
            c.appWait[h] += wait / k;
            c.appServed[h]++;
            double latency = (wait + service) / k;
            // the data tier
            int sh = ring.owner(r.key());
            boolean needsDb = true;
            if (r.kind() != Kind.WRITE && cache != null) {
                latency += s.cacheMillis() / 1000;
                boolean hit = cache.get(r.key()) != null;
                if (legit) {
                    c.lookups[h]++;
                    if (hit) c.hits[h]++;
                }
                needsDb = !hit;
            }
            if (needsDb) {
                final int shard = sh;
                int copy;
                if (r.kind() == Kind.WRITE) {
                    copy = leader(nodes[shard], shard, t, zoneDown);
                    if (copy > 0 && t - promotedAt(nodes[shard], shard, copy, t, zoneDown, zoneFrom) < s.failoverSeconds()) {
                        c.fail(h, Reason.FAILOVER);
                        continue;
                    }
                } else {
                    copy = db[shard].earliestFree(j -> live(nodes[shard][j], shard, j, t, zoneDown));
                }
                if (copy < 0) {
                    if (legit) c.fail(h, Reason.NO_DATABASE_COPY);
                    continue;
                }
                double dbWait = db[shard].waitAt(copy, t);
                if (dbWait > timeout) {
                    if (legit) c.fail(h, Reason.DATABASE_TIMEOUT);
                    continue;
                }
                double dbService = -Math.log(1 - r.u2()) * dbMean;
                db[shard].occupy(copy, t, dbWait, dbService);
                latency += (dbWait + dbService) / k;
                c.dbWait[h] += dbWait / k;
                c.dbServed[h]++;
                if (!legit) {
                    c.botAtDatabase[h]++;
                    boolean found = r.u2() < guessHits;
                    if (found) c.botFound[h]++;
                    if (found && cache != null) cache.put(r.key(), Boolean.TRUE);
                } else if (cache != null && r.kind() != Kind.WRITE) {
                    cache.put(r.key(), Boolean.TRUE);
                }
                if (r.kind() == Kind.WRITE && d.zones() > 1) c.crossZoneBytes[h] += k * s.bytesPerLink() * (d.replicas() - 1);
            }
            c.served[h]++;
            if (legit) c.ok(h, latency * 1000);
        }
        double[] liveAppSeconds = liveAppSeconds(zoneFrom, zoneTo, crashFrom, crashTo);
        return new DayReport(d, s, prices, targets, seed, c, liveAppSeconds, guessHits);
    }

    private boolean live(NodeFailures node, int shard, int copy, double t, boolean zoneDown) {
        return !(zoneDown && zoneOf(shard, copy) == 0) && node.up(t);
    }

    int zoneOf(int shard, int copy) {
        return (shard + copy) % d.zones();
    }

    /** The leader: the first live copy, or -1. */
    private int leader(NodeFailures[] copies, int shard, double t, boolean zoneDown) {
        for (int j = 0; j < copies.length; j++) if (live(copies[j], shard, j, t, zoneDown)) return j;
        return -1;
    }

    /** When copy {@code leader} became leader: when the last of the copies before it went down. */
    private double promotedAt(NodeFailures[] copies, int shard, int leader, double t, boolean zoneDown, double zoneFrom) {
        double at = 0;
        for (int j = 0; j < leader; j++) {
            double since = Double.POSITIVE_INFINITY;
            double crash = copies[j].downSince(t);
            if (crash >= 0) since = crash;
            if (zoneDown && zoneOf(shard, j) == 0) since = Math.min(since, zoneFrom);
            at = Math.max(at, since);
        }
        return at;
    }

    /** Server-seconds of live app servers in each hour. */
    private double[] liveAppSeconds(double zoneFrom, double zoneTo, double crashFrom, double crashTo) {
        double[] live = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            double a = 3600.0 * h, b = a + 3600;
            for (int i = 0; i < d.appServers(); i++) {
                double down = 0;
                if (i % d.zones() == 0) down += overlap(a, b, zoneFrom, zoneTo);
                if (i == 0) down += overlap(a, b, crashFrom, crashTo)
                        - (i % d.zones() == 0 ? overlap(Math.max(a, zoneFrom), Math.min(b, zoneTo), crashFrom, crashTo) : 0);
                live[h] += 3600 - down;
            }
        }
        return live;
    }

    private static double overlap(double a, double b, double from, double to) {
        return Math.max(0, Math.min(b, to) - Math.max(a, from));
    }

    /** An LRU map of at most {@code capacity} entries (the JDK's LinkedHashMap in access order). */
    static Map<Long, Boolean> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cache starts the day warm: filled by the previous evening's requests (2 x its size, at most 400,000). */
    private void warm(Map<Long, Boolean> cache) {
        var zipf = zipfSupplier(s, Rng.of(seed, 7));
        int n = Math.min(400_000, 2 * d.cacheEntries());
        for (int i = 0; i < n; i++) cache.put((long) zipf.getAsInt(), Boolean.TRUE);
    }
}
