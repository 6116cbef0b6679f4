package sdx.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultsTest {

    /**
     * 12,000 seeded draws with p = 0.3: the hit count is Binomial(12000, 0.3), standard deviation
     * about 50; five of them (250 hits, about 0.021 in rate) bound a false alarm far below 1e-5.
     */
    @Test
    void randomCrashesHitAboutPOfTheAttempts() {
        int hits = 0, n = 0;
        for (long seed = 0; seed < 200; seed++) {
            Faults f = Faults.randomCrashes(0.3, seed);
            for (int task = 0; task < 20; task++) {
                for (int attempt = 0; attempt < 3; attempt++) {
                    n++;
                    if (f.crashes(Faults.Phase.MAP, task, attempt)) hits++;
                }
            }
        }
        assertEquals(0.3, hits / (double) n, 0.021);
    }

    @Test
    void theFourthAttemptIsAlwaysSpared() {
        Faults f = Faults.randomCrashes(1.0, 1);
        assertTrue(f.crashes(Faults.Phase.REDUCE, 5, 2));
        assertFalse(f.crashes(Faults.Phase.REDUCE, 5, 3));
    }

    @Test
    void targetedFaultsHitOnlyTheirTaskAndFirstAttempt() {
        Faults f = Faults.crashMapTask(2).and(Faults.straggler(4, 300));
        assertTrue(f.crashes(Faults.Phase.MAP, 2, 0));
        assertFalse(f.crashes(Faults.Phase.MAP, 2, 1));
        assertFalse(f.crashes(Faults.Phase.MAP, 3, 0));
        assertFalse(f.crashes(Faults.Phase.REDUCE, 2, 0));
        assertEquals(300, f.delayMillis(Faults.Phase.MAP, 4, 0));
        assertEquals(0, f.delayMillis(Faults.Phase.MAP, 4, 1), "a backup or re-run is not slow");
        assertFalse(f.crashes(Faults.Phase.MAP, 4, 0), "a straggler is slow, not dead");
    }

    @Test
    void sameSeedSameFaults() {
        Faults a = Faults.randomCrashes(0.4, 99), b = Faults.randomCrashes(0.4, 99);
        for (int t = 0; t < 50; t++) {
            assertEquals(a.crashes(Faults.Phase.MAP, t, 0), b.crashes(Faults.Phase.MAP, t, 0));
        }
    }

    @Test
    void workerDeathsAreKeptApartFromTaskFaultsAndCombine() {
        Faults f = Faults.crashMapTask(1).and(Faults.workerDies(2, 3));
        assertTrue(f.diesNow(2, 3));
        assertFalse(f.diesNow(2, 2), "only when it starts the map task after its third");
        assertFalse(f.diesNow(1, 3), "only worker 2");
        assertTrue(f.crashes(Faults.Phase.MAP, 1, 0), "the task crash is kept");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Faults.workerDies(0, 1));
        assertTrue(e.getMessage().startsWith("worker must be"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Faults.workerDies(1, -1));
    }
}
