package sdx.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import sdx.core.Rng;

class PoliciesTest {

    private static String replay(CachePolicy cache, String letters) {
        StringBuilder sb = new StringBuilder();
        for (int k : Replay.parse(letters)) sb.append(cache.access(k) ? 'h' : 'm');
        return sb.toString();
    }

    // A B C A B, capacity 3: A, B, C miss and fill the cache; A and B hit. 2 hits, 3 misses, 0 evictions.
    // Capacity 2: C evicts A, A evicts B, B evicts C: a loop one key longer than the cache never hits.
    @ParameterizedTest
    @EnumSource(value = Policy.class, names = {"FIFO", "LRU", "LFU"})
    void loopOfThreeKeys(Policy policy) {
        assertEquals("mmmhh", replay(policy.create(3), "A B C A B"));
        assertEquals("mmmmm", replay(policy.create(2), "A B C A B"));
    }

    // A B A C A, capacity 2.
    // LRU: A m, B m, A h (A most recent), C m evicts B, A h            -> 2 hits
    // FIFO: A m, B m, A h (order unchanged), C m evicts A, A m evicts B -> 1 hit
    // LFU: A m, B m, A h (A count 2), C m evicts B (count 1), A h     -> 2 hits
    @Test
    void recencyMattersForLruNotFifo() {
        assertEquals("mmhmh", replay(new LruPolicy(2), "A B A C A"));
        assertEquals("mmhmm", replay(new FifoPolicy(2), "A B A C A"));
        assertEquals("mmhmh", replay(new LfuPolicy(2), "A B A C A"));
    }

    // A A A B C B C, capacity 2: LFU keeps A (count 3), so B and C keep evicting each other; LRU lets A go.
    // LFU: A m, A h, A h, B m, C m evicts B (count 1, older than C), B m evicts C, C m evicts B -> 2 hits
    // LRU: A m, A h, A h, B m, C m evicts A, B h, C h                                          -> 4 hits
    @Test
    void frequencyMattersForLfu() {
        assertEquals("mhhmmmm", replay(new LfuPolicy(2), "A A A B C B C"));
        assertEquals("mhhmmhh", replay(new LruPolicy(2), "A A A B C B C"));
    }

    @Test
    void evictionOrderShowsNextVictimFirst() {
        CachePolicy lru = new LruPolicy(3);
        replay(lru, "A B C A");
        assertEquals(List.of(1, 2, 0), lru.evictionOrder());
        CachePolicy fifo = new FifoPolicy(3);
        replay(fifo, "A B C A D");
        assertEquals(List.of(1, 2, 3), fifo.evictionOrder());
        LfuPolicy lfu = new LfuPolicy(3);
        replay(lfu, "A A B C C C");
        assertEquals(List.of(1, 0, 2), lfu.evictionOrder());
        assertEquals(3, lfu.count(2));
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Random capacities and traces: size never exceeds capacity and equals min(distinct keys, capacity). */
    @ParameterizedTest
    @MethodSource("seeds")
    void sizeInvariantOnRandomTraces(long seed) {
        UniformRandomProvider rng = Rng.of(seed);
        int capacity = 1 + rng.nextInt(20);
        int keySpace = 1 + rng.nextInt(60);
        for (Policy policy : Policy.values()) {
            CachePolicy cache = policy.create(capacity);
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < 300; i++) {
                int key = rng.nextInt(keySpace);
                seen.add(key);
                cache.access(key);
                if (policy != Policy.CAFFEINE) {
                    assertEquals(Math.min(seen.size(), capacity), cache.size(), policy + " size");
                    assertEquals(cache.size(), cache.evictionOrder().size(), policy + " contents");
                }
                assertTrue(cache.size() <= capacity, policy + " size " + cache.size() + " > " + capacity);
            }
        }
    }

    /** LRU is a stack algorithm: on the same trace a bigger cache never has fewer hits. */
    @ParameterizedTest
    @MethodSource("seeds")
    void lruHitsNeverFallAsCapacityGrows(long seed) {
        int[] keys = Popularity.zipf(50, 0.7).trace(500, seed).keys();
        long previous = -1;
        for (int capacity = 1; capacity <= 50; capacity += 7) {
            CachePolicy cache = new LruPolicy(capacity);
            long hits = 0;
            for (int k : keys) if (cache.access(k)) hits++;
            assertTrue(hits >= previous, "capacity " + capacity + ": " + hits + " < " + previous);
            previous = hits;
        }
    }

    // A B C A B, capacity 2, knowing the future: A m, B m, C m (C is never asked again: not admitted),
    // A h, B h -> 2 hits where LRU, FIFO and LFU get none.
    @Test
    void beladyBypassesAKeyNeededLast() {
        var trace = sdx.core.Trace.of("loop", 3, Replay.parse("A B C A B"));
        assertEquals("mmmhh", replay(new BeladyPolicy(2, trace), "A B C A B"));
        // A B C D A B C D, capacity 3: A B C fill the cache; D is needed last (position 8): not admitted.
        // A, B, C hit; D misses again. 3 hits where LRU, FIFO and LFU get none.
        var loop = sdx.core.Trace.of("loop4", 4, Replay.parse("A B C D A B C D"));
        assertEquals("mmmmhhhm", replay(new BeladyPolicy(3, loop), "A B C D A B C D"));
        assertEquals("mmmmmmmm", replay(new LruPolicy(3), "A B C D A B C D"));
    }

    /** No policy gets more hits than Bélády's MIN on the same trace (whole trace, from empty). */
    @ParameterizedTest
    @MethodSource("seeds")
    void beladyIsNeverBeaten(long seed) {
        UniformRandomProvider rng = Rng.of(seed, 99);
        int capacity = 1 + rng.nextInt(30);
        var trace = Popularity.zipf(1 + rng.nextInt(100), rng.nextDouble() * 1.5).trace(2_000, seed);
        long best = 0;
        CachePolicy min = new BeladyPolicy(capacity, trace);
        for (int k : trace.keys()) if (min.access(k)) best++;
        for (Policy policy : Policy.values()) {
            CachePolicy cache = policy.create(capacity);
            long hits = 0;
            for (int k : trace.keys()) if (cache.access(k)) hits++;
            assertTrue(hits <= best, policy + ": " + hits + " hits > Bélády's " + best);
        }
    }

    @Test
    void beladyMustBeAskedForItsTrace() {
        var trace = sdx.core.Trace.of("t", 2, 0, 1);
        CachePolicy min = new BeladyPolicy(1, trace);
        assertThrows(IllegalArgumentException.class, () -> min.access(1));
        min.access(0);
        min.access(1);
        assertThrows(IllegalArgumentException.class, () -> min.access(0));
    }

    @Test
    void caffeineIsSynchronousAndBounded() {
        CachePolicy caffeine = new CaffeinePolicy(100);
        for (int k = 0; k < 1_000; k++) caffeine.access(k);
        assertEquals(100, caffeine.size());
        assertEquals(100, caffeine.evictionOrder().size());
        assertTrue(caffeine.access(caffeine.evictionOrder().get(99)), "a cached key hits");
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void rejectsBadArguments(Policy policy) {
        var e = assertThrows(IllegalArgumentException.class, () -> policy.create(0));
        assertEquals("capacity must be >= 1, was 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> policy.create(2).access(-1));
    }
}
