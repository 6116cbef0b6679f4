package sdx.capacity.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.capacity.Server;
import sdx.capacity.Traffic;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/** Hidden checks for exercise 2: one resource at a time on a worked case (basic), then 200 random cases. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class UtilizationChecks {
    private final UtilizationModel model = Grader.submission(UtilizationModel.class);

    /** 8 cores x 1,000 requests/s, a 1 Gbit/s link, 20,000 IOPS, 32 GB of memory. */
    static final Server WORKED = new Server(8, 1_000, 1, 20_000, 32e9);
    /** 4,000 requests/s of 10 KB, 90% cache hits, 8 GB working set. */
    static final Traffic LOAD = new Traffic(4_000, 10_000, 0.9, 8e9);

    static Utilization expected(Server s, Traffic t) {
        return new Utilization(
                t.requestsPerSecond() / (s.cores() * s.requestsPerCorePerSecond()),
                t.requestsPerSecond() * t.responseBytes() * 8 / (s.nicGigabitsPerSecond() * 1e9),
                t.requestsPerSecond() * (1 - t.cacheHitRatio()) / s.diskIops(),
                t.workingSetBytes() / s.ramBytes());
    }

    private Utilization answer(Server s, Traffic t) {
        Utilization u = model.utilization(s, t);
        assertNotNull(u, "the utilization");
        return u;
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 + 1e-6 * Math.abs(expected), what);
    }

    @Test
    @Order(1)
    @DisplayName("CPU: 4,000 requests/s on 8 cores of 1,000 requests/s each")
    @Hint("the CPU answers cores x requests per core per second; utilization is the arrival rate over that")
    @Basic
    void cpu() {
        close(expected(WORKED, LOAD).cpu(), answer(WORKED, LOAD).cpu(), "cpu");
    }

    @Test
    @Order(2)
    @DisplayName("network: 4,000 responses/s of 10 KB on a 1 Gbit/s link")
    @Hint("a link is rated in bits per second and a response is counted in bytes: multiply the bytes by 8")
    @Basic
    void network() {
        close(expected(WORKED, LOAD).network(), answer(WORKED, LOAD).network(), "network");
    }

    @Test
    @Order(3)
    @DisplayName("disk: only cache misses read the disk")
    @Hint("requests that hit the cache never touch the disk: disk reads per second = requests x (1 - hit ratio)")
    @Basic
    void disk() {
        close(expected(WORKED, LOAD).disk(), answer(WORKED, LOAD).disk(), "disk");
    }

    @Test
    @Order(4)
    @DisplayName("memory: the working set's share of the memory")
    @Hint("memory utilization is working set bytes over the server's memory bytes")
    @Basic
    void memory() {
        close(expected(WORKED, LOAD).memory(), answer(WORKED, LOAD).memory(), "memory");
    }

    @Test
    @Order(5)
    @DisplayName("200 random servers and loads: every figure, and so the bottleneck")
    @Hint("use the server and the traffic you are given, every field of them")
    void randomCases() {
        Random r = new Random(2024);
        for (int i = 0; i < 200; i++) {
            Server s = new Server(1 + r.nextInt(64), 100 + r.nextInt(10_000), 0.1 + 99.9 * r.nextDouble(),
                    1_000 + r.nextInt(1_000_000), 1e9 * (1 + r.nextInt(512)));
            Traffic t = new Traffic(r.nextInt(200_000), 100 + r.nextInt(5_000_000), r.nextDouble(), 1e9 * r.nextInt(512));
            Utilization want = expected(s, t), got = answer(s, t);
            String at = String.format(Locale.ROOT, "case %d (%s, %s): ", i, s, t);
            close(want.cpu(), got.cpu(), at + "cpu");
            close(want.network(), got.network(), at + "network");
            close(want.disk(), got.disk(), at + "disk");
            close(want.memory(), got.memory(), at + "memory");
            assertEquals(want.bottleneck(), got.bottleneck(), at + "bottleneck");
        }
    }
}
