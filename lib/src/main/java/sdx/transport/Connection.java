package sdx.transport;

import sdx.core.Check;

/**
 * One end of a TCP connection as the handshake rule sees it: its state, its own initial sequence number
 * ({@code iss}, chosen by the endpoint) and the peer's ({@code irs}, learned from the peer's SYN; -1
 * until then). Names as in RFC 9293.
 */
public final class Connection {
    private TcpState state;
    private final long iss;
    private long irs = -1;

    /** A connection in {@code state} whose own initial sequence number is {@code iss}. */
    public Connection(TcpState state, long iss) {
        this.state = Check.notNull("state", state);
        Check.that(iss >= 0 && iss <= 0xFFFF_FFFFL, "iss", iss, "must be a 32-bit unsigned number");
        this.iss = iss;
    }

    /** The current state. */
    public TcpState state() {
        return state;
    }

    /** Moves to {@code next}. */
    public void state(TcpState next) {
        state = Check.notNull("state", next);
    }

    /** This end's initial sequence number. */
    public long iss() {
        return iss;
    }

    /** The peer's initial sequence number, or -1 before its SYN arrived. */
    public long irs() {
        return irs;
    }

    /** Records the peer's initial sequence number (from its SYN). */
    public void irs(long peerIss) {
        irs = peerIss;
    }

    @Override
    public String toString() {
        return state + " (iss=" + iss + ", irs=" + irs + ")";
    }
}
