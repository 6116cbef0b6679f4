package sdx.streaming;

import java.util.List;

/**
 * The long-poll handler the course's feed server uses: checks the log, and if nothing is newer than the
 * cursor waits on the log's monitor until a publish wakes it or the deadline passes (re-checking after every
 * wake-up, since {@code wait} may also return spuriously).
 */
public final class WaitingLongPoll implements LongPoll {
    @Override
    public List<FeedEvent> poll(EventLog log, long cursor, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        synchronized (log) {
            while (log.latestSeq() <= cursor) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return List.of();
                log.wait(Math.max(1, left / 1_000_000));
            }
            return log.after(cursor);
        }
    }
}
