package sdx.cache.exercises;

/**
 * The cache a learner writes in the LRU exercise: string keys and values, at most a fixed number of
 * entries. Used cache-aside: the caller tries {@link #get}; on a miss ({@code null}) it reads the
 * store and calls {@link #put}.
 */
public interface SimpleCache {

    /** The value cached for {@code key}, or {@code null} if absent. A successful get is a use of the key. */
    String get(String key);

    /**
     * Caches {@code value} under {@code key}: replaces the value if the key is present (also a use),
     * otherwise adds it, first evicting one entry if the cache is full.
     */
    void put(String key, String value);

    /** The number of entries held now. */
    int size();

    /** Makes an empty cache of a given capacity: the learner's constructor, e.g. {@code MyLru::new}. */
    @FunctionalInterface
    interface Factory {
        /** An empty cache holding at most {@code capacity} entries. */
        SimpleCache create(int capacity);
    }
}
