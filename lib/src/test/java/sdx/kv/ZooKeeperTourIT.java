package sdx.kv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real ZooKeeper tour (needs the packaged jars: runs in {@code mvn verify}). */
class ZooKeeperTourIT {
    @Test
    void tourShowsWatchEphemeralLockAndStaleRead() {
        List<String> lines = ZooKeeperTour.run().stringColumn(1).asList();
        String all = String.join("\n", lines);
        assertTrue(all.contains("NodeDataChanged /config"), all);
        assertTrue(all.contains("NodeChildrenChanged; /members = []"), all);
        assertTrue(all.contains("client 2 tries for 300 ms: not acquired"), all);
        assertTrue(all.contains("client 3 acquires the lock"), all);
        assertTrue(all.contains("reads /price = 10: STALE"), all);
        assertTrue(all.contains("OK, /price = 12"), all);
    }
}
