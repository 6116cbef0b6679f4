package sdx.capstone;

import java.util.Locale;
import sdx.core.Check;

/**
 * A URL shortener's design in a few named settings. Build one with {@link #builder()} (which starts from the
 * {@link #naive()} first draft) and change what you want:
 * <pre>{@code
 * Design d = Design.builder().replicas(3).zones(3).cacheEntries(20_000).rateLimitPerClient(20).tls(true).build();
 * }</pre>
 *
 * <p>How the parts are used in the simulated day ({@link Capstone#simulate}):
 * <ul>
 *   <li>{@code appServers} stateless servers behind a load balancer, spread round-robin over the zones; a
 *       request waits for the first free live server (one queue, many servers: M/M/c).</li>
 *   <li>{@code shards} database shards on a consistent-hash ring ({@code sdx.core.HashRing}); each has
 *       {@code replicas} copies, copy i of shard s in zone (s + i) mod zones. <b>Reads</b> go to any live
 *       copy (the first free one); <b>writes</b> go to the leader, the first live copy, and fail for
 *       {@link Scenario#failoverSeconds()} after a leader is lost while a follower is promoted.</li>
 *   <li>{@code cacheEntries} entries of an LRU cache in front of the database (0: no cache).</li>
 *   <li>{@code rateLimitPerClient} requests per second per client, a token bucket at the load balancer
 *       (0: no limit).</li>
 *   <li>{@code tls}: HTTPS (costs a little CPU per request); {@code codeLength} base-62 characters per short
 *       code, issued at random ({@code randomCodes}) or in sequence (enumerable).</li>
 * </ul>
 *
 * @param appServers         application servers, 1 to 1,000
 * @param zones              availability zones the servers and copies are spread over, 1 to 3
 * @param shards             database shards, 1 to 64
 * @param replicas           copies of each shard, 1 to 5 (at most 5 database nodes per shard)
 * @param cacheEntries       LRU cache entries, 0 (no cache) to 1,000,000
 * @param rateLimitPerClient requests per second one client may send, 0 (no limit) or 1 to 1,000,000
 * @param tls                whether clients connect over HTTPS
 * @param codeLength         characters per short code (base 62), 4 to 12
 * @param randomCodes        codes drawn at random (true) or counted up (false: 1, 2, 3, ... in base 62)
 */
public record Design(int appServers, int zones, int shards, int replicas, int cacheEntries,
        double rateLimitPerClient, boolean tls, int codeLength, boolean randomCodes) {

    public Design {
        Check.inRange("appServers", appServers, 1, 1_000);
        Check.inRange("zones", zones, 1, 3);
        Check.inRange("shards", shards, 1, 64);
        Check.inRange("replicas", replicas, 1, 5);
        Check.inRange("cacheEntries", cacheEntries, 0, 1_000_000);
        Check.that(rateLimitPerClient == 0 || (rateLimitPerClient >= 1 && rateLimitPerClient <= 1e6),
                "rateLimitPerClient", rateLimitPerClient, "must be 0 (no limit) or in [1, 1000000] requests per second");
        Check.inRange("codeLength", codeLength, 4, 12);
    }

    /**
     * The first draft every design starts from: 8 app servers in one zone, 2 unreplicated shards, no cache,
     * no rate limit, plain HTTP, 6-character codes counted up.
     */
    public static Design naive() {
        return new Design(8, 1, 2, 1, 0, 0, false, 6, false);
    }

    /** A builder starting from {@link #naive()}. */
    public static Builder builder() {
        return new Builder(naive());
    }

    /** A builder starting from this design, to change a setting or two. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Database nodes: shards x replicas. */
    public int databaseNodes() {
        return shards * replicas;
    }

    /** How many different codes there are: 62 to the power codeLength. */
    public double codeSpace() {
        return Math.pow(62, codeLength);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Design[%d app servers, %d zone%s, %d shards x %d replica%s, cache %,d entries, "
                + "rate limit %s, %s, %d-char %s codes]", appServers, zones, zones == 1 ? "" : "s", shards, replicas,
                replicas == 1 ? "" : "s", cacheEntries, rateLimitPerClient == 0 ? "none"
                        : String.format(Locale.ROOT, "%.0f/s per client", rateLimitPerClient),
                tls ? "TLS" : "plain HTTP", codeLength, randomCodes ? "random" : "sequential");
    }

    /** Named settings; each is checked when {@link #build()} is called. */
    public static final class Builder {
        private int appServers, zones, shards, replicas, cacheEntries, codeLength;
        private double rateLimitPerClient;
        private boolean tls, randomCodes;

        private Builder(Design d) {
            appServers = d.appServers;
            zones = d.zones;
            shards = d.shards;
            replicas = d.replicas;
            cacheEntries = d.cacheEntries;
            rateLimitPerClient = d.rateLimitPerClient;
            tls = d.tls;
            codeLength = d.codeLength;
            randomCodes = d.randomCodes;
        }

        /** Application servers, 1 to 1,000. */
        public Builder appServers(int n) { appServers = n; return this; }
        /** Availability zones, 1 to 3. */
        public Builder zones(int n) { zones = n; return this; }
        /** Database shards, 1 to 64. */
        public Builder shards(int n) { shards = n; return this; }
        /** Copies of each shard, 1 to 5. */
        public Builder replicas(int n) { replicas = n; return this; }
        /** LRU cache entries, 0 (none) to 1,000,000. */
        public Builder cacheEntries(int n) { cacheEntries = n; return this; }
        /** Requests per second per client, 0 (no limit) or 1 to 1,000,000. */
        public Builder rateLimitPerClient(double perSecond) { rateLimitPerClient = perSecond; return this; }
        /** HTTPS on or off. */
        public Builder tls(boolean on) { tls = on; return this; }
        /** Characters per short code, 4 to 12. */
        public Builder codeLength(int n) { codeLength = n; return this; }
        /** Codes drawn at random (true) or counted up (false). */
        public Builder randomCodes(boolean on) { randomCodes = on; return this; }

        /** The design, every setting checked. */
        public Design build() {
            return new Design(appServers, zones, shards, replicas, cacheEntries, rateLimitPerClient, tls, codeLength,
                    randomCodes);
        }
    }
}
