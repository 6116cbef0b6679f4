package sdx.tls;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BiFunction;
import sdx.core.Check;
import sdx.sim.Context;
import sdx.sim.Delay;
import sdx.sim.Node;
import sdx.sim.Simulation;
import sdx.sim.Time;

/**
 * The message flow of a connection, from the TCP handshake to the first HTTP response, on the course's
 * simulator ({@code sdx.sim}): what a real handshake on loopback cannot show, because loopback has no
 * round-trip time. The messages and their order are those of RFC 8446 (TLS 1.3, section 2, full and
 * PSK-resumed handshakes without 0-RTT, which the JDK does not send) and RFC 5246 (TLS 1.2, section
 * 7.3, ECDHE). The network delay is constant (half the round trip each way) and every node sends the
 * messages of one flight {@link #GAP_MICROS} apart, so arrows do not overlap; computation takes no time.
 *
 * <pre>{@code
 * HandshakeFlow.run(HandshakeFlow.Kind.TLS13, 40).diagram()
 * }</pre>
 */
public final class HandshakeFlow {
    private HandshakeFlow() {}

    /** Spacing between messages of one flight, in virtual µs (drawing only; it adds a few µs per flight). */
    public static final long GAP_MICROS = 300;

    /** What runs over the TCP connection. */
    public enum Kind {
        /** HTTP over plain TCP: no TLS. */
        PLAIN_TCP("plain TCP", 0),
        /** TLS 1.2, full handshake (ECDHE): two round trips. */
        TLS12("TLS 1.2 full", 2),
        /** TLS 1.3, full handshake: one round trip. */
        TLS13("TLS 1.3 full", 1),
        /** TLS 1.3 resuming a session with a pre-shared key (no certificate sent): one round trip. */
        TLS13_RESUMED("TLS 1.3 resumed", 1);

        private final String label;
        private final int roundTrips;

        Kind(String label, int roundTrips) {
            this.label = label;
            this.roundTrips = roundTrips;
        }

        /** A short label. */
        public String label() {
            return label;
        }

        /** Round trips the TLS handshake adds before the client may send its request (RFC 8446, RFC 5246). */
        public int tlsRoundTrips() {
            return roundTrips;
        }
    }

    /** Every message, named as the RFCs name them (the diagram labels arrows with these names). */
    public sealed interface Msg permits Syn, SynAck, Ack, ClientHello, ServerHello, EncryptedExtensions, Certificate,
            CertificateVerify, ServerKeyExchange, ServerHelloDone, ClientKeyExchange, ChangeCipherSpec, Finished,
            NewSessionTicket, HttpRequest, HttpResponse, Send {}

    /** TCP: open. */ public record Syn() implements Msg {}
    /** TCP: open, acknowledged. */ public record SynAck() implements Msg {}
    /** TCP: acknowledged. */ public record Ack() implements Msg {}
    /** Versions, cipher suites, a key share (TLS 1.3), the server name. */ public record ClientHello() implements Msg {}
    /** The server's choices (and its key share, TLS 1.3). */ public record ServerHello() implements Msg {}
    /** TLS 1.3: the rest of the server's parameters, encrypted. */ public record EncryptedExtensions() implements Msg {}
    /** The server's certificate chain. */ public record Certificate() implements Msg {}
    /** TLS 1.3: the server's signature over the handshake so far, proving it holds the key. */ public record CertificateVerify() implements Msg {}
    /** TLS 1.2: the server's ECDHE share, signed. */ public record ServerKeyExchange() implements Msg {}
    /** TLS 1.2: the server's flight is over. */ public record ServerHelloDone() implements Msg {}
    /** TLS 1.2: the client's ECDHE share. */ public record ClientKeyExchange() implements Msg {}
    /** TLS 1.2: encryption starts now. */ public record ChangeCipherSpec() implements Msg {}
    /** A MAC over the whole handshake: both saw the same messages. */ public record Finished() implements Msg {}
    /** TLS 1.3: a ticket for resuming later. */ public record NewSessionTicket() implements Msg {}
    /** The application's request. */ public record HttpRequest() implements Msg {}
    /** The application's response. */ public record HttpResponse() implements Msg {}
    /** A node's own timer: send the next queued message. */ public record Send() implements Msg {}

    /**
     * Runs one connection of {@code kind} over a network with the given round-trip time (1..1000 ms).
     */
    public static FlowRun run(Kind kind, double rttMillis) {
        Check.notNull("kind", kind);
        Check.inRange("rttMillis", rttMillis, 1, 1000);
        Simulation sim = Simulation.seeded(0);
        sim.network().delay(Delay.constant(Time.ms(rttMillis / 2)));
        Peer client = new Peer("server", (from, m) -> clientScript(kind, m), true);
        Peer server = new Peer("client", (from, m) -> serverScript(kind, m), false);
        sim.add("client", () -> client);
        sim.add("server", () -> server);
        sim.runFor(Time.ms(rttMillis * 10));
        Check.that(client.responseAt >= 0, "kind", kind, "did not complete in the simulation (a bug in the flow)");
        return new FlowRun(kind, rttMillis, Time.toMs(client.responseAt), sim.trace());
    }

    /** {@link #run} for every kind at each round-trip time (1..1000 ms, 1..50 of them). */
    public static FlowCurve curve(double... rttMillis) {
        Check.notNull("rttMillis", rttMillis);
        Check.inRange("rttMillis.length", rttMillis.length, 1, 50);
        java.util.Map<Kind, double[]> out = new java.util.EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            double[] v = new double[rttMillis.length];
            for (int i = 0; i < v.length; i++) v[i] = run(k, rttMillis[i]).firstResponseMillis();
            out.put(k, v);
        }
        return new FlowCurve(rttMillis, out);
    }

    private static List<Msg> clientScript(Kind kind, Msg m) {
        if (m instanceof SynAck) {
            return kind == Kind.PLAIN_TCP ? List.of(new Ack(), new HttpRequest()) : List.of(new Ack(), new ClientHello());
        }
        if (kind == Kind.TLS12 && m instanceof ServerHelloDone) {
            return List.of(new ClientKeyExchange(), new ChangeCipherSpec(), new Finished());
        }
        if (m instanceof Finished) {
            return kind == Kind.TLS12 ? List.of(new HttpRequest()) : List.of(new Finished(), new HttpRequest());
        }
        return List.of();
    }

    private static List<Msg> serverScript(Kind kind, Msg m) {
        if (m instanceof Syn) return List.of(new SynAck());
        if (m instanceof HttpRequest) return List.of(new HttpResponse());
        if (m instanceof ClientHello) {
            return switch (kind) {
                case TLS13 -> List.of(new ServerHello(), new EncryptedExtensions(), new Certificate(),
                        new CertificateVerify(), new Finished());
                case TLS13_RESUMED -> List.of(new ServerHello(), new EncryptedExtensions(), new Finished());
                case TLS12 -> List.of(new ServerHello(), new Certificate(), new ServerKeyExchange(), new ServerHelloDone());
                case PLAIN_TCP -> List.of();
            };
        }
        if (m instanceof Finished) {
            return kind == Kind.TLS12 ? List.of(new ChangeCipherSpec(), new Finished()) : List.of(new NewSessionTicket());
        }
        return List.of();
    }

    /** One end: answers each message with the script's flight, sent {@link #GAP_MICROS} apart. */
    private static final class Peer implements Node<Msg> {
        private final String other;
        private final BiFunction<String, Msg, List<Msg>> script;
        private final boolean opens;
        private final ArrayDeque<Msg> queue = new ArrayDeque<>();
        private long responseAt = -1;

        Peer(String other, BiFunction<String, Msg, List<Msg>> script, boolean opens) {
            this.other = other;
            this.script = script;
            this.opens = opens;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            if (opens) ctx.send(other, new Syn());
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (message instanceof HttpResponse && responseAt < 0) {
                responseAt = ctx.now();
                ctx.note("response");
            }
            boolean idle = queue.isEmpty();
            queue.addAll(script.apply(from, message));
            if (idle && !queue.isEmpty()) onTimer(new Send(), ctx);
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            ctx.send(other, queue.poll());
            if (!queue.isEmpty()) ctx.set(new Send(), GAP_MICROS);
        }
    }
}
