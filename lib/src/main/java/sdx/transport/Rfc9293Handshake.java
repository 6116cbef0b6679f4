package sdx.transport;

/**
 * The opening handshake of RFC 9293 (2022, section 3.5, which keeps RFC 793's 1981 design): SYN, SYN-ACK,
 * ACK, each acknowledging the other's initial sequence number plus one (a SYN counts as one byte).
 * Duplicates are answered, never obeyed twice: a repeated SYN gets the same SYN-ACK again, a repeated
 * SYN-ACK gets the ACK again (its first ACK may have been lost). A SYN-ACK acknowledging anything but
 * {@code iss + 1} is ignored (a real stack answers with RST).
 */
public final class Rfc9293Handshake implements Handshake {
    @Override
    public Segment onSegment(Connection c, Segment in) {
        switch (c.state()) {
            case LISTEN:
                if (!in.isSyn() || in.isAck()) return null;
                c.irs(in.seq());
                c.state(TcpState.SYN_RECEIVED);
                return Segment.synAck(c.iss(), in.seq() + 1);
            case SYN_RECEIVED:
                if (in.isSyn() && !in.isAck() && in.seq() == c.irs()) return Segment.synAck(c.iss(), c.irs() + 1);
                if (in.isAck() && !in.isSyn() && in.ack() == c.iss() + 1) c.state(TcpState.ESTABLISHED);
                return null;
            case SYN_SENT:
                if (!in.isSyn() || !in.isAck() || in.ack() != c.iss() + 1) return null;
                c.irs(in.seq());
                c.state(TcpState.ESTABLISHED);
                return Segment.ack(c.iss() + 1, in.seq() + 1);
            case ESTABLISHED:
                if (in.isSyn() && in.isAck() && in.seq() == c.irs()) return Segment.ack(c.iss() + 1, c.irs() + 1);
                return null;
            default:
                return null;
        }
    }
}
