package sdx.sim;

/**
 * A simulated machine, written the way DSLabs and Maelstrom nodes are: it reacts to a message or a
 * timer and acts only through its {@link Context}. The simulator is single-threaded, so node code needs
 * no locks. Messages and timers are records of one sealed interface {@code M} per protocol, and a node
 * dispatches on them with {@code instanceof} patterns (the compiler, not reflection, finds the
 * handlers).
 *
 * <p>A crash throws the node object away; a restart builds a fresh one from its factory. Only what the
 * node put on its {@link Context#disk() disk} survives.
 *
 * @param <M> the protocol's message type (messages and timers alike)
 */
public interface Node<M> {
    /** Called once when the node starts, and again after each restart. */
    default void onStart(Context<M> ctx) {}

    /** A message from node (or client) {@code from} has arrived. */
    void onMessage(String from, M message, Context<M> ctx);

    /** A timer set with {@link Context#set} has fired (and was not cancelled). */
    default void onTimer(M timer, Context<M> ctx) {}
}
