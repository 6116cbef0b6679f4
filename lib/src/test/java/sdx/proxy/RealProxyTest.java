package sdx.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real proxies on 127.0.0.1: what each layer routes, nothing left running. */
class RealProxyTest {

    private static long proxyThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("sdx-l4proxy") || t.getName().startsWith("sdx-net-l7proxy")
                        || t.getName().startsWith("sdx-net-backend"))
                .count();
    }

    @Test
    void l4BalancesConnectionsL7BalancesRequests() throws InterruptedException {
        Proxies.LayerDemo demo = Proxies.layers();
        var t = demo.requests();
        // L4: one backend per connection, round robin over connections.
        assertEquals(List.of("b0", "b0", "b0", "b1", "b1", "b1"), t.stringColumn("L4 proxy sent it to").asList());
        // L7: /static/ always to b0; the rest round robin per request.
        List<String> l7 = t.stringColumn("L7 proxy sent it to").asList();
        assertEquals("b0", l7.get(0));
        assertEquals("b0", l7.get(3));
        assertTrue(l7.subList(1, 3).stream().distinct().count() == 2, l7.toString());
        assertTrue(demo.l4Saw().get(0).startsWith("GET /static/app.css HTTP/1.1"), demo.l4Saw().toString());
        for (int i = 0; i < 50 && proxyThreads() > 0; i++) Thread.sleep(100);
        assertEquals(0, proxyThreads(), "threads left running");
    }

    @Test
    void everyPolicyServesEveryRequestOnTheRealProxy() throws InterruptedException {
        List<ProxyRun> runs = Proxies.compare(new double[] {1, 1, 2, 4}, List.of(Policy.values()), 300, 1_000, 5);
        assertEquals(Policy.values().length, runs.size());
        for (ProxyRun r : runs) {
            assertEquals(0, r.errors(), r.policy());
            assertEquals(300, Arrays.stream(r.served()).sum(), r.policy());
        }
        for (int i = 0; i < 50 && proxyThreads() > 0; i++) Thread.sleep(100);
        assertEquals(0, proxyThreads(), "threads left running");
    }
}
