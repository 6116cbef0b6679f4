package sdx.capacity;

import sdx.core.Check;

/**
 * The load one server is asked to carry.
 *
 * @param requestsPerSecond requests arriving per second
 * @param responseBytes     bytes sent back per request
 * @param cacheHitRatio     share of requests answered from memory, the rest read from disk
 * @param workingSetBytes   bytes the server keeps in memory
 */
public record Traffic(double requestsPerSecond, double responseBytes, double cacheHitRatio, double workingSetBytes) {
    public Traffic {
        Check.atLeast("requestsPerSecond", requestsPerSecond, 0);
        Check.positive("responseBytes", responseBytes);
        Check.inRange("cacheHitRatio", cacheHitRatio, 0, 1);
        Check.atLeast("workingSetBytes", workingSetBytes, 0);
    }
}
