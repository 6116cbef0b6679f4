package sdx.consensus;

/**
 * What a {@link VoteHandler} sees of the node it runs in: its term, its vote in this term and its
 * log, and the two actions of a vote. Before calling the handler, the node has already moved to a
 * request's newer term (forgetting its vote of the old term), exactly as Raft's rule "if a message
 * carries a higher term, adopt it" says.
 */
public interface Voter {
    /** This node's current term. */
    long currentTerm();

    /** The candidate this node voted for in {@link #currentTerm()}, or null if it has not voted. */
    String votedFor();

    /** Index of this node's last log entry (0 when empty). */
    long lastLogIndex();

    /** Term of this node's last log entry (0 when empty). */
    long lastLogTerm();

    /** Records a vote for {@code candidate} in the current term, in memory only. */
    void voteFor(String candidate);

    /** Writes the current term and vote to this node's disk, where they survive a crash. */
    void persist();
}
