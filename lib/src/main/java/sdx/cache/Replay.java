package sdx.cache;

import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A request-by-request record of a small trace on one cache: the ground truth a learner can check by
 * hand. Keys 0..25 are shown as letters A..Z.
 *
 * @param policy   the policy's name
 * @param capacity the cache's capacity
 * @param steps    one step per request, in order
 */
public record Replay(String policy, int capacity, List<Step> steps) {

    /**
     * One request.
     *
     * @param request    the key asked for
     * @param hit        whether it was a hit
     * @param cacheAfter the cache's keys afterwards, next victim first
     * @param evicted    keys evicted by this request (empty if none)
     */
    public record Step(String request, boolean hit, List<String> cacheAfter, List<String> evicted) {}

    /** Copies the list. */
    public Replay {
        steps = List.copyOf(steps);
    }

    /** Replays {@code keys} on {@code cache}, recording each step. */
    public static Replay of(CachePolicy cache, int... keys) {
        Check.notNull("cache", cache);
        Check.notEmpty("keys", keys);
        List<Step> steps = new ArrayList<>();
        for (int key : keys) {
            List<Integer> before = cache.evictionOrder();
            boolean hit = cache.access(key);
            List<Integer> after = cache.evictionOrder();
            List<Integer> gone = new ArrayList<>(before);
            gone.removeAll(after);
            steps.add(new Step(label(key), hit, labels(after), labels(gone)));
        }
        return new Replay(cache.name(), cache.capacity(), steps);
    }

    /** Parses "A B C A B" (letters separated by spaces) into keys 0, 1, 2, 0, 1. */
    public static int[] parse(String letters) {
        Check.notNull("letters", letters);
        String[] tokens = letters.trim().split("\\s+");
        Check.that(!letters.isBlank(), "letters", "\"" + letters + "\"", "must name at least one key");
        int[] keys = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            Check.that(t.length() == 1 && t.charAt(0) >= 'A' && t.charAt(0) <= 'Z', "letters", "\"" + letters + "\"",
                    "must be capital letters A..Z separated by spaces");
            keys[i] = t.charAt(0) - 'A';
        }
        return keys;
    }

    /** Number of hits. */
    public long hits() {
        return steps.stream().filter(Step::hit).count();
    }

    /** Number of misses. */
    public long misses() {
        return steps.size() - hits();
    }

    /** Number of evictions. */
    public long evictions() {
        return steps.stream().mapToLong(s -> s.evicted().size()).sum();
    }

    /** The steps as a table: request, hit/miss, cache contents afterwards, evicted key. */
    public Table table() {
        Table t = Table.create(policy + ", capacity " + capacity + ": " + count(hits(), "hit") + ", "
                + count(misses(), "miss") + ", " + count(evictions(), "eviction"));
        IntColumn step = IntColumn.create("step");
        StringColumn request = StringColumn.create("request");
        StringColumn result = StringColumn.create("result");
        StringColumn cache = StringColumn.create("cache after (next victim first)");
        StringColumn evicted = StringColumn.create("evicted");
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            step.append(i + 1);
            request.append(s.request());
            result.append(s.hit() ? "hit" : "miss");
            cache.append(String.join(" ", s.cacheAfter()));
            evicted.append(String.join(" ", s.evicted()));
        }
        return t.addColumns(step, request, result, cache, evicted);
    }

    private static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
    }

    private static List<String> labels(List<Integer> keys) {
        return keys.stream().map(Replay::label).toList();
    }

    private static String label(int key) {
        return key < 26 ? String.valueOf((char) ('A' + key)) : String.valueOf(key);
    }
}
