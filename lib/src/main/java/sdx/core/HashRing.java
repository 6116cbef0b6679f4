package sdx.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A consistent-hash ring (Karger et al., "Consistent Hashing and Random Trees", STOC 1997) of named
 * nodes, each placed at {@code vnodes} seeded points: a key belongs to the first point at or after its
 * hash, wrapping around, and its {@link #preferenceList preference list} is the next distinct nodes
 * clockwise (Dynamo's replica placement, DeCandia et al., SOSP 2007). Adding or removing a node moves
 * only the keys on its arcs, about 1/N of them.
 *
 * <p>Shared machinery for topics that place things on a ring (a cache cluster, a load balancer's
 * sticky routing). The sharding notebook teaches the ring itself with its own
 * {@code ConsistentHashPartitioner}. Immutable: {@link #with} and {@link #without} return new rings in
 * which the other nodes keep their points.
 */
public final class HashRing {
    private static final long KEY_SALT = 0x5DEECE66DL;
    private final SortedSet<Integer> nodes;
    private final int vnodes;
    private final long seed;
    private final long[] points;
    private final int[] owners;

    private HashRing(SortedSet<Integer> nodes, int vnodes, long seed) {
        this.nodes = nodes;
        this.vnodes = vnodes;
        this.seed = seed;
        int n = nodes.size() * vnodes;
        long[][] pairs = new long[n][];
        int i = 0;
        for (int node : nodes) {
            for (int v = 0; v < vnodes; v++) pairs[i++] = new long[] {pointOf(node, v), node};
        }
        Arrays.sort(pairs, Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        points = new long[n];
        owners = new int[n];
        for (i = 0; i < n; i++) {
            points[i] = pairs[i][0];
            owners[i] = (int) pairs[i][1];
        }
    }

    /**
     * A ring of nodes {@code 0 .. nodes-1}.
     *
     * @param nodes  number of nodes, 1 to 10,000
     * @param vnodes points per node, 1 to 10,000 (about 100 keeps every share within ~10% of 1/N)
     * @param seed   moves every point
     */
    public static HashRing of(int nodes, int vnodes, long seed) {
        Check.inRange("nodes", nodes, 1, 10_000);
        SortedSet<Integer> ids = new TreeSet<>();
        for (int i = 0; i < nodes; i++) ids.add(i);
        return of(ids, vnodes, seed);
    }

    /** A ring of the given node ids (each at least 0; at most 10,000 nodes). */
    public static HashRing of(java.util.Collection<Integer> nodeIds, int vnodes, long seed) {
        Check.notEmpty("nodeIds", nodeIds);
        Check.inRange("vnodes", vnodes, 1, 10_000);
        Check.that(nodeIds.size() <= 10_000, "nodeIds.size()", nodeIds.size(), "must be <= 10,000");
        Check.that((long) nodeIds.size() * vnodes <= 2_000_000L, "nodes*vnodes", (long) nodeIds.size() * vnodes,
                "must be <= 2,000,000");
        SortedSet<Integer> ids = new TreeSet<>();
        for (Integer id : nodeIds) {
            Check.that(id != null && id >= 0, "node id", id, "must be >= 0");
            Check.that(ids.add(id), "node id", id, "must not repeat");
        }
        return new HashRing(ids, vnodes, seed);
    }

    /** This ring plus {@code node} (which must not be on it yet). */
    public HashRing with(int node) {
        Check.that(node >= 0 && !nodes.contains(node), "node", node, "must be >= 0 and not on the ring " + nodes);
        SortedSet<Integer> ids = new TreeSet<>(nodes);
        ids.add(node);
        return of(ids, vnodes, seed);
    }

    /** This ring without {@code node} (which must be on it, and not be the last node). */
    public HashRing without(int node) {
        Check.that(nodes.contains(node), "node", node, "must be on the ring " + nodes);
        Check.that(nodes.size() > 1, "node", node, "is the last node: a ring needs at least one");
        SortedSet<Integer> ids = new TreeSet<>(nodes);
        ids.remove(node);
        return of(ids, vnodes, seed);
    }

    /** The ring position of {@code key}. */
    public long hashOf(long key) {
        return SplitMix64.mix(key ^ SplitMix64.mix(seed ^ KEY_SALT));
    }

    /** The node that owns {@code key}. */
    public int owner(long key) {
        return owners[firstAtOrAfter(hashOf(key))];
    }

    /**
     * The first {@code n} distinct nodes clockwise from {@code key}'s position, owner first: where a key
     * and its {@code n - 1} replicas live.
     *
     * @param n how many nodes, 1 to {@link #size()}
     */
    public List<Integer> preferenceList(long key, int n) {
        Check.inRange("n", n, 1, nodes.size());
        List<Integer> list = new ArrayList<>(n);
        int start = firstAtOrAfter(hashOf(key));
        for (int i = 0; list.size() < n; i++) {
            int node = owners[(start + i) % owners.length];
            if (!list.contains(node)) list.add(node);
        }
        return list;
    }

    /** Each node's share of the ring (sums to 1), in {@link #nodes()} order. */
    public double[] shares() {
        List<Integer> ids = nodes();
        double[] share = new double[ids.size()];
        for (int i = 0; i < points.length; i++) {
            long arc = points[i] - (i == 0 ? points[points.length - 1] : points[i - 1]);
            share[ids.indexOf(owners[i])] += points.length == 1 ? 1.0 : SplitMix64.unit(arc);
        }
        return share;
    }

    /** The node ids, ascending. */
    public List<Integer> nodes() {
        return List.copyOf(nodes);
    }

    /** The number of nodes. */
    public int size() {
        return nodes.size();
    }

    /** Points per node. */
    public int vnodes() {
        return vnodes;
    }

    private long pointOf(int node, int vnode) {
        return SplitMix64.mix((((long) node << 32) | vnode) ^ SplitMix64.mix(seed));
    }

    /** Index of the first point {@code >= hash} (signed order, the same for points and hashes), wrapping to 0. */
    private int firstAtOrAfter(long hash) {
        int i = Arrays.binarySearch(points, hash);
        if (i < 0) i = -i - 1;
        else while (i > 0 && points[i - 1] == hash) i--;
        return i == points.length ? 0 : i;
    }

    @Override
    public String toString() {
        return "HashRing(" + nodes.size() + " nodes x " + vnodes + " vnodes)";
    }
}
