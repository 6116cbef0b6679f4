package sdx.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionGcTest {
    @Test
    void withoutReadersOneVersionPerKey() {
        VersionGc run = VersionGc.run(VersionGc.Settings.defaults().withWrites(2_000).withoutReader().withSeed(3));
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
            last = VersionGc.run(new VersionGc.Settings(keys, writes, 100, 500, s));
            int[] k = last.kept();
            for (int w = 0; w < writes; w++) mean[w] += k[w] / (double) seeds;
        }
        for (int w = 0; w < writes; w++) {
            assertEquals(last.expected(w), mean[w], 4.0, "write " + w);
        }
        assertEquals(keys, last.kept()[writes - 1], "after the reader commits, one version per key again");
        assertTrue(last.peak() > 1.9 * keys, "400 writes over 100 keys touch nearly every key");
    }

    @Test
    void settingsNameTheirBadValue() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> VersionGc.Settings.defaults().withReader(500, 100));
        assertTrue(e.getMessage().startsWith("readerUntil"), e.getMessage());
        assertEquals(new VersionGc.Settings(100, 600, 100, 500, 42), VersionGc.Settings.defaults());
    }
}
