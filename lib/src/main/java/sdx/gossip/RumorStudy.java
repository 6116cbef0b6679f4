package sdx.gossip;

import java.util.List;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Rumor mongering against anti-entropy (Demers et al. 1987): for each k, the mean residue, traffic and
 * rounds of the coin and counter variants; and push-pull anti-entropy, which reaches everyone.
 *
 * @param nodes       nodes per run
 * @param seeds       runs averaged per point
 * @param ks          the "lose interest" parameters
 * @param coin        mean outcome per k, coin variant
 * @param counter     mean outcome per k, counter variant
 * @param antiEntropy mean rounds and messages of push-pull anti-entropy until every node knew
 */
public record RumorStudy(int nodes, int seeds, int[] ks, List<Rumor.Outcome> coin, List<Rumor.Outcome> counter,
        Rumor.Outcome antiEntropy) {
    /** Copies. */
    public RumorStudy {
        ks = ks.clone();
        coin = List.copyOf(coin);
        counter = List.copyOf(counter);
    }

    @Override
    public int[] ks() {
        return ks.clone();
    }

    /** Residue vs k, both variants, with the paper's equation dashed; logarithmic y. */
    public Plot plot() {
        double[] k = java.util.Arrays.stream(ks).asDoubleStream().toArray();
        return Plot.line("Rumor mongering: who never hears it (" + String.format(java.util.Locale.ROOT, "%,d", nodes)
                        + " nodes)", "k (lose interest after about k useless calls)", "residue (share never told)")
                .series("coin, simulated", k, residue(coin))
                .series("counter, simulated", k, residue(counter))
                .theory("s = e^(-(k+1)(1-s)) (Demers et al.)", k, java.util.Arrays.stream(ks).mapToDouble(GossipTheory::residue).toArray())
                .logY();
    }

    /** Residue vs messages per node, with {@code e^{-m}} dashed: the price of a smaller residue. */
    public Plot trafficPlot() {
        double[] mCoin = traffic(coin), mCounter = traffic(counter);
        double lo = Math.min(mCoin[0], mCounter[0]), hi = Math.max(mCoin[mCoin.length - 1], mCounter[mCounter.length - 1]);
        double[] m = new double[50], e = new double[50];
        for (int i = 0; i < m.length; i++) {
            m[i] = lo + (hi - lo) * i / (m.length - 1);
            e[i] = GossipTheory.residueForTraffic(m[i]);
        }
        return Plot.line("Residue vs messages spent", "messages per node", "residue (share never told)")
                .series("coin, simulated", mCoin, residue(coin))
                .series("counter, simulated", mCounter, residue(counter))
                .theory("s = e^(-m) (Demers et al.)", m, e)
                .logY();
    }

    /** Every variant in one table, anti-entropy last. */
    public Table table() {
        int rows = 2 * ks.length + 1;
        String[] variant = new String[rows];
        String[] k = new String[rows];
        int[] rounds = new int[rows];
        double[] residue = new double[rows], theory = new double[rows], traffic = new double[rows];
        for (int i = 0; i < ks.length; i++) {
            fill(i, "rumor mongering, coin", ks[i], coin.get(i), variant, k, rounds, residue, theory, traffic);
            fill(ks.length + i, "rumor mongering, counter", ks[i], counter.get(i), variant, k, rounds, residue, theory, traffic);
        }
        variant[rows - 1] = "anti-entropy, push-pull";
        k[rows - 1] = "-";
        rounds[rows - 1] = antiEntropy.rounds();
        traffic[rows - 1] = Math.round(antiEntropy.traffic() * 100) / 100.0;
        theory[rows - 1] = Double.NaN;
        return Table.create("Rumor mongering vs anti-entropy (" + nodes + " nodes, mean of " + seeds + " runs)")
                .addColumns(StringColumn.create("variant", variant), StringColumn.create("k", k),
                        DoubleColumn.create("residue", residue), DoubleColumn.create("residue, theory", theory),
                        DoubleColumn.create("messages per node", traffic), IntColumn.create("rounds", rounds));
    }

    private static void fill(int row, String name, int k, Rumor.Outcome o, String[] variant, String[] ks, int[] rounds,
            double[] residue, double[] theory, double[] traffic) {
        variant[row] = name;
        ks[row] = Integer.toString(k);
        rounds[row] = o.rounds();
        residue[row] = Math.round(o.residue() * 10_000) / 10_000.0;
        theory[row] = Math.round(GossipTheory.residue(k) * 10_000) / 10_000.0;
        traffic[row] = Math.round(o.traffic() * 100) / 100.0;
    }

    private static double[] residue(List<Rumor.Outcome> os) {
        return os.stream().mapToDouble(Rumor.Outcome::residue).toArray();
    }

    private static double[] traffic(List<Rumor.Outcome> os) {
        return os.stream().mapToDouble(Rumor.Outcome::traffic).toArray();
    }
}
