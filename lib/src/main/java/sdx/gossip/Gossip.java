package sdx.gossip;

import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;

/**
 * The p2p-gossip notebook's experiments, one call each. Every experiment takes a seed; run {@code i} of a
 * sweep uses seed {@code seed + i}, so the same seed gives the same numbers.
 */
public final class Gossip {
    private Gossip() {}

    /** The N values of the rounds-vs-N sweep: 10 to 100,000, two per decade. */
    public static final int[] NODES = {10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000};

    /** The N values at which the swarm is simulated. */
    public static final int[] SWARM_PEERS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000};

    /**
     * Client-server and P2P bounds for N = 1..{@code maxPeers}, and the chunked swarm with both piece
     * selections at {@code swarmPeers}.
     */
    public static DistributionStudy distribution(FileDistribution setup, int chunks, int maxPeers, int[] swarmPeers,
            long seed) {
        Check.notNull("setup", setup);
        Check.positive("maxPeers", maxPeers);
        Check.notEmpty("swarmPeers", swarmPeers);
        List<Swarm.Run> random = new ArrayList<>(), rarest = new ArrayList<>();
        for (int n : swarmPeers) {
            Check.inRange("swarmPeers[i]", n, 1, maxPeers);
            random.add(new Swarm(setup, chunks, Swarm.Selection.RANDOM).run(n, seed));
            rarest.add(new Swarm(setup, chunks, Swarm.Selection.RAREST_FIRST).run(n, seed));
        }
        return new DistributionStudy(setup, chunks, maxPeers, random, rarest);
    }

    /** Share of the swarm's upload capacity used in each slot, for both piece selections. */
    public static Curves uploadUse(FileDistribution setup, int chunks, int peers, long seed) {
        Swarm.Run random = new Swarm(setup, chunks, Swarm.Selection.RANDOM).run(peers, seed);
        Swarm.Run rarest = new Swarm(setup, chunks, Swarm.Selection.RAREST_FIRST).run(peers, seed);
        int slots = Math.max(random.slots(), rarest.slots());
        double[] x = new double[slots];
        double slot = random.seconds() / random.slots();
        for (int i = 0; i < slots; i++) x[i] = (i + 1) * slot;
        return new Curves("Upload capacity used, " + peers + " peers, " + chunks + " chunks", "time (s)",
                "share of upload capacity used", x,
                List.of(new Curves.Line("rarest-first", pad(rarest.uploadUsed(), slots)),
                        new Curves.Line("random", pad(random.uploadUsed(), slots))),
                List.of(), false);
    }

    /** Mean rounds for push, pull and push-pull to reach all N, for each N, with the published theory. */
    public static Curves roundsVsNodes(int[] nodes, int seeds, long seed) {
        Check.notEmpty("nodes", nodes);
        double[] x = java.util.Arrays.stream(nodes).asDoubleStream().toArray();
        List<Curves.Line> measured = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            double[] y = new double[nodes.length];
            for (int i = 0; i < nodes.length; i++) y[i] = meanRounds(Epidemic.of(nodes[i], mode), seeds, seed);
            measured.add(new Curves.Line(mode.label(), y));
        }
        return new Curves("Rounds until every node knows the rumor", "nodes N", "rounds (mean of " + seeds + " runs)",
                x, measured, List.of(
                        new Curves.Line("push: log2 N + ln N", map(x, GossipTheory::push)),
                        new Curves.Line("push-pull: log3 N + ln ln N", map(x, n -> GossipTheory.pushPull(n) + Math.log(Math.log(n))))),
                true);
    }

    /** Push: mean rounds vs fanout, one curve per loss rate, with the two-phase estimate for each. */
    public static Curves fanoutAndLoss(int nodes, int[] fanouts, double[] losses, int seeds, long seed) {
        Check.notEmpty("fanouts", fanouts);
        Check.notNull("losses", losses);
        double[] x = java.util.Arrays.stream(fanouts).asDoubleStream().toArray();
        List<Curves.Line> measured = new ArrayList<>(), theory = new ArrayList<>();
        for (double loss : losses) {
            double[] y = new double[fanouts.length], t = new double[fanouts.length];
            for (int i = 0; i < fanouts.length; i++) {
                y[i] = meanRounds(Epidemic.of(nodes, Mode.PUSH).withFanout(fanouts[i]).withLoss(loss), seeds, seed);
                t[i] = GossipTheory.push(nodes, fanouts[i] * (1 - loss));
            }
            String name = "loss " + Math.round(loss * 100) + "%";
            measured.add(new Curves.Line(name, y));
            theory.add(new Curves.Line(name + ", estimate", t));
        }
        return new Curves("Push to " + String.format(java.util.Locale.ROOT, "%,d", nodes) + " nodes: fanout and loss",
                "fanout (peers called per round)", "rounds (mean of " + seeds + " runs)", x, measured, theory, false);
    }

    /** Mean rounds vs the share of crashed nodes, push and push-pull, with the push estimate. */
    public static Curves crashes(int nodes, double[] crashed, int seeds, long seed) {
        Check.notNull("crashed", crashed);
        Check.that(crashed.length > 0, "crashed", "[]", "must not be empty");
        double[] push = new double[crashed.length], pushPull = new double[crashed.length], t = new double[crashed.length];
        for (int i = 0; i < crashed.length; i++) {
            Epidemic e = Epidemic.of(nodes, Mode.PUSH).withCrashed(crashed[i]);
            push[i] = meanRounds(e, seeds, seed);
            pushPull[i] = meanRounds(Epidemic.of(nodes, Mode.PUSH_PULL).withCrashed(crashed[i]), seeds, seed);
            t[i] = GossipTheory.push(e.live(), 1 - crashed[i]);
        }
        return new Curves("Rounds to reach every live node, " + String.format(java.util.Locale.ROOT, "%,d", nodes) + " nodes",
                "share of nodes crashed", "rounds (mean of " + seeds + " runs)", crashed,
                List.of(new Curves.Line("push", push), new Curves.Line("push-pull", pushPull)),
                List.of(new Curves.Line("push, estimate", t)), false);
    }

    /** Rumor mongering (coin and counter, for each k) and push-pull anti-entropy on {@code nodes} nodes. */
    public static RumorStudy rumorMongering(int nodes, int[] ks, int seeds, long seed) {
        Check.notEmpty("ks", ks);
        Check.positive("seeds", seeds);
        List<Rumor.Outcome> coin = new ArrayList<>(), counter = new ArrayList<>();
        for (int k : ks) {
            coin.add(new Rumor(nodes, Rumor.Stop.COIN, k).mean(seeds, seed));
            counter.add(new Rumor(nodes, Rumor.Stop.COUNTER, k).mean(seeds, seed));
        }
        // anti-entropy: every node calls one peer every round and the two swap (a call and an answer)
        double rounds = meanRounds(Epidemic.of(nodes, Mode.PUSH_PULL), seeds, seed);
        return new RumorStudy(nodes, seeds, ks, coin, counter, new Rumor.Outcome(0, 2 * rounds, (int) Math.round(rounds)));
    }

    /** Mean rounds of {@code seeds} runs of {@code epidemic}. */
    public static double meanRounds(Epidemic epidemic, int seeds, long seed) {
        Check.notNull("epidemic", epidemic);
        Check.positive("seeds", seeds);
        double sum = 0;
        for (int i = 0; i < seeds; i++) sum += epidemic.run(seed + i).rounds();
        return sum / seeds;
    }

    private static double[] map(double[] x, java.util.function.DoubleUnaryOperator f) {
        return java.util.Arrays.stream(x).map(f).toArray();
    }

    private static double[] pad(double[] y, int n) {
        return java.util.Arrays.copyOf(y, n);
    }
}
