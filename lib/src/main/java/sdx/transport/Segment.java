package sdx.transport;

import java.util.Locale;
import sdx.core.Check;

/**
 * A TCP segment as the handshake sees it: which control flags it carries, its sequence number and its
 * acknowledgement number (no data). The flags are named ({@link Flags}) so a sequence diagram reads
 * {@code Segment(SYN_ACK,7043,1001)}.
 */
public record Segment(Flags flags, long seq, long ack) implements TcpMessage {
    /** The flag combinations a handshake and teardown use. */
    public enum Flags {
        /** Opens a connection: carries the sender's initial sequence number. */
        SYN(Packets.SYN),
        /** The server's answer: its own initial sequence number, acknowledging the client's. */
        SYN_ACK(Packets.SYN | Packets.ACK),
        /** A plain acknowledgement. */
        ACK(Packets.ACK),
        /** Closes one direction (with an acknowledgement, as every segment after the first carries). */
        FIN_ACK(Packets.FIN | Packets.ACK);

        private final int bits;

        Flags(int bits) {
            this.bits = bits;
        }

        /** The flag bits as in the TCP header ({@link Packets#SYN}, ...). */
        public int bits() {
            return bits;
        }
    }

    public Segment {
        Check.notNull("flags", flags);
    }

    /** A SYN carrying the sender's initial sequence number. */
    public static Segment syn(long iss) {
        return new Segment(Flags.SYN, iss, 0);
    }

    /** A SYN-ACK: the server's initial sequence number, acknowledging {@code ack}. */
    public static Segment synAck(long iss, long ack) {
        return new Segment(Flags.SYN_ACK, iss, ack);
    }

    /** A plain ACK. */
    public static Segment ack(long seq, long ack) {
        return new Segment(Flags.ACK, seq, ack);
    }

    /** A FIN (with ACK). */
    public static Segment fin(long seq, long ack) {
        return new Segment(Flags.FIN_ACK, seq, ack);
    }

    /** Whether the SYN flag is set. */
    public boolean isSyn() {
        return (flags.bits() & Packets.SYN) != 0;
    }

    /** Whether the ACK flag is set. */
    public boolean isAck() {
        return (flags.bits() & Packets.ACK) != 0;
    }

    /** Whether the FIN flag is set. */
    public boolean isFin() {
        return (flags.bits() & Packets.FIN) != 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s seq=%d%s", flags, seq, isAck() ? " ack=" + ack : "");
    }
}
