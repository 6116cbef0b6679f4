package sdx.gossip;

import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;

/**
 * The round model of gossip (Demers et al. 1987; Karp et al. 2000): time runs in synchronous rounds; in
 * each round every live node calls {@code fanout} peers chosen uniformly at random among all other nodes.
 * What a call does depends on the {@link Mode}. A node that learns the rumor in round {@code r} passes it on
 * from round {@code r + 1}. Each message is lost independently with probability {@code loss}; a call to a
 * crashed node achieves nothing. Node 0 starts with the rumor and is never crashed.
 *
 * <p>No event queue: one round is a pass over arrays, so 10^5 nodes take milliseconds.
 *
 * @param nodes   number of nodes, at least 2
 * @param mode    push, pull or push-pull
 * @param fanout  peers each node calls per round, at least 1
 * @param loss    probability that a message is lost, in [0, 1)
 * @param crashed share of nodes crashed from the start (never answer, never call), in [0, 1)
 */
public record Epidemic(int nodes, Mode mode, int fanout, double loss, double crashed) {
    /** Rounds after which a run gives up (it can only be reached with extreme loss). */
    public static final int MAX_ROUNDS = 100_000;

    /** Checks the arguments. */
    public Epidemic {
        Check.atLeast("nodes", nodes, 2);
        Check.notNull("mode", mode);
        Check.positive("fanout", fanout);
        Check.that(fanout < nodes, "fanout", fanout, "must be < nodes = " + nodes);
        Check.that(loss >= 0 && loss < 1, "loss", loss, "must be in [0, 1)");
        Check.that(crashed >= 0 && crashed < 1, "crashed", crashed, "must be in [0, 1)");
        Check.that(nodes - (int) Math.floor(crashed * nodes) >= 2, "crashed", crashed,
                "must leave at least 2 live nodes out of " + nodes);
    }

    /** Push, pull or push-pull with fanout 1, no loss, no crashes. */
    public static Epidemic of(int nodes, Mode mode) {
        return new Epidemic(nodes, mode, 1, 0, 0);
    }

    /** The same model with another fanout. */
    public Epidemic withFanout(int fanout) {
        return new Epidemic(nodes, mode, fanout, loss, crashed);
    }

    /** The same model with message loss. */
    public Epidemic withLoss(double loss) {
        return new Epidemic(nodes, mode, fanout, loss, crashed);
    }

    /** The same model with a share of nodes crashed. */
    public Epidemic withCrashed(double crashed) {
        return new Epidemic(nodes, mode, fanout, loss, crashed);
    }

    /** Number of live nodes. */
    public int live() {
        return nodes - (int) Math.floor(crashed * nodes);
    }

    /** Runs one spread with the given seed. */
    public Spread run(long seed) {
        UniformRandomProvider random = Rng.of(seed);
        State st = new State(random, crashedNodes(random));
        int live = live();
        int[] history = new int[64];
        history[0] = 1;
        int round = 0;
        while (st.learned < live) {
            if (++round > MAX_ROUNDS) {
                throw new IllegalStateException("the rumor did not reach every node within " + MAX_ROUNDS + " rounds");
            }
            st.round = round;
            if (mode == Mode.PUSH) {
                int knew = st.learned;           // order[0 .. knew) knew the rumor at the start of the round
                for (int i = 0; i < knew; i++) st.push(st.order[i]);
            } else {
                for (int u = 0; u < nodes; u++) {
                    if (st.down[u]) continue;
                    if (st.knewAtStart(u)) {
                        if (mode == Mode.PUSH_PULL) st.push(u);
                    } else {
                        st.pull(u);
                    }
                }
            }
            if (round >= history.length) history = java.util.Arrays.copyOf(history, history.length * 2);
            history[round] = st.learned;
        }
        return new Spread(nodes, live, round, st.messages, java.util.Arrays.copyOf(history, round + 1));
    }

    /** The state of one run. */
    private final class State {
        final UniformRandomProvider random;
        final boolean[] down;
        final int[] since = new int[nodes];   // round in which a node learned the rumor, -1 = not yet
        final int[] order = new int[nodes];   // live nodes that know, in the order they learned
        int learned = 1;
        int round;
        long messages;

        State(UniformRandomProvider random, boolean[] down) {
            this.random = random;
            this.down = down;
            java.util.Arrays.fill(since, -1);
            since[0] = 0;
            order[0] = 0;
        }

        boolean knewAtStart(int v) {
            return since[v] >= 0 && since[v] < round;
        }

        /** u tells fanout random peers. */
        void push(int u) {
            for (int c = 0; c < fanout; c++) {
                int v = otherThan(u, random);
                messages++;
                if (down[v] || lost(random) || since[v] >= 0) continue;
                learn(v);
            }
        }

        /** The uninformed u asks up to fanout random peers, until one answers with the rumor. */
        void pull(int u) {
            for (int c = 0; c < fanout; c++) {
                int v = otherThan(u, random);
                messages++;                               // the request
                if (down[v] || lost(random) || !knewAtStart(v)) continue;
                messages++;                               // the answer carrying the rumor
                if (lost(random)) continue;
                if (since[u] < 0) learn(u);
                return;
            }
        }

        void learn(int v) {
            since[v] = round;
            order[learned++] = v;
        }
    }

    private int otherThan(int u, UniformRandomProvider random) {
        int v = random.nextInt(nodes - 1);
        return v >= u ? v + 1 : v;
    }

    private boolean lost(UniformRandomProvider random) {
        return loss > 0 && random.nextDouble() < loss;
    }

    private boolean[] crashedNodes(UniformRandomProvider random) {
        boolean[] down = new boolean[nodes];
        int toCrash = nodes - live();
        int[] ids = new int[nodes - 1];
        for (int i = 0; i < ids.length; i++) ids[i] = i + 1;
        for (int i = 0; i < toCrash; i++) { // partial Fisher-Yates over nodes 1..n-1
            int j = i + random.nextInt(ids.length - i);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
            down[ids[i]] = true;
        }
        return down;
    }
}
