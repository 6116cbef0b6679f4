package sdx.sim;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What a node can do: send, broadcast, set and cancel timers, answer a client, keep state on its disk,
 * and draw seeded randomness. Times are virtual, in microseconds (see {@link Time}).
 *
 * @param <M> the protocol's message type
 */
public interface Context<M> {
    /** This node's name. */
    String self();

    /** The names of all other nodes, in the order they were added. */
    List<String> peers();

    /** Virtual time now, in microseconds since the start of the run. */
    long now();

    /** Sends {@code message} to node {@code to}, through the network model (it may be delayed, lost or duplicated). */
    void send(String to, M message);

    /** Sends {@code message} to every peer (not to itself). */
    void broadcast(M message);

    /** Delivers {@code timer} back to this node after {@code delayMicros}; returns a handle to cancel it. */
    TimerId set(M timer, long delayMicros);

    /** Cancels a timer; cancelling one that has fired or was cancelled already does nothing. */
    void cancel(TimerId timer);

    /** State that survives a crash. Everything else in the node object is lost. */
    Disk disk();

    /** This node's seeded random numbers (reproducible for a given simulation seed). */
    RandomGenerator random();

    /** A note in the trace (shown in trace queries and sequence diagrams). */
    void note(String text);
}
