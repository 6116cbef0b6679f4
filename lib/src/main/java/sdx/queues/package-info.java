/**
 * Notebook 19, publish/subscribe and message queues.
 *
 * <p><b>Simulated</b> (seeded, virtual time): {@link sdx.queues.PubSub}, a small log-based broker on
 * {@code sdx.sim} (partitions, consumer groups, pull-based consumers; order per partition, not global);
 * {@link sdx.queues.Backlog}, one queue in front of one consumer (M/M/1, M/M/1/K when bounded; overload and
 * bursts); {@link sdx.queues.Alerting}, lag thresholds under bursts and a real overload;
 * {@link sdx.queues.ModelQueue}, a work queue with acknowledgements, redelivery and a dead-letter queue, and a
 * consumer process that crashes. {@link sdx.queues.Theory} holds the formulas drawn beside them.
 *
 * <p><b>Real:</b> {@link sdx.queues.KafkaRun}, one Apache Kafka 4.4 broker in KRaft mode on 127.0.0.1 in a child
 * JVM ({@link sdx.queues.KafkaChild}, jars in {@code lib/target/kafka}), producing and draining a backlog.
 *
 * <p>Exercises: {@link sdx.queues.exercises.QueuesExercises} (a {@link sdx.queues.ReliableConsumer} with acks,
 * retries and a dead-letter queue; the backlog after a burst).
 */
package sdx.queues;
