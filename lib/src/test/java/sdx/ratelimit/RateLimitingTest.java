package sdx.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The limiters against hand-worked cases and theory; the experiments' results. */
class RateLimitingTest {
    private static final long S = Traffic.SECOND, MS = 1_000_000L;
    private static final int L = RateLimiting.LIMIT;

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void admitsTheLimitAtOnceThenRejects(Algorithm a) {
        RateLimiter r = a.create(5, S);
        for (int i = 0; i < 5; i++) assertTrue(r.tryAcquire(0), a + " request " + i);
        assertTrue(!r.tryAcquire(0), a + " 6th request");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void refusesTimeGoingBackwards(Algorithm a) {
        RateLimiter r = a.create(5, S);
        r.tryAcquire(10);
        var e = assertThrows(IllegalArgumentException.class, () -> r.tryAcquire(5));
        assertTrue(e.getMessage().contains("nowNanos"), e.getMessage());
    }

    @Test
    void badArgumentsNameTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TokenBucketLimiter(0, 1));
        assertTrue(e.getMessage().contains("capacity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateLimiting.distributed(Traffic.steady(10, 1, 1), 2, 3, 0, 1));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Traffic.steady(-1, 1, 1));
        assertTrue(e.getMessage().contains("ratePerSecond"), e.getMessage());
    }

    @Test
    void fixedWindowAdmitsTwiceTheLimitAcrossABoundary() {
        Traffic adversary = Traffic.boundary(L, S, 0.05, 6);
        RateLimiting.Accuracy acc = RateLimiting.accuracy(adversary, L, S, Algorithm.all());
        // Theory.maxInAnyWindow: exactly 2L for the fixed window on this traffic (L in the 50 ms before, L after)
        assertEquals(2 * L, acc.maxInWindow("fixed window"));
        assertEquals(L, acc.maxInWindow("sliding log"));
        for (int i = 0; i < acc.names().size(); i++) {
            assertTrue(acc.maxInWindow()[i] <= Theory.maxInAnyWindow(Algorithm.values()[i], L), acc.names().get(i));
        }
    }

    @Test
    void tokenBucketReachesItsBoundOfCapacityPlusAWindowsRefill() {
        // A burst of L at t = 0 (bucket full) then L more, one every 10 ms (exactly the refill rate): the span
        // (0, 1 s] - plus the burst at 0 - admits L + about L. Theory: at most 2L.
        long[] t = new long[2 * L];
        for (int i = L; i < 2 * L; i++) t[i] = (i - L + 1) * 10 * MS - 1;
        Decisions d = Decisions.run(new TokenBucketLimiter(L, L), new Traffic("burst then trickle", t, 2 * S));
        assertTrue(d.maxInAnyWindow(S) >= 2 * L - 1, "max " + d.maxInAnyWindow(S));
        assertTrue(d.maxInAnyWindow(S) <= Theory.maxInAnyWindow(Algorithm.TOKEN_BUCKET, L));
    }

    @Test
    void leakyAndTokenBucketAndBucket4jAdmitTheSameOnBurstyTraffic() {
        Traffic t = Traffic.bursty(80, 60, 0.5, 20, 7);
        RateLimiting.Accuracy acc = RateLimiting.accuracy(t, L, S, Algorithm.TOKEN_BUCKET, Algorithm.LEAKY_BUCKET,
                Algorithm.BUCKET4J);
        int[] a = acc.admitted();
        // the leaky bucket rounds its drain gap to whole nanoseconds and Bucket4j its refill: allow 0.5%
        assertEquals(a[0], a[1], a[0] * 0.005);
        assertEquals(a[0], a[2], a[0] * 0.005);
    }

    @Test
    void underTheLimitNothingIsRejected() {
        Traffic t = Traffic.steady(20, 10, 3); // 20/s against 100/s: a window holds far fewer than 100
        RateLimiting.Accuracy acc = RateLimiting.accuracy(t, L, S, Algorithm.all());
        for (int a : acc.admitted()) assertEquals(t.size(), a);
    }

    @Test
    void slidingLogStateGrowsWithTheLimitOthersDoNot() {
        RateLimiting.Memory m = RateLimiting.memory(1, 10, 100, 1000);
        int log = m.names().indexOf("sliding log");
        for (int c = 0; c < 3; c++) {
            assertEquals(Theory.slidingLogBytes(new int[] {10, 100, 1000}[c]), m.bytes(log, c)); // full at twice the limit
            assertEquals(16, m.bytes(m.names().indexOf("token bucket"), c));
        }
        assertEquals(5, m.table().rowCount());
    }

    @Test
    void localLimitsOverAdmitByTheNumberOfNodes() {
        Traffic heavy = Traffic.steady(1_000, 5, 11); // 10 × the limit
        RateLimiting.Distributed d = RateLimiting.distributed(heavy, L, 4, 0, 5);
        List<String> s = RateLimiting.SETUPS;
        assertEquals(L, d.maxInWindow(s.get(0)));
        // even routing at 250/s per node saturates each node's full limit: 4 × L in a window (Theory.distributedMax)
        assertEquals(Theory.distributedMax(4, L), d.maxInWindow(s.get(1)));
        assertTrue(d.maxInWindow(s.get(2)) <= L);
        // skewed routing with limit/N: the cold nodes' share goes unused, so the client gets less than its limit
        RateLimiting.Distributed skewed = RateLimiting.distributed(Traffic.steady(120, 20, 11), L, 4, 2, 5);
        assertTrue(skewed.admitted()[2] < 0.8 * skewed.admitted()[0], java.util.Arrays.toString(skewed.admitted()));
    }

    @Test
    void timelineShowsTheBoundarySpike() {
        RateLimiting.Timeline tl = RateLimiting.timeline(Traffic.boundary(L, S, 0.05, 6), L, S, Algorithm.FIXED_WINDOW,
                Algorithm.SLIDING_LOG);
        assertEquals(2.0 * L, tl.peaks().get("fixed window"));
        assertEquals(L, tl.peaks().get("sliding log"));
        assertEquals(4, tl.plot().seriesCount());
    }

    @Test
    void sameSeedSameNumbers() {
        assertEquals(RateLimiting.accuracy(Traffic.bursty(80, 60, 0.5, 10, 9), L, S, Algorithm.all()).table().print(),
                RateLimiting.accuracy(Traffic.bursty(80, 60, 0.5, 10, 9), L, S, Algorithm.all()).table().print());
    }

    @Test
    void a429CarriesRetryAfter() {
        RateLimiting.ClientView v = RateLimiting.tooManyRequests(3, 0.1, 5);
        assertEquals(List.of(200, 200, 200, 429, 429), v.statuses());
        assertEquals("10", v.retryAfter().get(3)); // one token per 10 s, the bucket just emptied
    }

    @Test
    void sharedCounterCostsARoundTrip() {
        RateLimiting.CounterCost c = RateLimiting.sharedCounterCost(200, 1);
        assertTrue(c.remoteMeanMicros() > c.localMicros(), c.toString());
    }
}
