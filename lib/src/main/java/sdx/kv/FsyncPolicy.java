package sdx.kv;

/**
 * When the append-only log is forced to disk: Redis's {@code appendfsync} setting. A write is acknowledged
 * when it is in the log file (the operating system's page cache); only a forced write survives a power failure.
 */
public enum FsyncPolicy {
    /** fsync before every acknowledgement: nothing acknowledged is lost, every write waits for the disk. */
    ALWAYS(0),
    /** fsync once a second (Redis's default): up to about one second of writes is lost. */
    EVERYSEC(1_000),
    /**
     * never fsync; the kernel writes dirty pages back on its own, on Linux those older than 30 s
     * ({@code vm.dirty_expire_centisecs = 3000}); modelled here as a write-back every 30 s.
     */
    NO(30_000);

    private final long intervalMillis;

    FsyncPolicy(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** Time between forced write-backs in the crash model, ms (0 for {@link #ALWAYS}). */
    public long intervalMillis() {
        return intervalMillis;
    }

    /** The name as in Redis's configuration file. */
    public String redisName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
