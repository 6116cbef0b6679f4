/**
 * Distributing a cache (notebook 14): cache nodes on a consistent-hash ring ({@code sdx.core.HashRing}) with
 * copies on the next nodes of a key's preference list. The facade {@link sdx.dcache.DistributedCache} runs
 * every experiment, seeded and in virtual time: the miss storm when a node joins or dies
 * ({@link sdx.dcache.MissStorm}) and the share of keys that move ({@link sdx.dcache.KeyMoves}); hot keys
 * with near-caches or copies ({@link sdx.dcache.HotKeys}); a stampede on an expiring key with no protection,
 * single flight or probabilistic early expiration ({@link sdx.dcache.Stampede}); and the stale-set race of
 * cache-aside with and without leases, on {@code sdx.sim} ({@link sdx.dcache.StaleSet}). Closed forms are in
 * {@link sdx.dcache.Theory}.
 *
 * <p>The notebook's check cells call {@link sdx.dcache.exercises.DistributedCacheExercises}.
 */
package sdx.dcache;
