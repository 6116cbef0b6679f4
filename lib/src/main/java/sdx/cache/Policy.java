package sdx.cache;

import java.util.function.IntFunction;

/** The policies the experiments compare, each a factory of empty caches of a given capacity. */
public enum Policy {
    /** {@link FifoPolicy}. */
    FIFO(FifoPolicy::new),
    /** {@link LruPolicy}. */
    LRU(LruPolicy::new),
    /** {@link LfuPolicy}. */
    LFU(LfuPolicy::new),
    /** {@link CaffeinePolicy}: Caffeine's W-TinyLFU, the production reference. */
    CAFFEINE(CaffeinePolicy::new);

    private final IntFunction<CachePolicy> factory;

    Policy(IntFunction<CachePolicy> factory) {
        this.factory = factory;
    }

    /** The name shown in legends and tables: "FIFO", "LRU", "LFU", "Caffeine". */
    public String label() {
        return this == CAFFEINE ? "Caffeine" : name();
    }

    /** An empty cache of this policy holding at most {@code capacity} keys. */
    public CachePolicy create(int capacity) {
        return factory.apply(capacity);
    }
}
