package sdx.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sdx.core.Trace;

/** Shifts and scans: the workloads on which recency and frequency disagree. */
class WorkloadsTest {
    private static final Popularity POP = Popularity.zipf(10_000, 0.8);

    @Test
    void shiftMovesTheHotKeysHalfwayRoundTheKeySpace() {
        Trace t = CacheWorkloads.shift(POP, 40_000, 20_000, 42);
        long[] before = Trace.of("a", 10_000, java.util.Arrays.copyOfRange(t.keys(), 0, 20_000)).counts();
        long[] after = Trace.of("b", 10_000, java.util.Arrays.copyOfRange(t.keys(), 20_000, 40_000)).counts();
        assertTrue(before[0] > 500 && after[0] < 20, "key 0 hot, then cold: " + before[0] + " " + after[0]);
        assertTrue(after[5_000] > 500, "key n/2 is the new favourite: " + after[5_000]);
        assertArrayEquals(t.keys(), CacheWorkloads.shift(POP, 40_000, 20_000, 42).keys());
        assertThrows(IllegalArgumentException.class, () -> CacheWorkloads.shift(Popularity.uniform(10), 10, 5, 1));
    }

    @Test
    void scansAreOneOffKeysAboveTheKeySpace() {
        Trace t = CacheWorkloads.scans(POP, 10_000, 2_000, 500, 42);
        assertEquals(10_000 + 5 * 500, t.length());
        long scanKeys = t.stream().filter(k -> k >= 10_000).count();
        assertEquals(5 * 500, scanKeys);
        assertEquals(scanKeys, t.stream().filter(k -> k >= 10_000).distinct().count(), "each scan key once");
        assertTrue(t.keys()[2_000] >= 10_000 && t.keys()[2_000 + 500] < 10_000, "the scan follows request 2,000");
    }

    /**
     * What W-TinyLFU is for. After a shift, in-cache LFU keeps yesterday's keys (their counts are huge)
     * and collapses; LRU does not notice; Caffeine's sketch halves old counts and it recovers. Under
     * scans, LRU loses hits while LFU and Caffeine keep theirs. Margins are several times the
     * window-to-window noise (about 0.01 for 5,000-request windows) and Caffeine's run-to-run spread.
     */
    @Test
    void recencyAndFrequencyEachLoseOneWorkload() {
        HitRatioTimeline shift = Caching.overTime(POP, CacheWorkloads.shift(POP, 200_000, 100_000, 42), 10, 5_000,
                Policy.LRU, Policy.LFU, Policy.CAFFEINE);
        int half = shift.windows() / 2, end = shift.windows();
        assertEquals(shift.cheLru(), shift.mean("LRU", half + 4, end), 0.02, "LRU back on Che's line after the shift");
        assertTrue(shift.mean("LFU", half + 4, end) < shift.mean("LFU", 4, half) - 0.2, "LFU collapses after the shift");
        assertTrue(shift.mean("Caffeine", end - 8, end) > shift.mean("LRU", end - 8, end) + 0.03, "Caffeine recovers");

        HitRatioTimeline scans = Caching.overTime(POP, CacheWorkloads.scans(POP, 100_000, 2_000, 1_000, 42), 10, 5_000,
                Policy.LRU, Policy.LFU, Policy.CAFFEINE);
        int n = scans.windows();
        assertTrue(scans.mean("LRU", 4, n) < scans.cheLru() - 0.05, "scans flush LRU");
        assertTrue(scans.mean("LFU", 4, n) > scans.cheLru() + 0.05, "LFU ignores one-off keys");
        assertTrue(scans.mean("Caffeine", 4, n) > scans.cheLru() + 0.05, "so does W-TinyLFU's admission");
        assertEquals(2 + 3, scans.plot().seriesCount());
        assertEquals(4, scans.table().rowCount());
    }
}
