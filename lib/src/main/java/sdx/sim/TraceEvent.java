package sdx.sim;

/**
 * One thing that happened in a simulation run.
 *
 * @param index   position in the trace (0, 1, 2, ...)
 * @param time    virtual time in microseconds
 * @param kind    what happened
 * @param node    the node it happened at (the sender for SEND and DROP, the receiver for DELIVER)
 * @param peer    the other end of a message (receiver for SEND/DROP/DUPLICATE, sender for DELIVER), else ""
 * @param message the message or timer record, or null
 * @param id      the message id (shared by its SEND, DELIVER, DROP and DUPLICATE events), the timer id, or
 *                the client operation id; -1 when none
 * @param detail  a drop's reason ("loss", "partition", "crashed"), a note's text, a partition's groups, ...
 */
public record TraceEvent(long index, long time, Kind kind, String node, String peer, Object message, long id,
        String detail) {

    /** What a trace event records. */
    public enum Kind {
        /** A node sent a message. */
        SEND,
        /** A message arrived at a live node. */
        DELIVER,
        /** A message was lost: {@code detail} says why (loss, partition, crashed). */
        DROP,
        /** The network made a second copy of a message. */
        DUPLICATE,
        /** A timer was set. */
        TIMER_SET,
        /** A timer fired. */
        TIMER_FIRE,
        /** A timer was cancelled. */
        TIMER_CANCEL,
        /** A node started (first start). */
        START,
        /** A node crashed: its memory and timers are gone, its disk stays. */
        CRASH,
        /** A crashed node started again from its disk. */
        RESTART,
        /** The network was split into groups ({@code detail}). */
        PARTITION,
        /** The partition ended. */
        HEAL,
        /** A node's (or the experimenter's) note. */
        NOTE,
        /** A client sent an operation. */
        CLIENT_CALL,
        /** A client received the answer to an operation ({@code detail}: ok or fail). */
        CLIENT_REPLY,
        /** A client gave up waiting: the outcome is unknown. */
        CLIENT_TIMEOUT
    }

    /** The message's (or timer's) record name, e.g. "RequestVote"; "" when there is none. */
    public String type() {
        return message == null ? "" : message.getClass().getSimpleName();
    }

    /** Time in milliseconds. */
    public double ms() {
        return Time.toMs(time);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(java.util.Locale.ROOT, "%10.3f ms  %-14s %s", ms(), kind, node));
        if (!peer.isEmpty()) b.append(kind == Kind.DELIVER ? " <- " : " -> ").append(peer);
        if (message != null) b.append("  ").append(message);
        if (!detail.isEmpty()) b.append("  (").append(detail).append(')');
        return b.toString();
    }
}
