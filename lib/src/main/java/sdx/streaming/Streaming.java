package sdx.streaming;

import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;
import sdx.core.Latency;
import sdx.sim.Delay;
import sdx.sim.Simulation;
import sdx.sim.Time;

/**
 * Notebook 18's experiments: the same feed delivered by short polling, long polling and SSE streaming, on the
 * simulator (virtual time, deterministic, beside {@link Theory}) and on a real loopback HTTP server
 * ({@link FeedServer}, wall clock).
 *
 * <pre>{@code
 * Streaming.intervals(new double[] {50, 100, 200, 400, 800}, FeedSettings.defaults(), 42).plotStaleness()
 * Streaming.loopback(Protocol.LONG_POLL, FeedSettings.defaults().withSeconds(1), 42)
 * }</pre>
 */
public final class Streaming {
    private Streaming() {}

    /** Most (event, client) deliveries one simulation may make, so a cell stays within seconds. */
    public static final long MAX_DELIVERIES = 2_000_000;

    /**
     * Runs {@code protocol} on the simulator: a server publishing Poisson events for {@code settings.seconds()}
     * of virtual time, {@code settings.clients()} clients, a constant one-way delay d (links stay in order, as
     * TCP connections do); the run goes
     * on until every event has been delivered (one interval, timeout and round trip later).
     */
    public static DeliveryRun simulate(Protocol protocol, FeedSettings settings, long seed) {
        Check.notNull("protocol", protocol);
        Check.notNull("settings", settings);
        double expected = settings.eventsPerSecond() * settings.seconds() * settings.clients();
        Check.that(expected <= MAX_DELIVERIES, "settings", settings,
                "must ask for at most " + MAX_DELIVERIES + " deliveries (events/s × seconds × clients); fewer clients or seconds");
        Simulation sim = Simulation.seeded(seed).tracing(false);
        long d = Time.ms(settings.delayMs());
        sim.network().delay(Delay.constant(d));            // constant: each link stays FIFO, as a TCP connection is
        long publishUntil = Time.s(settings.seconds());
        sim.add("server", () -> new FeedSim.Server(settings.eventsPerSecond(), publishUntil, Time.ms(settings.timeoutMs())));
        for (int c = 1; c <= settings.clients(); c++) {
            sim.add("c" + c, () -> new FeedSim.Client(protocol, Time.ms(settings.intervalMs())));
        }
        long end = publishUntil + Time.ms(settings.intervalMs() + settings.timeoutMs() + 10 * settings.delayMs() + 10);
        sim.runFor(end);
        FeedSim.Server server = sim.node("server", FeedSim.Server.class);
        Latency staleness = new Latency(protocol.label());
        long duplicates = 0, missing = 0, deliveries = 0;
        for (FeedSim.Client c : sim.nodes(FeedSim.Client.class).values()) {
            for (long s : c.staleness()) staleness.record(s);
            deliveries += c.staleness().size();
            duplicates += c.duplicates();
            missing += c.gaps() + (server.published() - c.cursor());
        }
        double seconds = settings.seconds();
        return new DeliveryRun(protocol, settings, server.published(), deliveries,
                deliveries == 0 ? Double.NaN : staleness.mean() / 1000.0,
                deliveries == 0 ? Double.NaN : staleness.percentile(99) / 1000.0, server.requests() / seconds, server.meanOpen(),
                duplicates, missing);
    }

    /** Short polling at each interval (ms), with long polling and streaming once each for reference, on the simulator. */
    public static IntervalSweep intervals(double[] intervalsMs, FeedSettings settings, long seed) {
        Check.notNull("intervalsMs", intervalsMs);
        Check.that(intervalsMs.length > 0, "intervalsMs", "[]", "must hold at least one interval");
        Check.notNull("settings", settings);
        List<DeliveryRun> polls = new ArrayList<>();
        for (double i : intervalsMs) polls.add(simulate(Protocol.SHORT_POLL, settings.withInterval(i), seed));
        return new IntervalSweep(polls, simulate(Protocol.LONG_POLL, settings, seed), simulate(Protocol.SSE, settings, seed));
    }

    /** Every protocol at each number of clients, on the simulator. */
    public static ClientSweep clients(int[] clientCounts, FeedSettings settings, long seed) {
        Check.notNull("clientCounts", clientCounts);
        Check.that(clientCounts.length > 0, "clientCounts", "[]", "must hold at least one count");
        Check.notNull("settings", settings);
        List<DeliveryRun> runs = new ArrayList<>();
        for (Protocol p : Protocol.values()) {
            for (int c : clientCounts) runs.add(simulate(p, settings.withClients(c), seed));
        }
        return new ClientSweep(clientCounts, runs, "simulator");
    }

    /**
     * Runs {@code protocol} for real on a loopback {@link FeedServer}: a publisher thread (seeded exponential
     * gaps), {@code settings.clients()} client threads over HTTP; wall clock, so the numbers vary from run to
     * run. {@code settings.delayMs()} is ignored (loopback has its own). At most 100 clients and 3 s; everything
     * started is stopped before it returns.
     */
    public static DeliveryRun loopback(Protocol protocol, FeedSettings settings, long seed) {
        return LoopbackDelivery.run(protocol, settings, seed);
    }

    /**
     * {@link #loopback} for each protocol at each number of clients (short polling at {@code settings.intervalMs()}),
     * after a short discarded warm-up run (the first HTTP exchanges of a JVM load classes and run interpreted).
     */
    public static ClientSweep loopbackSweep(int[] clientCounts, FeedSettings settings, long seed) {
        Check.notNull("clientCounts", clientCounts);
        Check.that(clientCounts.length > 0, "clientCounts", "[]", "must hold at least one count");
        Check.notNull("settings", settings);
        loopback(Protocol.SHORT_POLL, settings.withClients(2).withSeconds(0.1), seed);   // warm-up (class loading, JIT): discarded
        List<DeliveryRun> runs = new ArrayList<>();
        for (Protocol p : Protocol.values()) {
            for (int c : clientCounts) runs.add(loopback(p, settings.withClients(c), seed));
        }
        return new ClientSweep(clientCounts, runs, "loopback");
    }
}
