package sdx.sharding.exercises;

/**
 * Exercise 1: the lookup at the heart of consistent hashing. Given a ring as sorted points (signed
 * 64-bit order) with the shard of each point, and a key's hash, return the shard that owns the key:
 * the shard of the first point {@code >= hash}, wrapping around to the first point when the hash is
 * past the last one.
 */
@FunctionalInterface
public interface RingLookup {
    /**
     * @param points ring positions, sorted ascending, at least one
     * @param shards {@code shards[i]} owns {@code points[i]}
     * @param hash   the key's position on the ring
     * @return the owning shard
     */
    int owner(long[] points, int[] shards, long hash);
}
