package sdx.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdx.net.EventStream;
import sdx.net.LoopbackClient;

/** The simulator's measurements agree with {@link Theory}; the loopback feed server delivers every event once. */
class StreamingTest {
    /** 300 s of virtual time at 20 events/s: about 6,000 events, so the event count's relative spread is 1/√6000 ≈ 1.3 %. */
    static final FeedSettings LONG = FeedSettings.defaults().withSeconds(300).withClients(10);

    @Test
    void shortPollingStalenessIsHalfTheIntervalPlusTheDelayAndRequestsAreCOverI() {
        for (double interval : new double[] {20, 100, 500}) {
            DeliveryRun r = Streaming.simulate(Protocol.SHORT_POLL, LONG.withInterval(interval), 7);
            // staleness: the mean of ~60,000 deliveries of a uniform(0, I) wait plus d; the 10 clients' phases are
            // fixed per run, so the spread is that of 10 uniform phases over 6,000 events each: 3 % of I/2 covers it.
            assertEquals(r.theoryStaleness(), r.meanStalenessMs(), 0.03 * interval / 2 + 0.01, "staleness at I = " + interval);
            // requests: each client polls every I exactly; only the phase decides whether the last tick falls in.
            assertEquals(r.theoryRequestsPerSecond(), r.requestsPerSecond(), 10 / 300.0 + 1e-9, "requests/s at I = " + interval);
            assertEquals(0, r.meanOpen(), "nothing is held open by short polls");
            assertEquals(0, r.missing() + r.duplicates(), "every event exactly once");
            assertEquals(r.events() * 10, r.deliveries());
        }
    }

    @Test
    void longPollingAndStreamingMatchTheirModels() {
        for (double d : new double[] {1, 20}) {
            FeedSettings s = LONG.withDelay(d);
            DeliveryRun lp = Streaming.simulate(Protocol.LONG_POLL, s, 7);
            // the model takes λ as given; the run's own event count is Poisson (±1.3 %), and the model ignores the
            // correlation between consecutive gaps: 5 % on requests and open connections, 5 % on staleness.
            double rate = lp.events() / s.seconds();
            FeedSettings actual = s.withEventsPerSecond(rate);
            assertEquals(actual.theoryRequestsPerSecond(Protocol.LONG_POLL), lp.requestsPerSecond(),
                    0.05 * actual.theoryRequestsPerSecond(Protocol.LONG_POLL), "long-poll requests/s at d = " + d);
            assertEquals(actual.theoryOpen(Protocol.LONG_POLL), lp.meanOpen(), 0.05 * 10, "long polls held at d = " + d);
            assertEquals(actual.theoryStaleness(Protocol.LONG_POLL), lp.meanStalenessMs(), 0.05 * d + 0.01, "long-poll staleness at d = " + d);
            assertEquals(0, lp.missing() + lp.duplicates());
            DeliveryRun sse = Streaming.simulate(Protocol.SSE, s, 7);
            // HdrHistogram (under sdx.core.Latency) keeps 3 significant digits: 0.1 % of d
            assertEquals(d, sse.meanStalenessMs(), 0.001 * d + 0.002, "a pushed event is one delay old (constant delay)");
            assertEquals(10, sse.meanOpen(), 0.01, "one stream per client, all the time");
            assertEquals(10 / s.seconds(), sse.requestsPerSecond(), 1e-9, "one request per client in all");
            assertEquals(0, sse.missing() + sse.duplicates());
        }
    }

    @Test
    void aRunWithoutEventsReportsNoStalenessRatherThanFailing() {
        DeliveryRun r = Streaming.simulate(Protocol.SSE, FeedSettings.defaults().withEventsPerSecond(0.001).withSeconds(1), 1);
        assertEquals(0, r.events());
        assertTrue(Double.isNaN(r.meanStalenessMs()));
        DeliveryRun l = Streaming.loopback(Protocol.SHORT_POLL, FeedSettings.defaults().withEventsPerSecond(0.1).withSeconds(0.05), 1);
        assertTrue(l.events() > 0 || Double.isNaN(l.meanStalenessMs()));
    }

    @Test
    void sameSeedSameNumbers() {
        FeedSettings s = FeedSettings.defaults().withSeconds(5);
        assertEquals(Streaming.simulate(Protocol.LONG_POLL, s, 3), Streaming.simulate(Protocol.LONG_POLL, s, 3));
    }

    @Test
    void sweepsHaveOneRunPerPointAndDraw() {
        IntervalSweep sweep = Streaming.intervals(new double[] {50, 200}, FeedSettings.defaults().withSeconds(5), 1);
        assertEquals(2, sweep.polls().size());
        assertTrue(sweep.plotStaleness().seriesCount() >= 4);
        assertEquals(4, sweep.table().rowCount(), "two intervals, long polling, streaming");
        ClientSweep c = Streaming.clients(new int[] {1, 5}, FeedSettings.defaults().withSeconds(5), 1);
        assertEquals(6, c.table().rowCount());
        assertEquals(5, c.of(Protocol.SSE).get(1).meanOpen(), 0.01);
    }

    @Test
    void badSettingsAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> FeedSettings.defaults().withClients(0));
        assertTrue(e.getMessage().contains("clients"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Streaming.loopback(Protocol.SSE, FeedSettings.defaults(), 1));
        assertTrue(e.getMessage().contains("seconds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Streaming.simulate(Protocol.SSE, FeedSettings.defaults().withClients(200).withSeconds(1_000), 1));
        assertTrue(e.getMessage().contains("deliveries"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EventLog().after(-1));
    }

    @Test
    void pollIntervalRangeFollowsBothConstraints() {
        double[] r = Theory.pollIntervalRange(1_000, 500, 1_500, 0);
        assertEquals(2_000, r[0], 1e-9, "1,000 clients within 500 requests/s: one poll each per 2 s at most");
        assertEquals(3_000, r[1], 1e-9, "mean staleness I/2 <= 1.5 s");
    }

    private static List<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("sdx-") || n.startsWith("HTTP-Dispatcher")).sorted().toList();
    }

    @Test
    void loopbackDeliversEveryEventOnceByEachProtocolAndLeavesNothing() throws InterruptedException {
        List<String> before = threads();
        for (Protocol p : Protocol.values()) {
            DeliveryRun r = Streaming.loopback(p, FeedSettings.defaults().withClients(4).withSeconds(0.4).withInterval(50), 5);
            assertEquals(0, r.missing(), p + ": missing");
            assertEquals(0, r.duplicates(), p + ": duplicates");
            assertEquals(r.events() * 4, r.deliveries(), p + ": deliveries");
            assertTrue(r.events() > 0, p + ": some events");
        }
        for (int i = 0; i < 100 && !threads().equals(before); i++) Thread.sleep(20);
        assertEquals(before, threads(), "threads left running");
    }

    @Test
    void feedServerStreamsResumeFromLastEventId() {
        EventLog log = new EventLog();
        for (int i = 1; i <= 5; i++) log.publish("e" + i);
        try (FeedServer server = FeedServer.start(log, new WaitingLongPoll(), 4);
             LoopbackClient client = LoopbackClient.to(server.uri(), 3_000);
             EventStream s = client.events("/stream", Map.of("Last-Event-ID", "3"))) {
            assertEquals("4", s.next().id());
            assertEquals("5", s.next().id());
            log.publish("e6");
            EventStream.Event e6 = s.next();
            assertEquals("6", e6.id());
            assertTrue(e6.data().endsWith(" e6"));
            assertEquals(List.of(), FeedServer.parse(client.get("/poll?after=6").body()));
            assertEquals(400, client.get("/poll?after=x").status());
            assertEquals(List.of("e5", "e6"), FeedServer.parse(client.get("/longpoll?after=4&timeout=50").body())
                    .stream().map(FeedEvent::data).toList());
        }
    }
}
