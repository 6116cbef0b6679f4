package sdx.consensus;

import sdx.core.Check;

/**
 * How a Raft node is tuned: its election timeout range (drawn afresh, uniformly, at each reset),
 * its heartbeat interval, whether the leader appends a command at every heartbeat (to exercise log
 * replication), and the RequestVote rule it uses.
 *
 * @param timeoutMinMicros smallest election timeout, microseconds
 * @param timeoutMaxMicros largest election timeout, microseconds
 * @param heartbeatMicros  the leader's heartbeat interval, microseconds
 * @param commands         true: the leader appends one command per heartbeat
 * @param votes            the RequestVote rule
 */
public record RaftConfig(long timeoutMinMicros, long timeoutMaxMicros, long heartbeatMicros, boolean commands,
        VoteHandler votes) {
    /** Validates the ranges. */
    public RaftConfig {
        Check.that(timeoutMinMicros > 0, "timeoutMinMicros", timeoutMinMicros, "must be > 0");
        Check.that(timeoutMaxMicros >= timeoutMinMicros, "timeoutMaxMicros", timeoutMaxMicros,
                "must be >= timeoutMinMicros (" + timeoutMinMicros + ")");
        Check.that(heartbeatMicros > 0, "heartbeatMicros", heartbeatMicros, "must be > 0");
        Check.notNull("votes", votes);
    }

    /** Timeouts uniform in [minMs, maxMs] milliseconds, heartbeat half the minimum (as in the Raft paper's §9.3). */
    public static RaftConfig timeouts(double minMs, double maxMs) {
        Check.positive("minMs", minMs);
        Check.atLeast("maxMs", maxMs, minMs);
        return new RaftConfig(sdx.sim.Time.ms(minMs), sdx.sim.Time.ms(maxMs), sdx.sim.Time.ms(minMs / 2), false,
                RaftNode.RAFT_VOTE);
    }

    /** The same timing with the leader appending a command at every heartbeat. */
    public RaftConfig withCommands() {
        return new RaftConfig(timeoutMinMicros, timeoutMaxMicros, heartbeatMicros, true, votes);
    }

    /** The same timing with another RequestVote rule (an exercise's, or a broken one). */
    public RaftConfig withVotes(VoteHandler handler) {
        return new RaftConfig(timeoutMinMicros, timeoutMaxMicros, heartbeatMicros, commands, handler);
    }
}
