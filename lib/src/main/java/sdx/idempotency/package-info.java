/**
 * Idempotent operations (notebook 21): a payment protocol on the simulator whose client retries on a timeout
 * ({@link sdx.idempotency.Payments}), duplicate charges vs message loss beside the closed form in
 * {@link sdx.idempotency.Theory}, idempotency keys that remove them (also on a real loopback endpoint,
 * {@link sdx.idempotency.PaymentApi}, retried by Resilience4j in {@link sdx.idempotency.HttpRetries}), and retry storms against a recovering
 * server with immediate retries, exponential back-off, full jitter and a retry budget
 * ({@link sdx.idempotency.Backoff}).
 *
 * <p>Entry points: the facade {@link sdx.idempotency.Idempotency} and the exercises in
 * {@link sdx.idempotency.exercises.IdempotencyExercises}.
 */
package sdx.idempotency;
