package sdx.security;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.PriorityQueue;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;

/**
 * The flood as a seeded queueing model in virtual time: the same server as {@link FloodServer} (c workers, a
 * FIFO queue, one of the four {@link Protection}s), legitimate clients and one attacker sending Poisson
 * streams, exponential service times. Nothing runs in real time; the same seed gives the same numbers.
 *
 * <p>Client i (0 ≤ i &lt; legitClients) is legitimate; the last client is the attacker. Each client has its own
 * token bucket (rate limit) and its own count of requests inside (connection cap: HTTP/1.1 carries one request
 * at a time per connection, so a client with k connections has at most k requests inside). Arrivals stop after
 * {@code seconds}; the requests still inside are then served, so every legitimate request has an outcome.
 */
public final class FloodModel {
    private FloodModel() {}

    private record Job(int client, double arrived) {}

    private record Event(double time, int client, Job departing) {}

    /** Runs the model for {@code seconds} of virtual time with an attacker offering {@code attackRate} requests/s. */
    public static FloodOutcome run(FloodSettings s, Protection p, double attackRate, double seconds, long seed) {
        Check.notNull("settings", s);
        Check.notNull("protection", p);
        Check.inRange("attackRate", attackRate, 0.0, 1e6);
        Check.inRange("seconds", seconds, 0.1, 3_600);
        return new Run(s, p, attackRate, seconds, seed).go();
    }

    private static final class Run {
        final FloodSettings s;
        final Protection p;
        final double seconds, serviceMean, deadline;
        final double[] rates;
        final UniformRandomProvider rng;
        final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> Double.compare(a.time(), b.time()));
        final ArrayDeque<Job> waiting = new ArrayDeque<>();
        final int[] inside;
        final double[] tokens, refilled;
        int busy;
        long legitSent, legitGood, attackServed, rejected;
        double[] latencies = new double[1024];
        int latencyCount;

        Run(FloodSettings s, Protection p, double attackRate, double seconds, long seed) {
            this.s = s;
            this.p = p;
            this.seconds = seconds;
            this.serviceMean = s.serviceMillis() / 1000.0;
            this.deadline = s.deadlineMillis() / 1000.0;
            int clients = s.legitClients() + 1;
            rates = new double[clients];
            Arrays.fill(rates, s.legitRatePerClient());
            rates[clients - 1] = attackRate;
            rng = Rng.of(seed);
            inside = new int[clients];
            tokens = new double[clients];
            Arrays.fill(tokens, s.burst());
            refilled = new double[clients];
        }

        FloodOutcome go() {
            for (int c = 0; c < rates.length; c++) scheduleArrival(c, 0);
            while (!events.isEmpty()) {
                Event e = events.poll();
                if (e.departing() == null) arrive(e.client(), e.time());
                else depart(e.departing(), e.time());
            }
            double[] sorted = Arrays.copyOf(latencies, latencyCount);
            Arrays.sort(sorted);
            double p99 = latencyCount == 0 ? Double.NaN : sorted[(int) Math.ceil(0.99 * latencyCount) - 1] * 1000;
            return new FloodOutcome(p, rates[rates.length - 1], legitSent, legitGood, legitGood / seconds, p99,
                    attackServed, rejected);
        }

        void scheduleArrival(int client, double now) {
            if (rates[client] <= 0) return;
            double next = now + exponential(1 / rates[client]);
            if (next < seconds) events.add(new Event(next, client, null));
        }

        double exponential(double mean) {
            return -Math.log(1 - rng.nextDouble()) * mean;
        }

        boolean attacker(int client) {
            return client == rates.length - 1;
        }

        void arrive(int client, double now) {
            scheduleArrival(client, now);
            if (!attacker(client)) legitSent++;
            if (!admitted(client, now)) {
                rejected++;
                return;
            }
            inside[client]++;
            Job job = new Job(client, now);
            if (busy < s.workers()) start(job, now);
            else waiting.addLast(job);
        }

        boolean admitted(int client, double now) {
            return switch (p) {
                case NONE -> true;
                case RATE_LIMIT -> takeToken(client, now);
                case LOAD_SHEDDING -> busy < s.workers() || waiting.size() < s.queueLimit();
                case CONNECTION_CAP -> inside[client] < s.connectionsPerClient();
            };
        }

        boolean takeToken(int client, double now) {
            tokens[client] = Math.min(s.burst(), tokens[client] + (now - refilled[client]) * s.rateLimit());
            refilled[client] = now;
            if (tokens[client] < 1) return false;
            tokens[client] -= 1;
            return true;
        }

        void start(Job job, double now) {
            busy++;
            events.add(new Event(now + exponential(serviceMean), job.client(), job));
        }

        void depart(Job job, double now) {
            busy--;
            inside[job.client()]--;
            if (attacker(job.client())) {
                attackServed++;
            } else {
                double latency = now - job.arrived();
                if (latency <= deadline) legitGood++;
                if (latencyCount == latencies.length) latencies = Arrays.copyOf(latencies, latencyCount * 2);
                latencies[latencyCount++] = latency;
            }
            Job next = waiting.pollFirst();
            if (next != null) start(next, now);
        }
    }
}
