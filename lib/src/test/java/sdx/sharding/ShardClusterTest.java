package sdx.sharding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sdx.core.Trace;
import sdx.core.Workloads;

class ShardClusterTest {

    /** Threads started for the cluster: its pools ("sdx-...") and the JDK's HTTP client and server. */
    private static java.util.List<String> clusterThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("sdx-") || n.startsWith("HttpClient") || n.startsWith("HTTP-Dispatcher"))
                .sorted().toList();
    }

    @Test
    void proxyRoutesLikeThePartitionerAndLeavesNoThreads() throws InterruptedException {
        var baseline = clusterThreads();
        Trace t = Workloads.zipf(1_000, 1.0, 300, 4);
        Partitioner p = ModHashPartitioner.of(3);
        ProxyRun run;
        try (ShardCluster c = ShardCluster.start(p)) {
            assertTrue(c.proxyUri().toString().startsWith("http://127.0.0.1:"));
            assertEquals("shard=" + p.shardOf(17) + " key=17", c.get(17));
            run = c.run(t);
            assertTrue(clusterThreads().size() > baseline.size());
        }
        assertArrayEquals(ShardLoad.of(p, t).loads(), run.served());
        assertEquals(0, run.errors());
        assertEquals(300, run.latency().count());
        for (int i = 0; i < 50 && !clusterThreads().equals(baseline); i++) Thread.sleep(20);  // pools wind down
        assertEquals(baseline, clusterThreads(), "threads left running after close()");
    }

    @Test
    void closedClusterRefusesWork() {
        ShardCluster c = ShardCluster.start(ModHashPartitioner.of(2));
        c.close();
        c.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> c.get(1));
    }
}
