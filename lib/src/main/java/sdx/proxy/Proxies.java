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
}
