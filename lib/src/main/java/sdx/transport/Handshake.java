package sdx.transport;

/**
 * The three-way handshake as a state machine: what one end does when a segment arrives while the
 * connection is opening (states {@code LISTEN}, {@code SYN_SENT}, {@code SYN_RECEIVED}, or
 * {@code ESTABLISHED} when a late SYN or SYN-ACK turns up). It updates the connection's state (and
 * {@code irs}) and returns the segment to send back, or {@code null} to send nothing. Timers,
 * retransmission and teardown belong to {@link TcpEndpoint}; {@link Rfc9293Handshake} is the reference.
 */
@FunctionalInterface
public interface Handshake {
    /** Reacts to {@code in} arriving at {@code c}; returns the reply or {@code null}. */
    Segment onSegment(Connection c, Segment in);
}
