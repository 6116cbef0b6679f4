package sdx.cache.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Report;

/** The LRU checker against a correct solution, a wrong one per check, half-finished answers and the stub. */
class LruChecksTest {

    /** A LinkedHashMap cache evicting its eldest entry: LRU in access order, FIFO in insertion order. */
    static class LinkedCache implements SimpleCache {
        private final Map<String, String> map;

        LinkedCache(int capacity, boolean accessOrder) {
            map = new LinkedHashMap<>(16, 0.75f, accessOrder) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > capacity;
                }
            };
        }

        public String get(String key) { return map.get(key); }
        public void put(String key, String value) { map.put(key, value); }
        public int size() { return map.size(); }
    }

    /** Correct: LinkedHashMap in access order, evicting the eldest when over capacity. */
    static final class ReferenceLru extends LinkedCache {
        ReferenceLru(int capacity) { super(capacity, true); }
    }

    /** Wrong: FIFO in disguise (insertion order: neither get nor an update refreshes a key). */
    static final class FifoInDisguise extends LinkedCache {
        FifoInDisguise(int capacity) { super(capacity, false); }
    }

    /** Wrong: off by one, holds capacity + 1 keys. */
    static final class OffByOne implements SimpleCache {
        private final ReferenceLru inner;

        OffByOne(int capacity) { inner = new ReferenceLru(capacity + 1); }

        public String get(String key) { return inner.get(key); }
        public void put(String key, String value) { inner.put(key, value); }
        public int size() { return inner.size(); }
    }

    /** Wrong: put moves a key to the recent end, get does not. */
    static final class NoRecencyOnGet implements SimpleCache {
        private final int capacity;
        private final Map<String, String> map = new HashMap<>();
        private final ArrayDeque<String> order = new ArrayDeque<>(); // least recent first

        NoRecencyOnGet(int capacity) { this.capacity = capacity; }

        public String get(String key) { return map.get(key); }

        public void put(String key, String value) {
            if (map.containsKey(key)) order.remove(key);
            else if (map.size() == capacity) map.remove(order.removeFirst());
            order.addLast(key);
            map.put(key, value);
        }

        public int size() { return map.size(); }
    }

    /** The notebook's stub, untouched. */
    static final class Stub implements SimpleCache {
        Stub(int capacity) {}

        public String get(String key) { return Exercise.todo(); }
        public void put(String key, String value) { Exercise.todo(); }
        public int size() { return Exercise.todo(); }
    }

    /** Wrong: size() reports the capacity, not the entries held. */
    static final class SizeIsCapacity extends LinkedCache {
        private final int capacity;
        SizeIsCapacity(int capacity) { super(capacity, true); this.capacity = capacity; }
        @Override public int size() { return capacity; }
    }

    /** Wrong: evicts the most recently used key instead of the least. */
    static final class EvictsMostRecent implements SimpleCache {
        private final int capacity;
        private final LinkedHashMap<String, String> map = new LinkedHashMap<>(16, 0.75f, true);

        EvictsMostRecent(int capacity) { this.capacity = capacity; }

        public String get(String key) { return map.get(key); }

        public void put(String key, String value) {
            if (!map.containsKey(key) && map.size() == capacity) {
                String newest = null;
                for (String k : map.keySet()) newest = k;
                map.remove(newest);
            }
            map.put(key, value);
        }

        public int size() { return map.size(); }
    }

    /** Wrong: a get refreshes a key, but updating a key's value with put does not. */
    static final class UpdateDoesNotRefresh implements SimpleCache {
        private final int capacity;
        private final Map<String, String> map = new HashMap<>();
        private final ArrayDeque<String> order = new ArrayDeque<>(); // least recent first

        UpdateDoesNotRefresh(int capacity) { this.capacity = capacity; }

        public String get(String key) {
            if (map.containsKey(key)) { order.remove(key); order.addLast(key); }
            return map.get(key);
        }

        public void put(String key, String value) {
            if (!map.containsKey(key)) {
                if (map.size() == capacity) map.remove(order.removeFirst());
                order.addLast(key);
            }
            map.put(key, value);
        }

        public int size() { return map.size(); }
    }

    /** Wrong: size() counts every put ever made, including updates and evicted keys. */
    static final class SizeCountsPuts extends LinkedCache {
        private int puts;
        SizeCountsPuts(int capacity) { super(capacity, true); }
        @Override public void put(String key, String value) { puts++; super.put(key, value); }
        @Override public int size() { return puts; }
    }

    /**
     * Wrong, but right on every hand-worked trace: approximate LRU as Redis does it, evicting the least recent of
     * 3 sampled keys (exact LRU when the cache holds at most 3 keys).
     */
    static final class SampledLru implements SimpleCache {
        private final int capacity;
        private final LinkedHashMap<String, String> map = new LinkedHashMap<>(16, 0.75f, true);
        private final java.util.Random random = new java.util.Random(1);

        SampledLru(int capacity) { this.capacity = capacity; }

        public String get(String key) { return map.get(key); }

        public void put(String key, String value) {
            if (!map.containsKey(key) && map.size() == capacity) {
                java.util.List<String> keys = new java.util.ArrayList<>(map.keySet()); // least recent first
                int victim = Integer.MAX_VALUE;
                java.util.Set<Integer> sample = new java.util.HashSet<>();
                while (sample.size() < Math.min(3, keys.size())) sample.add(random.nextInt(keys.size()));
                for (int i : sample) victim = Math.min(victim, i);
                map.remove(keys.get(victim));
            }
            map.put(key, value);
        }

        public int size() { return map.size(); }
    }

    /** The contract: reference passes, stub not attempted, each mutant fails its check, every check has one. */
    @Nested
    class Contract extends GraderContract<SimpleCache.Factory> {
        @Override protected Report grade(SimpleCache.Factory answer) { return CachingExercises.lru(answer); }
        @Override protected SimpleCache.Factory reference() { return ReferenceLru::new; }
        @Override protected SimpleCache.Factory stub() { return Stub::new; }

        @Override
        protected List<Mutant<SimpleCache.Factory>> mutants() {
            return List.of(
                    mutant("size() returns the capacity", "putThenGet", SizeIsCapacity::new),
                    mutant("evicts the most recently used key", "loopTrace", EvictsMostRecent::new),
                    mutant("FIFO in disguise (insertion order)", "recencyTrace", FifoInDisguise::new),
                    mutant("get does not refresh recency", "evictionOrder", NoRecencyOnGet::new),
                    mutant("holds capacity + 1 keys", "capacityOne", OffByOne::new),
                    mutant("an update does not refresh recency", "updateExisting", UpdateDoesNotRefresh::new),
                    mutant("size() counts puts", "sizeInvariant", SizeCountsPuts::new),
                    mutant("sampled LRU (3 candidates, as Redis)", "matchesReference", SampledLru::new));
        }
    }

    @Test
    void halfFinishedAnswerIsGradedAndNamesTheMissingMethod() {
        Report r = CachingExercises.lru(SizeStillTodo::new);
        assertEquals(Report.Status.NOT_ATTEMPTED, r.status(), r.toString());
        assertEquals(Report.Status.NOT_ATTEMPTED, r.result("putThenGet").orElseThrow().status());
        assertTrue(r.result("putThenGet").orElseThrow().message().contains("write size()"), r.toString());
        assertEquals(Report.Status.PASSED, r.result("recencyTrace").orElseThrow().status(), r.toString());
        assertEquals(Report.Status.PASSED, r.result("matchesReference").orElseThrow().status(), r.toString());
        assertTrue(r.html().contains("write size()"), r.html());
    }

    /** The reference with size() still a stub. */
    static final class SizeStillTodo extends LinkedCache {
        SizeStillTodo(int capacity) { super(capacity, true); }
        @Override public int size() { return Exercise.todo(); }
    }

    @Test
    void aFailedBasicCheckSkipsTheLongTrace() {
        Report r = CachingExercises.lru(FifoInDisguise::new);
        Report.Result last = r.result("matchesReference").orElseThrow();
        assertEquals(Report.Status.SKIPPED, last.status(), r.toString());
        assertTrue(last.message().startsWith("skipped until"), last.message());
    }

    @Test
    void crashingSolutionIsAFailedCheckNotAStackTrace() {
        Report r = CachingExercises.lru(c -> { throw new IllegalStateException("boom"); });
        assertEquals(Report.Status.FAILED, r.status());
        assertTrue(r.results().get(0).message().contains("boom"), r.toString());
    }
}
