package sdx.sharding.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.Grader;
import sdx.exercise.Report;

/** Each checker passes a reference solution, fails wrong ones, and reports an untouched stub as not attempted. */
class ExerciseChecksTest {

    private static Report ring(RingLookup l) {
        return Grader.run("ring", RingLookupChecks.class, l);
    }

    private static Report hot(CounterUpdate u) {
        return Grader.run("hot", HotKeyChecks.class, u);
    }

    // ---- exercise 1: ring lookup ----

    static final RingLookup BINARY_SEARCH = (p, s, h) -> {
        int lo = 0, hi = p.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (p[mid] >= h) hi = mid; else lo = mid + 1;
        }
        return s[lo == p.length ? 0 : lo];
    };

    @Test
    void ringReferencePasses() {
        Report r = ring(BINARY_SEARCH);
        assertEquals(Report.Status.PASSED, r.status(), r.toString());
        Report linear = ring((p, s, h) -> {
            for (int i = 0; i < p.length; i++) if (p[i] >= h) return s[i];
            return s[0];
        });
        assertEquals(Report.Status.PASSED, linear.status(), linear.toString());
        Report notebookSolution = ring((p, s, h) -> { // the solution shown in the notebook
            int i = Arrays.binarySearch(p, h);
            if (i < 0) i = -i - 1;
            return s[i == p.length ? 0 : i];
        });
        assertEquals(Report.Status.PASSED, notebookSolution.status(), notebookSolution.toString());
    }

    @Test
    void predictionExerciseTruthIsNineTenths() {
        double measured = sdx.sharding.KeyMovement.movedFraction(sdx.sharding.ModHashPartitioner.of(9),
                sdx.sharding.ModHashPartitioner.of(10), 100_000);
        assertEquals(Report.Status.PASSED, Grader.number("p", 0.9, measured, 0.02, "").status());
        assertEquals(Report.Status.FAILED, Grader.number("p", 0.1, measured, 0.02, "").status());
    }

    @Test
    void ringNoWrapAroundFails() {
        Report r = ring((p, s, h) -> {
            for (int i = 0; i < p.length; i++) if (p[i] >= h) return s[i];
            return s[p.length - 1]; // stays on the last point instead of wrapping
        });
        assertEquals(Report.Status.FAILED, r.status());
        assertTrue(r.toString().contains("wraps around"), r.toString());
    }

    @Test
    void ringStrictGreaterFails() {
        Report r = ring((p, s, h) -> {
            for (int i = 0; i < p.length; i++) if (p[i] > h) return s[i];
            return s[0];
        });
        assertEquals(Report.Status.FAILED, r.status());
        assertTrue(r.toString().contains("exactly on a point"), r.toString());
    }

    @Test
    void ringLinearScanOffByOneFails() {
        Report r = ring((p, s, h) -> {
            for (int i = 0; i < p.length; i++) if (p[i] >= h) return s[Math.max(0, i - 1)]; // previous point
            return s[0];
        });
        assertEquals(Report.Status.FAILED, r.status());
    }

    @Test
    void ringIndexOutOfBoundsIsAFailedCheckNotACrash() {
        Report r = ring((p, s, h) -> {
            int i = Arrays.binarySearch(p, h);
            return s[i < 0 ? -i - 1 : i]; // no wrap: throws past the last point
        });
        assertEquals(Report.Status.FAILED, r.status());
        assertTrue(r.toString().contains("ArrayIndexOutOfBounds"), r.toString());
    }

    @Test
    void ringStubIsNotAttempted() {
        assertEquals(Report.Status.NOT_ATTEMPTED, ring((p, s, h) -> Exercise.todo()).status());
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

    @Test
    void hotReferencesPass() {
        Report ss = hot(SPACE_SAVING);
        assertEquals(Report.Status.PASSED, ss.status(), ss.toString());
        Report mg = hot(MISRA_GRIES);
        assertEquals(Report.Status.PASSED, mg.status(), mg.toString());
    }

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

    @Test
    void hotFirstThousandFails() {
        Report r = Grader.run("hot", HotKeyChecks.class, new FirstThousand());
        assertEquals(Report.Status.FAILED, r.status());
        assertTrue(r.toString().contains("second half"), r.toString());
    }

    @Test
    void hotIgnoringNewKeysWhenFullFails() {
        Report r = hot((keys, counts, key) -> {
            for (int i = 0; i < keys.length; i++) if (counts[i] > 0 && keys[i] == key) { counts[i]++; return; }
            for (int i = 0; i < keys.length; i++) if (counts[i] == 0) { keys[i] = key; counts[i] = 1; return; }
        });
        assertEquals(Report.Status.FAILED, r.status(), r.toString());
    }

    @Test
    void hotResetToOneFails() {
        Report r = hot((keys, counts, key) -> {
            int free = -1, min = 0;
            for (int i = 0; i < keys.length; i++) {
                if (counts[i] > 0 && keys[i] == key) { counts[i]++; return; }
                if (counts[i] == 0 && free < 0) free = i;
                if (counts[i] < counts[min]) min = i;
            }
            if (free >= 0) { keys[free] = key; counts[free] = 1; return; }
            keys[min] = key;
            counts[min] = 1; // forgets the evicted count: the new key can never catch up
        });
        assertEquals(Report.Status.FAILED, r.status(), r.toString());
    }

    @Test
    void hotDuplicateSlotsFail() {
        Report r = hot((keys, counts, key) -> {
            for (int i = 0; i < keys.length; i++) if (counts[i] == 0) { keys[i] = key; counts[i] = 1; return; }
            counts[0]++;
        });
        assertEquals(Report.Status.FAILED, r.status(), r.toString());
    }

    @Test
    void hotStubIsNotAttempted() {
        assertEquals(Report.Status.NOT_ATTEMPTED, hot((keys, counts, key) -> Exercise.todo()).status());
    }
}
