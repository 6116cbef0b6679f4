package sdx.ratelimit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.net.LoopbackClient;
import sdx.net.LoopbackServer;
import sdx.net.LoopbackServer.Reply;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 20's experiments: one static method per question, each returning a result with {@code plot()}
 * or {@code table()}. Every limiter runs on a virtual clock (the arrival times), so results depend only on
 * the seed; the two loopback HTTP experiments ({@link #sharedCounterCost}, {@link #tooManyRequests}) are real.
 */
public final class RateLimiting {
    private RateLimiting() {}

    /** The notebook's limit: 100 requests per window. */
    public static final int LIMIT = 100;
    /** The notebook's window: one second. */
    public static final long WINDOW = Traffic.SECOND;

    // ---------------------------------------------------------------------------------------------------
    /** Admitted requests in the trailing window, over time, per algorithm, beside the limit. */
    public record Timeline(String title, int limit, double[] seconds, double[] offered, Map<String, double[]> admitted) {
        public Timeline {
            seconds = seconds.clone();
            offered = offered.clone();
            Map<String, double[]> copy = new LinkedHashMap<>();
            admitted.forEach((k, v) -> copy.put(k, v.clone()));
            admitted = java.util.Collections.unmodifiableMap(copy);
        }

        @Override public double[] seconds() { return seconds.clone(); }

        /** The chart: offered and admitted requests in the last window, and the limit dashed. */
        public Plot plot() {
            Plot p = Plot.line(title, "time (s)", "requests in the last window");
            p.series("offered", seconds, offered);
            admitted.forEach((name, y) -> p.series(name, seconds, y));
            double[] lim = new double[seconds.length];
            Arrays.fill(lim, limit);
            return p.theory("the limit (" + limit + " per window)", seconds, lim);
        }

        /** The highest point of each admitted series. */
        public Map<String, Double> peaks() {
            Map<String, Double> out = new LinkedHashMap<>();
            admitted.forEach((k, v) -> out.put(k, Arrays.stream(v).max().orElse(0)));
            return out;
        }
    }

    /**
     * Runs each algorithm (limit {@code limit} per {@code windowNanos}) on {@code traffic} and samples the
     * admitted count of the trailing window every {@code windowNanos / 5}.
     */
    public static Timeline timeline(Traffic traffic, int limit, long windowNanos, Algorithm... algorithms) {
        Check.notNull("traffic", traffic);
        Check.positive("limit", limit);
        Check.positive("windowNanos", windowNanos);
        Check.that(algorithms.length > 0, "algorithms", "[]", "must name at least one algorithm");
        long step = Math.max(1, windowNanos / 5);
        int points = (int) Math.min(2_000, traffic.durationNanos() / step + 1);
        long[] at = new long[points];
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            at[i] = i * step;
            x[i] = at[i] / 1e9;
        }
        Map<String, double[]> admitted = new LinkedHashMap<>();
        for (Algorithm a : algorithms) {
            Decisions d = Decisions.run(a.create(limit, windowNanos), traffic);
            admitted.put(d.algorithm(), Decisions.inTrailingWindow(d.admittedTimes(), windowNanos, at));
        }
        return new Timeline(traffic.label(), limit, x, Decisions.inTrailingWindow(traffic.arrivalsNanos(), windowNanos, at),
                admitted);
    }

    // ---------------------------------------------------------------------------------------------------
    /** One row per algorithm: what it admitted, the worst window, its state. */
    public record Accuracy(String title, int limit, int offered, List<String> names, int[] admitted, int[] maxInWindow,
            int[] bound, long[] peakBytes) {
        public Accuracy {
            names = List.copyOf(names);
            admitted = admitted.clone();
            maxInWindow = maxInWindow.clone();
            bound = bound.clone();
            peakBytes = peakBytes.clone();
        }

        @Override public int[] admitted() { return admitted.clone(); }

        @Override public int[] maxInWindow() { return maxInWindow.clone(); }

        @Override public long[] peakBytes() { return peakBytes.clone(); }

        /** The most admitted in any window by {@code name}. */
        public int maxInWindow(String name) {
            int i = names.indexOf(name);
            Check.that(i >= 0, "name", name, "must be one of " + names);
            return maxInWindow[i];
        }

        /** The table. */
        public Table table() {
            int[] rejected = Arrays.stream(admitted).map(a -> offered - a).toArray();
            double[] ratio = Arrays.stream(maxInWindow).mapToDouble(m -> (double) m / limit).toArray();
            StringColumn bytes = StringColumn.create("state bytes (peak)");
            for (long b : peakBytes) bytes.append(b < 0 ? "inside the library" : Long.toString(b));
            return Table.create(title + " — limit " + limit + " per window, " + offered + " requests offered",
                    StringColumn.create("algorithm", names), IntColumn.create("admitted", admitted),
                    IntColumn.create("rejected", rejected), IntColumn.create("most in any window", maxInWindow),
                    DoubleColumn.create("÷ limit", ratio), IntColumn.create("worst case (theory)", bound), bytes);
        }
    }

    /** Runs each algorithm on {@code traffic} and tabulates admitted, rejected, the worst window and the state held. */
    public static Accuracy accuracy(Traffic traffic, int limit, long windowNanos, Algorithm... algorithms) {
        Check.notNull("traffic", traffic);
        Check.positive("limit", limit);
        Check.positive("windowNanos", windowNanos);
        Check.that(algorithms.length > 0, "algorithms", "[]", "must name at least one algorithm");
        int n = algorithms.length;
        List<String> names = new ArrayList<>();
        int[] admitted = new int[n], worst = new int[n], bound = new int[n];
        long[] bytes = new long[n];
        for (int i = 0; i < n; i++) {
            Decisions d = Decisions.run(algorithms[i].create(limit, windowNanos), traffic);
            names.add(d.algorithm());
            admitted[i] = d.admittedCount();
            worst[i] = d.maxInAnyWindow(windowNanos);
            bound[i] = Theory.maxInAnyWindow(algorithms[i], limit);
            bytes[i] = d.peakBytes();
        }
        return new Accuracy(traffic.label(), limit, traffic.size(), names, admitted, worst, bound, bytes);
    }

    // ---------------------------------------------------------------------------------------------------
    /** Peak state bytes per client, per algorithm (rows) and limit (columns). */
    public record Memory(int[] limits, List<String> names, long[][] bytes) {
        public Memory {
            limits = limits.clone();
            names = List.copyOf(names);
            bytes = Arrays.stream(bytes).map(long[]::clone).toArray(long[][]::new);
        }

        /** Peak bytes of {@code algorithm} at {@code limits[column]}. */
        public long bytes(int row, int column) {
            return bytes[row][column];
        }

        /** The table. */
        public Table table() {
            Table t = Table.create("Bytes of state per client (peak, traffic at twice the limit for 3 windows)",
                    StringColumn.create("algorithm", names));
            for (int c = 0; c < limits.length; c++) {
                LongColumn col = LongColumn.create("limit " + limits[c]);
                for (long[] row : bytes) col.append(row[c]);
                t.addColumns(col);
            }
            return t;
        }
    }

    /**
     * Each hand-written algorithm's peak state for one client sending Poisson traffic at twice the limit for
     * three windows of one second, for each limit in {@code limits}.
     */
    public static Memory memory(long seed, int... limits) {
        Check.that(limits.length > 0, "limits", "[]", "must hold at least one limit");
        for (int l : limits) Check.inRange("limits[i]", l, 1, 100_000);
        Algorithm[] algs = {Algorithm.TOKEN_BUCKET, Algorithm.LEAKY_BUCKET, Algorithm.FIXED_WINDOW,
                Algorithm.SLIDING_LOG, Algorithm.SLIDING_WINDOW_COUNTER};
        List<String> names = new ArrayList<>();
        long[][] bytes = new long[algs.length][limits.length];
        for (int c = 0; c < limits.length; c++) {
            Traffic t = Traffic.steady(2.0 * limits[c], 3, seed);
            for (int r = 0; r < algs.length; r++) {
                Decisions d = Decisions.run(algs[r].create(limits[c], WINDOW), t);
                if (c == 0) names.add(d.algorithm());
                bytes[r][c] = d.peakBytes();
            }
        }
        return new Memory(limits, names, bytes);
    }

    // ---------------------------------------------------------------------------------------------------
    /** Distributed limiting compared: one row per set-up. */
    public record Distributed(String title, int limit, int nodes, List<String> setups, int[] admitted, int[] maxInWindow,
            double[] nodeShares) {
        public Distributed {
            setups = List.copyOf(setups);
            admitted = admitted.clone();
            maxInWindow = maxInWindow.clone();
            nodeShares = nodeShares.clone();
        }

        @Override public int[] admitted() { return admitted.clone(); }

        @Override public int[] maxInWindow() { return maxInWindow.clone(); }

        /** The most admitted in any window under {@code setup}. */
        public int maxInWindow(String setup) {
            int i = setups.indexOf(setup);
            Check.that(i >= 0, "setup", setup, "must be one of " + setups);
            return maxInWindow[i];
        }

        /** The table. */
        public Table table() {
            double[] ratio = Arrays.stream(maxInWindow).mapToDouble(m -> (double) m / limit).toArray();
            StringBuilder shares = new StringBuilder();
            for (double s : nodeShares) shares.append(shares.length() == 0 ? "" : " / ").append(Math.round(100 * s)).append('%');
            return Table.create(title + " — " + nodes + " gateways, traffic split " + shares + ", limit " + limit
                    + " per window", StringColumn.create("set-up", setups), IntColumn.create("admitted", admitted),
                    IntColumn.create("most in any window", maxInWindow), DoubleColumn.create("÷ limit", ratio));
        }
    }

    /** The set-ups {@link #distributed} compares, in its table's order. */
    public static final List<String> SETUPS = List.of("shared counter (one limiter for all gateways)",
            "each gateway: the whole limit", "each gateway: limit / N");

    /**
     * One client's {@code traffic} spread over {@code nodes} gateways (node i gets a share proportional to
     * {@code 1 / (i+1)^skew}: skew 0 is even), each with a local sliding log, against one shared sliding log.
     */
    public static Distributed distributed(Traffic traffic, int limit, int nodes, double skew, long seed) {
        Check.notNull("traffic", traffic);
        Check.positive("limit", limit);
        Check.inRange("nodes", nodes, 1, 64);
        Check.that(limit >= nodes, "limit", limit, "must be at least nodes (" + nodes + ") so that limit / N >= 1");
        Check.inRange("skew", skew, 0, 5);
        double[] share = new double[nodes];
        double sum = 0;
        for (int i = 0; i < nodes; i++) sum += share[i] = Math.pow(i + 1, -skew);
        for (int i = 0; i < nodes; i++) share[i] /= sum;
        UniformRandomProvider rng = Rng.of(seed);
        long[] t = traffic.arrivalsNanos();
        int[] route = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            double u = rng.nextDouble();
            int node = 0;
            for (double acc = share[0]; u >= acc && node < nodes - 1; acc += share[++node]) { }
            route[i] = node;
        }
        int[] admitted = new int[3], worst = new int[3];
        int[] perNode = {limit, limit, limit / nodes};
        for (int s = 0; s < 3; s++) {
            RateLimiter shared = new SlidingLogLimiter(limit, WINDOW);
            RateLimiter[] local = new RateLimiter[nodes];
            for (int i = 0; i < nodes; i++) local[i] = new SlidingLogLimiter(perNode[s], WINDOW);
            long[] ok = new long[t.length];
            int n = 0;
            for (int i = 0; i < t.length; i++) {
                RateLimiter l = s == 0 ? shared : local[route[i]];
                if (l.tryAcquire(t[i])) ok[n++] = t[i];
            }
            admitted[s] = n;
            worst[s] = Decisions.maxInWindow(Arrays.copyOf(ok, n), WINDOW);
        }
        return new Distributed(traffic.label(), limit, nodes, SETUPS, admitted, worst, share);
    }

    // ---------------------------------------------------------------------------------------------------
    /** The cost of a shared counter: microseconds per decision, local vs over loopback HTTP. */
    public record CounterCost(int requests, double localMicros, double remoteMeanMicros, double remoteP99Micros) {
        /** The table. */
        public Table table() {
            return Table.create("Time per rate-limit decision (" + requests + " decisions; wall clock, this machine)",
                    StringColumn.create("where the counter lives", List.of("in the gateway's memory",
                            "shared counter over loopback HTTP (mean)", "shared counter over loopback HTTP (p99)")),
                    DoubleColumn.create("µs per decision", new double[] {round(localMicros), round(remoteMeanMicros),
                            round(remoteP99Micros)}));
        }

        private static double round(double micros) {
            return micros < 10 ? Math.round(micros * 1000) / 1000.0 : Math.round(micros * 10) / 10.0;
        }
    }

    /**
     * Times {@code requests} decisions made locally (a sliding log in memory) and the same decisions asked of a
     * shared counter: a real HTTP server on 127.0.0.1 holding the sliding log (a stand-in for Redis; one round
     * trip per request). The server is stopped before this returns. Wall-clock numbers: they vary run to run.
     */
    public static CounterCost sharedCounterCost(int requests, long seed) {
        Check.inRange("requests", requests, 10, 20_000);
        long[] t = Traffic.steady(2.0 * LIMIT, requests / (2.0 * LIMIT) + 1, seed).arrivalsNanos();
        int n = Math.min(requests, t.length);
        RateLimiter local = new SlidingLogLimiter(LIMIT, WINDOW);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) local.tryAcquire(t[i]);
        double localMicros = (System.nanoTime() - start) / 1e3 / n;
        RateLimiter remote = new SlidingLogLimiter(LIMIT, WINDOW);
        double[] micros = new double[n];
        try (LoopbackServer counter = LoopbackServer.start("ratelimit-counter", request -> {
            long at = Long.parseLong(request.query().substring(2));
            synchronized (remote) {
                return remote.tryAcquire(at) ? Reply.ok("1") : Reply.ok("0");
            }
        }); LoopbackClient gateway = LoopbackClient.to(counter.uri())) {
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                gateway.get("/acquire?t=" + t[i]);
                micros[i] = (System.nanoTime() - s) / 1e3;
            }
        }
        double mean = Arrays.stream(micros).average().orElse(0);
        double[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new CounterCost(n, localMicros, mean, sorted[(int) Math.min(n - 1, Math.ceil(0.99 * n) - 1)]);
    }

    // ---------------------------------------------------------------------------------------------------
    /** What a client saw: one row per request. */
    public record ClientView(List<Integer> statuses, List<String> retryAfter, List<String> remaining, List<String> bodies) {
        public ClientView {
            statuses = List.copyOf(statuses);
            retryAfter = List.copyOf(retryAfter);
            remaining = List.copyOf(remaining);
            bodies = List.copyOf(bodies);
        }

        /** The table. */
        public Table table() {
            IntColumn no = IntColumn.create("request");
            for (int i = 1; i <= statuses.size(); i++) no.append(i);
            return Table.create("What the client saw", no,
                    IntColumn.create("status", statuses.stream().mapToInt(Integer::intValue).toArray()),
                    StringColumn.create("Retry-After", retryAfter), StringColumn.create("RateLimit-Remaining", remaining),
                    StringColumn.create("body", bodies));
        }
    }

    /**
     * Starts a real HTTP server on 127.0.0.1 that limits with a token bucket on the real clock ({@code capacity}
     * tokens, {@code ratePerSecond} refill), sends it {@code requests} GETs back to back, and returns what the
     * client saw: 200, or 429 Too Many Requests with {@code Retry-After} (whole seconds until a token, RFC 9110
     * §10.2.3) and the remaining tokens. The server is stopped before this returns.
     */
    public static ClientView tooManyRequests(int capacity, double ratePerSecond, int requests) {
        Check.inRange("capacity", capacity, 1, 1_000);
        Check.inRange("ratePerSecond", ratePerSecond, 0.01, 1_000);
        Check.inRange("requests", requests, 1, 100);
        TokenBucketLimiter bucket = new TokenBucketLimiter(capacity, ratePerSecond);
        long origin = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        List<String> retry = new ArrayList<>(), remaining = new ArrayList<>(), bodies = new ArrayList<>();
        try (LoopbackServer api = LoopbackServer.start("ratelimit-api", request -> {
            synchronized (bucket) {
                long now = System.nanoTime() - origin;
                if (bucket.tryAcquire(now)) {
                    return Reply.ok("hello").withHeader("RateLimit-Remaining", Long.toString((long) bucket.tokens()));
                }
                long wait = bucket.nanosUntilAvailable(now);
                return Reply.of(429, "Too Many Requests")
                        .withHeader("Retry-After", Long.toString((long) Math.ceil(wait / 1e9)))
                        .withHeader("RateLimit-Remaining", "0");
            }
        }); LoopbackClient client = LoopbackClient.to(api.uri())) {
            for (int i = 0; i < requests; i++) {
                LoopbackClient.Response r = client.get("/api/hello");
                statuses.add(r.status());
                retry.add(r.headers().getOrDefault("retry-after", "—"));
                remaining.add(r.headers().getOrDefault("ratelimit-remaining", "—"));
                bodies.add(r.body());
            }
        }
        return new ClientView(statuses, retry, remaining, bodies);
    }

}
