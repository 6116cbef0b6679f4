package sdx.streaming;

/**
 * What one delivery experiment measured (on the simulator or on loopback).
 *
 * @param protocol          how clients followed the feed
 * @param settings          the knobs
 * @param events            events published
 * @param deliveries        (event, client) deliveries; every client gets every event: events × clients
 * @param meanStalenessMs   mean time from publication to a client having the event, ms (NaN when no event was published)
 * @param p99StalenessMs    its 99th percentile, ms
 * @param requestsPerSecond requests the server received per second
 * @param meanOpen          mean connections held open at the server (parked long polls and streams; on
 *                          loopback, every request in progress)
 * @param duplicates        events a client received twice (should be 0)
 * @param missing           events some client never received (should be 0)
 */
public record DeliveryRun(Protocol protocol, FeedSettings settings, long events, long deliveries, double meanStalenessMs,
                          double p99StalenessMs, double requestsPerSecond, double meanOpen, long duplicates, long missing) {
    /** The model's mean staleness for these settings, ms. */
    public double theoryStaleness() {
        return settings.theoryStaleness(protocol);
    }

    /** The model's requests per second. */
    public double theoryRequestsPerSecond() {
        return settings.theoryRequestsPerSecond(protocol);
    }

    /** The model's open connections. */
    public double theoryOpen() {
        return settings.theoryOpen(protocol);
    }
}
