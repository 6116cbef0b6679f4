package sdx.replication;

import java.util.List;
import java.util.Optional;

/**
 * What a leaderless read returns, given the replies that arrived (replicas that are down or slow sent
 * none). {@link #NEWEST} is the reference: empty if fewer than {@code r} replicas answered (not a quorum)
 * or none holds a value; otherwise the newest value by {@link Versioned#NEWER}.
 */
@FunctionalInterface
public interface QuorumRead {
    /** The value to return, or empty. */
    Optional<Versioned> read(List<Reply> replies, int r);

    /** The reference answer. */
    QuorumRead NEWEST = (replies, r) -> {
        if (replies.size() < r) return Optional.empty();
        return replies.stream().flatMap(x -> x.value().stream()).max(Versioned.NEWER);
    };
}
