package sdx.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdx.consensus.RaftMessage.AppendEntries;
import sdx.consensus.RaftMessage.AppendReply;
import sdx.consensus.RaftMessage.ElectionTimeout;
import sdx.consensus.RaftMessage.Entry;
import sdx.consensus.RaftMessage.HeartbeatDue;
import sdx.consensus.RaftMessage.RequestVote;
import sdx.consensus.RaftMessage.ResendVotes;
import sdx.consensus.RaftMessage.VoteReply;
import sdx.sim.Context;
import sdx.sim.Node;
import sdx.sim.TimerId;

/**
 * A Raft server (Ongaro and Ousterhout 2014, Figure 2): leader election with terms, votes kept on
 * disk and randomized election timeouts, plus log replication (an entry commits once a majority
 * stores it, and only entries of the leader's own term are committed by counting). No snapshots and
 * no membership changes. The RequestVote decision is pluggable ({@link VoteHandler}) so an exercise,
 * or a deliberately broken rule, can run inside an otherwise correct node.
 */
public final class RaftNode implements Node<RaftMessage> {

    /** A server's role. */
    public enum Role { FOLLOWER, CANDIDATE, LEADER }

    /** Raft's RequestVote rule, as the paper's Figure 2 states it. */
    static final VoteHandler RAFT_VOTE = (req, me) -> {
        if (!mayGrant(req, me)) return false;
        me.voteFor(req.candidate());
        me.persist();
        return true;
    };

    /** Broken on purpose: grants like Raft but never writes its vote to disk, so a restart forgets it. */
    static final VoteHandler FORGETFUL_VOTE = (req, me) -> {
        if (!mayGrant(req, me)) return false;
        me.voteFor(req.candidate());
        return true;
    };

    /** Figure 2's conditions: the term is current, no other vote this term, the candidate's log is at least as up to date. */
    private static boolean mayGrant(RaftMessage.RequestVote req, Voter me) {
        if (req.term() < me.currentTerm()) return false;
        if (me.votedFor() != null && !me.votedFor().equals(req.candidate())) return false;
        return req.lastLogTerm() > me.lastLogTerm()
                || (req.lastLogTerm() == me.lastLogTerm() && req.lastLogIndex() >= me.lastLogIndex());
    }

    private static final int MAX_BATCH = 16;

    private final RaftConfig config;
    private final RaftAudit audit;
    private Context<RaftMessage> ctx;
    private long currentTerm;
    private String votedFor;
    private List<Entry> log = new ArrayList<>();
    private long commitIndex;
    private Role role = Role.FOLLOWER;
    private String leader;
    private final Set<String> votes = new HashSet<>(), answered = new HashSet<>();
    private final Map<String, Long> nextIndex = new HashMap<>(), matchIndex = new HashMap<>();
    private TimerId electionTimer;
    private long commands;
    /** When this node last sent heartbeats (microseconds), or -1. */
    long lastHeartbeatAt = -1;

    RaftNode(RaftConfig config, RaftAudit audit) {
        this.config = config;
        this.audit = audit;
    }

    @Override
    public void onStart(Context<RaftMessage> ctx) {
        this.ctx = ctx;
        currentTerm = ctx.disk().get("term", Long.class).orElse(0L);
        votedFor = ctx.disk().get("votedFor", String.class).filter(v -> !v.isEmpty()).orElse(null);
        @SuppressWarnings("unchecked")
        List<Entry> saved = ctx.disk().get("log", List.class).orElse(List.of());
        log = new ArrayList<>(saved);
        resetElectionTimer();
    }

    @Override
    public void onTimer(RaftMessage timer, Context<RaftMessage> ctx) {
        if (timer instanceof ElectionTimeout) {
            electionTimer = null;
            if (role != Role.LEADER) startElection();
        } else if (timer instanceof HeartbeatDue && role == Role.LEADER) {
            if (config.commands()) append(new Entry(currentTerm, ctx.self() + "#" + (++commands)));
            sendAppends();
            ctx.set(new HeartbeatDue(), config.heartbeatMicros());
        } else if (timer instanceof ResendVotes r && role == Role.CANDIDATE && r.term() == currentTerm) {
            // ask again whoever has not answered: a request or its reply may have been lost
            RequestVote again = new RequestVote(currentTerm, ctx.self(), lastIndex(), lastTerm());
            for (String p : ctx.peers()) if (!answered.contains(p)) ctx.send(p, again);
            ctx.set(r, config.heartbeatMicros());
        }
    }

    @Override
    public void onMessage(String from, RaftMessage m, Context<RaftMessage> ctx) {
        if (m instanceof RequestVote rv) onRequestVote(from, rv);
        else if (m instanceof VoteReply vr) onVoteReply(from, vr);
        else if (m instanceof AppendEntries ae) onAppendEntries(from, ae);
        else if (m instanceof AppendReply ar) onAppendReply(from, ar);
    }

    private void startElection() {
        currentTerm++;
        role = Role.CANDIDATE;
        votedFor = ctx.self();
        leader = null;
        persistState();
        votes.clear();
        votes.add(ctx.self());
        answered.clear();
        audit.candidacy(ctx.now());
        ctx.broadcast(new RequestVote(currentTerm, ctx.self(), lastIndex(), lastTerm()));
        resetElectionTimer();
        ctx.set(new ResendVotes(currentTerm), config.heartbeatMicros());
        if (votes.size() >= majority()) becomeLeader(); // a cluster of one
    }

    private void onRequestVote(String from, RequestVote rv) {
        if (rv.term() > currentTerm) stepDown(rv.term());
        long termBefore = currentTerm, lastTerm = lastTerm(), lastIndex = lastIndex();
        boolean granted = config.votes().handle(rv, new VoterView());
        if (granted) {
            audit.voted(ctx.now(), ctx.self(), termBefore, lastTerm, lastIndex, rv);
            audit.persisted(ctx.now(), ctx.self(), currentTerm, rv.candidate(),
                    ctx.disk().get("term", Long.class).orElse(0L), ctx.disk().get("votedFor", String.class).orElse(""));
            resetElectionTimer();
        }
        ctx.send(from, new VoteReply(currentTerm, granted));
    }

    private void onVoteReply(String from, VoteReply vr) {
        if (vr.term() > currentTerm) {
            stepDown(vr.term());
            return;
        }
        if (role != Role.CANDIDATE || vr.term() != currentTerm) return;
        answered.add(from);
        if (!vr.granted()) return;
        votes.add(from);
        if (votes.size() >= majority()) becomeLeader();
    }

    private void becomeLeader() {
        role = Role.LEADER;
        leader = ctx.self();
        if (electionTimer != null) ctx.cancel(electionTimer);
        electionTimer = null;
        for (String p : ctx.peers()) {
            nextIndex.put(p, lastIndex() + 1);
            matchIndex.put(p, 0L);
        }
        audit.becameLeader(ctx.now(), currentTerm, ctx.self(), log);
        ctx.note("leader of term " + currentTerm);
        if (config.commands()) append(new Entry(currentTerm, "no-op"));
        sendAppends();
        ctx.set(new HeartbeatDue(), config.heartbeatMicros());
    }

    private void sendAppends() {
        lastHeartbeatAt = ctx.now();
        for (String p : ctx.peers()) {
            long next = nextIndex.get(p);
            long prev = next - 1;
            int to = (int) Math.min(log.size(), prev + MAX_BATCH);
            List<Entry> entries = next <= log.size() ? log.subList((int) prev, to) : List.of();
            ctx.send(p, new AppendEntries(currentTerm, ctx.self(), prev, termAt(prev), entries, commitIndex));
        }
    }

    private void onAppendEntries(String from, AppendEntries ae) {
        if (ae.term() < currentTerm) {
            ctx.send(from, new AppendReply(currentTerm, false, 0));
            return;
        }
        if (ae.term() > currentTerm || role != Role.FOLLOWER) stepDown(ae.term());
        leader = from;
        resetElectionTimer();
        if (ae.prevLogIndex() > lastIndex() || termAt(ae.prevLogIndex()) != ae.prevLogTerm()) {
            ctx.send(from, new AppendReply(currentTerm, false, 0));
            return;
        }
        long index = ae.prevLogIndex();
        boolean changed = false;
        for (Entry e : ae.entries()) {
            index++;
            if (index <= lastIndex() && termAt(index) != e.term()) {
                log.subList((int) index - 1, log.size()).clear(); // a conflict: drop it and all that follows
                changed = true;
            }
            if (index > lastIndex()) {
                log.add(e);
                changed = true;
            }
        }
        if (changed) ctx.disk().put("log", List.copyOf(log));
        long matched = ae.prevLogIndex() + ae.entries().size();
        if (ae.leaderCommit() > commitIndex) commitTo(Math.min(ae.leaderCommit(), matched));
        ctx.send(from, new AppendReply(currentTerm, true, matched));
    }

    private void onAppendReply(String from, AppendReply ar) {
        if (ar.term() > currentTerm) {
            stepDown(ar.term());
            return;
        }
        if (role != Role.LEADER || ar.term() != currentTerm) return;
        if (!ar.success()) {
            nextIndex.put(from, Math.max(1, nextIndex.get(from) - 1));
            return;
        }
        if (ar.matchIndex() > matchIndex.get(from)) matchIndex.put(from, ar.matchIndex());
        nextIndex.put(from, Math.max(nextIndex.get(from), ar.matchIndex() + 1));
        advanceCommit();
    }

    /** Commits the highest entry of this term that a majority stores (Raft commits older terms' entries only indirectly). */
    private void advanceCommit() {
        for (long n = lastIndex(); n > commitIndex && termAt(n) == currentTerm; n--) {
            int stored = 1;
            for (long m : matchIndex.values()) if (m >= n) stored++;
            if (stored >= majority()) {
                commitTo(n);
                break;
            }
        }
    }

    private void commitTo(long index) {
        if (index <= commitIndex) return;
        for (long i = commitIndex + 1; i <= index; i++) audit.committed(ctx.now(), ctx.self(), i, log.get((int) i - 1));
        commitIndex = index;
    }

    /**
     * A client's command: a leader appends it to its log and sends it at once; anyone else refuses (returns
     * false). The entry commits only once a majority stores it.
     */
    boolean propose(String command) {
        if (role != Role.LEADER) return false;
        append(new Entry(currentTerm, command));
        sendAppends();
        return true;
    }

    private void append(Entry e) {
        log.add(e);
        ctx.disk().put("log", List.copyOf(log));
        if (ctx.peers().isEmpty()) advanceCommit(); // a cluster of one is its own majority
    }

    private void stepDown(long term) {
        if (term > currentTerm) {
            currentTerm = term;
            votedFor = null;
            persistState();
        }
        if (role == Role.LEADER) resetElectionTimer();
        role = Role.FOLLOWER;
    }

    private void resetElectionTimer() {
        if (electionTimer != null) ctx.cancel(electionTimer);
        long lo = config.timeoutMinMicros(), hi = config.timeoutMaxMicros();
        long timeout = lo == hi ? lo : lo + ctx.random().nextLong(hi - lo + 1);
        electionTimer = ctx.set(new ElectionTimeout(), timeout);
    }

    private void persistState() {
        ctx.disk().put("term", currentTerm);
        ctx.disk().put("votedFor", votedFor == null ? "" : votedFor); // "" = no vote in this term
    }

    private int majority() {
        return (ctx.peers().size() + 1) / 2 + 1;
    }

    private long lastIndex() {
        return log.size();
    }

    private long lastTerm() {
        return termAt(log.size());
    }

    private long termAt(long index) {
        return index == 0 ? 0 : index > log.size() ? -1 : log.get((int) index - 1).term();
    }

    /** This node's role now. */
    public Role role() {
        return role;
    }

    /** This node's current term. */
    public long term() {
        return currentTerm;
    }

    /** How many log entries this node knows are committed. */
    public long commitIndex() {
        return commitIndex;
    }

    /** A copy of this node's log. */
    public List<Entry> log() {
        return List.copyOf(log);
    }

    /** The handler's view of this node. */
    private final class VoterView implements Voter {
        public long currentTerm() { return currentTerm; }
        public String votedFor() { return votedFor; }
        public long lastLogIndex() { return lastIndex(); }
        public long lastLogTerm() { return lastTerm(); }
        public void voteFor(String candidate) {
            sdx.core.Check.notNull("candidate", candidate);
            votedFor = candidate;
        }
        public void persist() { persistState(); }
    }
}
