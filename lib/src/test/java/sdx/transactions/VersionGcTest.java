package sdx.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionGcTest {
    @Test
    void withoutReadersOneVersionPerKey() {
        VersionGc run = VersionGc.run(100, 2_000, -1, -1, 3);
        for (int k : run.kept()) assertEquals(100, k);
    }

    @Test
    void aLongReaderPinsVersionsAsTheoryPredicts() {
        // Averaged over seeds, the count follows keys * (2 - (1 - 1/keys)^n). One run's count is a sum of
        // nearly independent key indicators: its standard deviation is at most sqrt(keys)/2 = 5 for 100 keys;
        // the mean over 20 seeds is within 5 / sqrt(20) ~ 1.1 of theory at one sigma, so 4 is about 3.5 sigma.
        int keys = 100, writes = 600;
        double[] mean = new double[writes];
        int seeds = 20;
        VersionGc last = null;
        for (int s = 0; s < seeds; s++) {
            last = VersionGc.run(keys, writes, 100, 500, s);
            int[] k = last.kept();
            for (int w = 0; w < writes; w++) mean[w] += k[w] / (double) seeds;
        }
        for (int w = 0; w < writes; w++) {
            assertEquals(last.expected(w), mean[w], 4.0, "write " + w);
        }
        assertEquals(keys, last.kept()[writes - 1], "after the reader commits, one version per key again");
        assertTrue(last.peak() > 1.9 * keys, "400 writes over 100 keys touch nearly every key");
    }
}
