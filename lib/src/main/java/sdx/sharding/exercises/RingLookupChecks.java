package sdx.sharding.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.core.Rng;
import sdx.exercise.Basic;
import sdx.exercise.Hint;

/** Hidden checks for exercise 1 ({@link RingLookup}); run by {@link ShardingExercises#ringLookup}. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class RingLookupChecks {
    private final RingLookup lookup = sdx.exercise.Grader.submission(RingLookup.class);
    private static final long[] POINTS = {-100, 0, 100};
    private static final int[] SHARDS = {7, 8, 9};

    private int owner(long[] points, int[] shards, long hash) {
        return lookup.owner(points.clone(), shards.clone(), hash);
    }

    @Test
    @Order(1)
    @DisplayName("a hash between two points belongs to the next point (ring -100, 0, 100)")
    @Hint("walk clockwise: the owner is the first point at or after the hash, not the one before it")
    @Basic
    void between() {
        assertEquals(8, owner(POINTS, SHARDS, -50), "owner of hash -50");
        assertEquals(9, owner(POINTS, SHARDS, 1), "owner of hash 1");
        assertEquals(7, owner(POINTS, SHARDS, -150), "owner of hash -150");
    }

    @Test
    @Order(2)
    @DisplayName("a hash exactly on a point belongs to that point")
    @Hint("compare with >=, not >: a point owns its own position")
    @Basic
    void onAPoint() {
        assertEquals(7, owner(POINTS, SHARDS, -100), "owner of hash -100");
        assertEquals(8, owner(POINTS, SHARDS, 0), "owner of hash 0");
        assertEquals(9, owner(POINTS, SHARDS, 100), "owner of hash 100");
    }

    @Test
    @Order(3)
    @DisplayName("a hash past the last point wraps around to the first point")
    @Hint("when no point is >= hash, the ring wraps: the answer is shards[0]")
    @Basic
    void wrapsAround() {
        assertEquals(7, owner(POINTS, SHARDS, 101), "owner of hash 101");
        assertEquals(7, owner(POINTS, SHARDS, Long.MAX_VALUE), "owner of hash Long.MAX_VALUE");
    }

    @Test
    @Order(4)
    @DisplayName("a ring with a single point owns every hash")
    @Hint("with one point, every hash is either at or before it, or wraps to it")
    @Basic
    void singlePoint() {
        long[] p = {42};
        int[] s = {3};
        for (long h : new long[] {Long.MIN_VALUE, 41, 42, 43, Long.MAX_VALUE}) {
            assertEquals(3, owner(p, s, h), "owner of hash " + h);
        }
    }

    @Test
    @Order(5)
    @DisplayName("agrees with a correct lookup on 200 random rings (seeded)")
    @Hint("test the edges yourself: hashes equal to points[0], to the last point, and just above and below each")
    void randomRings() {
        for (int seed = 0; seed < 200; seed++) {
            UniformRandomProvider rng = Rng.of(seed);
            int n = 1 + rng.nextInt(64);
            long[] points = new long[n];
            for (int i = 0; i < n; i++) points[i] = rng.nextLong();
            Arrays.sort(points);
            int[] shards = new int[n];
            for (int i = 0; i < n; i++) shards[i] = rng.nextInt(16);
            for (int q = 0; q < 50; q++) {
                long h = switch (q % 5) {
                    case 0 -> points[rng.nextInt(n)];
                    case 1 -> points[rng.nextInt(n)] + 1;
                    case 2 -> points[rng.nextInt(n)] - 1;
                    default -> rng.nextLong();
                };
                assertEquals(reference(points, shards, h), owner(points, shards, h),
                        "ring seed " + seed + " (" + n + " points), hash " + h);
            }
        }
    }

    /** Linear reference: obviously right, used only here. */
    private static int reference(long[] points, int[] shards, long hash) {
        for (int i = 0; i < points.length; i++) if (points[i] >= hash) return shards[i];
        return shards[0];
    }
}
