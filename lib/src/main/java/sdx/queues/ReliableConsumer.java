package sdx.queues;

/**
 * A consumer of the {@link ModelQueue}: it gets one {@link Delivery} at a time, runs the business logic
 * ({@link Handler}) on it and tells the queue the outcome through the {@link Channel}. If the consumer's
 * process crashes (the queue throws {@link ModelQueue.Crash} from inside the handler), the consumer object is
 * thrown away and a fresh one is made from its {@link Factory}; a delivery that was not acknowledged is
 * delivered again.
 */
public interface ReliableConsumer {
    /** Handles one delivery and calls exactly one of ack, retry or deadLetter for it. */
    void onDelivery(Delivery delivery, Channel channel);

    /** The business logic: applies the message's effect, or throws when it cannot (now, or ever). */
    interface Handler {
        void handle(Delivery delivery) throws Exception;
    }

    /** Makes a consumer: {@code MyConsumer::new} for a constructor (Handler, int maxAttempts). */
    interface Factory {
        ReliableConsumer create(Handler handler, int maxAttempts);
    }
}
