package sdx.idempotency;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.net.LoopbackClient;
import sdx.net.LoopbackClient.Response;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Payments over real HTTP on 127.0.0.1, retried by a production library: Resilience4j's {@code Retry} with
 * exponential back-off and jitter. Loopback never loses a packet, so the losses are injected at the client,
 * seeded: a request is lost before it is sent, or the answer to a request the server did process is thrown
 * away (the client sees a timeout either way and cannot tell which). The server's charges are real.
 *
 * @param loss       probability that each request, and each answer, is lost
 * @param attempts   attempts per payment (Resilience4j's {@code maxAttempts})
 * @param payments   payments made, one after another
 * @param keys       whether the client sends an {@code Idempotency-Key} (the same one on every retry)
 * @param sent       requests that reached the server
 * @param charges    charges the server made
 * @param charged    payments charged at least once
 * @param gaveUp     payments the client gave up on (every attempt timed out)
 */
public record HttpRetries(double loss, int attempts, int payments, boolean keys, int sent, int charges, int charged,
        int gaveUp) {

    /** A request or its answer lost on the way: what a client sees as a timeout. */
    static final class Lost extends RuntimeException {
        Lost(String what) {
            super(what, null, false, false);
        }
    }

    /** Charges beyond the first, summed over the payments. */
    public int duplicates() {
        return charges - charged;
    }

    static HttpRetries run(double loss, int attempts, int payments, boolean keys, long seed) {
        Check.inRange("loss", loss, 0, 0.9);
        Check.inRange("attempts", attempts, 1, 10);
        Check.inRange("payments", payments, 1, 5_000);
        UniformRandomProvider rng = Rng.of(seed);
        Retry retry = Retry.of("payments", RetryConfig.custom()
                .maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(1), 2.0, 0.5, Duration.ofMillis(8)))
                .retryExceptions(Lost.class)
                .build());
        int sent = 0, charged = 0, gaveUp = 0;
        try (PaymentApi api = PaymentApi.start(keys); LoopbackClient client = LoopbackClient.to(api.uri())) {
            for (int p = 1; p <= payments; p++) {
                String body = PaymentApi.body("acct" + p % 50, 100 + p);
                Map<String, String> headers = keys ? Map.of("Idempotency-Key", "pay-" + seed + "-" + p) : Map.of();
                int[] arrived = {0};
                Supplier<Response> attempt = () -> {
                    if (rng.nextDouble() < loss) throw new Lost("request lost");
                    Response r = client.send("POST", "/payments", headers, body);
                    arrived[0]++;
                    if (r.status() != 201) throw new IllegalStateException("the server answered " + r.status() + ": " + r.body());
                    if (rng.nextDouble() < loss) throw new Lost("answer lost");
                    return r;
                };
                try {
                    Retry.decorateSupplier(retry, attempt).get();
                } catch (Lost e) {
                    gaveUp++;
                }
                sent += arrived[0];
                if (arrived[0] > 0) charged++;
            }
            return new HttpRetries(loss, attempts, payments, keys, sent, api.charges(), charged, gaveUp);
        }
    }

    /** The two runs side by side, with the closed form's duplicates. */
    static Table table(HttpRetries without, HttpRetries with) {
        Table t = Table.create(String.format(java.util.Locale.ROOT,
                "%d payments over loopback HTTP, %.0f%% of requests and answers lost, up to %d attempts (Resilience4j Retry)",
                without.payments, 100 * without.loss, without.attempts));
        StringColumn client = StringColumn.create("client");
        IntColumn sent = IntColumn.create("requests reaching the server"), charges = IntColumn.create("charges"),
                dup = IntColumn.create("duplicate charges"), gave = IntColumn.create("payments given up");
        DoubleColumn theory = DoubleColumn.create("duplicates, theory");
        for (HttpRetries r : new HttpRetries[] {without, with}) {
            client.append(r.keys ? "Idempotency-Key on every retry" : "no key");
            sent.append(r.sent);
            charges.append(r.charges);
            dup.append(r.duplicates());
            gave.append(r.gaveUp);
            theory.append(r.keys ? 0 : Math.round(r.payments * Theory.duplicatesPerPayment(r.loss, r.attempts) * 10) / 10.0);
        }
        return t.addColumns(client, sent, charges, dup, theory, gave);
    }
}
