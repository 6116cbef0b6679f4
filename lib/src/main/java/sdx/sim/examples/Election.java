package sdx.sim.examples;

import java.util.HashSet;
import java.util.Set;
import sdx.sim.Context;
import sdx.sim.Node;
import sdx.sim.Simulation;
import sdx.sim.TimerId;
import sdx.sim.Time;

/**
 * A minimal Raft-style leader election (terms, one vote per term, randomized election timeouts,
 * heartbeats), without logs. Used by the tests, the benchmark and the explorer's docs; notebook 16 has
 * the full lesson. {@code forgetVote} plants a bug: the vote is kept in memory only, so a node that
 * crashes and restarts may vote twice in one term.
 */
public final class Election {
    private Election() {}

    /** Every message and timer. */
    public sealed interface Msg permits RequestVote, Vote, Heartbeat, ElectionTimeout, HeartbeatTick {}

    /** A candidate asks for a vote in {@code term}. */
    public record RequestVote(int term) implements Msg {}

    /** The answer to a vote request. */
    public record Vote(int term, boolean granted) implements Msg {}

    /** A leader's "I am alive" for {@code term}. */
    public record Heartbeat(int term) implements Msg {}

    /** Fires when no heartbeat came for a while. */
    public record ElectionTimeout() implements Msg {}

    /** A leader's heartbeat period. */
    public record HeartbeatTick() implements Msg {}

    /** The role of a node. */
    public enum Role { FOLLOWER, CANDIDATE, LEADER }

    /** Timing of an election node, in µs. */
    public record Timing(long minTimeout, long maxTimeout, long heartbeat) {
        /** Raft's suggested figures: 150–300 ms timeouts, 50 ms heartbeats. */
        public static Timing raft() {
            return new Timing(Time.ms(150), Time.ms(300), Time.ms(50));
        }
    }

    /** One election participant. */
    public static final class Participant implements Node<Msg> {
        private final Timing timing;
        private final boolean forgetVote;
        private int term;
        private String votedFor;
        private Role role = Role.FOLLOWER;
        private final Set<String> votes = new HashSet<>();
        private TimerId electionTimer;

        /** A correct participant. */
        public Participant(Timing timing) {
            this(timing, false);
        }

        /** A participant; with {@code forgetVote} its vote is not on disk (a planted bug). */
        public Participant(Timing timing, boolean forgetVote) {
            this.timing = timing;
            this.forgetVote = forgetVote;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            term = ctx.disk().get("term", Integer.class).orElse(0);
            votedFor = forgetVote ? null : ctx.disk().get("votedFor", String.class).orElse(null);
            resetElectionTimer(ctx);
        }

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (m instanceof RequestVote r) {
                if (r.term() > term) stepDown(r.term(), ctx);
                boolean grant = r.term() == term && (votedFor == null || votedFor.equals(from));
                if (grant) {
                    votedFor = from;
                    if (!forgetVote) ctx.disk().put("votedFor", from);
                    resetElectionTimer(ctx);
                }
                ctx.send(from, new Vote(term, grant));
            } else if (m instanceof Vote v) {
                if (v.term() > term) {
                    stepDown(v.term(), ctx);
                } else if (role == Role.CANDIDATE && v.term() == term && v.granted()) {
                    votes.add(from);
                    if (votes.size() + 1 > (ctx.peers().size() + 1) / 2) becomeLeader(ctx);
                }
            } else if (m instanceof Heartbeat h) {
                if (h.term() > term || (h.term() == term && role != Role.LEADER)) {
                    if (h.term() > term) stepDown(h.term(), ctx);
                    role = Role.FOLLOWER;
                    resetElectionTimer(ctx);
                }
            }
        }

        @Override
        public void onTimer(Msg t, Context<Msg> ctx) {
            if (t instanceof ElectionTimeout && role != Role.LEADER) {
                setTerm(term + 1, ctx);
                role = Role.CANDIDATE;
                votedFor = ctx.self();
                if (!forgetVote) ctx.disk().put("votedFor", votedFor);
                votes.clear();
                ctx.broadcast(new RequestVote(term));
                resetElectionTimer(ctx);
            } else if (t instanceof HeartbeatTick && role == Role.LEADER) {
                ctx.broadcast(new Heartbeat(term));
                ctx.set(new HeartbeatTick(), timing.heartbeat());
            }
        }

        private void becomeLeader(Context<Msg> ctx) {
            role = Role.LEADER;
            ctx.note("leader t" + term);
            if (electionTimer != null) ctx.cancel(electionTimer);
            ctx.broadcast(new Heartbeat(term));
            ctx.set(new HeartbeatTick(), timing.heartbeat());
        }

        private void stepDown(int newTerm, Context<Msg> ctx) {
            setTerm(newTerm, ctx);
            votedFor = null;
            if (!forgetVote) ctx.disk().put("votedFor", "");
            if (role == Role.LEADER) resetElectionTimer(ctx);
            role = Role.FOLLOWER;
        }

        private void setTerm(int t, Context<Msg> ctx) {
            term = t;
            ctx.disk().put("term", t);
        }

        private void resetElectionTimer(Context<Msg> ctx) {
            if (electionTimer != null) ctx.cancel(electionTimer);
            long span = timing.maxTimeout() - timing.minTimeout();
            long timeout = timing.minTimeout() + (span == 0 ? 0 : ctx.random().nextLong(span + 1));
            electionTimer = ctx.set(new ElectionTimeout(), timeout);
        }

        /** The current term. */
        public int term() {
            return term;
        }

        /** The current role. */
        public Role role() {
            return role;
        }
    }

    /** {@code n} participants named n1..nN. */
    public static Simulation cluster(long seed, int n, Timing timing, boolean forgetVote) {
        Simulation sim = Simulation.seeded(seed);
        for (int i = 1; i <= n; i++) sim.add("n" + i, () -> new Participant(timing, forgetVote));
        return sim;
    }

    /** True when no two running nodes are leaders of the same term (Raft's Election Safety). */
    public static boolean oneLeaderPerTerm(Simulation sim) {
        int[] terms = new int[8];
        int leaders = 0;
        for (Participant p : sim.nodes(Participant.class).values()) {
            if (p.role() != Role.LEADER) continue;
            for (int i = 0; i < leaders; i++) if (terms[i] == p.term()) return false;
            if (leaders == terms.length) terms = java.util.Arrays.copyOf(terms, leaders * 2);
            terms[leaders++] = p.term();
        }
        return true;
    }
}
