package sdx.queues;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdx.sim.Simulation;
import sdx.sim.Time;

class QueuesTest {
    /**
     * M/M/1 against rho/(1-rho) and rho²/(1-rho): the batch-means 95 % half-width says how far a run may sit from
     * the truth by chance; 3 half-widths leaves room for the batches' residual correlation, and the half-width is
     * required to be under 10 % of the theory, so the check is not vacuous.
     */
    @Test
    void mm1AgreesWithTheory() {
        double[] rhos = {0.3, 0.5, 0.7, 0.9};
        Backlog.Sweep s = Backlog.sweep(rhos, 100, 4_000, 42);
        for (int i = 0; i < rhos.length; i++) {
            Backlog.Run r = s.runs().get(i);
            double sys = Theory.mm1InSystem(rhos[i]), wait = Theory.mm1Waiting(rhos[i]);
            assertTrue(r.halfWidthSystem() < 0.1 * sys, "rho " + rhos[i] + ": interval too wide " + r.halfWidthSystem());
            assertEquals(sys, r.meanInSystem(), 3 * r.halfWidthSystem(), "rho " + rhos[i] + ": in system");
            assertEquals(wait, r.meanWaiting(), 3 * r.halfWidthWaiting(), "rho " + rhos[i] + ": waiting");
        }
    }

    /** Hand-checked values of the formulas. */
    @Test
    void formulas() {
        assertEquals(1.0, Theory.mm1InSystem(0.5), 1e-12);
        assertEquals(0.5, Theory.mm1Waiting(0.5), 1e-12);
        assertEquals(0.5, Theory.mm1kRejected(1.0, 1), 1e-12);          // K = 1, rho = 1: half refused
        assertEquals(0.9 / 1.9, Theory.mm1kRejected(0.9, 1), 1e-12);    // (1-rho) rho / (1 - rho²) = rho / (1 + rho)
        assertEquals(0.125, Theory.duplicatesPerMessage(0.2), 1e-12);
        assertEquals(0.1, Theory.lostFraction(0.2), 1e-12);
        assertEquals(200, Theory.fluidBacklog(120, 100, 10), 1e-12);
        assertEquals(0, Theory.fluidBacklog(80, 100, 10), 1e-12);
    }

    /**
     * Overload: after T seconds the backlog's mean is about (lambda - mu) T and its standard deviation about
     * sqrt((lambda + mu) T) (a difference of two Poisson counts); 4 sd over 20 seeds' mean is sd / sqrt(20) × 4.
     */
    @Test
    void overloadGrowsLinearly() {
        double sum = 0;
        for (int seed = 0; seed < 20; seed++) sum += Backlog.afterBurst(150, 100, 100, seed);
        double sd = Math.sqrt(250 * 100.0);
        assertEquals(5_000, sum / 20, 4 * sd / Math.sqrt(20));
    }

    /** M/M/1/K rejection: 1e5+ arrivals per point, binomial spread below 0.005; 0.01 covers the correlation. */
    @Test
    void boundedQueueAgreesWithMm1k() {
        int[] caps = {1, 2, 5, 10};
        var t = Backlog.bounded(90, 100, caps, 2_000, 42);
        for (int i = 0; i < caps.length; i++) {
            assertEquals(Theory.mm1kRejected(0.9, caps[i]), t.doubleColumn("rejected (simulated)").get(i), 0.01);
        }
    }

    /**
     * At-least-once with crashes: duplicates per message p/(2(1-p)) and, acking first, p/2 lost; 10,000 messages,
     * so the binomial spread is about 35 lost and 40 duplicates: 150 is about 4 sd.
     */
    @Test
    void deliveryAgreesWithTheory() {
        var t = ModelQueue.compare(10_000, 0.2, 42);
        assertEquals(1_000, t.longColumn("lost").get(0), 150);
        assertEquals(1_250, t.longColumn("duplicate effects").get(1), 150);
        assertEquals(0, t.longColumn("lost").get(1));
        assertEquals(0, t.longColumn("duplicate effects").get(2));
        assertTrue(t.longColumn("deliveries").get(2) > 10_000, "redeliveries still happen with idempotent effects");
    }

    @Test
    void sameSeedSameRun() {
        assertArrayEquals(Backlog.mm1(80, 100, 200, 7).backlog(), Backlog.mm1(80, 100, 200, 7).backlog());
        assertArrayEquals(Alerting.run(Alerting.Traffic.standard(), 3).lag(), Alerting.run(Alerting.Traffic.standard(), 3).lag());
    }

    /** Bursts of the standard traffic peak near 15 s × 50/s = 750: 1,000 is silent and fires about 50 s in. */
    @Test
    void alertingThresholds() {
        Alerting.Run r = Alerting.run(Alerting.Traffic.standard(), 42);
        assertTrue(r.falseAlarms(300) > 0, "300 fires during bursts");
        assertEquals(0, r.falseAlarms(1_000));
        double d = r.detectionSeconds(1_000);
        assertTrue(d > 30 && d < 80, "1,000 at 20 messages/s of excess fires about 50 s in: " + d);
        assertTrue(Double.isNaN(r.detectionSeconds(1e9)));
    }

    /** Every group gets every message; a group's members split the partitions; order holds per key, not globally. */
    @Test
    void pubSubFanOutAndOrder() {
        Map<String, Integer> groups = new LinkedHashMap<>();
        groups.put("billing", 2);
        groups.put("audit", 1);
        Simulation sim = PubSub.topic(4, 40, 8, groups, 7);
        sim.runFor(Time.s(1));
        var t = PubSub.table(sim);
        int billing = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            String name = t.stringColumn("consumer").get(i);
            assertEquals(0, t.intColumn("out of order within a key").get(i), name);
            if (name.startsWith("billing")) billing += t.intColumn("received").get(i);
            else assertEquals(40, t.intColumn("received").get(i), name);
        }
        assertEquals(40, billing, "billing's two members share the 40 messages");
        int audit = t.stringColumn("consumer").indexOf("audit-1");
        assertTrue(t.intColumn("out of global order").get(audit) > 0, "one consumer of 4 partitions sees global order broken");
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Backlog.sweep(new double[] {1.2}, 100, 100, 1));
        assertTrue(e.getMessage().contains("rhos[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PubSub.topic(0, 10, 1, Map.of("g", 1), 1));
        assertTrue(e.getMessage().contains("partitions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Alerting.Traffic(100, 70, 150, 15, 120, 90, 600, 900));
        assertTrue(e.getMessage().contains("overload"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KafkaRun.measure(10, 1, 1, 100));
        assertTrue(e.getMessage().contains("messages"), e.getMessage());
    }

    @Test
    void missingKafkaJarsAreNamed(@TempDir Path dir) {
        var e = assertThrows(IllegalStateException.class, () -> KafkaRun.command(dir, dir, 1000, 1, 1, 100));
        assertTrue(e.getMessage().contains(dir.resolve("kafka").toString()), e.getMessage());
        assertTrue(Files.isDirectory(dir));
    }
}
