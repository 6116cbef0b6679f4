package sdx.ratelimit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;

/** Notebook 20's graders: the token bucket (reference, stub, mutants) and the boundary prediction. */
class RateLimitingExercisesTest {

    /** The notebook's solution. */
    static class Reference implements TokenBucket {
        private final int capacity;
        private final double rate;
        private double tokens;
        private long last;

        Reference(int capacity, double tokensPerSecond) {
            this.capacity = capacity;
            this.rate = tokensPerSecond;
            this.tokens = capacity;
        }

        public boolean tryAcquire(long now) {
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }
    }

    /** The notebook's stub. */
    static final class Stub implements TokenBucket {
        Stub(int capacity, double tokensPerSecond) {}

        public boolean tryAcquire(long now) { return Exercise.todo(); }
    }

    /** Admits while tokens > 0 after taking one... i.e. one more than the capacity. */
    static final class OffByOne implements TokenBucket {
        private double tokens;
        private final int capacity;
        private final double rate;
        private long last;

        OffByOne(int capacity, double rate) {
            this.capacity = capacity;
            this.rate = rate;
            this.tokens = capacity;
        }

        public boolean tryAcquire(long now) {
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens < 0) return false; // should be < 1
            tokens -= 1;
            return true;
        }
    }

    /** Refills only once a whole second has passed since the last refill. */
    static final class OncePerSecond implements TokenBucket {
        private final int capacity;
        private final double rate;
        private double tokens;
        private long last;

        OncePerSecond(int capacity, double rate) {
            this.capacity = capacity;
            this.rate = rate;
            this.tokens = capacity;
        }

        public boolean tryAcquire(long now) {
            long seconds = (now - last) / 1_000_000_000L;
            if (seconds > 0) {
                tokens = Math.min(capacity, tokens + seconds * rate);
                last += seconds * 1_000_000_000L;
            }
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }
    }

    /** Never caps the refill: an idle hour lets through thousands. */
    static final class NoCap implements TokenBucket {
        private final double rate;
        private double tokens;
        private long last;

        NoCap(int capacity, double rate) {
            this.rate = rate;
            this.tokens = capacity;
        }

        public boolean tryAcquire(long now) {
            tokens += (now - last) / 1e9 * rate;
            last = now;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }
    }

    /** Drops fractional tokens at each refill (whole tokens only, the clock reset anyway). */
    static final class DropsFractions implements TokenBucket {
        private final int capacity;
        private final double rate;
        private long tokens;
        private long last;

        DropsFractions(int capacity, double rate) {
            this.capacity = capacity;
            this.rate = rate;
            this.tokens = capacity;
        }

        public boolean tryAcquire(long now) {
            tokens = Math.min(capacity, tokens + (long) ((now - last) / 1e9 * rate));
            last = now;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }
    }

    @Nested
    class TokenBucketGrader extends GraderContract<TokenBucket.Factory> {
        @Override protected Report grade(TokenBucket.Factory a) { return RateLimitingExercises.tokenBucket(a); }
        @Override protected TokenBucket.Factory reference() { return Reference::new; }
        @Override protected TokenBucket.Factory stub() { return Stub::new; }

        @Override
        protected List<Mutant<TokenBucket.Factory>> mutants() {
            return List.of(
                    mutant("off by one at capacity", "startsFull", OffByOne::new),
                    mutant("starts empty", "startsFull", (c, r) -> new Reference(c, r) {
                        private boolean first = true;
                        @Override public boolean tryAcquire(long now) {
                            if (first) { first = false; for (int i = 0; i < c; i++) super.tryAcquire(0); }
                            return super.tryAcquire(now);
                        }
                    }),
                    mutant("refills once per second only", "refillsContinuously", OncePerSecond::new),
                    mutant("no refill cap", "capAfterIdle", NoCap::new),
                    mutant("drops fractional tokens", "randomSequences", DropsFractions::new));
        }
    }

    @Test
    void boundaryTruthIsTwiceTheLimit() {
        // by hand: 20 requests fall in [0.8, 1.0) and 20 in [1.0, 1.2); each window admits its first 10
        assertEquals(2 * RateLimitingExercises.BOUNDARY_LIMIT, RateLimitingExercises.boundaryTruth());
    }

    @Nested
    class BoundaryPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double a) { return RateLimitingExercises.predictBoundary(a); }
        @Override protected Double reference() { return 20.0; } // the notebook's solution
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(mutant("the limit, as if windows slid", p, 10.0),
                    mutant("every request passes", p, 40.0),
                    mutant("the rate times the 0.4 s span", p, 4.0));
        }
    }
}
