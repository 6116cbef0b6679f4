package sdx.ratelimit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

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

/**
 * Hidden checks for the token bucket exercise: three hand-worked cases (basic), then property checks over
 * many random arrival sequences with bursts and long idle gaps, compared decision by decision with an exact
 * integer-arithmetic token bucket. The submission is a {@link TokenBucket.Factory}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class TokenBucketChecks {
    private static final long MS = 1_000_000L;
    private final TokenBucket.Factory factory = Grader.submission(TokenBucket.Factory.class);

    /** "+" admitted, "-" rejected, for requests at {@code millis}. */
    static String decisions(TokenBucket b, long... millis) {
        StringBuilder out = new StringBuilder();
        for (long m : millis) out.append(b.tryAcquire(m * MS) ? '+' : '-');
        return out.toString();
    }

    @Test
    @Order(1)
    @DisplayName("a new bucket of 5 admits 5 requests at once, then rejects the 6th")
    @Hint("the bucket starts FULL (capacity tokens); admit while at least one whole token is left, and take it")
    @Basic
    void startsFull() {
        assertEquals("+++++-", decisions(factory.create(5, 1), 0, 0, 0, 0, 0, 0), "six requests at t = 0 (+ admitted, - rejected)");
    }

    @Test
    @Order(2)
    @DisplayName("refills continuously: at 4 tokens/s, one token every 250 ms")
    @Hint("add (elapsed seconds × tokensPerSecond) on every call, fractions included, not only once a whole second has passed")
    @Basic
    void refillsContinuously() {
        TokenBucket b = factory.create(2, 4);
        assertEquals("++-", decisions(b, 0, 0, 0), "three requests at t = 0 ms on a bucket of 2");
        assertEquals("+-", decisions(b, 250, 250), "two requests at t = 250 ms (one token refilled)");
        assertEquals("+", decisions(b, 500), "a request at t = 500 ms (one more token)");
    }

    @Test
    @Order(3)
    @DisplayName("never holds more than its capacity, even after an hour idle")
    @Hint("cap the tokens at capacity when refilling: min(capacity, tokens + refill)")
    @Basic
    void capAfterIdle() {
        TokenBucket b = factory.create(3, 10);
        assertEquals("+++-", decisions(b, 0, 0, 0, 0), "four requests at t = 0 on a bucket of 3");
        long hour = 3_600_000L;
        assertEquals("+++-", decisions(b, hour, hour, hour, hour), "four requests after an hour idle (capacity 3)");
    }

    @Test
    @Order(4)
    @DisplayName("agrees with an exact token bucket on 300 random sequences (bursts, steady trickles, long idle gaps)")
    @Hint("keep fractional tokens between calls: remember the time of the last refill and add rate × elapsed each time")
    void randomSequences() {
        for (int seq = 0; seq < 300; seq++) {
            UniformRandomProvider rng = Rng.of(2_026, seq);
            int capacity = 1 + rng.nextInt(20);
            int rate = 1 + rng.nextInt(50);
            TokenBucket b = factory.create(capacity, rate);
            Exact reference = new Exact(capacity, rate);
            long now = 0;
            for (int i = 0; i < 400; i++) {
                now += gap(rng);
                boolean expected = reference.tryAcquire(now);
                boolean actual = b.tryAcquire(now);
                if (actual != expected) {
                    fail(String.format(Locale.ROOT, "capacity %d, %d tokens/s: request %d at %.6f s was %s, expected %s "
                            + "(exact tokens before it: %.4f)", capacity, rate, i + 1, now / 1e9,
                            actual ? "admitted" : "rejected", expected ? "admitted" : "rejected", reference.before / 1e9));
                }
            }
        }
    }

    /** Next gap: a burst (same or nearly same time), a trickle, or a long idle gap. */
    private static long gap(UniformRandomProvider rng) {
        double u = rng.nextDouble();
        if (u < 0.45) return rng.nextLong(2 * MS);                   // burst: within 2 ms
        if (u < 0.9) return 1 + rng.nextLong(200 * MS);              // trickle: up to 200 ms
        if (u < 0.98) return 1 + rng.nextLong(5_000 * MS);           // pause: up to 5 s
        return 1 + rng.nextLong(3_600_000 * MS);                     // idle: up to an hour
    }

    /** A token bucket in exact integer arithmetic: tokens counted in billionths. */
    static final class Exact {
        private final long capacity, rate;
        private long scaled; // tokens × 1e9
        private long last;
        long before;

        Exact(int capacity, int rate) {
            this.capacity = capacity * 1_000_000_000L;
            this.rate = rate;
            this.scaled = this.capacity;
        }

        boolean tryAcquire(long now) {
            long elapsed = now - last;
            last = now;
            // elapsed × rate may overflow after very long gaps; anything past capacity is capped anyway
            scaled = elapsed > capacity ? capacity : Math.min(capacity, scaled + elapsed * rate);
            before = scaled;
            if (scaled < 1_000_000_000L) return false;
            scaled -= 1_000_000_000L;
            return true;
        }
    }
}
