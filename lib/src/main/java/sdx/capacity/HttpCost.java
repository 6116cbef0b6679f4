package sdx.capacity;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import sdx.core.Check;
import sdx.net.LoopbackClient;
import sdx.net.LoopbackServer;

/**
 * One small HTTP request answered by a real server on 127.0.0.1, measured: the median round trip, and the
 * CPU time the whole process spent per request (client and server together, so it is an upper bound on the
 * server's share). The exchange never leaves the machine, so a network's round trip is not in it.
 *
 * @param requests        requests timed (after as many warm-up requests)
 * @param replyBytes      bytes in each reply body
 * @param roundTripNs     median wall-clock time from sending a request to reading its reply
 * @param cpuPerRequestNs process CPU time per request (client and server), or NaN where the JVM cannot tell
 */
public record HttpCost(int requests, int replyBytes, double roundTripNs, double cpuPerRequestNs) {
    public HttpCost {
        Check.inRange("requests", requests, 1, 100_000);
        Check.inRange("replyBytes", replyBytes, 0, 1 << 20);
        Check.positive("roundTripNs", roundTripNs);
    }

    /**
     * Times {@code requests} sequential GETs, each answered with {@code replyBytes} bytes by a one-worker server
     * on 127.0.0.1, after as many warm-up requests; the server is closed before this returns.
     *
     * @param requests   100 to 20,000
     * @param replyBytes 0 to 1 MiB
     */
    public static HttpCost measure(int requests, int replyBytes) {
        Check.inRange("requests", requests, 100, 20_000);
        Check.inRange("replyBytes", replyBytes, 0, 1 << 20);
        String body = "x".repeat(replyBytes);
        try (LoopbackServer server = LoopbackServer.start("budget", 1, request -> LoopbackServer.Reply.ok(body));
                LoopbackClient client = LoopbackClient.to(server.uri())) {
            for (int i = 0; i < requests; i++) client.get("/image?id=" + i);
            long[] nanos = new long[requests];
            long cpu0 = processCpuNanos();
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                client.get("/image?id=" + i);
                nanos[i] = System.nanoTime() - t0;
            }
            long cpu1 = processCpuNanos();
            Arrays.sort(nanos);
            double cpu = cpu0 < 0 || cpu1 < 0 ? Double.NaN : (cpu1 - cpu0) / (double) requests;
            return new HttpCost(requests, replyBytes, nanos[requests / 2], cpu);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HTTP on loopback: median round trip %.0f µs, CPU %.0f µs per request (%d requests, %d-byte replies)",
                roundTripNs / 1e3, cpuPerRequestNs / 1e3, requests, replyBytes);
    }
}
