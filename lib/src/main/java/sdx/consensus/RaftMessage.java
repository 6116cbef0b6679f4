package sdx.consensus;

import java.util.List;
import java.util.Locale;

/**
 * Raft's messages and timers (Ongaro and Ousterhout 2014, Figure 2), as records of one sealed
 * interface: {@link RaftNode} dispatches on them with {@code instanceof} patterns.
 */
public sealed interface RaftMessage {

    /**
     * A candidate asks for a vote.
     *
     * @param term         the candidate's term
     * @param candidate    the candidate's name
     * @param lastLogIndex index of the candidate's last log entry (0 when its log is empty)
     * @param lastLogTerm  term of the candidate's last log entry (0 when its log is empty)
     */
    record RequestVote(long term, String candidate, long lastLogIndex, long lastLogTerm) implements RaftMessage {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "RequestVote t%d (log %d@t%d)", term, lastLogIndex, lastLogTerm);
        }
    }

    /** The answer to a {@link RequestVote}: the voter's term and whether it granted its vote. */
    record VoteReply(long term, boolean granted) implements RaftMessage {
        @Override
        public String toString() {
            return (granted ? "vote yes t" : "vote no t") + term;
        }
    }

    /** A log entry: the term in which a leader received it, and the command. */
    record Entry(long term, String command) {
        @Override
        public String toString() {
            return command + "@t" + term;
        }
    }

    /** The leader's heartbeat and log replication: entries after {@code prevLogIndex}, and its commit index. */
    record AppendEntries(long term, String leader, long prevLogIndex, long prevLogTerm, List<Entry> entries,
            long leaderCommit) implements RaftMessage {
        /** Copies the list. */
        public AppendEntries {
            entries = List.copyOf(entries);
        }

        @Override
        public String toString() {
            if (entries.isEmpty()) return "heartbeat t" + term;
            return entries.size() == 1 ? "append " + entries.get(0) + " at " + (prevLogIndex + 1) + " t" + term
                    : "append " + entries.size() + " entries at " + (prevLogIndex + 1) + "–" + (prevLogIndex + entries.size())
                            + " t" + term;
        }
    }

    /** A follower's answer to {@link AppendEntries}: its term, success, and how far its log now matches. */
    record AppendReply(long term, boolean success, long matchIndex) implements RaftMessage {
        @Override
        public String toString() {
            return (success ? "ok " + matchIndex : "reject") + " t" + term;
        }
    }

    /** Timer: no word from a leader for a whole election timeout. */
    record ElectionTimeout() implements RaftMessage {
        @Override
        public String toString() {
            return "election timeout";
        }
    }

    /** Timer: a candidate of {@code term} asks again the servers that have not answered. */
    record ResendVotes(long term) implements RaftMessage {
        @Override
        public String toString() {
            return "resend votes t" + term;
        }
    }

    /** Timer: the leader's next heartbeat. */
    record HeartbeatDue() implements RaftMessage {
        @Override
        public String toString() {
            return "heartbeat due";
        }
    }
}
