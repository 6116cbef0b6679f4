package sdx.sharding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Simulations against their theory, each tolerance justified by the noise of the experiment. */
class TheoryTest {

    @Test
    void ringShareCvFollowsBetaTheory() {
        // Measured: RMS over 40 rings of the population CV of 10 shares. Each ring gives a variance estimate
        // with ~9 degrees of freedom, so 40 rings give ~360: the variance is within sqrt(2/360) = 7.5% (1 sd)
        // and the CV within ~3.7%. A 15% tolerance is four sd, and would still catch a 1/V law or a bad hash.
        int[] vs = {1, 4, 16, 64, 256};
        VnodeBalance b = VnodeBalance.run(new VnodeBalance.Settings(10, vs, 40, 7));
        for (int i = 0; i < vs.length; i++) {
            double rel = b.measuredCv()[i] / b.theoryCv()[i];
            assertEquals(1.0, rel, 0.15, "V=" + vs[i] + ": measured " + b.measuredCv()[i] + " theory " + b.theoryCv()[i]);
        }
        assertEquals(Math.sqrt(9.0 / 1001), VnodeBalance.theoryCv(10, 100), 1e-12);
    }

    @Test
    void maxOverMeanNormalApproximationHoldsForLargeV() {
        // For V >= 64 a share is close to normal; the mean of 40 maxima is within a few % of the excess.
        VnodeBalance b = VnodeBalance.run(new VnodeBalance.Settings(10, new int[] {64, 256}, 40, 11));
        for (int i = 0; i < 2; i++) {
            double excess = b.measuredMax()[i] - 1, theory = b.theoryMax()[i] - 1;
            assertEquals(1.0, excess / theory, 0.2, "V index " + i);
        }
        assertEquals(1.5388, VnodeBalance.expectedMaxOfNormals(10), 1e-3); // tabulated E[max of 10 N(0,1)]
    }

    @Test
    void keysMovedMatchNOverNPlusOneAndOneOverNPlusOne() {
        // mod N: binomial noise on 20,000 keys is sd <= 0.0035; tolerance 0.015 (> 4 sd).
        // consistent: the new shard's share has CV ~ 1/sqrt(V) = 0.1 per ring; the mean of 20 rings has
        // relative sd ~ 0.022; tolerance 12% relative (> 5 sd).
        int[] ns = {2, 5, 10, 20};
        KeyMovement m = KeyMovement.run(KeyMovement.Settings.defaults().withShards(ns).withSeeds(20).withSeed(3));
        for (int i = 0; i < ns.length; i++) {
            int n = ns[i];
            assertEquals(n / (n + 1.0), m.modMoved()[i], 0.015, "mod N=" + n);
            assertEquals(1.0, m.consistentMoved()[i] * (n + 1), 0.12, "consistent N=" + n);
        }
    }

    @Test
    void ballsIntoBinsMatchesGonnetAndTwoChoices() {
        // The max load is an integer concentrated on one or two values; Gonnet's formula is asymptotic with
        // an o(1) error, so we allow one ball. For two choices theory fixes only ln ln n / ln 2 up to an
        // additive constant; measured values must stay within [-1, +1.5] of it and far below one choice.
        int[] ns = {1_000, 10_000, 100_000};
        BallsIntoBins b = BallsIntoBins.run(new BallsIntoBins.Settings(ns, 5, 1));
        for (int i = 0; i < ns.length; i++) {
            assertEquals(BallsIntoBins.oneChoiceTheory(ns[i]), b.oneChoice()[i], 1.0, "1 choice n=" + ns[i]);
            double d = b.twoChoices()[i] - BallsIntoBins.twoChoiceTheory(ns[i]);
            assertTrue(d >= -1 && d <= 1.5, "2 choices n=" + ns[i] + ": " + b.twoChoices()[i]);
            assertTrue(b.twoChoices()[i] < b.oneChoice()[i] - 2, "two choices must be much lower at n=" + ns[i]);
        }
    }

    @Test
    void logGammaIsAccurate() {
        assertEquals(Math.log(362_880), BallsIntoBins.logGamma(10), 1e-9); // 9!
        assertEquals(0.5 * Math.log(Math.PI), BallsIntoBins.logGamma(0.5), 1e-9);
        assertEquals(10.0, BallsIntoBins.inverseGamma(362_880), 1e-6);
    }

    @Test
    void experimentsAreDeterministic() {
        assertEquals(BallsIntoBins.run(BallsIntoBins.Settings.defaults().withBins(500).withSeeds(2).withSeed(9)).oneChoice()[0], BallsIntoBins.run(BallsIntoBins.Settings.defaults().withBins(500).withSeeds(2).withSeed(9)).oneChoice()[0]);
        assertEquals(VnodeBalance.run(VnodeBalance.Settings.defaults().withShards(5).withVnodes(8).withSeeds(3).withSeed(9)).measuredCv()[0], VnodeBalance.run(VnodeBalance.Settings.defaults().withShards(5).withVnodes(8).withSeeds(3).withSeed(9)).measuredCv()[0]);
    }

    @Test
    void settingsRecordsNameTheBadArgumentAndCopyTheirArrays() {
        var e = assertThrows(IllegalArgumentException.class, () -> VnodeBalance.Settings.defaults().withShards(1));
        assertTrue(e.getMessage().contains("shards"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BallsIntoBins.Settings.defaults().withBins(10, 1));
        assertTrue(e.getMessage().contains("bins"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SketchAccuracy.Settings.defaults().withPhi(1.5));
        assertTrue(e.getMessage().contains("phi"), e.getMessage());
        int[] v = {4, 8};
        VnodeBalance.Settings s = VnodeBalance.Settings.defaults().withVnodes(v);
        v[0] = 99;
        s.vnodes()[1] = 99;
        assertArrayEquals(new int[] {4, 8}, s.vnodes());
    }
}
