package sdx.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import sdx.net.LoopbackServer.Reply;

/** Request headers and bodies, and server-sent-event streams, over real loopback HTTP. */
class StreamingNetTest {
    private static List<String> netThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("sdx-net-") || n.startsWith("HTTP-Dispatcher")).sorted().toList();
    }

    private static void awaitBaseline(List<String> baseline) throws InterruptedException {
        for (int i = 0; i < 100 && !netThreads().equals(baseline); i++) Thread.sleep(20);
        assertEquals(baseline, netThreads(), "threads left running");
    }

    @Test
    void handlerSeesHeadersAndBody() {
        try (LoopbackServer server = LoopbackServer.start("hdr", r -> Reply.ok(r.method() + "|" + r.header("X-Cursor").orElse("none")
                + "|" + r.header("x-cursor").orElse("none") + "|" + r.body()));
             LoopbackClient client = LoopbackClient.to(server.uri())) {
            assertEquals("GET|none|none|", client.get("/").body());
            assertEquals("GET|17|17|", client.get("/", Map.of("X-Cursor", "17")).body());
            assertEquals("POST|3|3|héllo\nworld", client.send("POST", "/p", Map.of("X-Cursor", "3"), "héllo\nworld").body());
            assertEquals("GET|none|none|", client.get("/").body(), "the connection is still in step after a body");
            assertEquals(1, client.connectionsOpened());
            assertEquals(4, server.requestsHandled());
        }
    }

    @Test
    void badHeadersAndMethodsAreRefusedByName() {
        try (LoopbackServer server = LoopbackServer.start("bad", r -> Reply.ok(""));
             LoopbackClient client = LoopbackClient.to(server.uri())) {
            var e = assertThrows(IllegalArgumentException.class, () -> client.get("/", Map.of("X-A", "1\r\nX-B: 2")));
            assertTrue(e.getMessage().contains("headers"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> client.send("get", "/", Map.of(), ""));
            assertThrows(IllegalArgumentException.class, () -> LoopbackClient.to(server.uri(), 0));
            assertThrows(IllegalArgumentException.class, () -> Reply.events(null));
        }
    }

    @Test
    void eventsArriveInOrderWithIdsAndMultiLineData() throws InterruptedException {
        var baseline = netThreads();
        try (LoopbackServer server = LoopbackServer.start("sse", 4, r -> {
            int from = Integer.parseInt(r.header("Last-Event-ID").orElse("0"));
            return Reply.events(sink -> {
                for (int i = from + 1; i <= from + 3; i++) sink.send(String.valueOf(i), "event " + i);
                sink.send("two\nlines");
            });
        }); LoopbackClient client = LoopbackClient.to(server.uri())) {
            try (EventStream s = client.events("/feed", Map.of())) {
                assertEquals(new EventStream.Event("1", "message", "event 1"), s.next());
                assertEquals(new EventStream.Event("2", "message", "event 2"), s.next());
                assertEquals(new EventStream.Event("3", "message", "event 3"), s.next());
                assertEquals("two\nlines", s.next().data());
                assertNull(s.next(), "the source returned: the stream ends");
            }
            try (EventStream s = client.events("/feed", Map.of("Last-Event-ID", "3"))) {
                assertEquals("4", s.next().id(), "a reconnect resumes after Last-Event-ID");
            }
        }
        awaitBaseline(baseline);
    }

    @Test
    void aClientThatHangsUpEndsTheSource() throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        try (LoopbackServer server = LoopbackServer.start("hangup", 2, r -> Reply.events(sink -> {
            try {
                while (sink.send("tick")) Thread.sleep(5);
            } finally {
                ended.countDown();
            }
        })); LoopbackClient client = LoopbackClient.to(server.uri())) {
            EventStream s = client.events("/", Map.of());
            assertEquals("tick", s.next().data());
            assertEquals(1, server.openStreams());
            s.close();
            assertTrue(ended.await(3, TimeUnit.SECONDS), "the source saw the client go within 3 s");
            for (int i = 0; i < 100 && server.openStreams() > 0; i++) Thread.sleep(10);
            assertEquals(0, server.openStreams());
        }
    }

    @Test
    void closingTheServerEndsAnEndlessStreamAndLeavesNoThread() throws InterruptedException {
        var baseline = netThreads();
        LoopbackServer server = LoopbackServer.start("endless", 2, r -> Reply.events(sink -> {
            sink.send("hello");
            new CountDownLatch(1).await();                   // waits forever, interruptibly
        }));
        LoopbackClient client = LoopbackClient.to(server.uri(), 3_000);
        EventStream s = client.events("/", Map.of());
        assertEquals("hello", s.next().data());
        long t0 = System.nanoTime();
        server.close();
        assertNull(s.next(), "the stream ends when the server closes");
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "the stream ended promptly");
        s.close();
        client.close();
        awaitBaseline(baseline);
    }

    @Test
    void aNonStreamAnswerIsAClearError() {
        try (LoopbackServer server = LoopbackServer.start("plain", r -> Reply.of(404, "no feed here"));
             LoopbackClient client = LoopbackClient.to(server.uri())) {
            var e = assertThrows(IllegalStateException.class, () -> client.events("/x", Map.of()));
            assertTrue(e.getMessage().contains("404") && e.getMessage().contains("text/event-stream"), e.getMessage());
        }
    }
}
