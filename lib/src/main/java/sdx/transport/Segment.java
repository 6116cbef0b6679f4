package sdx.transport;

import java.util.Locale;

/**
 * A TCP segment as the handshake sees it: flags ({@link Packets#SYN}, {@link Packets#ACK},
 * {@link Packets#FIN}), sequence number and acknowledgement number (no data).
 */
public record Segment(int flags, long seq, long ack) implements TcpMessage {
    /** A SYN carrying the sender's initial sequence number. */
    public static Segment syn(long iss) {
        return new Segment(Packets.SYN, iss, 0);
    }

    /** A SYN-ACK: the server's initial sequence number, acknowledging {@code ack}. */
    public static Segment synAck(long iss, long ack) {
        return new Segment(Packets.SYN | Packets.ACK, iss, ack);
    }

    /** A plain ACK. */
    public static Segment ack(long seq, long ack) {
        return new Segment(Packets.ACK, seq, ack);
    }

    /** A FIN (with ACK, as every segment after the first carries). */
    public static Segment fin(long seq, long ack) {
        return new Segment(Packets.FIN | Packets.ACK, seq, ack);
    }

    /** Whether the SYN flag is set. */
    public boolean isSyn() {
        return (flags & Packets.SYN) != 0;
    }

    /** Whether the ACK flag is set. */
    public boolean isAck() {
        return (flags & Packets.ACK) != 0;
    }

    /** Whether the FIN flag is set. */
    public boolean isFin() {
        return (flags & Packets.FIN) != 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s seq=%d%s", Packets.flagNames(flags), seq, isAck() ? " ack=" + ack : "");
    }
}
