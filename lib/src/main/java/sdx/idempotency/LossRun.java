package sdx.idempotency;

import java.util.Arrays;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Duplicate charges per payment vs message loss, measured on the simulator with and without idempotency
 * keys, beside {@link Theory#duplicatesPerPayment}.
 *
 * @param loss         loss probabilities (each message, each direction)
 * @param attempts     attempts per payment
 * @param payments     payments per loss value
 * @param withoutKeys  duplicate charges per payment, server without keys
 * @param withKeys     the same with keys
 * @param givenUp      share of payments the client gave up on (no receipt after the last attempt), without keys
 * @param messages     messages sent per payment, without keys
 */
public record LossRun(double[] loss, int attempts, int payments, double[] withoutKeys, double[] withKeys,
                      double[] givenUp, double[] messages) {
    public LossRun {
        loss = loss.clone();
        withoutKeys = withoutKeys.clone();
        withKeys = withKeys.clone();
        givenUp = givenUp.clone();
        messages = messages.clone();
    }

    @Override public double[] loss() { return loss.clone(); }
    @Override public double[] withoutKeys() { return withoutKeys.clone(); }
    @Override public double[] withKeys() { return withKeys.clone(); }
    @Override public double[] givenUp() { return givenUp.clone(); }
    @Override public double[] messages() { return messages.clone(); }

    /** The formula at each loss value. */
    public double[] theory() {
        return Arrays.stream(loss).map(p -> Theory.duplicatesPerPayment(p, attempts)).toArray();
    }

    /** Duplicates per payment vs loss, theory dashed. */
    public Plot plot() {
        return Plot.line("Duplicate charges when a client retries (" + attempts + " attempts, " + payments + " payments a point)",
                        "probability that a message is lost", "duplicate charges per payment")
                .series("no idempotency key", loss, withoutKeys)
                .theoryOf("no idempotency key", "theory: (1-p)(1-q^k)/(1-q) - (1-p^k)", loss, theory())
                .series("with an idempotency key", loss, withKeys);
    }

    /** One row per loss value. */
    public Table table() {
        return Table.create("Retries over a lossy network").addColumns(
                DoubleColumn.create("loss", loss),
                DoubleColumn.create("duplicates per payment (no key)", round(withoutKeys)),
                DoubleColumn.create("theory", round(theory())),
                DoubleColumn.create("duplicates per payment (key)", round(withKeys)),
                DoubleColumn.create("given up", round(givenUp)),
                DoubleColumn.create("messages per payment", round(messages)));
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 1000) / 1000.0).toArray();
    }
}
