package sdx.proxy;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.HashRing;
import sdx.core.Rng;

/**
 * The load-balancing policies the notebook compares. The same {@link Balancer} code runs in the real
 * {@link L7Proxy} and in the simulated {@link LoadBalancerModel}, so the two can be compared.
 */
public enum Policy {
    /** Each healthy backend in turn. */
    ROUND_ROBIN("round robin"),
    /** A uniformly random healthy backend. */
    RANDOM("random"),
    /** The healthy backend with the fewest requests in flight, ties broken at random (join the shortest queue). */
    LEAST_OUTSTANDING("least outstanding"),
    /**
     * Two random healthy backends, the one with fewer requests in flight (Mitzenmacher 2001; Azar et al.
     * 1999).
     */
    TWO_CHOICES("power of two choices"),
    /** The first healthy backend on the key's preference list of a consistent-hash ring (sticky per key). */
    CONSISTENT_HASH("consistent hash");

    private final String label;

    Policy(String label) {
        this.label = label;
    }

    /** The policy's name in tables and legends. */
    public String label() {
        return label;
    }

    /**
     * A fresh balancer over {@code backends} backends (1..256), its random choices drawn from {@code seed}.
     * Not thread-safe: the real proxy calls it under a lock.
     */
    public Balancer create(int backends, long seed) {
        Check.inRange("backends", backends, 1, 256);
        UniformRandomProvider random = Rng.of(seed, ordinal());
        return switch (this) {
            case ROUND_ROBIN -> new RoundRobin();
            case RANDOM -> (key, out, up) -> randomUp(up, random, -1);
            case LEAST_OUTSTANDING -> (key, out, up) -> leastOutstanding(out, up, random);
            case TWO_CHOICES -> (key, out, up) -> twoChoices(out, up, random);
            case CONSISTENT_HASH -> new Sticky(HashRing.of(backends, 100, seed));
        };
    }

    /** Chooses one backend for one request. */
    @FunctionalInterface
    public interface Balancer {
        /**
         * @param key         the request's routing key (only consistent hashing uses it)
         * @param outstanding requests in flight per backend
         * @param up          which backends may be chosen (healthy and not ejected)
         * @return a backend index with {@code up[i]}, or -1 if none is up
         */
        int pick(long key, int[] outstanding, boolean[] up);
    }

    private static final class RoundRobin implements Balancer {
        private int next;

        @Override
        public int pick(long key, int[] outstanding, boolean[] up) {
            for (int i = 0; i < up.length; i++) {
                int b = (next + i) % up.length;
                if (up[b]) {
                    next = (b + 1) % up.length;
                    return b;
                }
            }
            return -1;
        }
    }

    private record Sticky(HashRing ring) implements Balancer {
        @Override
        public int pick(long key, int[] outstanding, boolean[] up) {
            List<Integer> order = ring.preferenceList(key, ring.size());
            for (int b : order) if (up[b]) return b;
            return -1;
        }
    }

    /** A random up backend other than {@code except} (-1 excludes none), or -1. */
    static int randomUp(boolean[] up, UniformRandomProvider random, int except) {
        int count = 0;
        for (int i = 0; i < up.length; i++) if (up[i] && i != except) count++;
        if (count == 0) return -1;
        int k = random.nextInt(count);
        for (int i = 0; i < up.length; i++) {
            if (up[i] && i != except && k-- == 0) return i;
        }
        throw new AssertionError("unreachable");
    }

    private static int leastOutstanding(int[] out, boolean[] up, UniformRandomProvider random) {
        int best = -1, ties = 0;
        for (int i = 0; i < up.length; i++) {
            if (!up[i]) continue;
            if (best < 0 || out[i] < out[best]) {
                best = i;
                ties = 1;
            } else if (out[i] == out[best] && random.nextInt(++ties) == 0) {
                best = i;                                   // reservoir sampling: each tied backend equally likely
            }
        }
        return best;
    }

    private static int twoChoices(int[] out, boolean[] up, UniformRandomProvider random) {
        int a = randomUp(up, random, -1);
        if (a < 0) return -1;
        int b = randomUp(up, random, a);
        if (b < 0) return a;
        return out[b] < out[a] ? b : a;
    }
}
