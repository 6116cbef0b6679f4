package sdx.consensus;

/**
 * Raft's RequestVote rule: decide whether {@code me} grants its vote to {@code request}'s candidate.
 * Return true to grant. Runs inside {@link RaftNode}, which sends the reply with the node's term.
 */
@FunctionalInterface
public interface VoteHandler {
    /** Decides a vote; may call {@link Voter#voteFor} and {@link Voter#persist}. */
    boolean handle(RaftMessage.RequestVote request, Voter me);
}
