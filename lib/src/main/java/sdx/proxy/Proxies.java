package sdx.proxy;

import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;
import sdx.net.LoadGenerator;
import sdx.net.LoadGenerator.LoadSettings;
import sdx.net.LoopbackClient;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook 09's real-network experiments, each starting and closing everything it uses. */
public final class Proxies {
    private Proxies() {}

    /**
     * What an L4 and an L7 proxy can see, side by side.
     *
     * @param requests one row per request: which backend each proxy sent it to
     * @param l4Saw    the first bytes of each connection as the L4 proxy relayed them
     */
    public record LayerDemo(Table requests, List<String> l4Saw) {}

    /**
     * Three real backends, an L4 proxy (round robin per connection) and an L7 proxy (round robin per request,
     * and {@code /static/} routed to backend 0). Two client connections to each proxy, each sending
     * {@code /static/app.css}, {@code /api/cart}, {@code /api/user}: who served what.
     */
    public static LayerDemo layers() {
        String[] paths = {"/static/app.css", "/api/cart", "/api/user"};
        try (Backends backends = Backends.start(1, 10, 10, 10);
             L4Proxy l4 = L4Proxy.start(backends.uris());
             L7Proxy l7 = L7Proxy.start(backends, Policy.ROUND_ROBIN, 1).route("/static/", 0)) {
            IntColumn conn = IntColumn.create("connection");
            StringColumn path = StringColumn.create("request"), viaL4 = StringColumn.create("L4 proxy sent it to");
            StringColumn viaL7 = StringColumn.create("L7 proxy sent it to");
            for (int c = 1; c <= 2; c++) {
                try (LoopbackClient a = LoopbackClient.to(l4.uri()); LoopbackClient b = LoopbackClient.to(l7.uri())) {
                    for (String p : paths) {
                        conn.append(c);
                        path.append("GET " + p);
                        viaL4.append(servedBy(a.get(p).body()));
                        viaL7.append(servedBy(b.get(p).body()));
                    }
                }
            }
            return new LayerDemo(Table.create("one row per request").addColumns(conn, path, viaL4, viaL7), l4.firstBytes());
        }
    }

    private static String servedBy(String body) {
        return body.startsWith("backend=") ? "b" + body.substring(8, body.indexOf(' ')) : body;
    }

    /**
     * Each policy in turn on a real {@link L7Proxy} over real {@link Backends} of the given speeds: {@code requests}
     * GETs (each with its own id and a key from 1,000) at {@code ratePerSecond}, open loop over 8 connections,
     * after a 200-request warm-up of the whole path and 50 warm-up requests per policy. Bounded: at most 5,000 requests per policy at 200 to 5,000 per second.
     */
    public static List<ProxyRun> compare(double[] speeds, List<Policy> policies, int requests, double ratePerSecond,
                                         long seed) {
        Check.notEmpty("policies", policies);
        Check.inRange("requests", requests, 100, 5_000);
        Check.inRange("ratePerSecond", ratePerSecond, 200.0, 5_000.0);
        List<ProxyRun> runs = new ArrayList<>();
        try (Backends backends = Backends.start(seed, speeds)) {
            try (L7Proxy warmUp = L7Proxy.start(backends, Policy.ROUND_ROBIN, seed)) {   // JIT and sockets warm, so
                LoadGenerator.run("warm-up", warmUp.uri(), 200, i -> "/work?id=" + (-100 - i),   // the first policy
                        new LoadSettings(ratePerSecond, 8));                              // pays no start-up cost
            }
            for (Policy policy : policies) {
                try (L7Proxy proxy = L7Proxy.start(backends, Check.notNull("policy", policy), seed)) {
                    try (LoopbackClient warm = LoopbackClient.to(proxy.uri())) {
                        for (int i = 0; i < 50; i++) warm.get("/work?id=" + (-1 - i) + "&key=" + i);
                    }
                    backends.resetCounts();
                    var result = LoadGenerator.run(policy.label(), proxy.uri(), requests,
                            i -> "/work?id=" + i + "&key=" + Math.floorMod(i * 7919L + seed, 1_000L),
                            new LoadSettings(ratePerSecond, 8));
                    runs.add(new ProxyRun(policy.label(), backends.served(), result.latency(), result.errors()));
                }
            }
        }
        return runs;
    }

    /**
     * One way of living with a dead backend on the real {@link L7Proxy}.
     *
     * @param label       in words
     * @param ejectAfter  consecutive failures before the proxy ejects a backend (0: never)
     * @param retries     attempts on another backend after a failure
     */
    public record DeadBackendSetup(String label, int ejectAfter, int retries) {
        public DeadBackendSetup {
            Check.notNull("label", label);
            Check.inRange("ejectAfter", ejectAfter, 0, 1_000);
            Check.inRange("retries", retries, 0, 3);
        }

        /** The four setups notebook 09 compares: nothing, retry, eject, eject and retry. */
        public static List<DeadBackendSetup> standard() {
            return List.of(new DeadBackendSetup("no health check", 0, 0),
                    new DeadBackendSetup("retry once elsewhere", 0, 1),
                    new DeadBackendSetup("eject after 3 failures", 3, 0),
                    new DeadBackendSetup("eject after 3 + retry once", 3, 1));
        }
    }

    /**
     * What one setup measured.
     *
     * @param setup          the setup
     * @param requests       requests the client sent
     * @param clientErrors   answers the client got that were not 200
     * @param attempts       requests the proxy sent to backends
     * @param failedAttempts of which the backend did not answer
     * @param served         requests each backend answered
     */
    public record DeadBackendRun(DeadBackendSetup setup, int requests, long clientErrors, long attempts,
                                 long failedAttempts, long[] served) {
        public DeadBackendRun {
            Check.notNull("setup", setup);
            served = Check.notNull("served", served).clone();
        }

        @Override
        public long[] served() {
            return served.clone();
        }
    }

    /**
     * Four equal real backends behind the real {@link L7Proxy} (round robin); one client sends {@code requests}
     * GETs one after another, and backend 1 is killed (its port closed) just before request {@code killAt}. Each
     * setup gets fresh backends and a fresh proxy. With one client in sequence and round robin the counts do not
     * depend on timing: the same arguments give the same table.
     *
     * @param requests 40 to 4,000
     * @param killAt   0 to requests
     */
    public static List<DeadBackendRun> deadBackend(List<DeadBackendSetup> setups, int requests, int killAt, long seed) {
        Check.notEmpty("setups", setups);
        Check.inRange("requests", requests, 40, 4_000);
        Check.inRange("killAt", killAt, 0, requests);
        List<DeadBackendRun> runs = new ArrayList<>();
        for (DeadBackendSetup setup : setups) {
            Check.notNull("setup", setup);
            try (Backends backends = Backends.start(seed, 10, 10, 10, 10);
                 L7Proxy proxy = L7Proxy.start(backends, Policy.ROUND_ROBIN, seed).retries(setup.retries());
                 LoopbackClient client = LoopbackClient.to(proxy.uri())) {
                if (setup.ejectAfter() > 0) proxy.ejectAfter(setup.ejectAfter());
                long errors = 0;
                for (int i = 0; i < requests; i++) {
                    if (i == killAt) backends.kill(1);
                    if (client.get("/work?id=" + i).status() != 200) errors++;
                }
                L7Proxy.Counts counts = proxy.counts();
                runs.add(new DeadBackendRun(setup, requests, errors, counts.attempts(), counts.failedAttempts(),
                        backends.served()));
            }
        }
        return runs;
    }

    /** The runs side by side, with the failures the simple counting argument predicts for each. */
    public static Table deadBackendTable(List<DeadBackendRun> runs, int killAt) {
        Check.notEmpty("runs", runs);
        StringColumn setup = StringColumn.create("setup"), served = StringColumn.create("served per backend");
        IntColumn errors = IntColumn.create("client errors"), predicted = IntColumn.create("predicted errors"),
                attempts = IntColumn.create("attempts"), failed = IntColumn.create("failed attempts");
        for (DeadBackendRun r : runs) {
            setup.append(r.setup().label());
            errors.append((int) r.clientErrors());
            predicted.append((int) Theory.deadBackendErrors(r.requests(), killAt, 4, r.setup().ejectAfter(), r.setup().retries()));
            attempts.append((int) r.attempts());
            failed.append((int) r.failedAttempts());
            served.append(java.util.Arrays.toString(r.served()));
        }
        return Table.create("backend 1 killed before request " + killAt + " (real HTTP, round robin over 4)")
                .addColumns(setup, errors, predicted, attempts, failed, served);
    }
}
