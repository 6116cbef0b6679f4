package sdx.transactions;

import sdx.sim.Node;

/**
 * A participant in two-phase commit, as the invariants see it. The reference is {@link TwoPcParticipant};
 * notebook 17's exercise asks for one of your own.
 */
public interface Participant extends Node<TwoPcMessage> {
    /** What this participant has decided: {@code true} commit, {@code false} abort, {@code null} not yet. */
    Boolean decision();

    /**
     * How a participant is set up.
     *
     * @param coordinator    the coordinator's node name
     * @param voteYes        whether it votes yes when asked to prepare (a "no" aborts the transaction)
     * @param askAgainMicros how long it waits, having voted yes, before asking the coordinator again
     */
    record Settings(String coordinator, boolean voteYes, long askAgainMicros) {}
}
