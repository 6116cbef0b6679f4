package sdx.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the library's own pools: daemons (a forgotten pool never keeps the kernel alive) with
 * names that say whose they are ({@code sdx-shard-3-1}), so a thread probe can find and blame them.
 * Closing the pool is still the owner's job.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** A factory naming its threads {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory named(String prefix) {
        Check.notNull("prefix", prefix);
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
