package sdx.gossip;

import java.util.List;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Client-server vs peer-to-peer distribution: both lower bounds for every N from 1 to {@code maxPeers},
 * and the chunked swarm measured at a few N with each piece-selection policy.
 *
 * @param setup    file size and rates
 * @param chunks   chunks per file in the swarm
 * @param maxPeers largest N drawn
 * @param random   swarm runs with random piece selection, one per measured N
 * @param rarest   swarm runs with rarest-first, one per measured N
 */
public record DistributionStudy(FileDistribution setup, int chunks, int maxPeers, List<Swarm.Run> random,
        List<Swarm.Run> rarest) {
    /** Copies the lists. */
    public DistributionStudy {
        random = List.copyOf(random);
        rarest = List.copyOf(rarest);
    }

    /** Bounds as dashed lines over N = 1..maxPeers, the swarm as points; both axes logarithmic. */
    public Plot plot() {
        double[] n = new double[maxPeers], cs = new double[maxPeers], p2p = new double[maxPeers];
        for (int i = 0; i < maxPeers; i++) {
            n[i] = i + 1;
            cs[i] = setup.clientServer(i + 1);
            p2p[i] = setup.peerToPeer(i + 1);
        }
        return Plot.line("Time to give a " + Math.round(setup.fileMbit() / 8) + " MB file to N peers", "peers N",
                        "minimum distribution time (s)")
                .series("swarm, rarest-first", peers(rarest), seconds(rarest))
                .series("swarm, random", peers(random), seconds(random))
                .theory("P2P lower bound", n, p2p)
                .theory("client-server lower bound", n, cs)
                .logX().logY();
    }

    /** One row per measured N: both bounds, the swarm's times and which P2P term limits. */
    public Table table() {
        Table t = Table.create("Distribution time (s): bounds and the " + chunks + "-chunk swarm");
        t.addColumns(IntColumn.create("peers", rarest.stream().mapToInt(Swarm.Run::peers).toArray()),
                DoubleColumn.create("client-server bound", rarest.stream().mapToDouble(r -> setup.clientServer(r.peers())).toArray()),
                DoubleColumn.create("P2P bound", rarest.stream().mapToDouble(r -> Math.round(r.bound() * 10) / 10.0).toArray()),
                DoubleColumn.create("swarm rarest-first", seconds(rarest)),
                DoubleColumn.create("swarm random", seconds(random)),
                DoubleColumn.create("rarest-first / bound", rarest.stream().mapToDouble(r -> Math.round(r.ratio() * 100) / 100.0).toArray()),
                StringColumn.create("P2P bound set by", rarest.stream().map(r -> setup.p2pLimit(r.peers())).toList()));
        return t;
    }

    private static double[] peers(List<Swarm.Run> runs) {
        return runs.stream().mapToDouble(Swarm.Run::peers).toArray();
    }

    private static double[] seconds(List<Swarm.Run> runs) {
        return runs.stream().mapToDouble(Swarm.Run::seconds).toArray();
    }
}
