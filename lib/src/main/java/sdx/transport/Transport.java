package sdx.transport;

import java.util.List;
import java.util.Locale;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.sim.Delay;
import sdx.sim.SequenceDiagram;
import sdx.sim.Simulation;
import sdx.sim.Time;
import sdx.viz.Picture;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The experiments of notebook 03 (IP, TCP and UDP), one static method per question. Everything on a
 * lossy network runs on the simulator ({@code sdx.sim}); the real sockets are in {@link Loopback} and the
 * real bytes in {@link Packets}.
 */
public final class Transport {
    private Transport() {}

    /** One-way delay between the two handshake endpoints. */
    public static final long HANDSHAKE_DELAY_MICROS = Time.ms(20);
    /** Linux's default for SYN retries ({@code net.ipv4.tcp_syn_retries}). */
    public static final int MAX_RETRIES = 6;

    /** What goes wrong during a handshake demonstration. */
    public enum Fault {
        /** Nothing. */
        NONE,
        /** The client's first SYN is lost. */
        LOST_SYN,
        /** The server's first SYN-ACK is lost (and so is the second). */
        LOST_SYN_ACK,
        /** The client's ACK, the handshake's third segment, is lost. */
        LOST_ACK,
        /** The network delivers the client's SYN twice, the copy 25 ms after the original. */
        DUPLICATE_SYN
    }

    /** A handshake (and teardown) run: the simulation with both ends. */
    public record HandshakeRun(Fault fault, Simulation sim) {
        /** The client's endpoint. */
        public TcpEndpoint client() {
            return sim.node("client", TcpEndpoint.class);
        }

        /** The server's endpoint. */
        public TcpEndpoint server() {
            return sim.node("server", TcpEndpoint.class);
        }

        /**
         * The segments and state changes as a sequence diagram, up to one delay after the last segment
         * (the end of TIME_WAIT is in {@link #states()}).
         */
        public Picture diagram() {
            long last = sim.trace().events().stream().filter(e -> e.kind() == sdx.sim.TraceEvent.Kind.SEND)
                    .mapToLong(sdx.sim.TraceEvent::time).max().orElse(0);
            return SequenceDiagram.of(sim.trace().between(0, last + 2 * HANDSHAKE_DELAY_MICROS)).timers(false).draw();
        }

        /** Every state each end went through, with the (virtual) time. */
        public Table states() {
            Table t = Table.create("TCP states (" + fault + ")");
            t.addColumns(StringColumn.create("end"), DoubleColumn.create("at (ms)"), StringColumn.create("state"));
            for (String end : List.of("client", "server")) {
                for (TcpEndpoint.Change ch : sim.node(end, TcpEndpoint.class).history()) {
                    t.stringColumn(0).append(end);
                    t.doubleColumn(1).append(Time.toMs(ch.atMicros()));
                    t.stringColumn(2).append(ch.state().name());
                }
            }
            return t.sortAscendingOn("at (ms)");
        }
    }

    /**
     * The three-way handshake and teardown between a client and a server 20 ms apart, with one fault
     * made on purpose; the client closes 100 ms after the connection opens (0 for {@code closeAfterMs}
     * keeps it open).
     */
    public static HandshakeRun handshake(Fault fault, double closeAfterMs, long seed) {
        Check.notNull("fault", fault);
        Check.atLeast("closeAfterMs", closeAfterMs, 0.0);
        Simulation sim = handshakeSim(new Rfc9293Handshake(), seed, Time.ms(closeAfterMs));
        sim.network().delay(Delay.constant(HANDSHAKE_DELAY_MICROS));
        switch (fault) {
            case LOST_SYN -> sim.network().link("client", "server").loss(1.0);
            case LOST_SYN_ACK -> sim.network().link("server", "client").loss(1.0);
            case LOST_ACK -> sim.at(Time.ms(30), s -> s.network().link("client", "server").loss(1.0));
            case DUPLICATE_SYN -> {
                long[] draws = {0};  // the second delay drawn is the copy's: 25 ms later than the original
                Delay lateCopy = r -> draws[0]++ == 1 ? HANDSHAKE_DELAY_MICROS + Time.ms(25) : HANDSHAKE_DELAY_MICROS;
                sim.network().link("client", "server").delay(lateCopy).duplicate(1.0);
            }
            default -> { }
        }
        long heal = switch (fault) {
            case LOST_SYN -> Time.ms(10);
            case LOST_SYN_ACK -> Time.ms(1500);
            case LOST_ACK -> Time.ms(60);
            case DUPLICATE_SYN -> Time.ms(10);
            default -> 0;
        };
        if (heal > 0) {
            sim.at(heal, s -> s.network().link("client", "server").loss(0).duplicate(0).network()
                    .link("server", "client").loss(0));
        }
        sim.runFor(Time.s(15));
        return new HandshakeRun(fault, sim);
    }

    /** A client and a server using {@code rule} for the opening, seeded ISNs, nothing else configured. */
    public static Simulation handshakeSim(Handshake rule, long seed, long closeAfterMicros) {
        Check.notNull("rule", rule);
        var rng = Rng.of(seed, 3);
        long clientIss = rng.nextLong(10_000), serverIss = rng.nextLong(10_000);  // small, so diagrams stay readable
        Simulation sim = Simulation.seeded(seed);
        sim.add("client", () -> new TcpEndpoint(true, "server", clientIss, rule, MAX_RETRIES, closeAfterMicros));
        sim.add("server", () -> new TcpEndpoint(false, "client", serverIss, rule, MAX_RETRIES, 0));
        return sim;
    }

    /** The ARQ protocols. */
    public enum Protocol {
        /** One packet at a time. */
        STOP_AND_WAIT,
        /** A window, cumulative ACKs, resend the window on a timeout. */
        GO_BACK_N,
        /** A window, individual ACKs, resend only what was lost. */
        SELECTIVE_REPEAT
    }

    /**
     * Link settings for the ARQ experiments: transmission time per packet (1 ms = a 1,500-byte packet at
     * 12 Mbit/s), window, packets to deliver, and the retransmission timeout as a multiple of the RTT.
     */
    public record Link(double txMs, int window, int packets, double timeoutRtts) {
        public Link {
            Check.positive("txMs", txMs);
            Check.positive("window", window);
            Check.positive("packets", packets);
            Check.atLeast("timeoutRtts", timeoutRtts, 1.0);
        }

        /** 1 ms per packet, window 64, 3,000 packets, timeout 2 RTTs. */
        public static Link typical() {
            return new Link(1, 64, 3_000, 2);
        }

        /** The timeout in µs for a round trip of {@code rttMs} (at least 2 transmission times). */
        public long timeoutMicros(double rttMs) {
            return Math.max(Time.ms(timeoutRtts * rttMs), Time.ms(2 * txMs));
        }
    }

    /** One ARQ run: utilisation (share of the link's capacity carrying new packets) and transmissions. */
    public record ArqRun(Protocol protocol, double loss, double rttMs, double utilisation, int transmissions, int delivered) {}

    /** Runs one ARQ protocol over a link with loss {@code loss} in each direction and round trip {@code rttMs}. */
    public static ArqRun arq(Protocol protocol, Link link, double loss, double rttMs, long seed) {
        Check.notNull("protocol", protocol);
        Check.notNull("link", link);
        Check.inRange("loss", loss, 0.0, 0.5);
        Check.inRange("rttMs", rttMs, 0.0, 10_000.0);
        boolean selective = protocol == Protocol.SELECTIVE_REPEAT;
        int window = protocol == Protocol.STOP_AND_WAIT ? 1 : link.window();
        long tx = Time.ms(link.txMs());
        Simulation sim = Simulation.seeded(seed).tracing(false);
        sim.add("sender", () -> new Arq.Sender("receiver", selective, window, link.packets(), tx, link.timeoutMicros(rttMs)));
        sim.add("receiver", () -> new Arq.Receiver(selective, window));
        sim.network().delay(Delay.constant(Time.ms(rttMs / 2))).loss(loss);
        Arq.Receiver r = sim.node("receiver", Arq.Receiver.class);
        sim.runUntil(s -> r.delivered() >= link.packets(), Time.s(100_000));
        Check.that(r.delivered() >= link.packets(), "loss", loss, "left the transfer unfinished; use a lower loss");
        double u = link.packets() * (double) tx / r.lastDeliveryMicros();
        return new ArqRun(protocol, loss, rttMs, u, sim.node("sender", Arq.Sender.class).transmissions(), r.delivered());
    }

    /** Utilisation of the three protocols against loss or RTT, with their theory. */
    public record ArqCurve(String xAxis, double[] x, double[] stopAndWait, double[] goBackN, double[] selectiveRepeat,
                           double[] stopAndWaitTheory, double[] goBackNTheory, double[] selectiveRepeatTheory, Link link) {
        public ArqCurve {
            x = x.clone();
            stopAndWait = stopAndWait.clone();
            goBackN = goBackN.clone();
            selectiveRepeat = selectiveRepeat.clone();
            stopAndWaitTheory = stopAndWaitTheory.clone();
            goBackNTheory = goBackNTheory.clone();
            selectiveRepeatTheory = selectiveRepeatTheory.clone();
        }

        /** The curves, theory dashed in each protocol's hue. */
        public Plot plot() {
            String w = " (window " + link.window() + ")";
            return Plot.line("Link utilisation vs " + xAxis, xAxis, "utilisation (share of link capacity)")
                    .series("stop-and-wait", x, stopAndWait)
                    .series("Go-Back-N" + w, x, goBackN)
                    .series("selective repeat" + w, x, selectiveRepeat)
                    .theoryOf("stop-and-wait", "stop-and-wait, theory", x, stopAndWaitTheory)
                    .theoryOf("Go-Back-N" + w, "Go-Back-N, theory", x, goBackNTheory)
                    .theoryOf("selective repeat" + w, "selective repeat, theory", x, selectiveRepeatTheory)
                    .yRange(0, 1.05);
        }

        /** The numbers. */
        public Table table() {
            Table t = Table.create("Utilisation, measured and theory");
            t.addColumns(DoubleColumn.create(xAxis, x), DoubleColumn.create("stop-and-wait", stopAndWait),
                    DoubleColumn.create("S&W theory", stopAndWaitTheory), DoubleColumn.create("Go-Back-N", goBackN),
                    DoubleColumn.create("GBN theory", goBackNTheory), DoubleColumn.create("selective repeat", selectiveRepeat),
                    DoubleColumn.create("SR theory", selectiveRepeatTheory));
            return t;
        }

        /** Largest |measured - theory| over every protocol and point. */
        public double maxGap() {
            double m = 0;
            for (int i = 0; i < x.length; i++) {
                m = Math.max(m, Math.abs(stopAndWait[i] - stopAndWaitTheory[i]));
                m = Math.max(m, Math.abs(goBackN[i] - goBackNTheory[i]));
                m = Math.max(m, Math.abs(selectiveRepeat[i] - selectiveRepeatTheory[i]));
            }
            return m;
        }
    }

    /** Utilisation vs loss rate (each direction) at a fixed round trip. */
    public static ArqCurve arqVsLoss(Link link, double[] losses, double rttMs, long seed) {
        Check.notNull("losses", losses);
        Check.that(losses.length > 0, "losses", "[]", "must hold at least one loss rate");
        int n = losses.length;
        double[] sw = new double[n], gbn = new double[n], sr = new double[n], swT = new double[n], gbnT = new double[n], srT = new double[n];
        double tx = Time.ms(link.txMs()), rtt = Time.ms(rttMs), to = link.timeoutMicros(rttMs);
        int k = goBackNRound(link, rttMs);
        for (int i = 0; i < n; i++) {
            sw[i] = arq(Protocol.STOP_AND_WAIT, link, losses[i], rttMs, seed).utilisation();
            gbn[i] = arq(Protocol.GO_BACK_N, link, losses[i], rttMs, seed).utilisation();
            sr[i] = arq(Protocol.SELECTIVE_REPEAT, link, losses[i], rttMs, seed).utilisation();
            swT[i] = Theory.stopAndWait(losses[i], tx, rtt, to);
            gbnT[i] = Math.min(Theory.window(link.window(), tx, rtt), Theory.goBackN(losses[i], k));
            srT[i] = Math.min(Theory.window(link.window(), tx, rtt), Theory.selectiveRepeat(losses[i]));
        }
        return new ArqCurve("loss rate (each direction)", losses, sw, gbn, sr, swT, gbnT, srT, link);
    }

    /** Utilisation vs round-trip time with no loss. */
    public static ArqCurve arqVsRtt(Link link, double[] rttsMs, long seed) {
        Check.notNull("rttsMs", rttsMs);
        Check.that(rttsMs.length > 0, "rttsMs", "[]", "must hold at least one round-trip time");
        int n = rttsMs.length;
        double[] sw = new double[n], gbn = new double[n], sr = new double[n], swT = new double[n], wT = new double[n];
        double tx = Time.ms(link.txMs());
        for (int i = 0; i < n; i++) {
            sw[i] = arq(Protocol.STOP_AND_WAIT, link, 0, rttsMs[i], seed).utilisation();
            gbn[i] = arq(Protocol.GO_BACK_N, link, 0, rttsMs[i], seed).utilisation();
            sr[i] = arq(Protocol.SELECTIVE_REPEAT, link, 0, rttsMs[i], seed).utilisation();
            swT[i] = Theory.window(1, tx, Time.ms(rttsMs[i]));
            wT[i] = Theory.window(link.window(), tx, Time.ms(rttsMs[i]));
        }
        return new ArqCurve("round-trip time (ms)", rttsMs, sw, gbn, sr, swT, wT, wT, link);
    }

    /**
     * Packets Go-Back-N sends per lost packet: the lost one and everything sent behind it before its timer
     * fires. The timer restarts when the ACK of the packet before it arrives, about one RTT after the lost
     * packet left, and fires a timeout later: {@code 1 + (RTT + timeout) / T} packets, capped by the window.
     */
    static int goBackNRound(Link link, double rttMs) {
        double perLoss = 1 + (Time.ms(rttMs) + link.timeoutMicros(rttMs)) / (double) Time.ms(link.txMs());
        return (int) Math.min(link.window(), Math.ceil(perLoss));
    }

    /** An AIMD run: the window over time and the throughput. */
    public record AimdRun(double loss, double rttMs, double seconds, List<Aimd.Sample> samples, long delivered,
                          int halvings, int timeouts) {
        public AimdRun {
            samples = List.copyOf(samples);
        }

        /** Delivered packets per second. */
        public double packetsPerSecond() {
            return delivered / seconds;
        }

        /** The congestion window over time (slow start, then the AIMD sawtooth). */
        public Plot plot() {
            double[] t = samples.stream().mapToDouble(s -> s.atMicros() / 1e6).toArray();
            double[] w = samples.stream().mapToDouble(Aimd.Sample::cwnd).toArray();
            return Plot.line(String.format(Locale.ROOT, "Congestion window, loss %.3g, RTT %.0f ms", loss, rttMs),
                    "time (s)", "congestion window (packets)").series("cwnd", t, w);
        }
    }

    /** An AIMD sender over a link that loses {@code loss} of data packets, for {@code seconds} of virtual time. */
    public static AimdRun aimd(double loss, double rttMs, double seconds, long seed) {
        Check.inRange("loss", loss, 0.0, 0.2);
        Check.inRange("rttMs", rttMs, 1.0, 1_000.0);
        Check.inRange("seconds", seconds, 0.1, 10_000.0);
        Simulation sim = Simulation.seeded(seed).tracing(false);
        sim.add("sender", () -> new Aimd.Sender("receiver", 64, Time.ms(4 * rttMs)));
        sim.add("receiver", Aimd.Receiver::new);
        sim.network().delay(Delay.constant(Time.ms(rttMs / 2))).link("sender", "receiver").loss(loss);
        sim.runFor(Time.s(seconds));
        Aimd.Sender s = sim.node("sender", Aimd.Sender.class);
        return new AimdRun(loss, rttMs, seconds, s.samples(), s.delivered(), s.halvings(), s.timeouts());
    }

    /** Throughput vs loss rate for an AIMD sender, beside Mathis et al.'s formula. */
    public record MathisCurve(double rttMs, double[] loss, double[] measured, double[] mathis) {
        public MathisCurve {
            loss = loss.clone();
            measured = measured.clone();
            mathis = mathis.clone();
        }

        /** Log-log: throughput falls as one over the square root of the loss rate. */
        public Plot plot() {
            return Plot.line(String.format(Locale.ROOT, "AIMD throughput vs loss (RTT %.0f ms)", rttMs), "loss rate",
                            "packets per second")
                    .series("AIMD sender (simulated)", loss, measured)
                    .theoryOf("AIMD sender (simulated)", "Mathis et al. 1997: C / (RTT sqrt(p))", loss, mathis)
                    .logX().logY();
        }

        /** measured / theory at each loss rate. */
        public double[] ratio() {
            double[] r = new double[loss.length];
            for (int i = 0; i < r.length; i++) r[i] = measured[i] / mathis[i];
            return r;
        }

        /** The numbers. */
        public Table table() {
            return Table.create("AIMD throughput vs Mathis et al.").addColumns(DoubleColumn.create("loss rate", loss),
                    DoubleColumn.create("measured (packets/s)", measured), DoubleColumn.create("Mathis (packets/s)", mathis),
                    DoubleColumn.create("measured / Mathis", ratio()));
        }
    }

    /** Throughput of the AIMD sender at each loss rate (each run {@code seconds} long) beside Mathis et al. */
    public static MathisCurve mathis(double[] losses, double rttMs, double seconds, long seed) {
        Check.notNull("losses", losses);
        Check.that(losses.length > 0, "losses", "[]", "must hold at least one loss rate");
        double[] m = new double[losses.length], t = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            Check.that(losses[i] > 0 && losses[i] <= 0.2, "losses[" + i + "]", losses[i], "must be in (0, 0.2]");
            m[i] = aimd(losses[i], rttMs, seconds, seed).packetsPerSecond();
            t[i] = Theory.mathisPacketsPerSecond(losses[i], rttMs / 1000);
        }
        return new MathisCurve(rttMs, losses, m, t);
    }
}
