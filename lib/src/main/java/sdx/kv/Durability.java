package sdx.kv;

import sdx.core.Check;

/**
 * How a store keeps its data across a crash: an append-only log with an fsync policy (Redis's AOF), or a
 * periodic snapshot of the whole state (Redis's RDB file, written to a temp file, forced, then renamed over the
 * old one so a crash mid-snapshot leaves the previous one intact).
 *
 * @param label          how tables and charts name it
 * @param fsync          the log's fsync policy, or null for snapshots
 * @param intervalMillis time between forced write-backs (fsync, kernel write-back or snapshot); 0 for always
 */
public record Durability(String label, FsyncPolicy fsync, long intervalMillis) {
    public Durability {
        Check.notNull("label", label);
        if (intervalMillis < 0) throw Check.fail("intervalMillis must be >= 0, was " + intervalMillis);
    }

    /** An append-only log with {@code policy}. */
    public static Durability aof(FsyncPolicy policy) {
        Check.notNull("policy", policy);
        return new Durability("AOF appendfsync " + policy.redisName(), policy, policy.intervalMillis());
    }

    /** A snapshot every {@code seconds} (1 to 3600) and no log. */
    public static Durability snapshot(int seconds) {
        Check.inRange("seconds", seconds, 1, 3600);
        return new Durability("snapshot every " + seconds + " s", null, seconds * 1_000L);
    }

    /** True for a snapshot, false for a log. */
    public boolean isSnapshot() {
        return fsync == null;
    }
}
