package sdx.proxy;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import sdx.core.Check;
import sdx.core.SplitMix64;
import sdx.net.LoopbackServer;
import sdx.net.LoopbackServer.Reply;
import sdx.net.LoopbackServer.Request;

/**
 * N real HTTP backends on 127.0.0.1 ({@link LoopbackServer}s, one worker thread each) of unequal speed:
 * backend i holds each request for an exponentially distributed time of mean {@code 1 ms / speed_i}, drawn
 * from the seed and the request's {@code id} query parameter (so the same request takes the same time
 * wherever it is sent), and answers {@code backend=i path=... id=...}. Each counts what it served.
 */
public final class Backends implements AutoCloseable {
    /** Mean service time of a backend of speed 1 (µs). */
    public static final long BASE_SERVICE_MICROS = 1_000;

    private final double[] speeds;
    private final long seed;
    private final List<LoopbackServer> servers;
    private final AtomicLongArray served;

    private Backends(long seed, double[] speeds) {
        this.speeds = speeds;
        this.seed = seed;
        this.served = new AtomicLongArray(speeds.length);
        this.servers = startAll();
    }

    /** Starts one backend per speed (1..16 backends, speeds in [0.1, 10]). Use in try-with-resources. */
    public static Backends start(long seed, double... speeds) {
        Check.notNull("speeds", speeds);
        Check.inRange("speeds.length", speeds.length, 1, 16);
        for (double s : speeds) Check.inRange("speed", s, 0.1, 10.0);
        return new Backends(seed, speeds.clone());
    }

    private List<LoopbackServer> startAll() {
        List<LoopbackServer> list = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < speeds.length; i++) {
                int b = i;
                list.add(LoopbackServer.start("backend" + i, 1, request -> serve(b, request)));
            }
            return List.copyOf(list);
        } catch (RuntimeException | Error e) {
            LoopbackServer.closeAll(list);
            throw e;
        }
    }

    private Reply serve(int b, Request request) {
        long id = parseId(request.params().get("id"));
        double u = SplitMix64.unit(SplitMix64.mix(seed ^ (id * SplitMix64.GOLDEN_GAMMA)));
        long micros = Math.round(-Math.log(1 - u) * BASE_SERVICE_MICROS / speeds[b]);
        long end = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(micros);
        for (long left; (left = end - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
        served.incrementAndGet(b);
        return Reply.ok(String.format(Locale.ROOT, "backend=%d path=%s id=%d", b, request.path(), id));
    }

    private static long parseId(String id) {
        try {
            return id == null ? 0 : Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The backends' addresses. */
    public List<URI> uris() {
        return servers.stream().map(LoopbackServer::uri).toList();
    }

    /** How many backends. */
    public int size() {
        return speeds.length;
    }

    /** The speeds. */
    public double[] speeds() {
        return speeds.clone();
    }

    /** Requests each backend has served so far. */
    public long[] served() {
        long[] out = new long[served.length()];
        for (int i = 0; i < out.length; i++) out[i] = served.get(i);
        return out;
    }

    /** Sets every served count to zero. */
    public void resetCounts() {
        for (int i = 0; i < served.length(); i++) served.set(i, 0);
    }

    /**
     * Kills backend {@code b} now: its server stops and closes its port, so requests to it fail (connection
     * refused or reset), as they would to a crashed machine. The others keep serving. Idempotent.
     */
    public void kill(int b) {
        Check.inRange("b", b, 0, speeds.length - 1);
        servers.get(b).close();
    }

    /** Stops every backend. Idempotent. */
    @Override
    public void close() {
        LoopbackServer.closeAll(servers);
    }
}
