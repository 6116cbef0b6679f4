package sdx.sharding.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;

/** Notebook 13's graders under the contract: each check is shown failing by a wrong answer aimed at it. */
class ExerciseChecksTest {

    // ---- exercise 1: ring lookup ----

    static final RingLookup BINARY_SEARCH = (p, s, h) -> {
        int lo = 0, hi = p.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (p[mid] >= h) hi = mid; else lo = mid + 1;
        }
        return s[lo == p.length ? 0 : lo];
    };

    static final RingLookup LINEAR = (p, s, h) -> {
        for (int i = 0; i < p.length; i++) if (p[i] >= h) return s[i];
        return s[0];
    };

    static final RingLookup NOTEBOOK_SOLUTION = (p, s, h) -> {
        int i = Arrays.binarySearch(p, h);
        if (i < 0) i = -i - 1;
        return s[i == p.length ? 0 : i];
    };

    /** Guesses the index from the spacing of the first two points, then corrects it: needs two points. */
    static final RingLookup INTERPOLATION = (p, s, h) -> {
        int n = p.length;
        double f = ((double) h - p[0]) / ((double) p[1] - p[0]);
        int i = (int) Math.max(0, Math.min(n - 1, f));
        while (i > 0 && p[i - 1] >= h) i--;
        while (i < n && p[i] < h) i++;
        return s[i == n ? 0 : i];
    };

    @Nested
    class RingLookupGrader extends GraderContract<RingLookup> {
        @Override protected Report grade(RingLookup answer) { return ShardingExercises.ringLookup(answer); }
        @Override protected RingLookup reference() { return BINARY_SEARCH; }
        @Override protected RingLookup stub() { return (p, s, h) -> Exercise.todo(); }
        @Override protected List<RingLookup> alsoCorrect() { return List.of(LINEAR, NOTEBOOK_SOLUTION); }

        @Override
        protected List<Mutant<RingLookup>> mutants() {
            return List.of(
                    mutant("returns the point before the hash", "between", (p, s, h) -> {
                        for (int i = 0; i < p.length; i++) if (p[i] >= h) return s[Math.max(0, i - 1)];
                        return s[0];
                    }),
                    mutant("compares with > instead of >=", "onAPoint", (p, s, h) -> {
                        for (int i = 0; i < p.length; i++) if (p[i] > h) return s[i];
                        return s[0];
                    }),
                    mutant("stays on the last point instead of wrapping", "wrapsAround", (p, s, h) -> {
                        for (int i = 0; i < p.length; i++) if (p[i] >= h) return s[i];
                        return s[p.length - 1];
                    }),
                    mutant("binary search without the wrap (index out of bounds)", "wrapsAround", (p, s, h) -> {
                        int i = Arrays.binarySearch(p, h);
                        return s[i < 0 ? -i - 1 : i];
                    }),
                    mutant("interpolation search that needs two points", "singlePoint", INTERPOLATION),
                    mutant("gives up after 16 points (assumes a small ring)", "randomRings", (p, s, h) -> {
                        for (int i = 0; i < Math.min(16, p.length); i++) if (p[i] >= h) return s[i];
                        return s[0];
                    }));
        }
    }

    // ---- exercise 2: bounded-memory hot keys ----

    static final CounterUpdate SPACE_SAVING = (keys, counts, key) -> {
        int free = -1, min = 0;
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] > 0 && keys[i] == key) { counts[i]++; return; }
            if (counts[i] == 0 && free < 0) free = i;
            if (counts[i] < counts[min]) min = i;
        }
        if (free >= 0) { keys[free] = key; counts[free] = 1; return; }
        keys[min] = key;
        counts[min]++;
    };

    static final CounterUpdate MISRA_GRIES = (keys, counts, key) -> {
        int free = -1;
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] > 0 && keys[i] == key) { counts[i]++; return; }
            if (counts[i] == 0 && free < 0) free = i;
        }
        if (free >= 0) { keys[free] = key; counts[free] = 1; return; }
        for (int i = 0; i < keys.length; i++) counts[i]--;
    };

    /** "Top keys of the first 1,000 items": count freely at first, then only keys already held. */
    static final class FirstThousand implements CounterUpdate {
        private int seen;

        @Override
        public void update(int[] keys, long[] counts, int key) {
            seen++;
            for (int i = 0; i < keys.length; i++) if (counts[i] > 0 && keys[i] == key) { counts[i]++; return; }
            if (seen > 1000) return;
            SPACE_SAVING.update(keys, counts, key);
        }
    }

    /** Space-Saving whose replaced counter restarts at 1: a newcomer is evicted again and again. */
    static final CounterUpdate RESET_TO_ONE = (keys, counts, key) -> {
        int free = -1, min = 0;
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] > 0 && keys[i] == key) { counts[i]++; return; }
            if (counts[i] == 0 && free < 0) free = i;
            if (counts[i] < counts[min]) min = i;
        }
        if (free >= 0) { keys[free] = key; counts[free] = 1; return; }
        keys[min] = key;
        counts[min] = 1;
    };

    @Nested
    class HotKeyGrader extends GraderContract<CounterUpdate> {
        @Override protected Report grade(CounterUpdate answer) { return ShardingExercises.hotKeys(answer); }
        @Override protected CounterUpdate reference() { return SPACE_SAVING; }
        @Override protected CounterUpdate stub() { return (keys, counts, key) -> Exercise.todo(); }
        @Override protected List<CounterUpdate> alsoCorrect() { return List.of(MISRA_GRIES); }

        @Override
        protected List<Mutant<CounterUpdate>> mutants() {
            return List.of(
                    mutant("a newcomer's counter starts at 0", "exactWhileRoom", (keys, counts, key) -> {
                        for (int i = 0; i < keys.length; i++) if (counts[i] > 0 && keys[i] == key) { counts[i]++; return; }
                        for (int i = 0; i < keys.length; i++) if (counts[i] == 0) { keys[i] = key; return; }
                    }),
                    mutant("takes over the largest counter, not the smallest", "majorityLike", (keys, counts, key) -> {
                        int free = -1, max = 0;
                        for (int i = 0; i < keys.length; i++) {
                            if (counts[i] > 0 && keys[i] == key) { counts[i]++; return; }
                            if (counts[i] == 0 && free < 0) free = i;
                            if (counts[i] > counts[max]) max = i;
                        }
                        if (free >= 0) { keys[free] = key; counts[free] = 1; return; }
                        keys[max] = key;
                        counts[max]++;
                    }),
                    mutant("ignores new keys when full", "zipfRecall", (keys, counts, key) -> {
                        for (int i = 0; i < keys.length; i++) if (counts[i] > 0 && keys[i] == key) { counts[i]++; return; }
                        for (int i = 0; i < keys.length; i++) if (counts[i] == 0) { keys[i] = key; counts[i] = 1; return; }
                    }),
                    mutant("a replaced counter restarts at 1", "hotAfterFull", RESET_TO_ONE),
                    mutant("counts only keys seen in the first 1,000", "lateHotKey", new FirstThousand()),
                    mutant("a newcomer starts above the largest counter", "allDistinct", (keys, counts, key) -> {
                        int free = -1, min = 0;
                        long max = 0;
                        for (int i = 0; i < keys.length; i++) {
                            if (counts[i] > 0 && keys[i] == key) { counts[i]++; return; }
                            if (counts[i] == 0 && free < 0) free = i;
                            if (counts[i] < counts[min]) min = i;
                            max = Math.max(max, counts[i]);
                        }
                        if (free >= 0) { keys[free] = key; counts[free] = 1; return; }
                        keys[min] = key;
                        counts[min] = max + 1;
                    }));
        }
    }

    // ---- exercise 3: predict the keys moved ----

    @Nested
    class KeysMovedPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double answer) { return ShardingExercises.predictKeysMoved(answer); }
        @Override protected Double reference() { return 0.9; } // the notebook's solution: 81 of 90 residues move
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }
        @Override protected List<Double> alsoCorrect() { return List.of(ShardingExercises.KEYS_MOVED.truth()); }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(
                    mutant("what consistent hashing moves, 1/10", p, 0.1),
                    mutant("one shard's worth, 1/9", p, 1.0 / 9),
                    mutant("every key moves", p, 1.0),
                    mutant("half of them", p, 0.5));
        }
    }

    @Test
    void keysMovedTruthIsNineTenths() {
        assertEquals(0.9, ShardingExercises.KEYS_MOVED.truth(), 0.005); // 100,000 keys: binomial sd about 0.001
    }

    @Test
    void aFailedBasicCheckSkipsTheRandomRings() {
        Report r = ShardingExercises.ringLookup((p, s, h) -> {
            for (int i = 0; i < p.length; i++) if (p[i] > h) return s[i];
            return s[0];
        });
        assertEquals(Report.Status.SKIPPED, r.result("randomRings").orElseThrow().status(), r.toString());
        assertTrue(r.result("randomRings").orElseThrow().message().contains("exactly on a point"), r.toString());
    }
}
