package sdx.gossip;

import sdx.core.Check;

/**
 * Published results on gossip, as formulas to draw beside the simulations.
 * <ul>
 *   <li>Push, fanout 1: about {@code log2 N + ln N} rounds (Frieze and Grimmett 1985; Pittel 1987, who showed
 *       the error is O(1)).</li>
 *   <li>Push-pull: {@code log3 N + O(log log N)} rounds (Karp, Schindelhauer, Shenker and Vöcking 2000).</li>
 *   <li>Rumor mongering with feedback, losing interest with probability 1/k after each call to a node that
 *       already knew: the residue {@code s} solves {@code s = e^{-(k+1)(1-s)}}; any push variant that sends
 *       {@code m} messages per node leaves {@code s ≈ e^{-m}} (Demers et al. 1987).</li>
 * </ul>
 */
public final class GossipTheory {
    private GossipTheory() {}

    /** Push with fanout 1: {@code log2 N + ln N} rounds to reach all N nodes. */
    public static double push(double nodes) {
        Check.that(nodes >= 2, "nodes", nodes, "must be >= 2");
        return Math.log(nodes) / Math.log(2) + Math.log(nodes);
    }

    /**
     * Push with an effective fanout {@code e} (fanout × share of calls that arrive): the same two-phase
     * argument that gives {@code log2 N + ln N}. While few know, each round multiplies the informed by
     * {@code 1 + e}: {@code log_{1+e} N} rounds; once most know, each round multiplies the share still
     * uninformed by {@code e^{-e}}: {@code ln N / e} more rounds.
     */
    public static double push(double nodes, double effectiveFanout) {
        Check.that(nodes >= 2, "nodes", nodes, "must be >= 2");
        Check.positive("effectiveFanout", effectiveFanout);
        return Math.log(nodes) / Math.log(1 + effectiveFanout) + Math.log(nodes) / effectiveFanout;
    }

    /** Push-pull's leading term, {@code log3 N} (Karp et al. 2000: {@code log3 N + O(log log N)}). */
    public static double pushPull(double nodes) {
        Check.that(nodes >= 2, "nodes", nodes, "must be >= 2");
        return Math.log(nodes) / Math.log(3);
    }

    /**
     * The residue of rumor mongering with feedback and a coin (Demers et al. 1987, section 1.4): the share of
     * nodes that never hear the rumor, solving {@code s = e^{-(k+1)(1-s)}} for its root in (0, 1).
     */
    public static double residue(double k) {
        Check.positive("k", k);
        double s = 0.5;
        for (int i = 0; i < 200; i++) s = Math.exp(-(k + 1) * (1 - s)); // a contraction near the small root
        return s;
    }

    /** Residue of a push rumor that spent {@code m} messages per node: {@code e^{-m}} (Demers et al. 1987). */
    public static double residueForTraffic(double m) {
        Check.atLeast("m", m, 0.0);
        return Math.exp(-m);
    }
}
