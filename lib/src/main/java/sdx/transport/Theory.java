package sdx.transport;

import sdx.core.Check;

/** The closed forms the transport notebook draws beside its simulations. */
public final class Theory {
    private Theory() {}

    /**
     * Stop-and-wait over a link with per-packet loss {@code p} in each direction: a try succeeds when the
     * packet and its ACK both arrive, probability {@code (1-p)^2}; a success costs {@code T + RTT}, a
     * failure {@code T + timeout}. Utilisation = T / expected time per delivered packet. With p = 0 it is
     * the textbook {@code T / (T + RTT)} (Kurose and Ross, section 3.4.2).
     */
    public static double stopAndWait(double p, double txMicros, double rttMicros, double timeoutMicros) {
        Check.inRange("p", p, 0.0, 0.99);
        Check.positive("txMicros", txMicros);
        Check.atLeast("rttMicros", rttMicros, 0.0);
        Check.positive("timeoutMicros", timeoutMicros);
        double ok = (1 - p) * (1 - p);
        double perPacket = txMicros + rttMicros + (1 - ok) / ok * (txMicros + timeoutMicros);
        return txMicros / perPacket;
    }

    /**
     * A sliding window of {@code window} packets with no loss: the sender is busy {@code window * T} out of
     * every {@code T + RTT}, so utilisation is {@code min(1, window * T / (T + RTT))}.
     */
    public static double window(int window, double txMicros, double rttMicros) {
        Check.positive("window", window);
        Check.positive("txMicros", txMicros);
        Check.atLeast("rttMicros", rttMicros, 0.0);
        return Math.min(1, window * txMicros / (txMicros + rttMicros));
    }

    /**
     * Selective repeat with a window large enough never to stall: every packet is sent until it and its
     * ACK get through, so a fraction {@code (1-p)^2} of transmissions deliver something new.
     */
    public static double selectiveRepeat(double p) {
        Check.inRange("p", p, 0.0, 0.99);
        return (1 - p) * (1 - p);
    }

    /**
     * Go-Back-N, the classic approximation (Bertsekas and Gallager, Data Networks, 2nd ed., 1992, section
     * 2.4): each lost data packet costs a whole round of {@code k} transmissions (the lost one and the
     * {@code k - 1} sent behind it before the timeout fires), so utilisation is {@code (1-p) / (1 + (k-1) p)}.
     * Cumulative ACKs make a lost ACK almost free, so only data loss counts.
     */
    public static double goBackN(double p, int k) {
        Check.inRange("p", p, 0.0, 0.99);
        Check.positive("k", k);
        return (1 - p) / (1 + (k - 1) * p);
    }

    /** Mathis et al.'s constant for periodic loss and an ACK per packet: sqrt(3/2). */
    public static final double MATHIS_C = Math.sqrt(1.5);

    /**
     * Mathis, Semke, Mahdavi and Ott, "The macroscopic behavior of the TCP congestion avoidance algorithm",
     * ACM CCR 27(3), 1997: an AIMD sender's throughput is {@code (MSS / RTT) * C / sqrt(p)}. Returned in
     * packets per second for an RTT in seconds.
     */
    public static double mathisPacketsPerSecond(double p, double rttSeconds) {
        Check.that(p > 0 && p < 1, "p", p, "must be a loss rate strictly between 0 and 1");
        Check.positive("rttSeconds", rttSeconds);
        return MATHIS_C / (rttSeconds * Math.sqrt(p));
    }
}
