package sdx.gossip.exercises;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import sdx.core.Check;

/**
 * One graded run: {@code rumors} rumors told to distinct random nodes before round 1, then rounds until every
 * node knows every rumor or {@code limit} rounds have passed.
 *
 * @param nodes  network size
 * @param rumors how many rumors ("r1", "r2", ...)
 * @param loss   message loss probability
 * @param limit  most rounds allowed
 */
public record Scenario(int nodes, int rumors, double loss, int limit) {
    /** Checks the arguments. */
    public Scenario {
        Check.atLeast("nodes", nodes, 2);
        Check.inRange("rumors", rumors, 1, nodes);
        Check.positive("limit", limit);
    }

    /**
     * What happened.
     *
     * @param seed     the seed of the run
     * @param rounds   rounds until every node knew every rumor, or -1 if the limit passed first
     * @param messages messages sent in those rounds
     * @param fault    the first protocol fault, or null
     * @param missing  when rounds is -1: which node lacked which rumor at the limit
     */
    public record Outcome(long seed, int rounds, long messages, String fault, String missing) {
        /** True when every node knew every rumor within the limit. */
        public boolean complete() {
            return rounds >= 0;
        }
    }

    /** Runs the scenario with {@code factory}'s nodes and seed {@code seed}. */
    public Outcome run(GossipNode.Factory factory, long seed) {
        RoundNetwork net = new RoundNetwork(nodes, factory, loss, seed);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Set<String> all = new LinkedHashSet<>();
        Set<Integer> told = new LinkedHashSet<>();
        for (int r = 1; r <= rumors; r++) {
            int who;
            do {
                who = random.nextInt(nodes);
            } while (!told.add(who));
            String rumor = "r" + r;
            all.add(rumor);
            net.node(who).learn(rumor);
        }
        while (net.firstMissing(all) >= 0 && net.round() < limit) net.step();
        int missing = net.firstMissing(all);
        if (missing < 0) return new Outcome(seed, net.round(), net.messages(), net.fault(), null);
        Set<String> lacks = new LinkedHashSet<>(all);
        Set<String> known = net.node(missing).rumors();
        if (known != null) lacks.removeAll(known);
        return new Outcome(seed, -1, net.messages(), net.fault(),
                String.format(Locale.ROOT, "node %d still lacks %s", missing, lacks));
    }
}
