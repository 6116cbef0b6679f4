package sdx.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;

/**
 * The production reference: a real Caffeine cache ({@code maximumSize = capacity}), whose eviction
 * policy is W-TinyLFU (Einziger, Friedman and Manes, "TinyLFU: A Highly Efficient Cache Admission
 * Policy", ACM Transactions on Storage 2017). A newcomer first enters a small LRU <em>window</em> (1% of
 * the capacity to start with); when it leaves the window it must win an <em>admission</em> contest to
 * enter the <em>main</em> area, a segmented LRU (a probation and a protected segment): a count-min
 * sketch of recent frequencies, halved periodically so that old popularity fades, must say it is used
 * more often than the main area's victim. A hill climber moves the window/main split while the cache
 * runs, growing the window when recency pays and shrinking it when frequency does.
 *
 * <p>Maintenance runs on the calling thread ({@code executor(Runnable::run)}), so eviction happens
 * inside each call. One part is random and cannot be seeded: to resist hash-flooding attacks,
 * Caffeine admits a warm newcomer that lost the frequency contest with probability 1/128, drawn from
 * {@code ThreadLocalRandom}. Hit ratios therefore differ between runs of the same trace
 * ({@link Caching#caffeineRuns} measures by how much).
 */
public final class CaffeinePolicy implements CachePolicy {
    private final int capacity;
    private final Cache<Integer, Boolean> cache;

    /** An empty Caffeine cache holding at most {@code capacity} keys. */
    public CaffeinePolicy(int capacity) {
        this.capacity = Check.positive("capacity", capacity);
        this.cache = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    @Override
    public boolean access(int key) {
        Check.that(key >= 0, "key", key, "must be >= 0");
        if (cache.getIfPresent(key) != null) return true;
        cache.put(key, Boolean.TRUE);
        return false;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int size() {
        cache.cleanUp();
        int size = (int) cache.estimatedSize();
        CachePolicy.checkSize(name(), size, capacity);
        return size;
    }

    @Override
    public List<Integer> evictionOrder() {
        cache.cleanUp();
        return new ArrayList<>(cache.policy().eviction().orElseThrow().coldest(Integer.MAX_VALUE).keySet());
    }

    @Override
    public String name() {
        return "Caffeine (W-TinyLFU)";
    }
}
