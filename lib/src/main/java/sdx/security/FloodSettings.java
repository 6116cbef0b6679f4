package sdx.security;

import sdx.core.Check;

/**
 * One flood experiment's server and clients, shared by the model ({@link FloodModel}) and the real server
 * ({@link FloodServer}, {@link FloodRun}).
 *
 * @param workers              requests served at once (c)
 * @param serviceMillis        mean work per request, ms (exponential in the model, a sleep in the real server)
 * @param legitClients         legitimate clients
 * @param legitRatePerClient   requests per second each legitimate client sends
 * @param deadlineMillis       a legitimate request answered later than this is a failure (the client's timeout)
 * @param rateLimit            requests per second a client may send under {@link Protection#RATE_LIMIT}
 * @param burst                the token bucket's size under {@link Protection#RATE_LIMIT}
 * @param queueLimit           requests that may wait under {@link Protection#LOAD_SHEDDING}
 * @param connectionsPerClient connections a client may hold under {@link Protection#CONNECTION_CAP}
 * @param attackConnections    connections the attacker opens (the real run; HTTP/1.1 has one request in flight each)
 */
public record FloodSettings(int workers, double serviceMillis, int legitClients, double legitRatePerClient,
                            double deadlineMillis, double rateLimit, int burst, int queueLimit,
                            int connectionsPerClient, int attackConnections) {
    public FloodSettings {
        Check.inRange("workers", workers, 1, 64);
        Check.inRange("serviceMillis", serviceMillis, 0.1, 1_000);
        Check.inRange("legitClients", legitClients, 1, 32);
        Check.inRange("legitRatePerClient", legitRatePerClient, 0.1, 10_000);
        Check.inRange("deadlineMillis", deadlineMillis, 1, 10_000);
        Check.inRange("rateLimit", rateLimit, 0.1, 100_000);
        Check.inRange("burst", burst, 1, 100_000);
        Check.inRange("queueLimit", queueLimit, 0, 100_000);
        Check.inRange("connectionsPerClient", connectionsPerClient, 1, 1_000);
        Check.inRange("attackConnections", attackConnections, 1, 128);
    }

    /**
     * The notebook's defaults: 2 workers of 4 ms (capacity 500 requests/s), 4 legitimate clients at 40 requests/s,
     * a 50 ms deadline, 50 requests/s per client (burst 10), 8 waiting places, 2 connections per client, and an
     * attacker with 48 connections.
     */
    public static FloodSettings defaults() {
        return new FloodSettings(2, 4, 4, 40, 50, 50, 10, 8, 2, 48);
    }

    /** Requests per second the workers can serve: c / S. */
    public double capacity() {
        return workers * 1000.0 / serviceMillis;
    }

    /** Requests per second all legitimate clients send together. */
    public double legitRate() {
        return legitClients * legitRatePerClient;
    }

    /** A copy with {@code count} workers. */
    public FloodSettings withWorkers(int count) {
        return new FloodSettings(count, serviceMillis, legitClients, legitRatePerClient, deadlineMillis, rateLimit,
                burst, queueLimit, connectionsPerClient, attackConnections);
    }

    /** A copy with another queue limit. */
    public FloodSettings withQueueLimit(int limit) {
        return new FloodSettings(workers, serviceMillis, legitClients, legitRatePerClient, deadlineMillis, rateLimit,
                burst, limit, connectionsPerClient, attackConnections);
    }

    /** A copy with another per-client rate limit. */
    public FloodSettings withRateLimit(double perSecond) {
        return new FloodSettings(workers, serviceMillis, legitClients, legitRatePerClient, deadlineMillis, perSecond,
                burst, queueLimit, connectionsPerClient, attackConnections);
    }
}
