package sdx.sharding.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.core.Rng;
import sdx.core.Workloads;
import sdx.exercise.Basic;
import sdx.exercise.Hint;

/**
 * Hidden checks for exercise 2 ({@link CounterUpdate}). They accept Misra-Gries (under-estimates) and
 * Space-Saving (over-estimates): both keep every key seen more than n/capacity times, and both are
 * within n/capacity of the true count for the keys they keep.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class HotKeyChecks {
    private final CounterUpdate update = sdx.exercise.Grader.submission(CounterUpdate.class);

    /** The slots after a stream: key -> counter, for slots in use. */
    private Map<Integer, Long> runStream(int capacity, int[] stream) {
        int[] keys = new int[capacity];
        long[] counts = new long[capacity];
        for (int k : stream) update.update(keys, counts, k);
        Map<Integer, Long> held = new HashMap<>();
        for (int i = 0; i < capacity; i++) {
            if (counts[i] < 0) fail("counts[" + i + "] became negative: " + counts[i]);
            if (counts[i] > 0 && held.put(keys[i], counts[i]) != null) {
                fail("key " + keys[i] + " occupies two slots at once");
            }
        }
        return held;
    }

    private static Map<Integer, Long> exact(int[] stream) {
        Map<Integer, Long> m = new HashMap<>();
        for (int k : stream) m.merge(k, 1L, Long::sum);
        return m;
    }

    /** Every key with count > n/capacity must be held, within n/capacity of its true count. */
    private void checkGuarantee(String what, int capacity, int[] stream) {
        Map<Integer, Long> held = runStream(capacity, stream);
        Map<Integer, Long> truth = exact(stream);
        double bound = stream.length / (double) capacity;
        for (var e : truth.entrySet()) {
            if (e.getValue() > bound && !held.containsKey(e.getKey())) {
                fail(what + ": key " + e.getKey() + " was seen " + e.getValue() + " times (more than n/capacity = "
                        + Math.round(bound) + ") but is not held at the end");
            }
        }
        for (var e : held.entrySet()) {
            long t = truth.getOrDefault(e.getKey(), 0L);
            assertTrue(Math.abs(e.getValue() - t) <= bound, what + ": key " + e.getKey() + " has counter "
                    + e.getValue() + " but was seen " + t + " times (allowed error n/capacity = " + Math.round(bound) + ")");
        }
    }

    @Test
    @Order(1)
    @DisplayName("counts exactly while there are free slots")
    @Hint("a key already held adds 1 to its own slot; a new key takes a free slot (counts[i] == 0) with count 1")
    @Basic
    void exactWhileRoom() {
        int[] stream = {5, 3, 5, 9, 5, 3, 1, 1, 5};
        assertEquals(exact(stream), runStream(8, stream), "slots after " + java.util.Arrays.toString(stream)
                + " with 8 slots");
    }

    @Test
    @Order(2)
    @DisplayName("keeps a key that is 30% of a stream of many distinct keys (4 slots)")
    @Hint("when all slots are full, a new key must not simply be ignored: either decrement every counter "
            + "(Misra-Gries) or replace the smallest counter c by the new key with c + 1 (Space-Saving)")
    void majorityLike() {
        int[] stream = new int[10_000];
        UniformRandomProvider rng = Rng.of(1);
        for (int i = 0; i < stream.length; i++) stream[i] = i % 10 < 3 ? 77 : 1000 + rng.nextInt(1_000_000);
        checkGuarantee("30% key", 4, stream);
    }

    @Test
    @Order(3)
    @DisplayName("finds every heavy hitter of 20 seeded Zipf streams (recall 1.0, 20 slots)")
    @Hint("when every slot is full a new key must still get its chance: decrement every counter (Misra-Gries) or "
            + "take over the smallest counter (Space-Saving); ignoring it loses keys that become frequent later")
    void zipfRecall() {
        for (int seed = 0; seed < 20; seed++) {
            int[] stream = Workloads.zipf(5_000, 1.1, 20_000, seed).keys();
            checkGuarantee("Zipf stream seed " + seed, 20, stream);
        }
    }

    @Test
    @Order(4)
    @DisplayName("finds a hot key that only appears in the second half of the stream")
    @Hint("keys that arrive late must still be able to take a slot; the first keys seen have no right to stay")
    void lateHotKey() {
        for (int seed = 0; seed < 10; seed++) {
            UniformRandomProvider rng = Rng.of(seed, 7);
            int[] stream = new int[20_000];
            for (int i = 0; i < stream.length; i++) {
                boolean late = i >= stream.length / 2;
                stream[i] = late && rng.nextDouble() < 0.4 ? 4242 : rng.nextInt(3_000);
            }
            checkGuarantee("late hot key, seed " + seed, 10, stream);
        }
    }

    @Test
    @Order(5)
    @DisplayName("keeps a key that turns hot after older keys filled every slot")
    @Hint("a key that takes over a slot with count c must start at c + 1 (Space-Saving), or else decrement every "
            + "counter (Misra-Gries); starting again at 1 lets it be evicted over and over")
    void hotAfterFull() {
        int capacity = 10;
        int[] stream = new int[15_000];
        for (int i = 0; i < 5_000; i++) stream[i] = i % capacity;             // 10 old keys, 500 each
        for (int i = 5_000; i < stream.length; i++) stream[i] = i % 2 == 0 ? 4242 : 100_000 + i; // X, fresh, X, ...
        checkGuarantee("hot after full", capacity, stream);
    }

    @Test
    @Order(6)
    @DisplayName("holds at most as many distinct keys as it has slots, on a stream of all-distinct keys")
    @Hint("every slot holds one key; a slot whose counter drops to 0 is free again")
    void allDistinct() {
        int[] stream = new int[5_000];
        for (int i = 0; i < stream.length; i++) stream[i] = i;
        Map<Integer, Long> held = runStream(16, stream);
        assertTrue(held.size() <= 16, "held " + held.size() + " keys with 16 slots");
        long sum = held.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(sum <= stream.length, "counters sum to " + sum + ", more than the " + stream.length + " keys seen");
        Set<Integer> seen = new HashSet<>();
        for (int k : stream) seen.add(k);
        assertTrue(seen.containsAll(held.keySet()), "held keys that never appeared: " + held.keySet());
    }
}
