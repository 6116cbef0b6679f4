package sdx.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetTest {
    private static final HttpCost HTTP = new HttpCost(1000, 2000, 80_000, 120_000);
    private static final Costs COSTS = new Costs(100, 90_000, "test disk", 2_000_000, HTTP);

    private static Budget budget(Assumptions a, double hit) {
        return Capacity.budget(Capacity.estimate(a), Server.commodity(), hit, COSTS);
    }

    @Test
    void aViewCostsTheSumOfItsStepsWrittenOutByHand() {
        Budget b = budget(Assumptions.outline(), 0.9);
        // 2 KB image: one 4 KiB block; 2,000 bytes x 8 bits over a 10 Gbit/s link = 1,600 ns.
        double expected = 80_000 + 500_000 + 2 * 100 + 0.1 * 1 * 90_000 + 2_000 * 8 / 10.0;
        assertEquals(expected, b.viewLatencyNs(), 1e-6);
        assertEquals(1, b.blocksPerImage());
    }

    @Test
    void aPhotoReadsManyBlocksAndAFullCacheReadsNone() {
        Budget photo = budget(Assumptions.outline().with(Assumptions.Knob.IMAGE_BYTES, 2e6), 0.5);
        assertEquals(489, photo.blocksPerImage(), "2,000,000 / 4,096 = 488.3, rounded up");
        Budget.Step read = photo.viewSteps().get(3);
        assertEquals(0.5 * 489, read.perRequest(), 1e-9);
        Budget allHits = budget(Assumptions.outline(), 1.0);
        assertEquals(0, allHits.viewSteps().get(3).totalNs());
        assertTrue(allHits.viewLatencyNs() < budget(Assumptions.outline(), 0.0).viewLatencyNs());
    }

    @Test
    void throughputRowsDivideWhatIsNeededByWhatOneUnitDoes() {
        Budget b = budget(Assumptions.outline(), 0.9);
        List<Budget.Resource> rows = b.resources();
        double peak = Capacity.estimate(Assumptions.outline()).peakRequestRate().in(Units.REQUEST.per(Units.SECOND));
        assertEquals(peak / 1_000, rows.get(0).units(), 1e-9, "the estimate's stated 1,000 requests/s per server");
        assertEquals(16 * 1e9 / 120_000, rows.get(1).oneUnitPerSecond(), 1e-6, "16 cores / 120 µs of CPU per request");
        assertEquals(500, b.uploadsPerDisk(1), 1e-9, "one fsync of 2 ms: 500 per second");
        assertEquals(100 * b.uploadsPerDisk(1), b.uploadsPerDisk(Budget.GROUP_COMMIT), 1e-9);
        assertEquals(rows.get(3).units(), 100 * rows.get(4).units(), 1e-9);
        assertEquals(6, b.latencyTable().rowCount(), "five steps and the total");
        assertEquals(5, b.throughputTable().rowCount());
    }

    @Test
    void costsComeFromTheStorageMeasurementsByName() {
        Map<String, Double> pageCacheOnly = Map.of(Costs.MEMORY_REFERENCE, 95.0, Costs.PAGE_CACHE_READ, 1_500.0,
                Costs.FSYNC_WRITE, 3e6);
        Costs c = Costs.of(pageCacheOnly, HTTP);
        assertEquals(1_500, c.diskReadNs());
        assertTrue(c.diskReadSource().contains("page cache"));
        Map<String, Double> withDevice = new java.util.HashMap<>(pageCacheOnly);
        withDevice.put(Costs.DEVICE_READ, 80_000.0);
        assertEquals(80_000, Costs.of(withDevice, HTTP).diskReadNs(), "the device read is used when it was measured");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Costs.of(Map.of(Costs.MEMORY_REFERENCE, 95.0, Costs.FSYNC_WRITE, 3e6), HTTP));
        assertTrue(missing.getMessage().contains("storageNanos") && missing.getMessage().contains(Costs.PAGE_CACHE_READ),
                missing.getMessage());
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> budget(Assumptions.outline(), 1.5));
        assertTrue(e.getMessage().contains("cacheHitRatio") && e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HttpCost.measure(10, 2000));
        assertTrue(e.getMessage().contains("requests"), e.getMessage());
    }

    @Test
    void aRealExchangeOnLoopbackIsTimedAndItsServerClosed() {
        long before = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
        HttpCost http = HttpCost.measure(200, 2_000);
        assertTrue(http.roundTripNs() > 1_000 && http.roundTripNs() < 1e9, http.toString());
        assertTrue(Double.isNaN(http.cpuPerRequestNs()) || http.cpuPerRequestNs() > 0, http.toString());
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().contains("budget")), "the server's threads ended");
        assertTrue(before > 0);
    }
}
