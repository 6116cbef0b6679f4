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
    void closeNamesAHandlerThatIgnoresInterruptsAndServesNothingMore() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        LoopbackServer server = LoopbackServer.start("stubborn", 1, request -> {
            inside.countDown();
            while (!stop.get()) Thread.onSpinWait();        // never looks at its interrupt flag
            return Reply.ok("done");
        });
        int port = server.port();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write("GET /spin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            assertTrue(inside.await(10, java.util.concurrent.TimeUnit.SECONDS), "the handler was called");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> server.close(300));
            String m = e.getMessage();
            assertTrue(m.startsWith("server 'stubborn' is closed, but 1 handler thread ignored the interrupt"), m);
            assertTrue(m.contains("sdx-net-stubborn-") && m.contains("serving GET /spin") && m.contains("NetTest"), m);
            assertTrue(!listening(port), "no further requests: port " + port + " refuses connections");
            server.close();                                 // idempotent: reported once
        } finally {
            stop.set(true);                                 // end the stubborn handler ourselves
        }
        for (int i = 0; i < 100 && netThreads().stream().anyMatch(n -> n.startsWith("sdx-net-stubborn-")); i++) Thread.sleep(20);
        assertTrue(netThreads().stream().noneMatch(n -> n.startsWith("sdx-net-stubborn-")), "its thread ended: " + netThreads());
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

    @Test
    void requestParamsAreDecodedFirstValueWins() {
        var r = new LoopbackServer.Request("GET", "/sum", "a=2&b=x%20y&a=9&flag&=&c=%zz");
        assertEquals(java.util.Map.of("a", "2", "b", "x y", "flag", "", "", "", "c", "%zz"), r.params());
        assertEquals(java.util.Map.of(), new LoopbackServer.Request("GET", "/", "").params());
    }

    @Test
    void workersBoundConcurrencyAndRequestsInsideCountsTheQueue() throws InterruptedException {
        var baseline = netThreads();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger(), most =
                new java.util.concurrent.atomic.AtomicInteger();
        try (LoopbackServer server = LoopbackServer.start("three", 3, r -> {
            most.accumulateAndGet(busy.incrementAndGet(), Math::max);
            release.await();
            busy.decrementAndGet();
            return Reply.ok("done");
        })) {
            assertEquals(3, server.workers());
            List<Thread> clients = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Thread t = new Thread(() -> {
                    try (LoopbackClient c = LoopbackClient.to(server.uri())) {
                        c.get("/x");
                    }
                }, "sdx-test-client-" + i);
                t.setDaemon(true);
                t.start();
                clients.add(t);
            }
            for (int i = 0; i < 300 && (busy.get() < 3 || server.requestsInside() < 5); i++) Thread.sleep(10);
            assertEquals(3, busy.get(), "3 requests in their handlers");
            assertEquals(5, server.requestsInside(), "3 in service + 2 queued");
            release.countDown();
            for (Thread t : clients) t.join(5_000);
            assertEquals(3, most.get(), "at most 3 handled at once");
            // a worker counts as active until its task has returned, a moment after the client read the reply
            for (int i = 0; i < 200 && server.requestsInside() > 0; i++) Thread.sleep(10);
            assertEquals(0, server.requestsInside(), "nothing inside once every reply is back");
        }
        awaitBaseline(baseline);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoopbackServer.start("none", 0, r -> Reply.ok("")));
        assertTrue(e.getMessage().contains("workers"), e.getMessage());
    }

    @Test
    void observerSeesEveryAnsweredRequestInTimeOrder() {
        try (LoopbackServer server = LoopbackServer.start("obs", r -> Reply.ok("x"))) {
            long[][] seen = new long[50][];
            LoadResult r = LoadGenerator.run("obs", server.uri(), 50, i -> "/" + i, new LoadSettings(500, 2),
                    (i, resp) -> resp.status() == 200, (i, intended, sent, done) -> seen[i] = new long[] {intended, sent, done});
            assertEquals(0, r.errors());
            for (int i = 0; i < 50; i++) {
                assertTrue(seen[i] != null && seen[i][0] <= seen[i][1] && seen[i][1] <= seen[i][2], "request " + i);
                if (i > 0) assertTrue(seen[i][0] > seen[i - 1][0], "due times increase");
            }
        }
    }
}
