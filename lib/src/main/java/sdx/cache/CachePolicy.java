package sdx.cache;

import java.util.List;

/**
 * An eviction policy seen from the outside: a cache of at most {@link #capacity()} keys that is
 * asked for one key at a time. Values do not matter for hit ratios, so a policy tracks keys only.
 *
 * <p>Every implementation checks its own size invariant ({@code size() <= capacity()}) after each
 * access and throws {@link IllegalStateException} if it is ever broken.
 */
public interface CachePolicy {

    /**
     * Looks {@code key} up. On a hit, records the use and returns {@code true}. On a miss, admits the
     * key (evicting a victim if the cache is full, or, for admission-filtered caches, possibly
     * rejecting the newcomer) and returns {@code false}: the cache-aside pattern in one call.
     *
     * @param key a key, at least 0
     * @return true on a hit, false on a miss
     */
    boolean access(int key);

    /** The maximum number of keys held. */
    int capacity();

    /** The number of keys held now. */
    int size();

    /** The keys held now, next victim first (for tables and tests). */
    List<Integer> evictionOrder();

    /** A short name for legends, e.g. "LRU". */
    String name();

    /** Throws {@link IllegalStateException} unless {@code 0 <= size <= capacity}. */
    static void checkSize(String policy, int size, int capacity) {
        if (size < 0 || size > capacity) {
            throw new IllegalStateException(policy + " broke its size invariant: size " + size + ", capacity " + capacity);
        }
    }
}
