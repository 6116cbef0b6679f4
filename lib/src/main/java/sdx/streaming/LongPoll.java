package sdx.streaming;

import java.util.List;

/**
 * The server side of one long-poll request: answer with every event newer than the client's cursor, at once
 * if there are any, otherwise as soon as one is published, or with an empty list when {@code timeoutMillis}
 * has passed without news. The client then asks again with the last seq it received as its cursor. Runs on a
 * server worker thread; waiting must be interruptible (the server interrupts it when it closes).
 */
@FunctionalInterface
public interface LongPoll {
    /**
     * @param log           the feed
     * @param cursor        the last seq the client has (0: none yet)
     * @param timeoutMillis how long to hold the request when there is nothing new, > 0
     * @return the events with seq > cursor, oldest first; empty only after the timeout
     */
    List<FeedEvent> poll(EventLog log, long cursor, long timeoutMillis) throws InterruptedException;

    /** Creates a handler (for the grader: a fresh one per check). */
    @FunctionalInterface
    interface Factory {
        LongPoll create();
    }
}
