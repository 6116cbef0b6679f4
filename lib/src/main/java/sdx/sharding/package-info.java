/**
 * Sharding and hot spots (notebook 13): partitioners behind one interface ({@link sdx.sharding.Partitioner}),
 * load per shard under skew, keys moved when a shard is added, heavy-hitter sketches for hot-key detection,
 * mitigations (key salting, the power of two choices), and a real loopback reverse proxy in front of shard
 * servers ({@link sdx.sharding.ShardCluster}).
 */
package sdx.sharding;
