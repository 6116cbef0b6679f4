package sdx.cache.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.Report;

/** The LRU checker against a correct solution, three wrong ones and the untouched stub. */
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

    @Test
    void referencePasses() {
        Report r = CachingExercises.lru(ReferenceLru::new);
        assertEquals(Report.Status.PASSED, r.status(), r.toString());
        assertEquals(8, r.results().size());
    }

    @Test
    void fifoInDisguiseFails() {
        Report r = CachingExercises.lru(FifoInDisguise::new);
        assertEquals(Report.Status.FAILED, r.status(), r.toString());
        assertTrue(failed(r, "A B A C A"), r.toString());
        assertTrue(failed(r, "least recently used"), r.toString());
    }

    @Test
    void offByOneFails() {
        Report r = CachingExercises.lru(OffByOne::new);
        assertEquals(Report.Status.FAILED, r.status(), r.toString());
        assertTrue(failed(r, "capacity 1"), r.toString());
        assertTrue(failed(r, "exactly capacity"), r.toString());
    }

    @Test
    void noRecencyUpdateOnGetFails() {
        Report r = CachingExercises.lru(NoRecencyOnGet::new);
        assertEquals(Report.Status.FAILED, r.status(), r.toString());
        assertTrue(failed(r, "least recently used"), r.toString());
        assertTrue(failed(r, "reference LRU"), r.toString());
        assertTrue(!failed(r, "updates it"), "updates refresh recency in this one: " + r);
    }

    @Test
    void untouchedStubIsNotAttempted() {
        assertEquals(Report.Status.NOT_ATTEMPTED, CachingExercises.lru(Stub::new).status());
    }

    @Test
    void crashingSolutionIsAFailedCheckNotAStackTrace() {
        Report r = CachingExercises.lru(c -> { throw new IllegalStateException("boom"); });
        assertEquals(Report.Status.FAILED, r.status());
        assertTrue(r.results().get(0).message().contains("boom"), r.toString());
    }

    private static boolean failed(Report r, String checkContains) {
        return r.results().stream().anyMatch(x -> x.check().contains(checkContains) && x.status() == Report.Status.FAILED);
    }
}
