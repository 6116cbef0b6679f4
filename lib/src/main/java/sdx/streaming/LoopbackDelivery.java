package sdx.streaming;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.DaemonThreads;
import sdx.core.Latency;
import sdx.core.Rng;
import sdx.net.EventStream;
import sdx.net.LoopbackClient;

/** {@link Streaming#loopback}: one protocol, for real, on a loopback {@link FeedServer}. */
final class LoopbackDelivery {
    private static final AtomicInteger IDS = new AtomicInteger();

    private LoopbackDelivery() {}

    /** One client's tally (written by its thread, read after the thread has ended). */
    private static final class Tally {
        final Latency staleness;                        // shared by all clients: record under its lock
        volatile long cursor;
        long received;
        long duplicates;
        long missing;

        Tally(Latency staleness) {
            this.staleness = staleness;
        }

        void receive(List<FeedEvent> events) {
            long now = System.nanoTime();
            for (FeedEvent e : events) {
                if (e.seq() <= cursor) {
                    duplicates++;
                    continue;
                }
                missing += e.seq() - cursor - 1;
                cursor = e.seq();
                received++;
                synchronized (staleness) {
                    staleness.record(Math.max(0, (now - e.published()) / 1_000));
                }
            }
        }
    }

    static DeliveryRun run(Protocol protocol, FeedSettings settings, long seed) {
        Check.notNull("protocol", protocol);
        Check.notNull("settings", settings);
        Check.inRange("settings.clients", settings.clients(), 1, 100);
        Check.inRange("settings.seconds", settings.seconds(), 0.05, 3.0);
        Check.inRange("settings.intervalMs", settings.intervalMs(), 5.0, 2_000.0);
        Check.inRange("settings.timeoutMs", settings.timeoutMs(), 10.0, 5_000.0);
        Check.inRange("settings.eventsPerSecond", settings.eventsPerSecond(), 0.1, 1_000.0);
        UniformRandomProvider rng = Rng.of(seed);
        int clients = settings.clients();
        Tally[] tallies = new Tally[clients];
        Latency all = new Latency(protocol.label());
        EventLog log = new EventLog();
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                DaemonThreads.named("sdx-feed-client-" + IDS.incrementAndGet()));
        CountDownLatch ended = new CountDownLatch(clients);
        long intervalNanos = Math.round(settings.intervalMs() * 1e6);
        try (FeedServer server = FeedServer.start(log, new WaitingLongPoll(), Math.min(256, clients + 4))) {
            long t0 = System.nanoTime();                      // requests are counted from here, the clients' first included
            for (int c = 0; c < clients; c++) {
                Tally t = tallies[c] = new Tally(all);
                long phase = (long) (rng.nextDouble() * intervalNanos);
                pool.execute(() -> {
                    try {
                        follow(protocol, server, settings, t, phase, intervalNanos);
                    } finally {
                        ended.countDown();
                    }
                });
            }
            awaitHeld(protocol, server, clients);
            long start = System.nanoTime();                   // publishing starts once every client is listening
            long end = start + Math.round(settings.seconds() * 1e9);
            double inside = 0;
            long samples = 0;
            long next = start + gap(rng, settings.eventsPerSecond());
            while (true) {
                long now = System.nanoTime();
                if (now >= end) break;
                if (now >= next) {
                    log.publish("event");
                    next += gap(rng, settings.eventsPerSecond());
                    continue;
                }
                inside += server.requestsInside();
                samples++;
                LockSupport.parkNanos(Math.min(2_000_000, Math.min(next, end) - now));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long requests = server.requestsHandled();
            long last = log.latestSeq();
            long wait = System.nanoTime() + intervalNanos + Math.round(settings.timeoutMs() * 1e6) + 3_000_000_000L;   // at most: usually at once
            while (System.nanoTime() < wait && !allHave(tallies, last)) LockSupport.parkNanos(2_000_000);
            server.close();                                   // ends held requests and streams
            pool.shutdownNow();                               // wakes sleeping pollers
            if (!ended.await(5, TimeUnit.SECONDS)) throw new IllegalStateException("feed clients did not stop within 5 s");
            long duplicates = 0, missing = 0, deliveries = 0;
            for (Tally t : tallies) {
                deliveries += t.received;
                duplicates += t.duplicates;
                missing += t.missing + (last - t.cursor);
            }
            return new DeliveryRun(protocol, settings, last, deliveries, deliveries == 0 ? Double.NaN : all.mean() / 1000.0,
                    deliveries == 0 ? Double.NaN : all.percentile(99) / 1000.0, requests / seconds, samples == 0 ? 0 : inside / samples, duplicates, missing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the loopback feed run", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long gap(UniformRandomProvider rng, double perSecond) {
        return Math.max(1, Math.round(-Math.log(1 - rng.nextDouble()) / perSecond * 1e9));
    }

    private static boolean allHave(Tally[] tallies, long last) {
        for (Tally t : tallies) if (t.cursor < last) return false;
        return true;
    }

    /** Waits (at most 2 s) until every long poll is parked or every stream is open, so the first event finds them. */
    private static void awaitHeld(Protocol protocol, FeedServer server, int clients) {
        if (protocol == Protocol.SHORT_POLL) return;
        long until = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < until) {
            int held = protocol == Protocol.SSE ? server.openStreams() : server.requestsInside();
            if (held >= clients) return;
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static void follow(Protocol protocol, FeedServer server, FeedSettings s, Tally t, long phase, long interval) {
        int timeout = (int) Math.min(600_000, Math.round(s.timeoutMs()) + 5_000);
        try (LoopbackClient client = LoopbackClient.to(server.uri(), timeout)) {
            switch (protocol) {
                case SHORT_POLL -> {
                    long next = System.nanoTime() + phase;
                    while (!Thread.currentThread().isInterrupted()) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                            continue;
                        }
                        t.receive(FeedServer.parse(client.get("/poll?after=" + t.cursor).body()));
                        next += interval;
                    }
                }
                case LONG_POLL -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        t.receive(FeedServer.parse(client.get("/longpoll?after=" + t.cursor + "&timeout="
                                + Math.round(s.timeoutMs())).body()));
                    }
                }
                case SSE -> {
                    try (EventStream stream = client.events("/stream?after=0", Map.of())) {
                        for (EventStream.Event e = stream.next(); e != null; e = stream.next()) {
                            String[] f = e.data().split(" ", 2);
                            t.receive(List.of(new FeedEvent(Long.parseLong(e.id()), Long.parseLong(f[0]),
                                    f.length > 1 ? f[1] : "")));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // the server closed at the end of the run: this client is done
        }
    }
}
