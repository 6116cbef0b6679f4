package sdx.gossip;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import sdx.sim.ClientReply;
import sdx.sim.Context;
import sdx.sim.Node;

/**
 * Maelstrom's broadcast workload (Gossip Glomers, challenge 3): a client gives a node a value; the node
 * answers at once and the value must reach every node, despite loss and partitions. The node a client
 * called is responsible for its value: it tells every peer straight away, and every {@code retry} re-sends
 * to each peer the values that peer has not acknowledged yet, batched in one message; a peer acknowledges
 * what it got. (If that node crashed before every peer acknowledged, some peers would miss the value: a
 * node that also took over forwarding would survive that, at the price of more messages.)
 */
public final class BroadcastNode implements Node<BroadcastNode.Msg> {
    /** The protocol's messages and its timer. */
    public sealed interface Msg permits Broadcast, BroadcastOk, Gossip, GossipAck, Retry {}

    /** Client request: broadcast {@code value}. */
    public record Broadcast(long opId, int value) implements Msg {}

    /** Answer to the client. */
    public record BroadcastOk(long opId) implements Msg, ClientReply {}

    /** Node to node: values the sender knows and the receiver has not acknowledged. */
    public record Gossip(Set<Integer> values) implements Msg {
        /** Copies. */
        public Gossip {
            values = Set.copyOf(values);
        }
    }

    /** Node to node: "I have these". */
    public record GossipAck(Set<Integer> values) implements Msg {
        /** Copies. */
        public GossipAck {
            values = Set.copyOf(values);
        }
    }

    /** Timer: re-send what is unacknowledged. */
    public record Retry() implements Msg {}

    private final long retry;
    private final Set<Integer> known = new LinkedHashSet<>();
    private final Map<Integer, Long> learnedAt = new HashMap<>();
    private final Map<String, Set<Integer>> unacked = new HashMap<>();

    /** A node that re-sends unacknowledged values every {@code retryMicros}. */
    public BroadcastNode(long retryMicros) {
        this.retry = retryMicros;
    }

    @Override
    public void onStart(Context<Msg> ctx) {
        for (String p : ctx.peers()) unacked.put(p, new HashSet<>());
        ctx.set(new Retry(), retry);
    }

    @Override
    public void onMessage(String from, Msg m, Context<Msg> ctx) {
        if (m instanceof Broadcast b) {
            ctx.send(from, new BroadcastOk(b.opId()));
            if (learn(b.value(), ctx)) {
                for (String p : ctx.peers()) {
                    unacked.get(p).add(b.value()); // this node is responsible until every peer acknowledges
                    ctx.send(p, new Gossip(Set.of(b.value())));
                }
            }
        } else if (m instanceof Gossip g) {
            for (int v : g.values()) learn(v, ctx);
            ctx.send(from, new GossipAck(g.values()));
        } else if (m instanceof GossipAck a) {
            unacked.get(from).removeAll(a.values());
        }
    }

    @Override
    public void onTimer(Msg timer, Context<Msg> ctx) {
        for (Map.Entry<String, Set<Integer>> e : unacked.entrySet()) {
            if (!e.getValue().isEmpty()) ctx.send(e.getKey(), new Gossip(e.getValue()));
        }
        ctx.set(new Retry(), retry);
    }

    private boolean learn(int value, Context<Msg> ctx) {
        if (!known.add(value)) return false;
        learnedAt.put(value, ctx.now());
        return true;
    }

    /** The values this node knows. */
    public Set<Integer> values() {
        return Set.copyOf(known);
    }

    /** When this node learned {@code value} (µs), or -1. */
    public long learnedAt(int value) {
        return learnedAt.getOrDefault(value, -1L);
    }
}
