package sdx.queues;

/**
 * One delivery of a message by the model queue: the message's {@code id}, its {@code body}, and which
 * {@code attempt} this is (1 the first time; the queue counts, so the count survives a consumer's crash).
 */
public record Delivery(long id, String body, int attempt) {}
