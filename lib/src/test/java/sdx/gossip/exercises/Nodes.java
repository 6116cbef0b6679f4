package sdx.gossip.exercises;

import java.util.HashSet;
import java.util.Set;

/** The reference push-pull node and wrong ones, each targeting one check. */
final class Nodes {
    private Nodes() {}

    /** The reference: call one random other peer each round with everything known; answer pushes. */
    static class Reference implements GossipNode {
        final Set<String> known = new HashSet<>();

        @Override
        public void learn(String rumor) {
            known.add(rumor);
        }

        @Override
        public Set<String> rumors() {
            return known;
        }

        int peer(Round r) {
            int p = r.random().nextInt(r.nodes() - 1);
            return p >= r.self() ? p + 1 : p;
        }

        @Override
        public void onRound(Round r) {
            r.send(peer(r), new GossipMessage.Push(known));
        }

        @Override
        public void onMessage(int from, GossipMessage m, Round r) {
            if (m instanceof GossipMessage.Push p) {
                known.addAll(p.rumors());
                r.send(from, new GossipMessage.Reply(known));
            } else if (m instanceof GossipMessage.Reply p) {
                known.addAll(p.rumors());
            }
        }
    }

    /** Push only: never replies. */
    static class PushOnly extends Reference {
        @Override
        public void onMessage(int from, GossipMessage m, Round r) {
            if (m instanceof GossipMessage.Push p) known.addAll(p.rumors());
        }
    }

    /** Forgets to merge what a push brings (replies still merged): effectively pull only. */
    static class ForgetsToMergePush extends Reference {
        @Override
        public void onMessage(int from, GossipMessage m, Round r) {
            if (m instanceof GossipMessage.Push) r.send(from, new GossipMessage.Reply(known));
            else if (m instanceof GossipMessage.Reply p) known.addAll(p.rumors());
        }
    }

    /** Never merges: answers pushes but keeps only what it was told by a client. */
    static class NeverMerges extends Reference {
        @Override
        public void onMessage(int from, GossipMessage m, Round r) {
            if (m instanceof GossipMessage.Push) r.send(from, new GossipMessage.Reply(known));
        }
    }

    /** Replaces what it knows by what it hears, instead of taking the union. */
    static class ReplacesInsteadOfMerging extends Reference {
        @Override
        public void onMessage(int from, GossipMessage m, Round r) {
            if (m instanceof GossipMessage.Push p) {
                Set<String> mine = Set.copyOf(known);
                known.clear();
                known.addAll(p.rumors());
                r.send(from, new GossipMessage.Reply(mine));
            } else if (m instanceof GossipMessage.Reply p) {
                known.clear();
                known.addAll(p.rumors());
            }
        }
    }

    /** Picks a peer among all nodes, itself included. */
    static class SendsToItself extends Reference {
        @Override
        int peer(Round r) {
            return r.random().nextInt(r.nodes());
        }
    }

    /** No retry: pushes only in the round after it learned something new. */
    static class NoRetry extends Reference {
        private int lastSize;

        @Override
        public void onRound(Round r) {
            if (known.size() > lastSize) {
                lastSize = known.size();
                super.onRound(r);
            }
        }
    }

    /** Floods: pushes to every peer every round. */
    static class Floods extends Reference {
        @Override
        public void onRound(Round r) {
            for (int p = 0; p < r.nodes(); p++) if (p != r.self()) r.send(p, new GossipMessage.Push(known));
        }
    }

    /** Calls two peers per round. */
    static class FanoutTwo extends Reference {
        @Override
        public void onRound(Round r) {
            super.onRound(r);
            super.onRound(r);
        }
    }

    /** The stub of the notebook. */
    static class Stub implements GossipNode {
        @Override
        public void learn(String rumor) {}

        @Override
        public Set<String> rumors() {
            return Set.of();
        }

        @Override
        public void onRound(Round r) {
            sdx.exercise.Exercise.todo();
        }

        @Override
        public void onMessage(int from, GossipMessage m, Round r) {
            sdx.exercise.Exercise.todo();
        }
    }
}
