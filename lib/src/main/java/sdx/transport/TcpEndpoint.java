package sdx.transport;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import sdx.core.Check;
import sdx.sim.Context;
import sdx.sim.Node;
import sdx.sim.TimerId;
import sdx.sim.Time;

/**
 * One end of a TCP connection on the simulator. The opening handshake is delegated to a {@link Handshake}
 * rule (the reference or a learner's); this class adds what RFC 9293 and RFC 6298 (2011) put around it:
 * retransmission of an unanswered SYN, SYN-ACK or FIN after a timeout that doubles each time
 * (exponential back-off, starting at 1 s, giving up after {@code maxRetries}), and the teardown
 * (FIN, ACK, FIN, ACK, then TIME_WAIT for 2 MSL, shortened here to {@link #TIME_WAIT_MICROS}).
 */
public final class TcpEndpoint implements Node<TcpMessage> {
    /** Retransmission timer: attempt number of the segment being waited on. */
    public record Retransmit(int attempt) implements TcpMessage {}

    /** The application closes its end. */
    public record AppClose() implements TcpMessage {}

    /** TIME_WAIT is over. */
    public record TimeWaitOver() implements TcpMessage {}

    /** RFC 6298's initial retransmission timeout: 1 s. */
    public static final long INITIAL_RTO_MICROS = Time.s(1);
    /** 2 MSL: four minutes on a real stack (MSL = 2 min), 4 s here so a run stays short. */
    public static final long TIME_WAIT_MICROS = Time.s(4);

    /** A state and when it was entered (virtual µs). */
    public record Change(long atMicros, TcpState state) {}

    private static final EnumSet<TcpState> WAITING =
            EnumSet.of(TcpState.SYN_SENT, TcpState.SYN_RECEIVED, TcpState.FIN_WAIT_1, TcpState.LAST_ACK);

    private final boolean client;
    private final String peer;
    private final Handshake rule;
    private final int maxRetries;
    private final long closeAfterMicros;
    private final Connection c;
    private final List<Change> history = new ArrayList<>();
    private final List<Segment> sent = new ArrayList<>();
    private Segment waitingOn;
    private TimerId rtxTimer;
    private long rto = INITIAL_RTO_MICROS;
    private int retransmissions;

    /**
     * An endpoint: the client opens the connection to {@code peer} at start; the server listens.
     * {@code closeAfterMicros} after it is established the client closes (0: never).
     */
    public TcpEndpoint(boolean client, String peer, long iss, Handshake rule, int maxRetries, long closeAfterMicros) {
        this.client = client;
        this.peer = Check.notNull("peer", peer);
        this.rule = Check.notNull("rule", rule);
        this.maxRetries = Check.inRange("maxRetries", maxRetries, 0, 15);
        Check.that(closeAfterMicros >= 0, "closeAfterMicros", closeAfterMicros, "must be >= 0 (0 = never close)");
        this.closeAfterMicros = closeAfterMicros;
        this.c = new Connection(client ? TcpState.CLOSED : TcpState.LISTEN, iss);
    }

    @Override
    public void onStart(Context<TcpMessage> ctx) {
        record(ctx);
        if (client) {
            c.state(TcpState.SYN_SENT);
            record(ctx);
            transmit(Segment.syn(c.iss()), ctx);
        }
    }

    @Override
    public void onMessage(String from, TcpMessage message, Context<TcpMessage> ctx) {
        if (!(message instanceof Segment s)) return;
        TcpState before = c.state();
        boolean opening = before == TcpState.LISTEN || before == TcpState.SYN_SENT || before == TcpState.SYN_RECEIVED
                || (before == TcpState.ESTABLISHED && s.isSyn());
        if (opening) {
            Segment reply = rule.onSegment(c, s);
            record(ctx);
            if (c.state() == TcpState.SYN_RECEIVED && before != TcpState.SYN_RECEIVED && reply != null) {
                transmit(reply, ctx);
            } else if (reply != null) {
                send(reply, ctx);
            }
            if (c.state() != before && !WAITING.contains(c.state())) stopTimer(ctx);
            if (client && before != TcpState.ESTABLISHED && c.state() == TcpState.ESTABLISHED && closeAfterMicros > 0) {
                ctx.set(new AppClose(), closeAfterMicros);
            }
            if (before == TcpState.SYN_RECEIVED && c.state() == TcpState.ESTABLISHED && s.isFin()) teardown(s, ctx);
            return;
        }
        teardown(s, ctx);
    }

    private void teardown(Segment s, Context<TcpMessage> ctx) {
        long seq = c.iss() + 1, ack = c.irs() + 1;
        switch (c.state()) {
            case ESTABLISHED -> {
                if (s.isFin()) {
                    send(Segment.ack(seq, s.seq() + 1), ctx);
                    move(TcpState.CLOSE_WAIT, ctx);
                    ctx.set(new AppClose(), Time.ms(10));  // the server application closes its end soon after
                }
            }
            case FIN_WAIT_1 -> {
                if (s.isAck() && s.ack() == seq + 1) {
                    stopTimer(ctx);
                    move(TcpState.FIN_WAIT_2, ctx);
                }
                if (s.isFin()) finReceived(s, ctx);
            }
            case FIN_WAIT_2, TIME_WAIT -> {
                if (s.isFin()) finReceived(s, ctx);
            }
            case CLOSE_WAIT -> {
                if (s.isFin()) send(Segment.ack(seq, s.seq() + 1), ctx);
            }
            case LAST_ACK -> {
                if (s.isFin()) send(Segment.ack(seq + 1, s.seq() + 1), ctx);
                else if (s.isAck() && s.ack() == seq + 1) {
                    stopTimer(ctx);
                    move(TcpState.CLOSED, ctx);
                }
            }
            default -> { }
        }
    }

    private void finReceived(Segment s, Context<TcpMessage> ctx) {
        stopTimer(ctx);
        send(Segment.ack(c.iss() + 2, s.seq() + 1), ctx);
        if (c.state() != TcpState.TIME_WAIT) {
            move(TcpState.TIME_WAIT, ctx);
            ctx.set(new TimeWaitOver(), TIME_WAIT_MICROS);
        }
    }

    @Override
    public void onTimer(TcpMessage timer, Context<TcpMessage> ctx) {
        if (timer instanceof AppClose) {
            if (c.state() == TcpState.ESTABLISHED) {
                move(TcpState.FIN_WAIT_1, ctx);
                transmit(Segment.fin(c.iss() + 1, c.irs() + 1), ctx);
            } else if (c.state() == TcpState.CLOSE_WAIT) {
                move(TcpState.LAST_ACK, ctx);
                transmit(Segment.fin(c.iss() + 1, c.irs() + 2), ctx);
            }
        } else if (timer instanceof TimeWaitOver && c.state() == TcpState.TIME_WAIT) {
            move(TcpState.CLOSED, ctx);
        } else if (timer instanceof Retransmit r && WAITING.contains(c.state()) && waitingOn != null) {
            if (r.attempt() >= maxRetries) {
                ctx.note("gave up after " + maxRetries + " retransmissions");
                move(TcpState.CLOSED, ctx);
                waitingOn = null;
                return;
            }
            rto *= 2;
            retransmissions++;
            ctx.note(String.format(Locale.ROOT, "timeout: resend %s, next timeout %.0f ms", flagsOf(waitingOn), Time.toMs(rto)));
            send(waitingOn, ctx);
            rtxTimer = ctx.set(new Retransmit(r.attempt() + 1), rto);
        }
    }

    private static String flagsOf(Segment s) {
        return s.flags().name();
    }

    /** Sends a segment that needs an answer, arming the retransmission timer. */
    private void transmit(Segment s, Context<TcpMessage> ctx) {
        stopTimer(ctx);
        waitingOn = s;
        rto = INITIAL_RTO_MICROS;
        send(s, ctx);
        rtxTimer = ctx.set(new Retransmit(0), rto);
    }

    private void stopTimer(Context<TcpMessage> ctx) {
        if (rtxTimer != null) ctx.cancel(rtxTimer);
        rtxTimer = null;
        waitingOn = null;
    }

    private void send(Segment s, Context<TcpMessage> ctx) {
        sent.add(s);
        ctx.send(peer, s);
    }

    private void move(TcpState next, Context<TcpMessage> ctx) {
        c.state(next);
        record(ctx);
    }

    private void record(Context<TcpMessage> ctx) {
        if (history.isEmpty() || history.get(history.size() - 1).state() != c.state()) {
            history.add(new Change(ctx.now(), c.state()));
            if (history.size() > 1) ctx.note(c.state().name());
        }
    }

    /** The current state. */
    public TcpState state() {
        return c.state();
    }

    /** This end's initial sequence number. */
    public long iss() {
        return c.iss();
    }

    /** The peer's initial sequence number as learned (-1 if never). */
    public long irs() {
        return c.irs();
    }

    /** Every state entered, with the virtual time. */
    public List<Change> history() {
        return List.copyOf(history);
    }

    /** Every segment this end sent, in order (retransmissions included). */
    public List<Segment> sent() {
        return List.copyOf(sent);
    }

    /** How many times a timeout resent a segment. */
    public int retransmissions() {
        return retransmissions;
    }

    /** When the connection was first ESTABLISHED here (virtual µs), or -1. */
    public long establishedAt() {
        return history.stream().filter(h -> h.state() == TcpState.ESTABLISHED).mapToLong(Change::atMicros).findFirst().orElse(-1);
    }
}
