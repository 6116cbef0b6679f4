package sdx.net;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiPredicate;
import java.util.function.IntFunction;
import sdx.core.Check;
import sdx.core.DaemonThreads;
import sdx.core.Latency;
import sdx.core.Stats;
import tech.tablesaw.api.Table;

/**
 * An open-loop load generator: request i is due at {@code start + i / rate}, whether or not earlier
 * requests have come back, and its latency is measured from that <em>intended</em> send time. A slow
 * response therefore shows up in the latency of every request that had to wait behind it, as it would for
 * real users arriving at that rate. A closed loop (send, wait, send the next) instead stops sending while
 * the server stalls and hides exactly those waits: Gil Tene's "coordinated omission" (the reason
 * HdrHistogram has {@code recordValueWithExpectedInterval}). Both figures are reported: latency from the
 * intended time, and service time from the moment the request was really sent.
 *
 * <pre>{@code
 * LoadResult r = LoadGenerator.run("GET /key", server.uri(), 2_000, i -> "/key/" + i, LoadSettings.defaults());
 * r.table()
 * }</pre>
 *
 * Requests go out over {@code connections} keep-alive connections, each driven by one daemon thread
 * ({@code sdx-load-<id>-<n>}); all of them have ended when {@code run} returns.
 */
public final class LoadGenerator {
    private static final AtomicLong IDS = new AtomicLong();

    private LoadGenerator() {}

    /**
     * How hard and how wide to push.
     *
     * @param ratePerSecond requests per second offered, > 0
     * @param connections   concurrent connections (and sender threads), 1..64
     */
    public record LoadSettings(double ratePerSecond, int connections) {
        public LoadSettings {
            Check.positive("ratePerSecond", ratePerSecond);
            Check.inRange("connections", connections, 1, 64);
        }

        /** 2,000 requests per second over 4 connections. */
        public static LoadSettings defaults() {
            return new LoadSettings(2_000, 4);
        }

        /** These settings at another rate. */
        public LoadSettings withRate(double requestsPerSecond) {
            return new LoadSettings(requestsPerSecond, connections);
        }

        /** These settings with another number of connections. */
        public LoadSettings withConnections(int count) {
            return new LoadSettings(ratePerSecond, count);
        }
    }

    /**
     * What a run measured.
     *
     * @param name        what was run
     * @param requests    requests sent
     * @param errors      requests that failed or whose response the validator rejected
     * @param latency     µs from each request's intended send time to its response (what users see)
     * @param serviceTime µs from the actual send to the response (what a closed loop would report)
     * @param seconds     wall time of the run
     * @param settings    the rate and connections used
     */
    public record LoadResult(String name, long requests, long errors, Latency.Summary latency,
                             Latency.Summary serviceTime, double seconds, LoadSettings settings) {
        /** Latency and service-time percentiles side by side (µs). */
        public Table table() {
            return Stats.table(name + String.format(java.util.Locale.ROOT, ": %,d requests at %,.0f/s, %d errors (µs)",
                    requests, settings.ratePerSecond(), errors), List.of(latency, serviceTime));
        }
    }

    /**
     * Sees every answered request as it completes (called from the sender threads, one call at a time).
     * Times are {@link System#nanoTime()} readings.
     */
    @FunctionalInterface
    public interface Observer {
        /**
         * @param index    the request's index
         * @param intended when it was due to be sent
         * @param sent     when it was really sent
         * @param done     when its response had been read
         */
        void answered(int index, long intended, long sent, long done);
    }

    /** {@link #run(String, URI, int, IntFunction, LoadSettings, BiPredicate)} counting any non-200 as an error. */
    public static LoadResult run(String name, URI base, int requests, IntFunction<String> pathOf, LoadSettings settings) {
        return run(name, base, requests, pathOf, settings, (i, r) -> r.status() == 200);
    }

    /**
     * Sends {@code requests} GETs to {@code base}, request i to {@code pathOf.apply(i)}, open loop at
     * {@code settings.ratePerSecond()}.
     *
     * @param valid says whether the response to request i is right (a rejected one counts as an error)
     */
    public static LoadResult run(String name, URI base, int requests, IntFunction<String> pathOf, LoadSettings settings,
                                 BiPredicate<Integer, LoopbackClient.Response> valid) {
        return run(name, base, requests, pathOf, settings, valid, (i, intended, sent, done) -> { });
    }

    /**
     * As {@link #run(String, URI, int, IntFunction, LoadSettings, BiPredicate)}, also telling {@code observer}
     * the times of every answered request (for a time series, or Little's law).
     */
    public static LoadResult run(String name, URI base, int requests, IntFunction<String> pathOf, LoadSettings settings,
                                 BiPredicate<Integer, LoopbackClient.Response> valid, Observer observer) {
        Check.notNull("observer", observer);
        Check.notNull("name", name);
        Check.notNull("base", base);
        Check.positive("requests", requests);
        Check.notNull("pathOf", pathOf);
        Check.notNull("settings", settings);
        Check.notNull("valid", valid);
        LoopbackClient.to(base).close();                    // validates the address before any thread starts
        Latency latency = new Latency(name + ", from intended send");
        Latency service = new Latency(name + ", service time");
        Object lock = new Object();
        AtomicLong errors = new AtomicLong();
        LinkedBlockingQueue<long[]> due = new LinkedBlockingQueue<>();  // {index, intended nanoTime}, index -1 ends
        ExecutorService senders = Executors.newFixedThreadPool(settings.connections(),
                DaemonThreads.named("sdx-load-" + IDS.incrementAndGet()));
        long start = System.nanoTime();
        try {
            for (int c = 0; c < settings.connections(); c++) {
                senders.execute(() -> send(base, pathOf, valid, due, latency, service, lock, errors, observer));
            }
            double interval = 1e9 / settings.ratePerSecond();
            for (int i = 0; i < requests; i++) {
                long intended = start + Math.round(i * interval);
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                due.add(new long[] {i, intended});
            }
            for (int c = 0; c < settings.connections(); c++) due.add(new long[] {-1, 0});
            senders.shutdown();
            if (!senders.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("load run '" + name + "' did not finish within 60 s after the last send");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during load run '" + name + "'", e);
        } finally {
            senders.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (latency.count() == 0) {
            throw new IllegalStateException("load run '" + name + "': all " + requests + " requests failed");
        }
        return new LoadResult(name, requests, errors.get(), latency.summary(), service.summary(), seconds, settings);
    }

    private static void send(URI base, IntFunction<String> pathOf, BiPredicate<Integer, LoopbackClient.Response> valid,
                             LinkedBlockingQueue<long[]> due, Latency latency, Latency service, Object lock,
                             AtomicLong errors, Observer observer) {
        try (LoopbackClient client = LoopbackClient.to(base)) {
            while (true) {
                long[] job = due.take();
                if (job[0] < 0) return;
                int i = (int) job[0];
                long sent = System.nanoTime();
                try {
                    LoopbackClient.Response r = client.get(pathOf.apply(i));
                    long done = System.nanoTime();
                    if (!valid.test(i, r)) errors.incrementAndGet();
                    synchronized (lock) {
                        latency.record(Math.max(0, (done - job[1]) / 1_000));
                        service.record(Math.max(0, (done - sent) / 1_000));
                        observer.answered(i, job[1], sent, done);
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
