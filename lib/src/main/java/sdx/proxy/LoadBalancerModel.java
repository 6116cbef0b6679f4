package sdx.proxy;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import sdx.core.Check;
import sdx.core.Latency;
import sdx.core.SplitMix64;
import sdx.sim.Context;
import sdx.sim.Delay;
import sdx.sim.Node;
import sdx.sim.Simulation;
import sdx.sim.TimerId;

/**
 * A load balancer in front of N backends on the course's simulator ({@link sdx.sim.Simulation}, virtual
 * time, one seed): Poisson arrivals from a client node, a balancer node running a {@link Policy}, and
 * backend nodes that each serve one request at a time in FIFO order with exponential service times of mean
 * {@code 10 ms / speed}. Simulated, because a dead machine, a probe every 100 ms and 20,000 requests at a
 * chosen utilisation cannot be run faithfully on a shared laptop; the balancer's choice is the same
 * {@link Policy.Balancer} code the real {@link L7Proxy} runs.
 *
 * <pre>{@code
 * ModelRun r = LoadBalancerModel.of(Policy.LEAST_OUTSTANDING).speeds(1, 1, 2, 4).load(0.7).run();
 * ModelRun f = LoadBalancerModel.of(Policy.ROUND_ROBIN).crash(2, Time.ms(500)).probeEvery(Time.ms(100)).run();
 * }</pre>
 *
 * A configuration object (each setter returns {@code this}); {@link #run()} may be called more than once
 * and gives the same result for the same settings.
 */
public final class LoadBalancerModel {
    /** Mean service time of a backend of speed 1 (µs). */
    public static final long BASE_SERVICE_MICROS = 10_000;
    /** The client's routing keys are uniform over this many keys. */
    public static final int KEYS = 10_000;

    private final Policy policy;
    private double[] speeds = {1, 1, 1, 1};
    private double load = 0.5;
    private int requests = 10_000;
    private long seed = 42;
    private long timeoutMicros = 1_000_000;
    private int crashed = -1;
    private long crashAt;
    private int passiveAfter;                 // consecutive failures that eject; 0 = passive checks off
    private long probeEvery;                  // 0 = active checks off
    private long probeTimeout = 5_000;
    private int retries;
    private double outlierFactor;             // 0 = outlier ejection off
    private long outlierEvery = 100_000;

    private LoadBalancerModel(Policy policy) {
        this.policy = policy;
    }

    /** A model balancing with {@code policy}: 4 equal backends, load 0.5, 10,000 requests, seed 42. */
    public static LoadBalancerModel of(Policy policy) {
        return new LoadBalancerModel(Check.notNull("policy", policy));
    }

    /** Backend speeds (1 to 64 backends, each speed in [0.01, 100]); mean service time is 10 ms / speed. */
    public LoadBalancerModel speeds(double... speeds) {
        Check.notNull("speeds", speeds);
        Check.inRange("speeds.length", speeds.length, 1, 64);
        for (double s : speeds) Check.inRange("speed", s, 0.01, 100.0);
        this.speeds = speeds.clone();
        return this;
    }

    /** Offered load as a fraction of the backends' total capacity, in (0, 0.99]. */
    public LoadBalancerModel load(double load) {
        Check.that(load > 0 && load <= 0.99, "load", load, "must be in (0, 0.99] (a share of total capacity)");
        this.load = load;
        return this;
    }

    /** Requests the client sends, 1 to 200,000. */
    public LoadBalancerModel requests(int requests) {
        this.requests = Check.inRange("requests", requests, 1, 200_000);
        return this;
    }

    /** The seed of arrivals, keys, service times and the balancer's random choices. */
    public LoadBalancerModel seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * How long the balancer waits for a backend's answer before it counts the attempt failed (1 ms to 10 s;
     * default 1 s).
     */
    public LoadBalancerModel timeout(long micros) {
        Check.that(micros >= 1_000 && micros <= 10_000_000, "timeout", micros, "must be in [1,000, 10,000,000] µs");
        this.timeoutMicros = micros;
        return this;
    }

    /** Backend {@code backend} crashes at virtual time {@code atMicros} (and stays down). */
    public LoadBalancerModel crash(int backend, long atMicros) {
        Check.inRange("backend", backend, 0, speeds.length - 1);
        Check.that(atMicros >= 0, "atMicros", atMicros, "must be >= 0");
        this.crashed = backend;
        this.crashAt = atMicros;
        return this;
    }

    /** Passive health check: eject a backend after {@code failures} consecutive failed attempts (1..100). */
    public LoadBalancerModel passive(int failures) {
        this.passiveAfter = Check.inRange("failures", failures, 1, 100);
        return this;
    }

    /**
     * Active health check: probe every backend every {@code intervalMicros} (1 ms to 10 s), the first probe at
     * a seeded random moment within the first interval; a backend whose answer has not arrived 5 ms later is
     * ejected until a later probe is answered.
     */
    public LoadBalancerModel probeEvery(long intervalMicros) {
        Check.that(intervalMicros >= 1_000 && intervalMicros <= 10_000_000, "intervalMicros", intervalMicros,
                "must be in [1,000, 10,000,000] µs");
        Check.that(intervalMicros > probeTimeout, "intervalMicros", intervalMicros,
                "must be longer than the probe timeout (" + probeTimeout + " µs)");
        this.probeEvery = intervalMicros;
        return this;
    }

    /** After a failed attempt, try up to {@code retries} (0..5) other backends. */
    public LoadBalancerModel retries(int retries) {
        this.retries = Check.inRange("retries", retries, 0, 5);
        return this;
    }

    /**
     * Outlier ejection: every 100 ms, eject for the next 100 ms each backend whose mean latency over the
     * last 100 ms exceeds {@code factor} (1.5..100) times the median of the backends' means.
     */
    public LoadBalancerModel outlierEjection(double factor) {
        this.outlierFactor = Check.inRange("factor", factor, 1.5, 100.0);
        return this;
    }

    /** Total arrival rate in requests per second at the set load. */
    public double arrivalsPerSecond() {
        return load * Arrays.stream(speeds).sum() * 1e6 / BASE_SERVICE_MICROS;
    }

    /** The expected time the client takes to send every request (µs): requests / arrival rate. */
    public long durationMicros() {
        return Math.round(requests / arrivalsPerSecond() * 1e6);
    }

    /** Runs the simulation until every request has been answered or failed. */
    public ModelRun run() {
        Simulation sim = Simulation.seeded(seed);
        sim.network().delay(Delay.constant(0));
        int n = speeds.length;
        long meanGap = Math.max(1, Math.round(1e6 / arrivalsPerSecond()));
        sim.add("client", () -> new Client(requests, 1e6 / arrivalsPerSecond(), seed));
        sim.add("lb", () -> new Balancer(this, policy.create(n, seed)));
        for (int i = 0; i < n; i++) {
            long mean = Math.round(BASE_SERVICE_MICROS / speeds[i]);
            sim.add("b" + i, () -> new Backend(mean, seed));
        }
        if (crashed >= 0) sim.at(crashAt, s -> s.crash("b" + crashed));
        long limit = (long) requests * meanGap * 50 + 60_000_000L;
        sim.runUntil(s -> s.node("client", Client.class).finished(), limit);
        Client c = sim.node("client", Client.class);
        Balancer lb = sim.node("lb", Balancer.class);
        String name = String.format(Locale.ROOT, "%s, load %.2f", policy.label(), load);
        return new ModelRun(name, lb.attempts, lb.failedAttempts, c.latency.count() == 0 ? null : c.latency.summary(),
                requests, c.failed, lb.ejectedAt, c.finished());
    }

    // ------------------------------------------------------------------ the protocol

    sealed interface Msg permits Request, Answer, Forward, Served, Ping, Pong, Arrive, Deadline, ProbeTick,
            ProbeDeadline, OutlierTick, ServiceDone {}

    record Request(int id, long key) implements Msg {}

    record Answer(int id, boolean ok) implements Msg {}

    record Forward(int id, int attempt) implements Msg {}

    record Served(int id, int attempt) implements Msg {}

    record Ping(int round) implements Msg {}

    record Pong(int round) implements Msg {}

    record Arrive() implements Msg {}

    record Deadline(int id, int attempt) implements Msg {}

    record ProbeTick() implements Msg {}

    record ProbeDeadline(int round) implements Msg {}

    record OutlierTick() implements Msg {}

    record ServiceDone() implements Msg {}

    /** Sends Poisson arrivals to the balancer and records each answer's latency. */
    static final class Client implements Node<Msg> {
        final Latency latency = new Latency("latency");
        private final int total;
        private final double meanGap;
        private final long seed;
        private final long[] sentAt;
        private int sent, answered, failed;

        Client(int total, double meanGap, long seed) {
            this.total = total;
            this.meanGap = meanGap;
            this.seed = seed;
            this.sentAt = new long[total];
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            ctx.set(new Arrive(), 0);
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            int id = sent++;
            sentAt[id] = ctx.now();
            long key = Math.floorMod(SplitMix64.mix(seed ^ (0xC0FFEEL * (id + 1))), (long) KEYS);
            ctx.send("lb", new Request(id, key));
            if (sent < total) ctx.set(new Arrive(), Math.round(-Math.log(1 - ctx.random().nextDouble()) * meanGap));
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (message instanceof Answer a) {
                answered++;
                if (a.ok()) latency.record(ctx.now() - sentAt[a.id()]);
                else failed++;
            }
        }

        boolean finished() {
            return answered == total;
        }
    }

    /** One server, FIFO queue, exponential service times drawn from (seed, request, attempt). */
    static final class Backend implements Node<Msg> {
        private final long mean;
        private final long seed;
        private final ArrayDeque<Forward> queue = new ArrayDeque<>();

        Backend(long mean, long seed) {
            this.mean = mean;
            this.seed = seed;
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (message instanceof Ping p) ctx.send(from, new Pong(p.round()));   // a health endpoint: no queue
            else if (message instanceof Forward f) {
                queue.add(f);
                if (queue.size() == 1) start(ctx);
            }
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            Forward done = queue.poll();
            ctx.send("lb", new Served(done.id(), done.attempt()));
            if (!queue.isEmpty()) start(ctx);
        }

        private void start(Context<Msg> ctx) {
            Forward f = queue.peek();
            double u = SplitMix64.unit(SplitMix64.mix(seed ^ (((long) f.id() << 8) | f.attempt()) * 0x9E3779B97F4A7C15L));
            ctx.set(new ServiceDone(), Math.round(-Math.log(1 - u) * mean));
        }
    }

    /** The balancer: picks, forwards, times out, retries, ejects. */
    static final class Balancer implements Node<Msg> {
        private final LoadBalancerModel m;
        private final Policy.Balancer policy;
        private final int n;
        final long[] attempts, failedAttempts, ejectedAt;
        private final int[] outstanding, consecutiveFailures;
        private final boolean[] ejected, probeEjected, outlierEjected, up;
        private final Map<Integer, Pending> pending = new HashMap<>();
        private final boolean[] ponged;
        private final double[] latencySum;
        private final int[] latencyCount;
        private int round;

        private static final class Pending {
            final long key;
            int attempt = -1, backend;
            long sentAt;
            TimerId deadline;
            final boolean[] tried;

            Pending(long key, int n) {
                this.key = key;
                this.tried = new boolean[n];
            }
        }

        Balancer(LoadBalancerModel m, Policy.Balancer policy) {
            this.m = m;
            this.policy = policy;
            this.n = m.speeds.length;
            attempts = new long[n];
            failedAttempts = new long[n];
            ejectedAt = new long[n];
            Arrays.fill(ejectedAt, -1);
            outstanding = new int[n];
            consecutiveFailures = new int[n];
            ejected = new boolean[n];
            probeEjected = new boolean[n];
            outlierEjected = new boolean[n];
            up = new boolean[n];
            ponged = new boolean[n];
            latencySum = new double[n];
            latencyCount = new int[n];
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            if (m.probeEvery > 0) ctx.set(new ProbeTick(), 1 + ctx.random().nextLong(m.probeEvery));  // a random phase
            if (m.outlierFactor > 0) ctx.set(new OutlierTick(), m.outlierEvery);
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (message instanceof Request r) {
                Pending p = new Pending(r.key(), n);
                pending.put(r.id(), p);
                forward(r.id(), p, ctx);
            } else if (message instanceof Served s) {
                Pending p = pending.get(s.id());
                if (p == null || p.attempt != s.attempt()) return;           // a late answer to a timed-out attempt
                ctx.cancel(p.deadline);
                outstanding[p.backend]--;
                consecutiveFailures[p.backend] = 0;
                latencySum[p.backend] += ctx.now() - p.sentAt;
                latencyCount[p.backend]++;
                pending.remove(s.id());
                ctx.send("client", new Answer(s.id(), true));
            } else if (message instanceof Pong p && p.round() == round) {
                ponged[Integer.parseInt(from.substring(1))] = true;
            }
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            if (timer instanceof Deadline d) fail(d, ctx);
            else if (timer instanceof ProbeTick) {
                round++;
                Arrays.fill(ponged, false);
                for (int b = 0; b < n; b++) ctx.send("b" + b, new Ping(round));
                ctx.set(new ProbeDeadline(round), m.probeTimeout);
                ctx.set(new ProbeTick(), m.probeEvery);
            } else if (timer instanceof ProbeDeadline pd && pd.round() == round) {
                for (int b = 0; b < n; b++) {
                    probeEjected[b] = !ponged[b];
                    if (probeEjected[b]) markEjected(b, ctx);
                }
            } else if (timer instanceof OutlierTick) {
                outliers();
                ctx.set(new OutlierTick(), m.outlierEvery);
            }
        }

        private void fail(Deadline d, Context<Msg> ctx) {
            Pending p = pending.get(d.id());
            if (p == null || p.attempt != d.attempt()) return;
            int b = p.backend;
            outstanding[b]--;
            failedAttempts[b]++;
            if (m.passiveAfter > 0 && ++consecutiveFailures[b] >= m.passiveAfter && ejectedCount() < n / 2) {
                ejected[b] = true;                        // passive: stays out; at most half the backends (Envoy's
                markEjected(b, ctx);                      // max_ejection_percent), so ejections cannot cascade to all
            }
            if (p.attempt < m.retries) forward(d.id(), p, ctx);
            else {
                pending.remove(d.id());
                ctx.send("client", new Answer(d.id(), false));
            }
        }

        private void forward(int id, Pending p, Context<Msg> ctx) {
            for (int b = 0; b < n; b++) up[b] = !ejected[b] && !probeEjected[b] && !outlierEjected[b] && !p.tried[b];
            int b = policy.pick(p.key, outstanding, up);
            if (b < 0) {
                pending.remove(id);
                ctx.send("client", new Answer(id, false));                  // no healthy backend left to try
                return;
            }
            p.attempt++;
            p.backend = b;
            p.tried[b] = true;
            p.sentAt = ctx.now();
            outstanding[b]++;
            attempts[b]++;
            ctx.send("b" + b, new Forward(id, p.attempt));
            p.deadline = ctx.set(new Deadline(id, p.attempt), m.timeoutMicros);
        }

        private int ejectedCount() {
            int k = 0;
            for (boolean e : ejected) if (e) k++;
            return k;
        }

        private void markEjected(int b, Context<Msg> ctx) {
            if (ejectedAt[b] < 0) ejectedAt[b] = ctx.now();
        }

        private void outliers() {
            double[] means = new double[n];
            int k = 0;
            for (int b = 0; b < n; b++) {
                if (latencyCount[b] > 0) means[k++] = latencySum[b] / latencyCount[b];
            }
            double[] sorted = Arrays.copyOf(means, k);
            Arrays.sort(sorted);
            double median = k == 0 ? 0 : sorted[k / 2];
            for (int b = 0; b < n; b++) {
                boolean slow = latencyCount[b] > 0 && latencySum[b] / latencyCount[b] > m.outlierFactor * median;
                outlierEjected[b] = slow && !outlierEjected[b];            // out for one interval, then a second chance
                latencySum[b] = 0;
                latencyCount[b] = 0;
            }
        }
    }
}
