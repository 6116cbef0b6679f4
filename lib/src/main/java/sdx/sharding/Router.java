package sdx.sharding;

/**
 * Sends each request to a shard. Unlike a {@link Partitioner} (a pure function of the key), a router
 * may keep state and learn from what it routed: {@link TwoChoiceRouter} sends a request to the less
 * loaded of a key's two shards, so the same key can land on different shards over time. Every
 * partitioner is also a router that always answers the same.
 */
public interface Router {
    /** Number of shards; shards are numbered {@code 0 .. shards()-1}. */
    int shards();

    /** The shard that serves this request for {@code key}, in {@code [0, shards())}; may update state. */
    int route(int key);

    /** A short name for legends and tables, e.g. "hash mod 8". */
    String name();
}
