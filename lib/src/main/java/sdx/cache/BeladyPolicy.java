package sdx.cache;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import sdx.core.Check;
import sdx.core.Trace;

/**
 * Bélády's offline optimum (MIN): it knows the whole trace in advance, and on a miss with a full
 * cache it evicts the key whose next request lies farthest in the future, or does not admit the
 * newcomer at all if the newcomer is that key. No policy, online or offline, gets more hits on the
 * same trace (Bélády, "A study of replacement algorithms for a virtual-storage computer", IBM
 * Systems Journal 1966). It cannot be built in practice; it measures how far a real policy is from
 * perfect on a given trace.
 *
 * <p>It must be asked for exactly the trace it was given, in order; anything else is an error.
 */
public final class BeladyPolicy implements CachePolicy {
    private static final int NEVER = Integer.MAX_VALUE;

    private final int capacity;
    private final int[] keys;
    /** {@code nextUse[i]}: the position of the next request for {@code keys[i]} after i, or NEVER. */
    private final int[] nextUse;
    /** Cached key -> position of its next request. */
    private final Map<Integer, Integer> next = new HashMap<>();
    /** Cached keys ordered by next request, farthest first (ties by key). */
    private final TreeSet<int[]> byNextUse =
            new TreeSet<>(Comparator.<int[]>comparingInt(e -> -e[1]).thenComparingInt(e -> e[0]));
    private int position;

    /** An empty cache of {@code capacity} keys that will be asked for {@code trace}, in order. */
    public BeladyPolicy(int capacity, Trace trace) {
        this.capacity = Check.positive("capacity", capacity);
        this.keys = Check.notNull("trace", trace).keys();
        this.nextUse = new int[keys.length];
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = keys.length - 1; i >= 0; i--) {
            nextUse[i] = seen.getOrDefault(keys[i], NEVER);
            seen.put(keys[i], i);
        }
    }

    @Override
    public boolean access(int key) {
        if (position >= keys.length) {
            throw Check.fail("request " + (position + 1) + " is past the end of the trace (" + keys.length
                    + " requests)");
        }
        if (key != keys[position]) {
            throw Check.fail("key must be the trace's request " + (position + 1) + " = " + keys[position]
                    + ", was " + key);
        }
        int upcoming = nextUse[position++];
        Integer current = next.get(key);
        if (current != null) {
            reschedule(key, current, upcoming);
            return true;
        }
        if (next.size() == capacity) {
            int[] farthest = byNextUse.first();
            if (upcoming >= farthest[1]) return false; // the newcomer is needed last: do not admit it
            byNextUse.pollFirst();
            next.remove(farthest[0]);
        }
        next.put(key, upcoming);
        byNextUse.add(new int[] {key, upcoming});
        CachePolicy.checkSize(name(), next.size(), capacity);
        return false;
    }

    private void reschedule(int key, int from, int to) {
        byNextUse.remove(new int[] {key, from});
        next.put(key, to);
        byNextUse.add(new int[] {key, to});
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int size() {
        return next.size();
    }

    @Override
    public List<Integer> evictionOrder() {
        List<Integer> order = new ArrayList<>(next.size());
        for (int[] e : byNextUse) order.add(e[0]);
        return order;
    }

    @Override
    public String name() {
        return "Bélády (offline)";
    }
}
