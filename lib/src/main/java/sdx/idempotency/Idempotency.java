package sdx.idempotency;

import static sdx.sim.Time.ms;

import java.util.Map;
import sdx.core.Check;
import sdx.net.LoopbackClient;
import sdx.sim.Delay;
import sdx.sim.Simulation;
import sdx.viz.Picture;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 21's experiments: retries that double-charge over a lossy network (simulated, then on a real HTTP
 * endpoint retried by Resilience4j), idempotency keys that make them harmless, and retry storms against a
 * recovering server.
 */
public final class Idempotency {
    private Idempotency() {}

    /** One-way network delay in the payment simulations. */
    public static final long DELAY_MICROS = ms(1);
    /** The client's timeout per attempt: five round trips. */
    public static final long TIMEOUT_MICROS = ms(10);

    /**
     * Runs {@code payments} payments at each loss probability, {@code attempts} attempts each, with and
     * without idempotency keys (same seed for both).
     */
    public static LossRun retriesUnderLoss(double[] loss, int attempts, int payments, long seed) {
        Check.notNull("loss", loss);
        Check.that(loss.length > 0, "loss", "[]", "at least one probability");
        for (int i = 0; i < loss.length; i++) Check.inRange("loss[" + i + "]", loss[i], 0, 0.9);
        Check.inRange("attempts", attempts, 1, 20);
        Check.inRange("payments", payments, 1, 1_000_000);
        double[] without = new double[loss.length], with = new double[loss.length];
        double[] givenUp = new double[loss.length], messages = new double[loss.length];
        for (int i = 0; i < loss.length; i++) {
            Simulation a = payments(loss[i], attempts, payments, false, seed);
            Payments.Server s = a.node("server", Payments.Server.class);
            without[i] = (double) s.duplicates() / payments;
            givenUp[i] = (double) a.node("client", Payments.Client.class).givenUp() / payments;
            messages[i] = (double) (a.sent("client") + a.sent("server")) / payments;
            with[i] = (double) payments(loss[i], attempts, payments, true, seed).node("server", Payments.Server.class).duplicates() / payments;
        }
        return new LossRun(loss, attempts, payments, without, with, givenUp, messages);
    }

    /** A simulation of {@code payments} payments, run to the end. */
    public static Simulation payments(double loss, int attempts, int payments, boolean keys, long seed) {
        Simulation sim = Simulation.seeded(seed).tracing(payments <= 50);
        sim.add("client", () -> new Payments.Client("server", payments, attempts, TIMEOUT_MICROS, keys));
        sim.add("server", Payments.Server::new);
        sim.network().delay(Delay.constant(DELAY_MICROS)).loss(loss);
        sim.runUntil(s -> s.node("client", Payments.Client.class).done(), (long) payments * attempts * TIMEOUT_MICROS + ms(100));
        return sim;
    }

    /** A sequence diagram of a few payments at a high loss rate, keys on or off. */
    public static Picture diagram(boolean keys, long seed) {
        return payments(0.3, 3, 4, keys, seed).trace().diagram();
    }

    /** A retry budget: each success earns {@code ratio} retry tokens (at most {@code cap}); each retry spends one. */
    public record RetryBudget(double ratio, double cap) {
        public RetryBudget {
            Check.inRange("ratio", ratio, 0, 10);
            Check.inRange("cap", cap, 0, 1_000_000);
        }
    }

    /**
     * A retry storm: {@code clients} clients send at time 0 to a server that serves up to {@code capacity}
     * requests per ms, less what rejecting the excess costs ({@link #REJECT_COST}); rejected requests retry after
     * {@code backoff}; the run lasts {@code horizonMillis}.
     * The budget, if not null, limits retries across all clients (a client out of tokens gives up).
     */
    public static StormRun.Result storm(int clients, int capacity, int horizonMillis, Backoff backoff, RetryBudget budget, long seed) {
        return storm(clients, capacity, REJECT_COST, horizonMillis, backoff, budget, seed);
    }

    /** What rejecting a request costs the server, as a fraction of serving one (reading, parsing, answering 503). */
    public static final double REJECT_COST = 0.1;

    /**
     * The storm with an explicit rejection cost: each millisecond the server has {@code capacity} units of work;
     * every arriving request costs {@code rejectCost} to look at and a served one 1 in all, so with A arrivals
     * it serves min(A, (capacity − A·rejectCost) / (1 − rejectCost)) and rejects the rest. When A·rejectCost
     * reaches the capacity it serves nobody: overload that sustains itself (a metastable failure).
     */
    public static StormRun.Result storm(int clients, int capacity, double rejectCost, int horizonMillis, Backoff backoff,
                                        RetryBudget budget, long seed) {
        Check.inRange("rejectCost", rejectCost, 0, 0.99);
        Check.inRange("clients", clients, 1, 1_000_000);
        Check.inRange("capacity", capacity, 1, 1_000_000);
        Check.inRange("horizonMillis", horizonMillis, 10, 600_000);
        Check.notNull("backoff", backoff);
        java.util.random.RandomGenerator rng = new java.util.SplittableRandom(seed);
        int[] attempt = new int[clients];
        java.util.List<java.util.List<Integer>> due = new java.util.ArrayList<>();
        for (int t = 0; t <= horizonMillis; t++) due.add(new java.util.ArrayList<>());
        for (int c = 0; c < clients; c++) due.get(0).add(c);
        long[] offered = new long[(horizonMillis + 9) / 10 + 1], served = new long[horizonMillis + 1];
        long requests = 0, last = -1;
        int succeeded = 0;
        double tokens = budget == null ? 0 : budget.cap();
        for (int t = 0; t <= horizonMillis; t++) {
            java.util.List<Integer> now = due.get(t);
            offered[t / 10] += now.size();
            requests += now.size();
            java.util.Collections.shuffle(now, new java.util.Random(rng.nextLong()));  // the server serves a random subset
            int servable = (int) Math.max(0, Math.min(now.size(), Math.floor((capacity - now.size() * rejectCost) / (1 - rejectCost))));
            for (int i = 0; i < now.size(); i++) {
                int c = now.get(i);
                if (i < servable) {
                    succeeded++;
                    last = t;
                    if (budget != null) tokens = Math.min(budget.cap(), tokens + budget.ratio());
                    continue;
                }
                if (budget != null) {
                    if (tokens < 1) continue;  // no retry token left: this client gives up
                    tokens -= 1;
                }
                attempt[c]++;
                long at = t + Math.max(1, backoff.delayMillis(attempt[c], rng));
                if (at <= horizonMillis) due.get((int) at).add(c);
            }
            served[t] = succeeded;
        }
        return new StormRun.Result(offered, served, last, requests, clients - succeeded);
    }

    /** The notebook's four strategies on the same storm. */
    public static StormRun retryStorm(int clients, int capacity, int horizonMillis, long seed) {
        java.util.Map<String, StormRun.Result> r = new java.util.LinkedHashMap<>();
        r.put("immediate retries", storm(clients, capacity, horizonMillis, Backoff.immediate(), null, seed));
        r.put("exponential back-off", storm(clients, capacity, horizonMillis, Backoff.exponential(10, 2_000), null, seed));
        r.put("exponential back-off, full jitter", storm(clients, capacity, horizonMillis, Backoff.fullJitter(10, 2_000), null, seed));
        r.put("full jitter + retry budget (10%)", storm(clients, capacity, horizonMillis, Backoff.fullJitter(10, 2_000),
                new RetryBudget(0.1, 100), seed));
        return new StormRun(clients, capacity, horizonMillis, r);
    }

    /**
     * The same payments over a real HTTP endpoint on 127.0.0.1, retried by Resilience4j, without and with an
     * {@code Idempotency-Key}: requests and answers are lost with probability {@code loss} each (injected at
     * the client, seeded), and the server's charges are counted.
     *
     * @param loss     0 to 0.9
     * @param attempts 1 to 10
     * @param payments 1 to 5,000
     */
    public static Table overHttp(double loss, int attempts, int payments, long seed) {
        return HttpRetries.table(HttpRetries.run(loss, attempts, payments, false, seed),
                HttpRetries.run(loss, attempts, payments, true, seed));
    }

    /**
     * Four requests to a real payments endpoint that honours idempotency keys, as a client would send them: a
     * payment, the same request again (a retry), the same key with another amount, and a payment without a key.
     * Each row shows the request's key and body and the server's status, replay header and answer.
     */
    public static Table keyedExchanges() {
        Table t = Table.create("POST /payments on a real loopback server");
        StringColumn key = StringColumn.create("Idempotency-Key"), body = StringColumn.create("body"),
                replayed = StringColumn.create("Idempotent-Replayed"), answer = StringColumn.create("answer");
        IntColumn status = IntColumn.create("status");
        String[][] requests = {{"k-7f3a", "account=alice&cents=500"}, {"k-7f3a", "account=alice&cents=500"},
            {"k-7f3a", "account=alice&cents=900"}, {"", "account=alice&cents=500"}};
        try (PaymentApi api = PaymentApi.start(true); LoopbackClient client = LoopbackClient.to(api.uri())) {
            for (String[] r : requests) {
                Map<String, String> headers = r[0].isEmpty() ? Map.of() : Map.of("Idempotency-Key", r[0]);
                LoopbackClient.Response resp = client.send("POST", "/payments", headers, r[1]);
                key.append(r[0].isEmpty() ? "(none)" : r[0]);
                body.append(r[1]);
                status.append(resp.status());
                replayed.append(resp.headers().getOrDefault("idempotent-replayed", "")); // names come lower-cased
                answer.append(resp.body());
            }
        }
        return t.addColumns(key, body, status, replayed, answer);
    }
}
