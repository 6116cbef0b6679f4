package sdx.storage.exercises;

/**
 * Exercise 2: when to send the second copy of a request. A client has recorded a server's recent reply
 * times; the policy returns the delay after which a still-unanswered sub-request is sent again to another
 * server. "The Tail at Scale" (Dean and Barroso 2013) suggests the 95th percentile of recent replies: about
 * 5% more requests, a much shorter tail.
 */
@FunctionalInterface
public interface HedgePolicy {
    /**
     * The hedging delay in ms.
     *
     * @param recentMs the server's recent reply times in ms, in arrival order (not sorted); owned by the
     *                 caller: do not change it
     * @return the delay in ms (&gt;= 0) after which to send the second copy
     */
    double hedgeAfterMs(double[] recentMs);
}
