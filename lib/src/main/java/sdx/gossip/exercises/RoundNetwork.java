package sdx.gossip.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import sdx.core.Check;

/**
 * The network the push-pull exercise is graded on: N {@link GossipNode}s, synchronous rounds, each message
 * lost independently with probability {@code loss}. In a round every node's {@link GossipNode#onRound} runs
 * (in a random order), then the messages sent are delivered, then the answers sent while handling them;
 * anything sent later waits for the next round. Counts messages and records protocol faults (a message to
 * oneself or to a node that does not exist).
 */
public final class RoundNetwork {
    private final GossipNode[] nodes;
    private final double loss;
    private final SplittableRandom random;
    private final RandomGenerator[] nodeRandom;
    private List<Envelope> queue = new ArrayList<>();
    private long messages;
    private int round;
    private String fault;

    private record Envelope(int from, int to, GossipMessage message) {}

    /** A network of {@code size} nodes from {@code factory}, losing messages with probability {@code loss}. */
    public RoundNetwork(int size, GossipNode.Factory factory, double loss, long seed) {
        Check.atLeast("size", size, 2);
        Check.notNull("factory", factory);
        Check.that(loss >= 0 && loss < 1, "loss", loss, "must be in [0, 1)");
        this.loss = loss;
        this.random = new SplittableRandom(seed);
        this.nodes = new GossipNode[size];
        this.nodeRandom = new RandomGenerator[size];
        for (int i = 0; i < size; i++) {
            nodes[i] = Check.notNull("factory.create()", factory.create());
            nodeRandom[i] = random.split();
        }
    }

    /** Node {@code i}. */
    public GossipNode node(int i) {
        return nodes[Check.inRange("i", i, 0, nodes.length - 1)];
    }

    /** Rounds run so far. */
    public int round() {
        return round;
    }

    /** Messages sent so far. */
    public long messages() {
        return messages;
    }

    /** The first protocol fault seen ("node 3 sent a message to itself in round 2"), or null. */
    public String fault() {
        return fault;
    }

    /** Runs one round. */
    public void step() {
        round++;
        int[] order = new int[nodes.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i : order) nodes[i].onRound(context(i));
        for (int pass = 0; pass < 2; pass++) {  // the calls, then their answers
            List<Envelope> now = queue;
            queue = new ArrayList<>();
            for (Envelope e : now) {
                if (random.nextDouble() < loss) continue;
                nodes[e.to].onMessage(e.from, e.message, context(e.to));
            }
        }
    }

    /** The first node (lowest number) that lacks one of {@code rumors}, or -1 if every node has all. */
    public int firstMissing(Set<String> rumors) {
        for (int i = 0; i < nodes.length; i++) {
            Set<String> known = nodes[i].rumors();
            if (known == null || !known.containsAll(rumors)) return i;
        }
        return -1;
    }

    private GossipNode.Round context(int self) {
        return new GossipNode.Round() {
            @Override
            public int self() {
                return self;
            }

            @Override
            public int nodes() {
                return nodes.length;
            }

            @Override
            public int number() {
                return round;
            }

            @Override
            public RandomGenerator random() {
                return nodeRandom[self];
            }

            @Override
            public void send(int to, GossipMessage message) {
                messages++;
                if (to == self) {
                    noteFault(String.format(Locale.ROOT, "node %d sent a message to itself in round %d", self, round));
                    return;
                }
                if (to < 0 || to >= nodes.length) {
                    noteFault(String.format(Locale.ROOT, "node %d sent a message to node %d, which does not exist "
                            + "(nodes are 0..%d) in round %d", self, to, nodes.length - 1, round));
                    return;
                }
                if (message == null) {
                    noteFault(String.format(Locale.ROOT, "node %d sent null in round %d", self, round));
                    return;
                }
                queue.add(new Envelope(self, to, message));
            }
        };
    }

    private void noteFault(String text) {
        if (fault == null) fault = text;
    }

}
