package sdx.gossip.exercises;

import java.util.Set;

/** The push-pull exercise's messages: a node pushes what it knows; the callee replies with what it knows. */
public sealed interface GossipMessage permits GossipMessage.Push, GossipMessage.Reply {
    /**
     * "Here is what I know" (the call).
     *
     * @param rumors the sender's rumors (copied)
     */
    record Push(Set<String> rumors) implements GossipMessage {
        /** Copies the set. */
        public Push {
            rumors = Set.copyOf(rumors);
        }
    }

    /**
     * "And here is what I know" (the answer to a push).
     *
     * @param rumors the sender's rumors (copied)
     */
    record Reply(Set<String> rumors) implements GossipMessage {
        /** Copies the set. */
        public Reply {
            rumors = Set.copyOf(rumors);
        }
    }
}
