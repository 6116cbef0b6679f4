package sdx.gossip;

import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;

/**
 * A slot-based chunked swarm, BitTorrent-like: the file is cut into {@code chunks} equal chunks; time runs
 * in slots, one slot being the time a peer needs to upload one chunk. In a slot the server uploads
 * {@code u_s / u} chunks and each peer that holds at least one chunk uploads one; a peer downloads at most
 * {@code d / u} chunks per slot, and a chunk received in a slot can be passed on from the next slot
 * (store and forward). Each upload goes to a random peer that still needs a chunk the uploader has (the
 * uploader tries up to {@link #TRIES} random unfinished peers, as a peer knows only some of the swarm), and
 * the chunk is chosen by the {@link Selection} policy.
 *
 * <p>The swarm obeys every capacity the bound of {@link FileDistribution#peerToPeer} counts, so it can
 * never beat that bound; it falls short because peers start with nothing to upload, and because at the end
 * uploaders may hold nothing that the last unfinished peers still need.
 *
 * @param setup     file size and rates (upload and download rates must be whole multiples of the peer upload rate)
 * @param chunks    number of chunks, 1 to 64 (a peer's chunks are one {@code long} bit mask)
 * @param selection which of the uploader's useful chunks to send
 */
public record Swarm(FileDistribution setup, int chunks, Selection selection) {
    /** Random peers an uploader tries before idling for the slot. */
    public static final int TRIES = 20;

    /** Which chunk an uploader sends, among those it has and the receiver lacks. */
    public enum Selection {
        /** Any useful chunk, uniformly at random. */
        RANDOM,
        /** The useful chunk held by the fewest peers (BitTorrent's rarest first), ties at random. */
        RAREST_FIRST;

        /** "random" or "rarest-first". */
        public String label() {
            return this == RANDOM ? "random" : "rarest-first";
        }
    }

    /**
     * One swarm run.
     *
     * @param peers      peers downloading
     * @param selection  the piece selection policy
     * @param slots      slots until every peer had every chunk
     * @param seconds    the same in seconds
     * @param bound      the P2P lower bound in seconds ({@link FileDistribution#peerToPeer})
     * @param uploadUsed per slot, the share of the swarm's upload capacity (server and all peers) that was used
     */
    public record Run(int peers, Selection selection, int slots, double seconds, double bound, double[] uploadUsed) {
        /** Copies the array. */
        public Run {
            uploadUsed = uploadUsed.clone();
        }

        @Override
        public double[] uploadUsed() {
            return uploadUsed.clone();
        }

        /** How many times the bound the swarm took (at least 1). */
        public double ratio() {
            return seconds / bound;
        }
    }

    /** Checks the arguments. */
    public Swarm {
        Check.notNull("setup", setup);
        Check.inRange("chunks", chunks, 1, 64);
        Check.notNull("selection", selection);
        wholeMultiple("setup.serverUpload", setup.serverUpload(), setup.peerUpload());
        wholeMultiple("setup.peerDownload", setup.peerDownload(), setup.peerUpload());
    }

    private static void wholeMultiple(String name, double rate, double unit) {
        double q = rate / unit;
        Check.that(Math.abs(q - Math.rint(q)) < 1e-9 && q >= 1, name, rate,
                "must be a whole multiple (>= 1) of peerUpload = " + unit + " in the slot model");
    }

    /** Seconds per slot: one chunk at the peer upload rate. */
    public double slotSeconds() {
        return setup.fileMbit() / chunks / setup.peerUpload();
    }

    /** Distributes the file to {@code peers} peers. */
    public Run run(int peers, long seed) {
        Check.positive("peers", peers);
        UniformRandomProvider random = Rng.of(seed);
        int serverSlots = (int) Math.rint(setup.serverUpload() / setup.peerUpload());
        int downSlots = (int) Math.rint(setup.peerDownload() / setup.peerUpload());
        long all = chunks == 64 ? -1L : (1L << chunks) - 1;  // chunk c is bit c
        long[] have = new long[peers], pending = new long[peers];
        int[] copies = new int[chunks];
        int[] unfinished = new int[peers];
        int unfinishedCount = peers;
        for (int p = 0; p < peers; p++) unfinished[p] = p;
        int[] received = new int[peers];
        int[] tokens = new int[serverSlots + peers];
        double[] used = new double[16];
        int slot = 0;
        while (unfinishedCount > 0) {
            // upload tokens of this slot: the server's, then one per peer holding something, in random order
            int tokenCount = 0;
            for (int i = 0; i < serverSlots; i++) tokens[tokenCount++] = -1;
            for (int p = 0; p < peers; p++) if (have[p] != 0) tokens[tokenCount++] = p;
            shuffle(tokens, tokenCount, random);
            java.util.Arrays.fill(received, 0);
            int uploads = 0;
            for (int t = 0; t < tokenCount; t++) {
                int uploader = tokens[t];
                long offer = uploader < 0 ? all : have[uploader];
                for (int tries = 0; tries < TRIES; tries++) {
                    int receiver = unfinished[random.nextInt(unfinishedCount)];
                    if (receiver == uploader || received[receiver] >= downSlots) continue;
                    long useful = offer & ~pending[receiver];
                    if (useful == 0) continue;
                    pending[receiver] |= 1L << choose(useful, copies, random);
                    received[receiver]++;
                    uploads++;
                    break;
                }
            }
            if (slot >= used.length) used = java.util.Arrays.copyOf(used, used.length * 2);
            used[slot++] = (double) uploads / (serverSlots + peers);
            // end of slot: what arrived can be passed on from the next slot
            java.util.Arrays.fill(copies, 0);
            for (int p = 0; p < peers; p++) {
                have[p] = pending[p];
                for (long bits = have[p]; bits != 0; bits &= bits - 1) copies[Long.numberOfTrailingZeros(bits)]++;
            }
            int still = 0;
            for (int i = 0; i < unfinishedCount; i++) {
                int p = unfinished[i];
                if (have[p] != all) unfinished[still++] = p;
            }
            unfinishedCount = still;
        }
        return new Run(peers, selection, slot, slot * slotSeconds(), setup.peerToPeer(peers),
                java.util.Arrays.copyOf(used, slot));
    }

    private int choose(long useful, int[] copies, UniformRandomProvider random) {
        if (selection == Selection.RANDOM) {
            int k = random.nextInt(Long.bitCount(useful));
            for (int i = 0; i < k; i++) useful &= useful - 1; // drop the k lowest chunks
            return Long.numberOfTrailingZeros(useful);
        }
        int pick = -1, seen = 0, fewest = Integer.MAX_VALUE;
        for (long bits = useful; bits != 0; bits &= bits - 1) {
            int c = Long.numberOfTrailingZeros(bits);
            if (copies[c] < fewest) {
                fewest = copies[c];
                pick = c;
                seen = 1;
            } else if (copies[c] == fewest && random.nextInt(++seen) == 0) {
                pick = c; // reservoir sampling: a uniform choice among the ties
            }
        }
        return pick;
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
