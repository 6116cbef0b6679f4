package sdx.gossip;

import sdx.core.Check;

/**
 * Distributing one file of {@code fileMbit} megabits from a server to N peers (Kurose and Ross, "Computer
 * Networking", section 2.5). Rates are in Mbit/s; every peer has the same upload and download rate.
 * The minimum distribution times, in seconds:
 * <ul>
 *   <li>client-server: {@code D_cs >= max(N F / u_s, F / d_min)} (the server sends N copies; the slowest
 *       peer downloads one);</li>
 *   <li>peer-to-peer: {@code D_p2p >= max(F / u_s, F / d_min, N F / (u_s + Σ u_i))} (the server sends at
 *       least one copy; the slowest peer downloads one; all N copies come out of the total upload
 *       capacity).</li>
 * </ul>
 * Both bounds can be reached by a fluid (infinitely divisible) schedule; a real swarm moves whole chunks
 * and falls short, see {@link Swarm}.
 *
 * @param fileMbit       file size F in megabits
 * @param serverUpload   server upload rate u_s in Mbit/s
 * @param peerUpload     each peer's upload rate u in Mbit/s
 * @param peerDownload   each peer's download rate d in Mbit/s
 */
public record FileDistribution(double fileMbit, double serverUpload, double peerUpload, double peerDownload) {
    /** Checks the arguments. */
    public FileDistribution {
        Check.positive("fileMbit", fileMbit);
        Check.positive("serverUpload", serverUpload);
        Check.positive("peerUpload", peerUpload);
        Check.positive("peerDownload", peerDownload);
    }

    /**
     * The course's example: a 500 MB file (4,000 Mbit), a server uploading 100 Mbit/s, peers uploading
     * 10 Mbit/s and downloading 50 Mbit/s.
     */
    public static FileDistribution example() {
        return new FileDistribution(4_000, 100, 10, 50);
    }

    /** Client-server lower bound in seconds for {@code peers} peers. */
    public double clientServer(int peers) {
        Check.positive("peers", peers);
        return Math.max(peers * fileMbit / serverUpload, fileMbit / peerDownload);
    }

    /** Peer-to-peer lower bound in seconds for {@code peers} peers. */
    public double peerToPeer(int peers) {
        Check.positive("peers", peers);
        return Math.max(Math.max(fileMbit / serverUpload, fileMbit / peerDownload),
                peers * fileMbit / (serverUpload + peers * peerUpload));
    }

    /** Which term of the P2P bound is the largest: "server upload", "slowest download" or "total upload". */
    public String p2pLimit(int peers) {
        double server = fileMbit / serverUpload, down = fileMbit / peerDownload;
        double total = peers * fileMbit / (serverUpload + peers * (double) peerUpload);
        if (total >= server && total >= down) return "total upload";
        return server >= down ? "server upload" : "slowest download";
    }
}
