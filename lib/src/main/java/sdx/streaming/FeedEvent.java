package sdx.streaming;

import sdx.core.Check;

/**
 * One event of a feed.
 *
 * @param seq       its position in the feed: 1, 2, 3, ... (a client's cursor is the last seq it has)
 * @param published when it was published ({@link System#nanoTime()} on loopback, virtual µs on the simulator)
 * @param data      its payload (one line)
 */
public record FeedEvent(long seq, long published, String data) {
    public FeedEvent {
        Check.positive("seq", seq);
        Check.notNull("data", data);
        Check.that(!data.contains("\n") && !data.contains("\r"), "data", data, "must be one line");
    }
}
