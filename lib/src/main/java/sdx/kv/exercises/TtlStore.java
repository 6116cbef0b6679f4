package sdx.kv.exercises;

import java.util.function.LongSupplier;

/**
 * The store a learner writes in notebook 11's TTL exercise: string keys and values, times in milliseconds
 * read from a clock the grader controls. The semantics are Redis's {@code SET}, {@code SET ... PX},
 * {@code DEL}, {@code PERSIST} and {@code PTTL}.
 */
public interface TtlStore {

    /** Stores {@code value} with no time to live; an earlier TTL of the key is cleared (like Redis's SET). */
    void set(String key, String value);

    /**
     * Stores {@code value} alive for {@code ttlMillis} (>= 1) from now: set at time {@code s}, it is readable
     * up to {@code s + ttlMillis - 1} and gone from {@code s + ttlMillis} on. An earlier TTL is replaced.
     */
    void setWithTtl(String key, String value, long ttlMillis);

    /** The value, or null if the key is absent or expired. */
    String get(String key);

    /** Deletes the key; true if it was there (an expired key is not there). */
    boolean delete(String key);

    /** Removes the key's TTL so it lives forever; true only if the key is there and had a TTL. */
    boolean persist(String key);

    /** Milliseconds left to live; -1 if the key has no TTL; -2 if it is absent or expired. */
    long ttl(String key);

    /** Makes an empty store reading the time from {@code clock}: the learner's constructor, {@code MyStore::new}. */
    @FunctionalInterface
    interface Factory {
        /** An empty store on {@code clock} (milliseconds). */
        TtlStore create(LongSupplier clock);
    }
}
