package sdx.streaming.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.net.LoopbackClient;
import sdx.streaming.EventLog;
import sdx.streaming.FeedEvent;
import sdx.streaming.FeedServer;
import sdx.streaming.LongPoll;

/**
 * Hidden checks for exercise 1, over real HTTP: the learner's handler serves {@code /longpoll} on a loopback
 * {@link FeedServer}; clients ask with their cursor. Hand-made cases first (basic), then clients that reconnect
 * with their cursor while events arrive in seeded bursts. An exception in the handler (on the server's thread)
 * is re-thrown here, so a stub reads "not attempted" and a bug names itself. Every server is closed at the
 * end of its check, which interrupts a handler still waiting.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class LongPollChecks {
    private final LongPoll.Factory factory = Grader.submission(LongPoll.Factory.class);

    /** The learner's handler, remembering the first exception it threw on a server thread. */
    private static final class Captured implements LongPoll {
        final LongPoll inner;
        final AtomicReference<RuntimeException> error = new AtomicReference<>();

        Captured(LongPoll inner) {
            this.inner = inner;
        }

        @Override
        public List<FeedEvent> poll(EventLog log, long cursor, long timeoutMillis) throws InterruptedException {
            try {
                return inner.poll(log, cursor, timeoutMillis);
            } catch (RuntimeException e) {
                error.compareAndSet(null, e);
                throw e;
            }
        }
    }

    /** A server with the learner's handler; {@link #ask} one long poll. */
    private final class Rig implements AutoCloseable {
        final EventLog log = new EventLog();
        final Captured handler = new Captured(factory.create());
        final FeedServer server = FeedServer.start(log, handler, 8);

        /** One long poll over HTTP: the seqs answered, and the time it took (ms) in {@code tookMs[0]}. */
        List<Long> ask(LoopbackClient client, long cursor, long timeoutMs, long[] tookMs) {
            long t0 = System.nanoTime();
            LoopbackClient.Response r;
            try {
                r = client.get("/longpoll?after=" + cursor + "&timeout=" + timeoutMs);
            } catch (UncheckedIOException e) {
                rethrow();
                fail("no answer within " + (timeoutMs + 1_500) + " ms to a long poll with timeout " + timeoutMs
                        + " ms: does your handler return when its time is up?");
                return List.of();
            }
            if (tookMs != null) tookMs[0] = (System.nanoTime() - t0) / 1_000_000;
            rethrow();
            assertEquals(200, r.status(), "HTTP status (body: " + r.body().strip() + ")");
            return FeedServer.parse(r.body()).stream().map(FeedEvent::seq).toList();
        }

        void rethrow() {
            RuntimeException e = handler.error.get();
            if (e != null) throw e;
        }

        LoopbackClient client(long timeoutMs) {
            return LoopbackClient.to(server.uri(), (int) timeoutMs + 1_500);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private static List<Long> seqs(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    @Order(1)
    @DisplayName("events newer than the cursor exist: all of them, oldest first, at once")
    @Hint("check the log before waiting: log.after(cursor) is the answer when it is not empty")
    @Basic
    void newerEventsAtOnce() {
        try (Rig rig = new Rig(); LoopbackClient client = rig.client(2_000)) {
            for (int i = 0; i < 5; i++) rig.log.publish("e" + i);
            long[] took = new long[1];
            assertEquals(seqs(3, 5), rig.ask(client, 2, 2_000, took), "the answer to cursor 2 with events 1..5 in the log");
            assertTrue(took[0] < 1_000, "answered after " + took[0] + " ms; with news waiting, answer at once, not after the timeout");
            assertEquals(seqs(1, 5), rig.ask(client, 0, 2_000, null), "the answer to cursor 0");
        }
    }

    @Test
    @Order(2)
    @DisplayName("nothing new: the request waits, and is answered as soon as an event is published")
    @Hint("while nothing is newer than the cursor, wait on the log's monitor: synchronized (log) { log.wait(ms); }")
    @Basic
    void waitsForTheNextEvent() throws InterruptedException {
        try (Rig rig = new Rig(); LoopbackClient client = rig.client(3_000)) {
            rig.log.publish("e1");
            rig.log.publish("e2");
            Thread publisher = later(300, () -> rig.log.publish("e3"));
            long[] took = new long[1];
            try {
                assertEquals(seqs(3, 3), rig.ask(client, 2, 3_000, took), "the answer to cursor 2 when event 3 comes 300 ms later");
            } finally {
                publisher.join(2_000);
            }
            assertTrue(took[0] >= 250, "answered after " + took[0] + " ms, before the event existed");
            assertTrue(took[0] < 1_500, "answered " + took[0] + " ms after the request, though the event came after 300 ms: "
                    + "wake up when the log changes instead of sleeping");
        }
    }

    @Test
    @Order(3)
    @DisplayName("nothing new before the timeout: an empty answer once the timeout has passed")
    @Hint("wait with a deadline: log.wait(millisLeft) in a loop, and return List.of() when the time is up")
    @Basic
    void timesOutEmpty() {
        try (Rig rig = new Rig(); LoopbackClient client = rig.client(400)) {
            long[] took = new long[1];
            assertEquals(List.of(), rig.ask(client, 0, 400, took), "the answer when nothing is published");
            assertTrue(took[0] >= 350, "answered after " + took[0] + " ms: hold the request until the 400 ms timeout");
        }
    }

    @Test
    @Order(4)
    @DisplayName("3 clients reconnecting with their cursor while 100 events arrive in bursts (2 seeds): each gets every event once, in order")
    @Hint("after a wake-up, answer log.after(cursor): everything newer than the cursor, not just the newest event")
    void noLossNoDuplicatesAcrossReconnects() throws InterruptedException {
        for (long seed = 1; seed <= 2; seed++) {
            try (Rig rig = new Rig()) {
                Random random = new Random(seed);
                List<List<Long>> got = new ArrayList<>();
                List<Thread> clients = new ArrayList<>();
                AtomicReference<Throwable> failure = new AtomicReference<>();
                for (int c = 0; c < 3; c++) {
                    List<Long> mine = new ArrayList<>();
                    got.add(mine);
                    clients.add(start("sdx-grader-client-" + c, () -> {
                        try (LoopbackClient client = rig.client(500)) {
                            long cursor = 0;
                            long until = System.nanoTime() + 3_000_000_000L;
                            while (cursor < 100 && System.nanoTime() < until) {
                                for (long s : rig.ask(client, cursor, 500, null)) {
                                    mine.add(s);
                                    cursor = Math.max(cursor, s);
                                }
                            }
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                        }
                    }));
                }
                for (int published = 0; published < 100; ) {
                    for (int k = 1 + random.nextInt(4); k > 0 && published < 100; k--, published++) rig.log.publish("e" + published);
                    Thread.sleep(random.nextInt(15));
                }
                for (Thread t : clients) t.join(4_000);
                if (failure.get() instanceof RuntimeException e) throw e;
                if (failure.get() instanceof Error e) throw e;
                for (int c = 0; c < 3; c++) {
                    assertEquals(seqs(1, 100), List.copyOf(got.get(c)), "seed " + seed + ": the events client " + c + " received");
                }
            }
        }
    }

    private static Thread later(long millis, Runnable action) {
        return start("sdx-grader-publisher", () -> {
            try {
                Thread.sleep(millis);
                action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
