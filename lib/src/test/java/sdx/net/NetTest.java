package sdx.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdx.net.LoadGenerator.LoadResult;
import sdx.net.LoadGenerator.LoadSettings;
import sdx.net.LoopbackServer.Reply;

class NetTest {

    private static List<String> netThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("sdx-net-") || n.startsWith("sdx-load-") || n.startsWith("HTTP-Dispatcher"))
                .sorted().toList();
    }

    private static void awaitBaseline(List<String> baseline) throws InterruptedException {
        for (int i = 0; i < 100 && !netThreads().equals(baseline); i++) Thread.sleep(20);
        assertEquals(baseline, netThreads(), "threads left running");
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void serverOnLoopbackAnswersOverOneKeptAliveConnectionAndLeavesNothing() throws InterruptedException {
        var baseline = netThreads();
        int port;
        try (LoopbackServer server = LoopbackServer.start("echo", r -> Reply.ok(r.method() + " " + r.path() + "?" + r.query())
                .withHeader("X-Test", "yes"))) {
            port = server.port();
            assertTrue(server.uri().toString().startsWith("http://127.0.0.1:"));
            try (LoopbackClient client = LoopbackClient.to(server.uri())) {
                for (int i = 0; i < 10; i++) {
                    LoopbackClient.Response r = client.get("/a/" + i + "?x=1");
                    assertEquals(200, r.status());
                    assertEquals("GET /a/" + i + "?x=1", r.body());
                    assertEquals("yes", r.headers().get("x-test"));
                }
                assertEquals(1, client.connectionsOpened(), "keep-alive: one TCP connection for ten requests");
            }
        }
        assertTrue(!listening(port), "port " + port + " still accepts connections after close()");
        awaitBaseline(baseline);
    }

    @Test
    void aFailingHandlerIsA500AndAnEmptyBodyIsFine() {
        try (LoopbackServer server = LoopbackServer.start("fail", r -> {
                    if (r.path().equals("/empty")) return Reply.of(204, "");
                    throw new IllegalStateException("boom");
                });
             LoopbackClient client = LoopbackClient.to(server.uri())) {
            LoopbackClient.Response r = client.get("/x");
            assertEquals(500, r.status());
            assertTrue(r.body().contains("boom"));
            assertEquals(204, client.get("/empty").status());
            assertEquals(500, client.get("/again").status(), "the connection survives both");
        }
    }

    @Test
    void aPartialStartClosesWhatItStarted() throws InterruptedException {
        var baseline = netThreads();
        var e = assertThrows(IllegalStateException.class, () -> LoopbackServer.startAll("part", 4, i -> {
            if (i == 2) throw new IllegalStateException("handler 2 cannot be built");
            return r -> Reply.ok("" + i);
        }));
        assertEquals("handler 2 cannot be built", e.getMessage());
        awaitBaseline(baseline);  // the two servers that started (their dispatcher and pool threads) are gone
    }

    @Test
    void onlyLoopbackAddressesAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> LoopbackClient.to(URI.create("http://example.com:80")));
        assertThrows(IllegalArgumentException.class, () -> LoopbackClient.to(URI.create("https://127.0.0.1:8443")));
        assertThrows(IllegalArgumentException.class, () -> new LoadSettings(0, 1));
    }

    @Test
    void openLoopLatencyCountsTheWaitBehindAStallThatServiceTimeHides() throws InterruptedException {
        var baseline = netThreads();
        LoadResult r;
        try (LoopbackServer server = LoopbackServer.start("stall", req -> {
            if (req.path().equals("/10")) Thread.sleep(300);
            return Reply.ok("ok");
        })) {
            // 100 requests, one every 5 ms, over one connection: request 10 (due at 50 ms) stalls 300 ms, so
            // requests 11..69 (due up to 345 ms) queue behind it. About 59 of 100 wait; by intended time,
            // request 11 waits ~295 ms and request 60 ~45 ms, so the p50 is tens of ms and the p90 ~ 250 ms.
            // Their service time, counted from the real send, stays small: only request 10 is slow.
            r = LoadGenerator.run("stall", server.uri(), 100, i -> "/" + i, new LoadSettings(200, 1));
        }
        assertEquals(100, r.requests());
        assertEquals(0, r.errors());
        assertTrue(r.latency().p90() >= 150_000, "latency p90 " + r.latency().p90() + " µs");
        // Under load on a shared 2-core machine a request may take a few ms; 50 ms is far below the stall.
        assertTrue(r.serviceTime().p90() < 50_000, "service p90 " + r.serviceTime().p90() + " µs");
        assertTrue(r.serviceTime().max() >= 300_000, "the stall itself is seen once");
        awaitBaseline(baseline);
    }
}
