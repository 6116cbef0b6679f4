package sdx.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashRingTest {
    private static final int KEYS = 200_000;

    @Test
    void sharesSumToOneAndMatchTheKeysEachNodeOwns() {
        HashRing ring = HashRing.of(8, 100, 7);
        double[] share = ring.shares();
        assertEquals(1.0, java.util.Arrays.stream(share).sum(), 1e-9);
        int[] owned = new int[8];
        for (int k = 0; k < KEYS; k++) owned[ring.owner(k)]++;
        // binomial sd of a share near 1/8 over 200,000 keys is ~0.0007: 0.005 is seven of them
        for (int n = 0; n < 8; n++) assertEquals(share[n], owned[n] / (double) KEYS, 0.005, "node " + n);
    }

    @Test
    void addingANodeMovesAboutOneKeyInNPlusOneAndOnlyToTheNewNode() {
        HashRing before = HashRing.of(9, 100, 3), after = before.with(9);
        int moved = 0;
        for (int k = 0; k < KEYS; k++) {
            int a = before.owner(k), b = after.owner(k);
            if (a != b) {
                moved++;
                assertEquals(9, b, "a moved key goes to the new node");
            }
        }
        // expected share of the new node is 1/10; with 100 vnodes its share has sd ~ 0.1/sqrt(100) = 0.01
        assertEquals(0.1, moved / (double) KEYS, 0.03);
    }

    @Test
    void removingANodeMovesExactlyItsKeys() {
        HashRing ring = HashRing.of(List.of(2, 5, 11, 40), 50, 1), smaller = ring.without(11);
        for (int k = 0; k < 20_000; k++) {
            if (ring.owner(k) != 11) assertEquals(ring.owner(k), smaller.owner(k));
            else assertTrue(smaller.owner(k) != 11);
        }
    }

    @Test
    void preferenceListStartsAtTheOwnerAndHoldsDistinctNodes() {
        HashRing ring = HashRing.of(5, 20, 9);
        for (int k = 0; k < 1000; k++) {
            List<Integer> list = ring.preferenceList(k, 3);
            assertEquals(ring.owner(k), list.get(0));
            assertEquals(3, new HashSet<>(list).size());
        }
        assertEquals(5, new HashSet<>(ring.preferenceList(1, 5)).size());
        // after the owner leaves, the key goes to the second node of its list
        for (int k = 0; k < 1000; k++) {
            List<Integer> list = ring.preferenceList(k, 2);
            assertEquals(list.get(1), ring.without(list.get(0)).owner(k));
        }
    }

    @Test
    void sameSeedSameRingOtherSeedOtherRing() {
        HashRing a = HashRing.of(4, 10, 1), b = HashRing.of(4, 10, 1), c = HashRing.of(4, 10, 2);
        int differ = 0;
        for (int k = 0; k < 1000; k++) {
            assertEquals(a.owner(k), b.owner(k));
            if (a.owner(k) != c.owner(k)) differ++;
        }
        assertTrue(differ > 500, "another seed places keys independently: " + differ);
    }

    @Test
    void badInputNamesTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HashRing.of(0, 10, 1)).getMessage().contains("nodes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HashRing.of(3, 0, 1)).getMessage().contains("vnodes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HashRing.of(List.of(1, 1), 3, 1)).getMessage().contains("repeat"));
        HashRing one = HashRing.of(1, 3, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> one.without(0)).getMessage().contains("last node"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> one.with(0)).getMessage().contains("not on the ring"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> one.preferenceList(1, 2)).getMessage().contains("n"));
    }
}
