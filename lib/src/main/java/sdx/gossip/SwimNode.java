package sdx.gossip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import sdx.sim.Context;

/**
 * SWIM's failure detector (Das, Gupta and Motivala, DSN 2002), without its membership dissemination and
 * suspicion sub-protocol: every protocol period a node pings the next peer of a shuffled round-robin list;
 * if no ack comes within the ping timeout it asks {@code k} other peers to ping the target for it
 * ({@code PingReq}); if no ack, direct or indirect, has come by the end of the period it declares the
 * target failed. Each node sends O(1) messages per period, whatever N is.
 */
public final class SwimNode implements FailureDetector {
    private final long period, pingTimeout;
    private final int k;
    private final Log log = new Log();
    private final List<String> order = new ArrayList<>();
    private int next;
    private long seq;
    private String target;
    private boolean acked;

    /**
     * @param periodMicros      protocol period T
     * @param pingTimeoutMicros how long to wait for a direct ack before asking others (below T)
     * @param k                 peers asked to ping indirectly
     */
    public SwimNode(long periodMicros, long pingTimeoutMicros, int k) {
        this.period = periodMicros;
        this.pingTimeout = pingTimeoutMicros;
        this.k = k;
    }

    @Override
    public void onStart(Context<Msg> ctx) {
        // start at a random phase so that the nodes' periods do not tick together
        ctx.set(new Tick(), ctx.random().nextLong(period));
    }

    @Override
    public void onTimer(Msg timer, Context<Msg> ctx) {
        if (timer instanceof Tick) {
            probe(ctx);
            ctx.set(new Tick(), period);
        } else if (timer instanceof ProbeTimeout t && t.seq() == seq && !acked) {
            if (!t.last()) {
                for (String helper : helpers(ctx)) ctx.send(helper, new PingReq(target, seq));
                ctx.set(new ProbeTimeout(seq, true), period - pingTimeout - 1);
            } else {
                log.add(ctx.now(), target);
                ctx.note("declares " + target + " failed");
            }
        }
    }

    @Override
    public void onMessage(String from, Msg m, Context<Msg> ctx) {
        if (m instanceof Ping p) {
            ctx.send(from, new Ack(p.origin(), p.seq(), ctx.self()));
        } else if (m instanceof PingReq r) {
            ctx.send(r.target(), new Ping(from, r.seq()));
        } else if (m instanceof Ack a) {
            if (a.origin().equals(ctx.self())) {
                if (a.seq() == seq && a.target().equals(target)) acked = true;
            } else {
                ctx.send(a.origin(), a); // relay an indirect ack to the node that asked
            }
        }
    }

    private void probe(Context<Msg> ctx) {
        if (order.isEmpty() || next >= order.size()) {
            order.clear();
            order.addAll(ctx.peers());
            Collections.shuffle(order, new java.util.Random(ctx.random().nextLong()));
            next = 0;
        }
        target = order.get(next++);
        seq++;
        acked = false;
        ctx.send(target, new Ping(ctx.self(), seq));
        ctx.set(new ProbeTimeout(seq, false), pingTimeout);
    }

    private List<String> helpers(Context<Msg> ctx) {
        List<String> others = new ArrayList<>(ctx.peers());
        others.remove(target);
        Collections.shuffle(others, new java.util.Random(ctx.random().nextLong()));
        return others.subList(0, Math.min(k, others.size()));
    }

    @Override
    public List<Declaration> declarations() {
        return log.view();
    }
}
