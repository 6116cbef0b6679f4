package sdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sdx.capacity.Costs;
import sdx.capacity.HttpCost;
import sdx.storage.Storage;

/**
 * Topic packages never import one another, so where one notebook builds on another's measurements the data
 * crosses as plain JDK types with agreed names. These tests hold the two sides to the same names.
 */
class BridgesTest {
    @Test
    void storageMeasurementsFeedTheCapacityBudget() {
        assertEquals(Costs.MEMORY_REFERENCE, Storage.MEMORY_REFERENCE);
        assertEquals(Costs.PAGE_CACHE_READ, Storage.PAGE_CACHE_READ);
        assertEquals(Costs.DEVICE_READ, Storage.DEVICE_READ);
        assertEquals(Costs.FSYNC_WRITE, Storage.FSYNC_WRITE);
        Map<String, Double> measured = Storage.measuredNanos();
        Costs costs = Costs.of(measured, new HttpCost(100, 0, 50_000, 50_000));
        assertTrue(costs.memoryReferenceNs() > 0 && costs.fsyncNs() > 0 && costs.diskReadNs() > 0, costs.toString());
    }
}
