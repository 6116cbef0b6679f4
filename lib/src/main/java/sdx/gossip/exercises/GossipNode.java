package sdx.gossip.exercises;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A node of the round-based gossip network the exercise grades: at the start of every round the network
 * calls {@link #onRound}; messages sent then arrive in the same round and are handed to {@link #onMessage};
 * answers sent from there arrive before the round ends. Any message may be lost.
 */
public interface GossipNode {
    /** A client tells this node a new rumor. */
    void learn(String rumor);

    /** Every rumor this node knows. */
    Set<String> rumors();

    /** The start of a round: call a peer. */
    void onRound(Round round);

    /** A message from node {@code from} arrived. */
    void onMessage(int from, GossipMessage message, Round round);

    /** Builds one node (e.g. {@code MyNode::new}). */
    @FunctionalInterface
    interface Factory {
        /** A fresh node that knows nothing yet. */
        GossipNode create();
    }

    /** What a node can do during a round. */
    interface Round {
        /** This node's number, 0 to {@code nodes() - 1}. */
        int self();

        /** How many nodes there are. */
        int nodes();

        /** The round number, from 1. */
        int number();

        /** This node's seeded random numbers. */
        RandomGenerator random();

        /** Sends {@code message} to node {@code to} (it may be lost). */
        void send(int to, GossipMessage message);
    }
}
