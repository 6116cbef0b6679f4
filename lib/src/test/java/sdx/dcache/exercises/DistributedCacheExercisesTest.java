package sdx.dcache.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.core.DaemonThreads;
import sdx.core.Rng;
import sdx.dcache.HotKeys;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;

/** Notebook 14's graders: the single-flight checks against a correct group and wrong ones; the copies prediction. */
class DistributedCacheExercisesTest {

    /** Correct (the notebook's solution): a future per running key; waiters use the interruptible get(). */
    static class Reference implements SingleFlight {
        final ConcurrentHashMap<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();

        public String get(String key, Function<String, String> loader) {
            CompletableFuture<String> mine = new CompletableFuture<>();
            CompletableFuture<String> running = inFlight.putIfAbsent(key, mine);
            if (running == null) {
                try {
                    String v = loader.apply(key);
                    mine.complete(v);
                    return v;
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    inFlight.remove(key, mine);
                }
            }
            return await(running, key);
        }

        String await(CompletableFuture<String> running, String key) {
            try {
                return running.get();
            } catch (ExecutionException e) {
                throw (RuntimeException) e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted while waiting for " + key);
            }
        }
    }

    /** The notebook's stub. */
    static class Stub implements SingleFlight {
        public String get(String key, Function<String, String> loader) {
            return Exercise.todo();
        }
    }

    /** Wrong: swallows the loader's exception and returns null. */
    static class SwallowsErrors extends Reference {
        @Override
        public String get(String key, Function<String, String> loader) {
            try {
                return super.get(key, loader);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /** Wrong: a cache in disguise, keeps every value forever. */
    static class RemembersValues implements SingleFlight {
        final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();

        public String get(String key, Function<String, String> loader) {
            return values.computeIfAbsent(key, loader);
        }
    }

    /** Wrong: no coalescing at all. */
    static class EveryCallerLoads implements SingleFlight {
        public String get(String key, Function<String, String> loader) {
            return loader.apply(key);
        }
    }

    /** Wrong: waiters return null when the shared load failed (only its caller sees the error). */
    static class WaitersGetNull extends Reference {
        @Override
        String await(CompletableFuture<String> running, String key) {
            try {
                return super.await(running, key);
            } catch (IllegalStateException e) {
                return null;
            }
        }
    }

    /** Wrong: one lock around every load, so keys load one after another. */
    static class OneGlobalLock extends Reference {
        @Override
        public synchronized String get(String key, Function<String, String> loader) {
            return super.get(key, loader);
        }
    }

    /** Wrong: waiters use join(), which ignores interrupts. */
    static class JoinIgnoresInterrupts extends Reference {
        @Override
        String await(CompletableFuture<String> running, String key) {
            try {
                return running.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw (RuntimeException) e.getCause();
            }
        }
    }

    /** Wrong: runs loads on a thread pool of its own that is never shut down. */
    static class OwnPool implements SingleFlight {
        final ExecutorService pool = Executors.newCachedThreadPool(DaemonThreads.named("mutant-pool"));
        final ConcurrentHashMap<String, Future<String>> inFlight = new ConcurrentHashMap<>();

        public String get(String key, Function<String, String> loader) {
            Future<String> f = inFlight.computeIfAbsent(key, k -> pool.submit(() -> {
                try {
                    return loader.apply(k);
                } finally {
                    inFlight.remove(k);
                }
            }));
            try {
                return f.get();
            } catch (ExecutionException e) {
                throw (RuntimeException) e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted");
            }
        }
    }

    @Nested
    class SingleFlightGrader extends GraderContract<SingleFlight.Factory> {
        @Override protected Report grade(SingleFlight.Factory a) { return DistributedCacheExercises.singleFlight(a); }
        @Override protected SingleFlight.Factory reference() { return Reference::new; }
        @Override protected SingleFlight.Factory stub() { return Stub::new; }

        @Override
        protected List<Mutant<SingleFlight.Factory>> mutants() {
            return List.of(
                    mutant("returns the wrong value", "oneCaller", () -> (key, loader) -> loader.apply(key + "!")),
                    mutant("swallows the loader's exception", "errorReachesCaller", SwallowsErrors::new),
                    mutant("remembers values forever (a cache in disguise)", "nothingRemembered", RemembersValues::new),
                    mutant("every caller loads (no coalescing)", "oneLoadAtATime", EveryCallerLoads::new),
                    mutant("waiters get null when the load fails", "everyCallerGetsTheError", WaitersGetNull::new),
                    mutant("one lock around every load", "keysInParallel", OneGlobalLock::new),
                    mutant("waiters use join(), which ignores interrupts", "neverStuck", JoinIgnoresInterrupts::new),
                    mutant("loads on a thread pool it never shuts down", "neverStuck", OwnPool::new));
        }
    }

    @Test
    void aCrashingAnswerIsAFailedCheckNotAStackTrace() {
        Report r = DistributedCacheExercises.singleFlight(() -> { throw new IllegalStateException("boom"); });
        assertEquals(Report.Status.FAILED, r.status());
        assertTrue(r.results().get(0).message().contains("boom"), r.toString());
    }

    /**
     * The truth from the model, checked against the simulation: with that many copies the simulated busiest
     * node stays under the capacity, with one fewer it does not (the model's margins, 4% and 3%, are over three
     * times the simulation's noise: a node serving ~7,000 reads/s counts ~14,000 in 2 s, sd under 1%).
     */
    @Test
    void copiesTruthAgreesWithTheSimulation() {
        int r = DistributedCacheExercises.copiesTruth();
        int hot = DistributedCacheExercises.HOT_KEYS;
        double cap = DistributedCacheExercises.NODE_CAPACITY;
        assertTrue(HotKeys.simulatedBusiestNode(hot, r, Rng.DEFAULT_SEED) <= cap);
        assertTrue(HotKeys.simulatedBusiestNode(hot, r - 1, Rng.DEFAULT_SEED) > cap);
    }

    @Nested
    class CopiesPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double a) { return DistributedCacheExercises.copiesForHotKey(a); }
        @Override protected Double reference() { return 5.0; } // the notebook's solution
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }
        @Override protected List<Double> alsoCorrect() { return List.of((double) DistributedCacheExercises.copiesTruth()); }

        @Override
        protected List<Mutant<Double>> mutants() {
            double busiest = HotKeys.busiestNode(0, 1, Rng.DEFAULT_SEED);
            String p = Prediction.CHECK_ID;
            return List.of(
                    mutant("the busiest node's load divided by r", p, Math.ceil(busiest / DistributedCacheExercises.NODE_CAPACITY)),
                    mutant("no copies needed", p, 1.0),
                    mutant("a copy on every node", p, (double) HotKeys.NODES));
        }
    }
}
