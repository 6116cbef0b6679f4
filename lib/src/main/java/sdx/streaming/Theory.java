package sdx.streaming;

import sdx.core.Check;

/**
 * The simple models of the three ways to deliver a feed, for C clients, a one-way network delay d, events
 * arriving as a Poisson process of rate λ, a polling interval I and a long-poll timeout T. Server time per
 * request is taken as zero (the simulator's assumption). Times in ms, rates per second.
 *
 * <ul>
 *   <li>Short polling: an event waits for the next poll to reach the server, a uniform share of the interval,
 *       then travels back: mean staleness I/2 + d; C/I requests per second; a connection is held only while a
 *       request is served (Little's law: C·s/I for service time s, zero here).</li>
 *   <li>Long polling: a parked request is answered as soon as the event is published: staleness d, plus
 *       about d more for an event that arrives while the client's next request is on its way (a share 2d·r of
 *       the time, r requests per client per second). Each request is held for
 *       e<sup>−2λd</sup>(1 − e<sup>−λT</sup>)/λ on average (nothing arrived during the 2d round trip, then
 *       the first event or the timeout), so r = 1/(that + 2d).</li>
 *   <li>Streaming (SSE): staleness d, one request per client in all, C connections held.</li>
 * </ul>
 */
public final class Theory {
    private Theory() {}

    /** Mean staleness of short polling, ms: I/2 + d. */
    public static double shortPollStaleness(double intervalMs, double delayMs) {
        Check.positive("intervalMs", intervalMs);
        Check.atLeast("delayMs", delayMs, 0.0);
        return intervalMs / 2 + delayMs;
    }

    /** Requests per second of short polling: C / I. */
    public static double shortPollRequestsPerSecond(int clients, double intervalMs) {
        Check.positive("clients", clients);
        Check.positive("intervalMs", intervalMs);
        return clients * 1000.0 / intervalMs;
    }

    /** Mean time a long-poll request is held at the server, ms: e^(−2λd)(1 − e^(−λT))/λ. */
    public static double longPollHeldMs(double eventsPerSecond, double timeoutMs, double delayMs) {
        Check.positive("eventsPerSecond", eventsPerSecond);
        Check.positive("timeoutMs", timeoutMs);
        Check.atLeast("delayMs", delayMs, 0.0);
        double lambda = eventsPerSecond / 1000.0;                  // per ms
        return Math.exp(-2 * lambda * delayMs) * (1 - Math.exp(-lambda * timeoutMs)) / lambda;
    }

    /** Requests per second of long polling: C / (held + 2d). */
    public static double longPollRequestsPerSecond(int clients, double eventsPerSecond, double timeoutMs, double delayMs) {
        Check.positive("clients", clients);
        return clients * 1000.0 / (longPollHeldMs(eventsPerSecond, timeoutMs, delayMs) + 2 * delayMs);
    }

    /** Mean staleness of long polling, ms: d (1 + 2d·r), r the requests per client per ms. */
    public static double longPollStaleness(double eventsPerSecond, double timeoutMs, double delayMs) {
        double perClientPerMs = longPollRequestsPerSecond(1, eventsPerSecond, timeoutMs, delayMs) / 1000.0;
        return delayMs * (1 + 2 * delayMs * perClientPerMs);
    }

    /** Mean connections held open at the server by long polling: C · held / (held + 2d). */
    public static double longPollOpen(int clients, double eventsPerSecond, double timeoutMs, double delayMs) {
        Check.positive("clients", clients);
        double held = longPollHeldMs(eventsPerSecond, timeoutMs, delayMs);
        return clients * held / (held + 2 * delayMs);
    }

    /** Mean staleness of SSE streaming, ms: d. */
    public static double streamStaleness(double delayMs) {
        return Check.atLeast("delayMs", delayMs, 0.0);
    }

    /**
     * The polling intervals that meet both a mean-staleness target and a request budget, ms, as {lowest,
     * highest}: I >= 1000·C / budget and I <= 2 (target − d). Empty (lowest > highest) when none does.
     */
    public static double[] pollIntervalRange(int clients, double requestsPerSecondBudget, double stalenessTargetMs,
                                             double delayMs) {
        Check.positive("clients", clients);
        Check.positive("requestsPerSecondBudget", requestsPerSecondBudget);
        Check.positive("stalenessTargetMs", stalenessTargetMs);
        Check.atLeast("delayMs", delayMs, 0.0);
        return new double[] {1000.0 * clients / requestsPerSecondBudget, 2 * (stalenessTargetMs - delayMs)};
    }
}
