package sdx.capstone;

import java.util.function.IntPredicate;

/**
 * Servers sharing one first-come-first-served queue: each request goes to the live server that becomes free
 * first and waits until then. With Poisson arrivals and exponential service this is the M/M/c queue
 * (Erlang C gives its mean wait, {@link Theory#erlangCWait}).
 */
final class ServerPool {
    private final double[] freeAt;

    ServerPool(int servers) {
        freeAt = new double[servers];
    }

    int size() {
        return freeAt.length;
    }

    /** The live server that is free first, or -1 if none is live. */
    int earliestFree(IntPredicate live) {
        int best = -1;
        for (int i = 0; i < freeAt.length; i++) {
            if (live.test(i) && (best < 0 || freeAt[i] < freeAt[best])) best = i;
        }
        return best;
    }

    /** How long a request arriving at t waits for server i. */
    double waitAt(int server, double t) {
        return Math.max(0, freeAt[server] - t);
    }

    /** Server i takes the request arriving at t: busy from t + wait for service. */
    void occupy(int server, double t, double wait, double service) {
        freeAt[server] = t + wait + service;
    }
}
