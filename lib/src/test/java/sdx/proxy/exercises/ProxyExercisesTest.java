package sdx.proxy.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.proxy.Theory;

/** Notebook 09's graders against the solution, plausible wrong answers and the stubs. */
class ProxyExercisesTest {

    /** The notebook's solution: synchronized methods; ties rotate from the backend after the last one chosen. */
    static class Reference implements BackendPicker {
        final int[] out;
        final boolean[] healthy;
        int next;

        Reference(int n) {
            out = new int[n];
            healthy = new boolean[n];
            java.util.Arrays.fill(healthy, true);
        }

        public synchronized int acquire() {
            int best = -1;
            for (int i = 0; i < out.length; i++) {
                int b = (next + i) % out.length;
                if (healthy[b] && (best < 0 || out[b] < out[best])) best = b;
            }
            if (best >= 0) {
                out[best]++;
                next = (best + 1) % out.length;
            }
            return best;
        }

        public synchronized void release(int b) {
            if (out[b] == 0) throw new IllegalStateException("nothing in flight on backend " + b);
            out[b]--;
        }

        public synchronized void setHealthy(int b, boolean h) {
            healthy[b] = h;
        }

        public synchronized int outstanding(int b) {
            return out[b];
        }

        public <T> T send(IntFunction<T> request) {
            int b = acquire();
            if (b < 0) throw new IllegalStateException("no healthy backend");
            try {
                return request.apply(b);
            } finally {
                release(b);
            }
        }
    }

    /** Also correct: ties broken at random (a seeded Random under the same lock). */
    static final class RandomTies extends Reference {
        private final java.util.Random random = new java.util.Random(1);

        RandomTies(int n) {
            super(n);
        }

        @Override
        public synchronized int acquire() {
            int best = -1, ties = 0;
            for (int b = 0; b < out.length; b++) {
                if (!healthy[b]) continue;
                if (best < 0 || out[b] < out[best]) {
                    best = b;
                    ties = 1;
                } else if (out[b] == out[best] && random.nextInt(++ties) == 0) best = b;
            }
            if (best >= 0) out[best]++;
            return best;
        }
    }

    /** Wrong: the lowest number wins every tie. */
    static final class LowestFirst extends Reference {
        LowestFirst(int n) {
            super(n);
        }

        @Override
        public synchronized int acquire() {
            next = 0;
            return super.acquire();
        }
    }

    /** Wrong: plain round robin over healthy backends, counts ignored. */
    static final class RoundRobin extends Reference {
        RoundRobin(int n) {
            super(n);
        }

        @Override
        public synchronized int acquire() {
            for (int i = 0; i < out.length; i++) {
                int b = (next + i) % out.length;
                if (healthy[b]) {
                    next = (b + 1) % out.length;
                    out[b]++;
                    return b;
                }
            }
            return -1;
        }
    }

    /** Wrong: health ignored. */
    static final class IgnoresHealth extends Reference {
        IgnoresHealth(int n) {
            super(n);
        }

        @Override
        public synchronized void setHealthy(int b, boolean h) {
            // forgets it
        }
    }

    /** Wrong: release decrements whatever the count. */
    static final class GoesNegative extends Reference {
        GoesNegative(int n) {
            super(n);
        }

        @Override
        public synchronized void release(int b) {
            out[b]--;
        }
    }

    /** Wrong: releases only when the request succeeds (no finally). */
    static final class NoFinally extends Reference {
        NoFinally(int n) {
            super(n);
        }

        @Override
        public <T> T send(IntFunction<T> request) {
            int b = acquire();
            if (b < 0) throw new IllegalStateException("no healthy backend");
            T result = request.apply(b);
            release(b);
            return result;
        }
    }

    /** Wrong: no lock: reads the counts, then writes count + 1 (a yield stands for an unlucky preemption). */
    static final class CheckThenAct extends Reference {
        CheckThenAct(int n) {
            super(n);
        }

        @Override
        public int acquire() {
            int best;
            synchronized (this) {
                best = super.acquire();
                if (best >= 0) out[best]--;
            }
            if (best < 0) return -1;
            int seen = out[best];
            Thread.yield();
            out[best] = seen + 1;
            return best;
        }

        @Override
        public void release(int b) {
            int seen = out[b];
            if (seen == 0) throw new IllegalStateException("nothing in flight");
            Thread.yield();
            out[b] = seen - 1;
        }
    }

    /** Wrong: two locks taken in opposite orders by acquire and release: a deadlock under load. */
    static final class LockOrder extends Reference {
        private final ReentrantLock counts = new ReentrantLock(), health = new ReentrantLock();

        LockOrder(int n) {
            super(n);
        }

        @Override
        public int acquire() {
            counts.lock();
            try {
                Thread.yield();
                health.lock();
                try {
                    return super.acquire();
                } finally {
                    health.unlock();
                }
            } finally {
                counts.unlock();
            }
        }

        @Override
        public void release(int b) {
            health.lock();
            try {
                Thread.yield();
                counts.lock();
                try {
                    super.release(b);
                } finally {
                    counts.unlock();
                }
            } finally {
                health.unlock();
            }
        }
    }

    /** Wrong: waits, spinning, until its request is alone on the backend (two such requests wait for ever). */
    static final class SpinsUntilAlone extends Reference {
        SpinsUntilAlone(int n) {
            super(n);
        }

        @Override
        public <T> T send(IntFunction<T> request) {
            int b = acquire();
            if (b < 0) throw new IllegalStateException("no healthy backend");
            while (outstanding(b) > 1) Thread.onSpinWait();
            try {
                return request.apply(b);
            } finally {
                release(b);
            }
        }
    }

    /** The notebook's stub. */
    static final class Stub implements BackendPicker {
        Stub(int n) {}

        public int acquire() { return Exercise.todo(); }
        public void release(int b) { Exercise.todo(); }
        public void setHealthy(int b, boolean h) { Exercise.todo(); }
        public int outstanding(int b) { return Exercise.todo(); }
        public <T> T send(IntFunction<T> request) { return Exercise.todo(); }
    }

    @Nested
    class PickerGrader extends GraderContract<BackendPicker.Factory> {
        @Override protected Report grade(BackendPicker.Factory f) { return ProxyExercises.picker(f); }
        @Override protected BackendPicker.Factory reference() { return Reference::new; }
        @Override protected BackendPicker.Factory stub() { return Stub::new; }
        @Override protected List<BackendPicker.Factory> alsoCorrect() { return List.of(RandomTies::new); }

        @Override
        protected List<Mutant<BackendPicker.Factory>> mutants() {
            return List.of(
                    mutant("round robin, counts ignored", "picksTheLeastLoaded", RoundRobin::new),
                    mutant("health ignored", "neverPicksUnhealthy", IgnoresHealth::new),
                    mutant("release goes below zero", "releaseNeverGoesNegative", GoesNegative::new),
                    mutant("lowest number wins ties", "tiesBrokenFairly", LowestFirst::new),
                    mutant("no finally in send", "releasedAfterException", NoFinally::new),
                    mutant("check, then act, without a lock", "countsExactUnderConcurrency", CheckThenAct::new),
                    mutant("two locks in opposite orders", "countsExactUnderConcurrency", LockOrder::new),
                    mutant("spins until alone on its backend", "countsExactUnderConcurrency", SpinsUntilAlone::new));
        }
    }

    @Test
    void noWorkerThreadOutlivesADeadlockOrASpin() throws InterruptedException {
        ProxyExercises.picker(LockOrder::new);
        ProxyExercises.picker(SpinsUntilAlone::new);
        Thread.sleep(200);
        long left = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("sdx-picker")).count();
        assertEquals(0, left, "sdx-picker threads still alive");
    }

    @Nested
    class BusiestPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double d) { return ProxyExercises.predictBusiest(d); }
        /** The notebook's solution: the binomial maximum. */
        @Override protected Double reference() { return Theory.busiestOfRandom(10_000, 100); }
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }

        @Override
        protected List<Mutant<Double>> mutants() {
            return List.of(
                    mutant("the even split", Prediction.CHECK_ID, 100.0),
                    mutant("twice the even split", Prediction.CHECK_ID, 200.0),
                    mutant("mean plus one standard deviation", Prediction.CHECK_ID, 110.0));
        }
    }

    @Test
    void theTruthAgreesWithTheBinomialMaximum() {
        // 200 seeds: standard error of the mean max is about 0.5 requests; the formula treats the counts as
        // independent, which moves it by well under 1 %. 1.5 covers both.
        assertEquals(Theory.busiestOfRandom(10_000, 100), ProxyExercises.predictTruth(), 1.5);
    }
}
