package sdx.sharding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyMovementSettingsTest {

    @Test
    @SuppressWarnings("deprecation")
    void namedSettingsMeasureWhatThePositionalCallDid() {
        KeyMovement.Settings s = KeyMovement.Settings.defaults().withShards(3, 7).withKeys(2_000).withSeeds(2).withSeed(5);
        KeyMovement named = KeyMovement.run(s), positional = KeyMovement.run(new int[] {3, 7}, 100, 2_000, 2, 5);
        assertArrayEquals(positional.modMoved(), named.modMoved());
        assertArrayEquals(positional.consistentMoved(), named.consistentMoved());
        assertEquals(100, named.vnodes());
    }

    @Test
    void settingsAreValidatedByNameAndCopied() {
        var e = assertThrows(IllegalArgumentException.class, () -> KeyMovement.Settings.defaults().withVnodes(0));
        assertEquals("vnodes must be >= 1, was 0", e.getMessage());
        int[] n = {2, 3};
        KeyMovement.Settings s = KeyMovement.Settings.defaults().withShards(n);
        n[0] = 99;
        s.shards()[1] = 99;
        assertArrayEquals(new int[] {2, 3}, s.shards());
    }
}
