package sdx.security;

import java.util.Locale;

/** The defences against a request flood that notebook 23 compares, in the real server and in the model. */
public enum Protection {
    /** Every request is queued (an unbounded FIFO queue) and served in turn. */
    NONE,
    /** A token bucket per client (source address): a request beyond the client's rate is answered 429 at once. */
    RATE_LIMIT,
    /** A bounded queue: a request that finds it full is answered 503 at once (shed early, before any work). */
    LOAD_SHEDDING,
    /** At most a few connections per client; HTTP/1.1 serves one request per connection at a time. */
    CONNECTION_CAP;

    /** A readable name: "rate limit", "load shedding", ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
