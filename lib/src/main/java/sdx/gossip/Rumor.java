package sdx.gossip;

import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;

/**
 * Rumor mongering (Demers et al. 1987, "Epidemic algorithms for replicated database maintenance"): a node
 * that has a hot rumor pushes it to one random peer per round, learns from the answer whether the peer
 * already knew it (feedback), and loses interest after such useless calls:
 * <ul>
 *   <li>{@link Stop#COIN}: after each useless call, with probability {@code 1/k};</li>
 *   <li>{@link Stop#COUNTER}: after {@code k} useless calls.</li>
 * </ul>
 * The rumor dies when no node is interested any more; the nodes that never heard it are the residue.
 * Within a round nodes act one after another in a random order and a node that learns the rumor starts
 * pushing the next round: close to the paper's continuous-time model for large N.
 *
 * @param nodes number of nodes, at least 2
 * @param stop  how a node loses interest
 * @param k     the "lose interest" parameter, at least 1
 */
public record Rumor(int nodes, Stop stop, int k) {
    /** How a node decides to stop spreading. */
    public enum Stop {
        /** Lose interest with probability 1/k after each call to a node that already knew. */
        COIN,
        /** Lose interest after k calls to nodes that already knew. */
        COUNTER
    }

    /** Checks the arguments. */
    public Rumor {
        Check.atLeast("nodes", nodes, 2);
        Check.notNull("stop", stop);
        Check.positive("k", k);
    }

    /**
     * One rumor's life.
     *
     * @param residue  share of nodes that never heard the rumor
     * @param traffic  messages per node (each call is one message; the feedback rides on its answer)
     * @param rounds   rounds until no node was interested any more
     */
    public record Outcome(double residue, double traffic, int rounds) {}

    /** Spreads one rumor from node 0 until everyone has lost interest. */
    public Outcome run(long seed) {
        UniformRandomProvider random = Rng.of(seed);
        boolean[] knows = new boolean[nodes];
        int[] useless = new int[nodes];
        int[] hot = new int[nodes];      // nodes still spreading
        int[] next = new int[nodes];
        knows[0] = true;
        hot[0] = 0;
        int hotCount = 1, known = 1, rounds = 0;
        long messages = 0;
        while (hotCount > 0) {
            rounds++;
            shuffle(hot, hotCount, random);
            int nextCount = 0;
            for (int i = 0; i < hotCount; i++) {
                int u = hot[i];
                int v = random.nextInt(nodes - 1);
                if (v >= u) v++;
                messages++;
                boolean keep = true;
                if (!knows[v]) {
                    knows[v] = true;
                    known++;
                    next[nextCount++] = v;       // v spreads from the next round on
                } else if (stop == Stop.COIN) {
                    keep = random.nextInt(k) != 0;
                } else {
                    keep = ++useless[u] < k;
                }
                if (keep) next[nextCount++] = u;
            }
            int[] t = hot;
            hot = next;
            next = t;
            hotCount = nextCount;
        }
        return new Outcome((double) (nodes - known) / nodes, (double) messages / nodes, rounds);
    }

    /** Mean residue, traffic and rounds over {@code seeds} runs (seeds {@code seed, seed+1, ...}). */
    public Outcome mean(int seeds, long seed) {
        Check.positive("seeds", seeds);
        double s = 0, m = 0, r = 0;
        for (int i = 0; i < seeds; i++) {
            Outcome o = run(seed + i);
            s += o.residue();
            m += o.traffic();
            r += o.rounds();
        }
        return new Outcome(s / seeds, m / seeds, (int) Math.round(r / seeds));
    }

    private static void shuffle(int[] a, int n, UniformRandomProvider random) {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
