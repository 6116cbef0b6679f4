package sdx.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class NumericsTest {

    @Test
    void splitMix64MatchesTheReferenceSequence() {
        // Vigna's splitmix64.c from state 0: the first outputs are mix(0), mix(gamma), ...
        assertEquals(0xE220A8397B1DCDAFL, SplitMix64.mix(0));
        assertEquals(0x6E789E6AA1B965F4L, SplitMix64.mix(SplitMix64.GOLDEN_GAMMA));
        assertEquals(0L, SplitMix64.finish(0));
        assertEquals(0.5, SplitMix64.unit(0x8000000000000000L));
    }

    @Test
    void empiricalCdfCountsSamplesAtOrBelow() {
        EmpiricalCdf cdf = EmpiricalCdf.of(new double[] {3, 1, 2, 2});
        assertArrayEquals(new double[] {0, 0.25, 0.75, 0.75, 1}, cdf.at(new double[] {0.5, 1, 2, 2.5, 3}));
        double[][] steps = cdf.steps(2);
        assertArrayEquals(new double[] {2, 3}, steps[0]);
        assertArrayEquals(new double[] {0.75, 1}, steps[1]);
        assertThrows(IllegalArgumentException.class, () -> EmpiricalCdf.of(new double[0]));
    }

    @Test
    void rootsFindKnownAnswers() {
        assertEquals(Math.sqrt(2), Roots.bisect(x -> x * x, 2, 0, 2), 1e-9);
        assertEquals(1e6, Roots.bisectLog(Math::log10, 6, 1e-3, 1e10), 1e-3);
        assertEquals(1000, Roots.bisectUpward(x -> x, 1000, 1), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Roots.bisect(x -> x, 0, 1, 1));
    }

    @Test
    void daemonThreadsAreNamedDaemons() {
        ThreadFactory f = DaemonThreads.named("sdx-test");
        Thread a = f.newThread(() -> { }), b = f.newThread(() -> { });
        assertEquals("sdx-test-1", a.getName());
        assertEquals("sdx-test-2", b.getName());
        assertEquals(true, a.isDaemon());
    }
}
