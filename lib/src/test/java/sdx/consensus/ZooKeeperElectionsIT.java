package sdx.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration test (~5-10 s): a real three-server ZooKeeper ensemble in a child JVM re-elects after its
 * leader is killed. Needs lib/target/zookeeper/, made by {@code mvn package}, so it runs in Maven's
 * integration-test phase (failsafe): {@code mvn verify}, which {@code make test} runs.
 */
class ZooKeeperElectionsIT {

    @Test
    void killingTheLeaderElectsAnotherWithinBoundedTime() throws Exception {
        assertTrue(Files.isDirectory(ZooKeeperElections.targetDir().resolve("zookeeper")),
                "ZooKeeper's jars are copied to lib/target/zookeeper at package time; run this test with `mvn verify`");
        var result = ZooKeeperElections.measure(3);
        assertEquals(3, result.trials().size(), result.toString());
        for (var t : result.trials()) {
            assertNotEquals(t.killed(), t.newLeader(), "the killed server cannot be the new leader: " + t);
            // ZooKeeper's election waits finalizeWait = 200 ms after the last notification, then the followers
            // sync: a few hundred ms on an idle machine. 10 s is far above that even on a loaded 2-core
            // runner, and far below the child's own 20 s give-up, so a hung election fails here.
            assertTrue(t.servesMs() > 0 && t.servesMs() < 10_000, "serves: " + t);
            assertTrue(t.writeMs() >= t.servesMs() && t.writeMs() < 10_000, "write: " + t);
        }
        assertTrue(result.startMs() > 0 && result.totalMs() > result.startMs(), result.toString());
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "child JVM left running");
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(0, tmp.filter(p -> p.getFileName().toString().startsWith("sdx-zookeeper-")).count(),
                    "temp files left behind");
        }
        assertEquals(3, result.table().rowCount());
        assertEquals(3, result.plotBeside(ElectionTimes.measure(new double[][] {{150, 300}}, 20, 1), 0).seriesCount());
    }

    @Test
    void missingJarsAreNamedInTheError(@TempDir Path emptyTarget) {
        var e = assertThrows(IllegalStateException.class,
                () -> ZooKeeperElections.command(emptyTarget, emptyTarget.resolve("data"), 2));
        assertTrue(e.getMessage().contains(emptyTarget.resolve("zookeeper").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -q -B package"), e.getMessage());
    }

    @Test
    void aBadTrialCountIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> ZooKeeperElections.measure(0));
        assertTrue(e.getMessage().contains("trials"), e.getMessage());
    }
}
