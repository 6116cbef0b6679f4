package sdx.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Integration test (~10-20 s): a real Kafka broker in a child JVM receives and serves every message, in order per
 * key, and leaves no temp dir behind. Needs lib/target/kafka/, made by {@code mvn package}, so it runs in
 * Maven's verify phase.
 */
class KafkaRunIT {
    @Test
    void brokerDeliversEveryMessageInOrderPerKey() throws Exception {
        assertTrue(Files.isDirectory(KafkaRun.targetDir().resolve("kafka")),
                "Kafka's jars are copied to lib/target/kafka at package time; run this test with `mvn verify`");
        KafkaRun.Result r = KafkaRun.measure(5_000, 3, 10, 100);
        assertEquals(5_000, r.received());
        assertEquals(0, r.perKeyOrderViolations());
        double[] lag = r.lag();
        assertEquals(5_000, lag[0], 0.0, "the lag starts at the whole backlog");
        assertEquals(0, lag[lag.length - 1], 0.0, "and ends at zero");
        assertTrue(r.producePerSecond() > 0 && r.consumePerSecond() > 0);
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(0, tmp.filter(p -> p.getFileName().toString().startsWith("sdx-kafka-")).count(),
                    "the broker's temp dir is deleted");
        }
    }
}
