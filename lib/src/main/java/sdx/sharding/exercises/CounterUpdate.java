package sdx.sharding.exercises;

/**
 * Exercise 2: the update step of a bounded-memory heavy-hitter counter (Misra-Gries or Space-Saving).
 * The memory is fixed: {@code keys.length == counts.length == capacity}. Slot {@code i} is in use when
 * {@code counts[i] > 0} (then {@code keys[i]} is its key) and free when {@code counts[i] == 0}. After the
 * whole stream, the keys in use are the candidates for "hot".
 */
@FunctionalInterface
public interface CounterUpdate {
    /**
     * Records one occurrence of {@code key}, changing the arrays in place.
     *
     * @param keys   the key held by each slot
     * @param counts the counter of each slot (0 = free)
     * @param key    the key just seen
     */
    void update(int[] keys, long[] counts, int key);
}
