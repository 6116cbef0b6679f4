package sdx.replication;

/** When a leader acknowledges a write to its client. */
public enum Mode {
    /** After every follower has the write: no acknowledged write is lost at failover, every write waits for the slowest follower. */
    SYNC,
    /** After one follower has it (MySQL's semi-synchronous replication): one copy besides the leader, waits for the fastest follower. */
    SEMI_SYNC,
    /** At once, replicating in the background: fastest, and the writes still in flight are lost if the leader dies. */
    ASYNC;

    /** How many follower acknowledgements a write needs with {@code followers} followers. */
    public int acksNeeded(int followers) {
        return switch (this) {
            case SYNC -> followers;
            case SEMI_SYNC -> Math.min(1, followers);
            case ASYNC -> 0;
        };
    }
}
