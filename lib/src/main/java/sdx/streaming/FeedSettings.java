package sdx.streaming;

import sdx.core.Check;

/**
 * One delivery experiment's knobs.
 *
 * @param clients         clients following the feed, 1..200
 * @param intervalMs      short polling's interval, ms (> 0; ignored by the other protocols)
 * @param eventsPerSecond rate of events (Poisson arrivals), > 0
 * @param seconds         how long events are published, s (> 0)
 * @param delayMs         mean one-way network delay, ms (simulator only; loopback has its own), >= 0
 * @param timeoutMs       how long the server holds a long poll without news, ms (> 0)
 */
public record FeedSettings(int clients, double intervalMs, double eventsPerSecond, double seconds, double delayMs,
                           double timeoutMs) {
    public FeedSettings {
        Check.inRange("clients", clients, 1, 200);
        Check.positive("intervalMs", intervalMs);
        Check.positive("eventsPerSecond", eventsPerSecond);
        Check.positive("seconds", seconds);
        Check.atLeast("delayMs", delayMs, 0.0);
        Check.positive("timeoutMs", timeoutMs);
    }

    /** 20 clients, 200 ms interval, 20 events/s for 30 s, 1 ms delay, 1 s long-poll timeout. */
    public static FeedSettings defaults() {
        return new FeedSettings(20, 200, 20, 30, 1, 1_000);
    }

    /** These settings with {@code count} clients. */
    public FeedSettings withClients(int count) {
        return new FeedSettings(count, intervalMs, eventsPerSecond, seconds, delayMs, timeoutMs);
    }

    /** These settings with another polling interval (ms). */
    public FeedSettings withInterval(double ms) {
        return new FeedSettings(clients, ms, eventsPerSecond, seconds, delayMs, timeoutMs);
    }

    /** These settings with another event rate. */
    public FeedSettings withEventsPerSecond(double rate) {
        return new FeedSettings(clients, intervalMs, rate, seconds, delayMs, timeoutMs);
    }

    /** These settings with another duration (s). */
    public FeedSettings withSeconds(double s) {
        return new FeedSettings(clients, intervalMs, eventsPerSecond, s, delayMs, timeoutMs);
    }

    /** These settings with another one-way delay (ms). */
    public FeedSettings withDelay(double ms) {
        return new FeedSettings(clients, intervalMs, eventsPerSecond, seconds, ms, timeoutMs);
    }

    /** These settings with another long-poll timeout (ms). */
    public FeedSettings withTimeout(double ms) {
        return new FeedSettings(clients, intervalMs, eventsPerSecond, seconds, delayMs, ms);
    }

    /** The model's mean staleness for {@code protocol}, ms. */
    public double theoryStaleness(Protocol protocol) {
        return switch (protocol) {
            case SHORT_POLL -> Theory.shortPollStaleness(intervalMs, delayMs);
            case LONG_POLL -> Theory.longPollStaleness(eventsPerSecond, timeoutMs, delayMs);
            case SSE -> Theory.streamStaleness(delayMs);
        };
    }

    /** The model's requests per second at the server for {@code protocol} (SSE: the C opening requests spread over the run). */
    public double theoryRequestsPerSecond(Protocol protocol) {
        return switch (protocol) {
            case SHORT_POLL -> Theory.shortPollRequestsPerSecond(clients, intervalMs);
            case LONG_POLL -> Theory.longPollRequestsPerSecond(clients, eventsPerSecond, timeoutMs, delayMs);
            case SSE -> clients / seconds;
        };
    }

    /** The model's mean connections held open at the server (short polling: 0, requests take no server time). */
    public double theoryOpen(Protocol protocol) {
        return switch (protocol) {
            case SHORT_POLL -> 0;
            case LONG_POLL -> Theory.longPollOpen(clients, eventsPerSecond, timeoutMs, delayMs);
            case SSE -> clients;
        };
    }
}
