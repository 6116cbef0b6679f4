/**
 * Key-value stores and coordination services (notebook 11). {@link sdx.kv.KvStore} is a Redis-like store a
 * learner can read in one screen: get/put/delete, TTLs on a {@link sdx.kv.VirtualClock} with lazy and active
 * expiry ({@link sdx.kv.ExpiryRun} measures both), LRU eviction at an estimated memory budget.
 * {@link sdx.kv.Persistence} runs Redis's two persistence styles ({@link sdx.kv.Durability}: an append-only log
 * of {@link sdx.kv.Resp} commands with an {@link sdx.kv.FsyncPolicy}, or periodic snapshots) on real files in a
 * temp folder, crashes them by dropping what was not forced, recovers them, and measures write throughput per
 * policy; {@link sdx.kv.Theory} holds the closed forms drawn beside them. {@link sdx.kv.ZooKeeperTour} runs a
 * real three-server ZooKeeper in a child JVM ({@link sdx.kv.ZooKeeperTourMain}). The exercises' entry point is
 * {@link sdx.kv.exercises.KeyValueExercises}.
 */
package sdx.kv;
