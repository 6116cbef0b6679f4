package sdx.core;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A finite stream of integer keys in {@code [0, keySpace)}: the requests of one experiment.
 * Built by {@link Workloads}; a custom workload is just {@code Trace.of("mine", n, keys)}.
 *
 * @param name     what generated it, shown in chart legends (e.g. "zipf s=0.8")
 * @param keySpace number of distinct possible keys
 * @param keys     the requests, in order
 */
public record Trace(String name, int keySpace, int[] keys) {

    /** Validates that every key lies in {@code [0, keySpace)}. */
    public Trace {
        Check.notNull("name", name);
        Check.positive("keySpace", keySpace);
        keys = Check.notNull("keys", keys).clone();                // copied in (and out, by keys())
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] < 0 || keys[i] >= keySpace) {
                throw Check.fail(
                        "keys[" + i + "] must be in [0, " + keySpace + "), was " + keys[i]);
            }
        }
    }

    /** A trace from explicit keys. */
    public static Trace of(String name, int keySpace, int... keys) {
        return new Trace(name, keySpace, keys);
    }

    /** Number of requests. */
    public int length() {
        return keys.length;
    }

    /** The keys as a stream. */
    public IntStream stream() {
        return Arrays.stream(keys);
    }

    /** How many times each key occurs: {@code counts()[k]}. */
    public long[] counts() {
        long[] c = new long[keySpace];
        for (int k : keys) c[k]++;
        return c;
    }

    @Override
    public String toString() {
        return "Trace[" + name + ", keySpace=" + keySpace + ", length=" + keys.length + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trace t && t.name.equals(name) && t.keySpace == keySpace && Arrays.equals(t.keys, keys);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(keys);
    }

    /** A copy of {@code keys}. */
    @Override
    public int[] keys() {
        return keys.clone();
    }
}
