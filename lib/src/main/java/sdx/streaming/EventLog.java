package sdx.streaming;

import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;

/**
 * A server's feed: events numbered 1, 2, 3, ... in the order they were published, kept in memory. Thread-safe.
 * Every {@link #publish} calls {@code notifyAll()} on the log itself, so a thread can wait for news with the
 * JDK's monitor methods:
 *
 * <pre>{@code
 * synchronized (log) {
 *     while (log.latestSeq() <= cursor && time is left) log.wait(millisLeft);
 * }
 * }</pre>
 */
public final class EventLog {
    private final List<FeedEvent> events = new ArrayList<>();

    /** Appends an event stamped with {@link System#nanoTime()}, wakes every thread waiting on this log, and returns it. */
    public synchronized FeedEvent publish(String data) {
        FeedEvent e = new FeedEvent(events.size() + 1L, System.nanoTime(), Check.notNull("data", data));
        events.add(e);
        notifyAll();
        return e;
    }

    /** The events with {@code seq > cursor}, oldest first (empty if none); {@code cursor} >= 0. */
    public synchronized List<FeedEvent> after(long cursor) {
        Check.that(cursor >= 0, "cursor", cursor, "must be >= 0 (0: from the first event)");
        if (cursor >= events.size()) return List.of();
        return List.copyOf(events.subList((int) cursor, events.size()));
    }

    /** The seq of the newest event, 0 while the log is empty. */
    public synchronized long latestSeq() {
        return events.size();
    }

    @Override
    public synchronized String toString() {
        return "EventLog[" + events.size() + " events]";
    }
}
