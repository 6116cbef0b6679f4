/**
 * Sharding and hot spots (notebook 13): partitioners behind one interface ({@link sdx.sharding.Partitioner}),
 * load per shard under skew, keys moved when a shard is added, rebalancing with fixed partitions
 * ({@link sdx.sharding.Rebalancing}) and range splits under increasing keys ({@link sdx.sharding.RangeSplits}),
 * local vs global secondary indexes ({@link sdx.sharding.SecondaryIndexes}), heavy-hitter sketches for hot-key detection,
 * mitigations (key salting, the power of two choices), and a real loopback reverse proxy in front of shard
 * servers ({@link sdx.sharding.ShardCluster}).
 */
package sdx.sharding;
