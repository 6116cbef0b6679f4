package sdx.storage.exercises;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.core.Rng;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.storage.TailModel;
import sdx.storage.Tails;

/**
 * Hidden checks for the hedging exercise: a hand-worked sample first (basic), then the policy drives
 * {@link Tails#hedged} over {@link StorageExercises#SEEDS} seeds of a 10-way fan-out: the extra load must
 * stay near 5% and the p99 must fall by at least half.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class HedgeChecks {
    private final HedgePolicy policy = Grader.submission(HedgePolicy.class);

    /** 1, 2, ..., 100 in a seeded shuffled order. */
    static double[] shuffledOneToHundred() {
        double[] a = new double[100];
        for (int i = 0; i < a.length; i++) a[i] = i + 1;
        UniformRandomProvider rng = Rng.of(5);
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    @Test
    @Order(1)
    @DisplayName("on the replies 1, 2, ..., 100 ms (shuffled) the delay is their p95: between 94.5 and 96 ms")
    @Hint("sort a copy of the replies and take the value 95% of the way up; the input is not sorted")
    @Basic
    void handWorkedSample() {
        double d = policy.hedgeAfterMs(shuffledOneToHundred());
        assertTrue(d >= 94.5 && d <= 96, String.format(Locale.ROOT, "delay for replies 1..100 ms: expected the p95 (about 95), got %.4g", d));
    }

    @Test
    @Order(2)
    @DisplayName("leaves the caller's array of recent replies unchanged")
    @Hint("sort a copy (recentMs.clone()), not the caller's array: the client keeps appending to it in arrival order")
    @Basic
    void leavesInputAlone() {
        double[] in = shuffledOneToHundred();
        policy.hedgeAfterMs(in);
        assertArrayEquals(shuffledOneToHundred(), in, "recent replies after the call");
    }

    /** The delay the policy chooses for a seed's 2,000 recent replies of the typical server. */
    static double delayFor(HedgePolicy policy, long seed) {
        TailModel m = TailModel.typical();
        UniformRandomProvider rng = Rng.of(seed, 99);
        double[] recent = new double[StorageExercises.RECENT];
        for (int i = 0; i < recent.length; i++) recent[i] = m.sample(rng);
        return policy.hedgeAfterMs(recent);
    }

    @Test
    @Order(3)
    @DisplayName("the second copies add at most 8% load (10-way fan-out, over 10 seeds)")
    @Hint("hedging after the median resends half of all sub-requests; after the p95, about one in twenty")
    void extraLoadBounded() {
        for (long seed = 1; seed <= StorageExercises.SEEDS; seed++) {
            double d = delayFor(policy, seed);
            var run = Tails.hedged(TailModel.typical(), StorageExercises.FAN_OUT, d, StorageExercises.REQUESTS, seed);
            assertTrue(run.extraLoad() <= StorageExercises.MAX_EXTRA_LOAD, String.format(Locale.ROOT,
                    "seed %d: delay %.3g ms sent a second copy for %.1f%% of sub-requests (at most %.0f%% allowed)",
                    seed, d, 100 * run.extraLoad(), 100 * StorageExercises.MAX_EXTRA_LOAD));
        }
    }

    @Test
    @Order(4)
    @DisplayName("the request's p99 at least halves (10-way fan-out, over 10 seeds)")
    @Hint("a second copy helps only if it is sent before the slow replies: after the p95, not after the p99.9")
    void cutsTheTail() {
        for (long seed = 1; seed <= StorageExercises.SEEDS; seed++) {
            double d = delayFor(policy, seed);
            var run = Tails.hedged(TailModel.typical(), StorageExercises.FAN_OUT, d, StorageExercises.REQUESTS, seed);
            assertTrue(run.hedgedP99() <= 0.5 * run.plainP99(), String.format(Locale.ROOT,
                    "seed %d: delay %.3g ms: p99 %.3g ms hedged vs %.3g ms plain (must be at most half)",
                    seed, d, run.hedgedP99(), run.plainP99()));
        }
    }
}
