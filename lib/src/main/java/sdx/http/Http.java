package sdx.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.locks.LockSupport;
import sdx.core.Check;
import sdx.core.DaemonThreads;
import sdx.core.Latency;
import sdx.core.SplitMix64;
import sdx.net.LoadGenerator;
import sdx.net.LoadGenerator.LoadSettings;
import sdx.net.LoopbackClient;
import sdx.net.LoopbackServer;
import sdx.net.LoopbackServer.Handler;
import sdx.net.LoopbackServer.Reply;
import sdx.viz.Plot;
import sdx.viz.Tables;
import sdx.viz.Tables.HtmlTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 01's experiments, all on real sockets on 127.0.0.1 (ephemeral ports, every server closed before
 * a method returns): the bytes of an HTTP exchange ({@link #wire}), methods and status codes
 * ({@link #methods}, {@link #statusCodes}), a new TCP connection per request vs keep-alive
 * ({@link #keepAliveVsNew}), and queueing at a server with c worker threads beside M/M/c theory
 * ({@link #queueing}, {@link #queueAt}).
 */
public final class Http {
    private Http() {}

    /**
     * The demo server's handler: {@code GET /hello?name=x} answers 200 "hello, x"; any other path 404; any
     * other method 405 with {@code Allow: GET}.
     */
    public static Reply hello(LoopbackServer.Request request) {
        if (!request.method().equals("GET")) {
            return Reply.of(405, "only GET is allowed here\n").withHeader("Allow", "GET");
        }
        if (!request.path().equals("/hello")) return Reply.of(404, "no such page: " + request.path() + "\n");
        String name = request.params().getOrDefault("name", "world");
        return Reply.ok("hello, " + name + "\n").withHeader("Content-Type", "text/plain; charset=utf-8");
    }

    /**
     * Starts the demo server ({@link #hello}), sends {@code requestText} byte for byte over a new TCP
     * connection, and returns both messages; the server is closed before this returns.
     *
     * @param requestText lines ended by CR LF, headers ended by a blank line; use {@link #request} to build one
     */
    public static Wire.Exchange wire(String requestText) {
        Check.notNull("requestText", requestText);
        try (LoopbackServer server = LoopbackServer.start("hello", Http::hello)) {
            return Wire.send(server.uri(), requestText.replace("{port}", Integer.toString(server.port())));
        }
    }

    /**
     * The text of a request to the demo server: {@code method path}, a Host header (its port filled in by
     * {@link #wire}), {@code Connection: close}, and {@code body} with its Content-Length.
     */
    public static String request(String method, String path, String body) {
        Check.notNull("method", method);
        Check.that(method.matches("[A-Z]+"), "method", method, "must be an upper-case token such as GET or POST");
        Check.notNull("path", path);
        Check.that(path.startsWith("/"), "path", path, "must start with /");
        Check.notNull("body", body);
        String length = body.isEmpty() ? "" : "Content-Length: " + body.length() + "\r\n";
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n" + length + "Connection: close\r\n\r\n" + body;
    }

    /** The common methods: safe (no change on the server) and idempotent (repeating it = doing it once), per RFC 9110. */
    public static Table methods() {
        Table t = Table.create("HTTP methods (RFC 9110 §9)");
        StringColumn m = StringColumn.create("method"), safe = StringColumn.create("safe"),
                idem = StringColumn.create("idempotent"), use = StringColumn.create("typical use");
        String[][] rows = {
            {"GET", "yes", "yes", "read a resource"},
            {"HEAD", "yes", "yes", "GET without the body (size, date)"},
            {"OPTIONS", "yes", "yes", "what the server allows"},
            {"PUT", "no", "yes", "replace a resource with this body"},
            {"DELETE", "no", "yes", "remove a resource"},
            {"POST", "no", "no", "create, or any other processing"},
            {"PATCH", "no", "no (RFC 5789)", "change part of a resource"},
        };
        for (String[] r : rows) {
            m.append(r[0]);
            safe.append(r[1]);
            idem.append(r[2]);
            use.append(r[3]);
        }
        return t.addColumns(m, safe, idem, use);
    }

    /** The five classes of status codes, each with codes met in practice (RFC 9110 §15). */
    public static Table statusCodes() {
        Table t = Table.create("HTTP status codes (RFC 9110 §15)");
        StringColumn c = StringColumn.create("class"), meaning = StringColumn.create("meaning"),
                examples = StringColumn.create("examples");
        String[][] rows = {
            {"1xx", "informational: keep going", "100 Continue, 101 Switching Protocols"},
            {"2xx", "success", "200 OK, 201 Created, 204 No Content"},
            {"3xx", "redirection: look elsewhere", "301 Moved Permanently, 304 Not Modified"},
            {"4xx", "the client's mistake", "400 Bad Request, 404 Not Found, 405 Method Not Allowed, 429 Too Many Requests"},
            {"5xx", "the server's failure", "500 Internal Server Error, 503 Service Unavailable"},
        };
        for (String[] r : rows) {
            c.append(r[0]);
            meaning.append(r[1]);
            examples.append(r[2]);
        }
        return t.addColumns(c, meaning, examples);
    }

    // ---------------------------------------------------------------- keep-alive vs new connections

    /**
     * A new connection per request vs one kept-alive connection, measured.
     *
     * @param keepAlive           latency over one persistent connection (µs)
     * @param fresh               latency when every request opens, uses and closes its own TCP connection (µs)
     * @param keepAlivePerSecond  requests per second, one client, keep-alive
     * @param freshPerSecond      requests per second, one client, a connection per request
     * @param keepAliveConnections TCP connections the keep-alive client opened
     */
    public record ConnectionRace(Latency.Summary keepAlive, Latency.Summary fresh, double keepAlivePerSecond,
                                 double freshPerSecond, long keepAliveConnections) {
        /** One row per way of connecting. */
        public HtmlTable table() {
            Table t = Table.create(String.format(Locale.ROOT, "%,d requests each, one client at a time", keepAlive.count()));
            StringColumn way = StringColumn.create("connection");
            DoubleColumn rate = DoubleColumn.create("requests/s"), p50 = DoubleColumn.create("p50 µs"),
                    p99 = DoubleColumn.create("p99 µs");
            IntColumn conns = IntColumn.create("TCP connections");
            way.append("keep-alive (one connection)").append("new connection per request");
            rate.append(Math.round(keepAlivePerSecond)).append(Math.round(freshPerSecond));
            p50.append(keepAlive.p50()).append(fresh.p50());
            p99.append(keepAlive.p99()).append(fresh.p99());
            conns.append((int) keepAliveConnections).append((int) fresh.count());
            return Tables.html(t.addColumns(way, rate, p50, p99, conns));
        }
    }

    /**
     * Sends {@code requests} GETs (after 100 unmeasured warm-up requests each) to a loopback server, first over one
     * keep-alive connection, then with a new TCP connection per request; one request at a time.
     *
     * @param requests 10..20,000
     */
    public static ConnectionRace keepAliveVsNew(int requests) {
        Check.inRange("requests", requests, 10, 20_000);
        try (LoopbackServer server = LoopbackServer.start("race", Http::hello)) {
            Latency keep = new Latency("keep-alive");
            Latency fresh = new Latency("new connection per request");
            long connections;
            long keepNanos, freshNanos;
            try (LoopbackClient client = LoopbackClient.to(server.uri())) {
                for (int i = 0; i < 100; i++) client.get("/hello");
                long start = System.nanoTime();
                for (int i = 0; i < requests; i++) {
                    long t0 = System.nanoTime();
                    requireOk(client.get("/hello").status());
                    keep.record((System.nanoTime() - t0) / 1_000);
                }
                keepNanos = System.nanoTime() - start;
                connections = client.connectionsOpened();
            }
            for (int i = 0; i < 100; i++) Wire.get(server.uri(), "/hello");
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                requireOk(Wire.get(server.uri(), "/hello").status());
                fresh.record((System.nanoTime() - t0) / 1_000);
            }
            freshNanos = System.nanoTime() - start;
            return new ConnectionRace(keep.summary(), fresh.summary(), requests / (keepNanos / 1e9),
                    requests / (freshNanos / 1e9), connections);
        }
    }

    private static void requireOk(int status) {
        if (status != 200) throw new IllegalStateException("the loopback server answered " + status + " instead of 200");
    }

    // ---------------------------------------------------------------- queueing at c workers

    /**
     * A queueing experiment's server and load.
     *
     * @param workers           worker threads (the c of M/M/c), 1..32
     * @param meanServiceMillis mean of the exponential service time each request sleeps, 1..100 ms
     * @param secondsPerLoad    how long each load level is offered, 0.2..10 s
     * @param connections       client connections (enough that requests wait at the server, not the client), 1..64
     */
    public record QueueSettings(int workers, double meanServiceMillis, double secondsPerLoad, int connections) {
        public QueueSettings {
            Check.inRange("workers", workers, 1, 32);
            Check.inRange("meanServiceMillis", meanServiceMillis, 1.0, 100.0);
            Check.inRange("secondsPerLoad", secondsPerLoad, 0.2, 10.0);
            Check.inRange("connections", connections, 1, 64);
        }

        /** 4 workers, 10 ms mean service (capacity 400 requests/s), 0.7 s per load level, 48 connections. */
        public static QueueSettings defaults() {
            return new QueueSettings(4, 10, 0.7, 48);
        }

        /** These settings with {@code count} workers. */
        public QueueSettings withWorkers(int count) {
            return new QueueSettings(count, meanServiceMillis, secondsPerLoad, connections);
        }

        /** These settings offering each load for {@code seconds}. */
        public QueueSettings withSecondsPerLoad(double seconds) {
            return new QueueSettings(workers, meanServiceMillis, seconds, connections);
        }

        /** Requests per second at utilisation {@code load} (0..1): load · c / S. */
        public double rateAt(double load) {
            return load * workers / (meanServiceMillis / 1_000);
        }
    }

    /**
     * One load level, measured (times in ms).
     *
     * @param load          offered utilisation ρ = λS/c with the nominal S
     * @param rate          λ actually achieved: requests answered / seconds from first due to last answered
     * @param requests      requests sent
     * @param errors        requests that failed
     * @param meanMillis    mean latency from each request's due time to its response (W)
     * @param stdErrMillis  standard error of that mean, from 10 batch means in send order (requests that queue
     *                      behind each other are correlated, so the plain σ/√n would be too small)
     * @param p99Millis     99th percentile latency
     * @param serviceMillis mean service time the handler really slept (sleep overshoots a little)
     * @param sampledL      mean number of requests inside the server (queued + in service), sampled every ms
     */
    public record QueuePoint(double load, double rate, int requests, long errors, double meanMillis, double stdErrMillis,
                             double p99Millis, double serviceMillis, double sampledL) {
        /** Little's law's right-hand side, λ·W. */
        public double littleLambdaW() {
            return rate * meanMillis / 1_000;
        }
    }

    /**
     * Latency vs offered load at a server with c workers, beside M/M/c theory.
     *
     * @param settings      what was run
     * @param points        one per load level
     * @param serviceMillis mean service time measured over all levels; theory uses it
     */
    public record QueueCurve(QueueSettings settings, List<QueuePoint> points, double serviceMillis) {
        public QueueCurve {
            points = List.copyOf(points);
        }

        /**
         * M/M/c mean response time (ms) at {@code rate} requests/s with the measured service time; NaN where
         * that rate is at or beyond the measured capacity (no steady state).
         */
        public double theoryMillis(double rate) {
            if (rate * serviceMillis / 1_000 >= settings.workers()) return Double.NaN;
            return Theory.meanResponseSeconds(rate, serviceMillis / 1_000, settings.workers()) * 1_000;
        }

        /** M/M/c 99th percentile response time (ms) at {@code rate}, measured service time; NaN beyond capacity. */
        public double theoryP99Millis(double rate) {
            if (rate * serviceMillis / 1_000 >= settings.workers()) return Double.NaN;
            return Theory.responsePercentileSeconds(rate, serviceMillis / 1_000, settings.workers(), 99) * 1_000;
        }

        /** Measured mean and p99 latency vs offered rate; M/M/c theory for the mean, dashed in its hue. */
        public Plot plot() {
            double capacity = settings.workers() / (serviceMillis / 1_000);
            double[] x = points.stream().mapToDouble(QueuePoint::rate).toArray();
            double[] grid = new double[60];
            double[] theory = new double[grid.length], theory99 = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                grid[i] = capacity * 0.95 * (i + 1) / grid.length;
                theory[i] = theoryMillis(grid[i]);
                theory99[i] = theoryP99Millis(grid[i]);
            }
            String measured = "mean latency, measured", measured99 = "p99 latency, measured";
            return Plot.line(String.format(Locale.ROOT, "Latency vs load: %d workers, exponential service, mean %.0f ms",
                            settings.workers(), settings.meanServiceMillis()), "offered load (requests/s)", "latency (ms)")
                    .points(measured, x, points.stream().mapToDouble(QueuePoint::meanMillis).toArray())
                    .points(measured99, x, points.stream().mapToDouble(QueuePoint::p99Millis).toArray())
                    .theoryOf(measured, "mean, M/M/c theory (Erlang C)", grid, theory)
                    .theoryOf(measured99, "p99, M/M/c theory", grid, theory99);
        }

        /** One row per load level: measured mean ± standard error, theory, p99, and both sides of L = λW. */
        public HtmlTable table() {
            Table t = Table.create(String.format(Locale.ROOT, "%d workers; measured service time %.2f ms",
                    settings.workers(), serviceMillis));
            DoubleColumn load = DoubleColumn.create("utilisation"), rate = DoubleColumn.create("requests/s"),
                    mean = DoubleColumn.create("mean ms"), se = DoubleColumn.create("± ms"),
                    theory = DoubleColumn.create("theory mean ms"), p99 = DoubleColumn.create("p99 ms"),
                    theory99 = DoubleColumn.create("theory p99 ms"),
                    l = DoubleColumn.create("L sampled"), lw = DoubleColumn.create("λ·W");
            for (QueuePoint p : points) {
                load.append(p.load());
                rate.append(round(p.rate(), 0));
                mean.append(round(p.meanMillis(), 1));
                se.append(round(p.stdErrMillis(), 1));
                theory.append(round(theoryMillis(p.rate()), 1));
                p99.append(round(p.p99Millis(), 1));
                theory99.append(round(theoryP99Millis(p.rate()), 1));
                l.append(round(p.sampledL(), 2));
                lw.append(round(p.littleLambdaW(), 2));
            }
            return Tables.html(t.addColumns(load, rate, mean, se, theory, p99, theory99, l, lw), Set.of("L sampled", "λ·W"));
        }
    }

    /**
     * Theory only: M/M/c mean response time, in multiples of the service time, vs utilisation, one dashed curve
     * per number of workers. Shows the knee: flat at low load, then rising without bound as ρ nears 1.
     */
    public static Plot knee(int... workers) {
        Check.notNull("workers", workers);
        Check.that(workers.length > 0 && workers.length <= 8, "workers", workers.length + " values", "must hold 1..8 values");
        Plot plot = Plot.line("M/M/c: mean latency vs utilisation (theory)", "utilisation ρ", "mean latency / service time")
                .yRange(0, 10).xRange(0, 1);
        double[] rho = new double[95];
        for (int i = 0; i < rho.length; i++) rho[i] = 0.01 * (i + 1) * 0.99;
        for (int c : workers) {
            Check.inRange("workers", c, 1, 1_000);
            int n = 0;
            while (n < rho.length && Theory.meanResponseSeconds(rho[n] * c, 1.0, c) <= 10) n++;
            double[] x = java.util.Arrays.copyOf(rho, n), w = new double[n];
            for (int i = 0; i < n; i++) w[i] = Theory.meanResponseSeconds(x[i] * c, 1.0, c);
            plot.theory(c + (c == 1 ? " worker" : " workers"), x, w);
        }
        return plot;
    }

    /**
     * Offers each utilisation in {@code loads} (each in (0, 0.95]) to a fresh server with
     * {@code settings.workers()} workers, open loop, and measures latency.
     */
    public static QueueCurve queueing(QueueSettings settings, double[] loads, long seed) {
        Check.notNull("settings", settings);
        Check.notNull("loads", loads);
        Check.that(loads.length > 0 && loads.length <= 12, "loads", loads.length + " levels", "must hold 1..12 levels");
        for (double load : loads) Check.inRange("load", load, 0.01, 0.95);
        List<QueuePoint> points = new ArrayList<>();
        double serviceSum = 0;
        long served = 0;
        for (int k = 0; k < loads.length; k++) {
            QueuePoint p = queueAt(settings, loads[k], seed + k);
            points.add(p);
            serviceSum += p.serviceMillis() * p.requests();
            served += p.requests();
        }
        return new QueueCurve(settings, points, serviceSum / served);
    }

    /**
     * One load level: a server with c workers whose handler sleeps an exponential time (request i's drawn
     * from {@code seed} and i), offered {@code load · c / S} requests per second for
     * {@code settings.secondsPerLoad()}, open loop; the number of requests inside the server is sampled
     * every millisecond meanwhile.
     */
    public static QueuePoint queueAt(QueueSettings settings, double load, long seed) {
        Check.notNull("settings", settings);
        Check.inRange("load", load, 0.01, 0.95);
        double rate = settings.rateAt(load);
        int requests = (int) Math.max(50, Math.round(rate * settings.secondsPerLoad()));
        double meanNanos = settings.meanServiceMillis() * 1e6;
        DoubleAdder slept = new DoubleAdder();
        Handler sleeper = request -> {
            if (request.path().equals("/warm")) return Reply.ok("warm");   // JIT warm-up: no service time
            int i = Integer.parseInt(request.path().substring("/work/".length()));
            double u = SplitMix64.unit(SplitMix64.mix(seed * SplitMix64.GOLDEN_GAMMA + i));
            long start = System.nanoTime();
            long until = start + (long) (-meanNanos * Math.log1p(-u));
            for (long left; (left = until - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
            slept.add((System.nanoTime() - start) / 1e6);
            return Reply.ok("ok");
        };
        try (LoopbackServer server = LoopbackServer.start("queue", settings.workers(), sleeper)) {
            try (LoopbackClient warm = LoopbackClient.to(server.uri())) {
                for (int i = 0; i < 50; i++) warm.get("/warm");
            }
            slept.reset();
            double[] latency = new double[requests];
            AtomicLong first = new AtomicLong(Long.MAX_VALUE), last = new AtomicLong();
            Sampler sampler = new Sampler(server);
            LoadGenerator.LoadResult r;
            try {
                r = LoadGenerator.run("queue", server.uri(), requests, i -> "/work/" + i,
                        new LoadSettings(rate, settings.connections()), (i, resp) -> resp.status() == 200,
                        (i, intended, sent, done) -> {
                            latency[i] = (done - intended) / 1e6;
                            first.accumulateAndGet(intended, Math::min);
                            last.accumulateAndGet(done, Math::max);
                        });
            } finally {
                sampler.stop();
            }
            long answered = r.latency().count();
            double seconds = (last.get() - first.get()) / 1e9;
            return new QueuePoint(load, answered / seconds, requests, r.errors(), r.latency().mean() / 1_000,
                    batchStdErr(latency), r.latency().p99() / 1_000.0, slept.sum() / answered, sampler.mean());
        }
    }

    /** Standard error of the mean from 10 consecutive batches (the batch-means method). */
    static double batchStdErr(double[] values) {
        int batches = 10, size = values.length / batches;
        if (size == 0) return Double.NaN;
        double[] means = new double[batches];
        for (int b = 0; b < batches; b++) {
            double s = 0;
            for (int i = b * size; i < (b + 1) * size; i++) s += values[i];
            means[b] = s / size;
        }
        double m = 0;
        for (double v : means) m += v / batches;
        double var = 0;
        for (double v : means) var += (v - m) * (v - m) / (batches - 1);
        return Math.sqrt(var / batches);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Samples {@link LoopbackServer#requestsInside()} every millisecond on a daemon thread until stopped. */
    private static final class Sampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private long sum, count;

        Sampler(LoopbackServer server) {
            thread = DaemonThreads.named("sdx-http-sampler").newThread(() -> {
                while (running.get()) {
                    long s = server.requestsInside();
                    synchronized (this) {
                        sum += s;
                        count++;
                    }
                    LockSupport.parkNanos(1_000_000);
                }
            });
            thread.start();
        }

        void stop() {
            running.set(false);
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized double mean() {
            return count == 0 ? 0 : (double) sum / count;
        }
    }
}
