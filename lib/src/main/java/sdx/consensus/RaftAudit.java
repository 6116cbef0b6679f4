package sdx.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The observer beside a Raft run: it sees every election won, every vote granted and every entry
 * committed (across crashes, since it is not part of any node), and checks Raft's safety rules as
 * named invariants. The first violation is kept, with the virtual time it happened.
 */
final class RaftAudit {
    /** At most one leader per term (Raft's Election Safety). */
    static final String ELECTION_SAFETY = "ELECTION_SAFETY";
    /** A node grants at most one vote per term, even across a crash. */
    static final String ONE_VOTE_PER_TERM = "ONE_VOTE_PER_TERM";
    /** No vote for a candidate whose term is older than the voter's. */
    static final String NO_STALE_VOTE = "NO_STALE_VOTE";
    /** No vote for a candidate whose log is less up to date than the voter's. */
    static final String UP_TO_DATE_VOTE = "UP_TO_DATE_VOTE";
    /** Once an entry is committed at an index, no node commits another entry there (State Machine Safety). */
    static final String STATE_MACHINE_SAFETY = "STATE_MACHINE_SAFETY";
    /** A new leader's log holds every entry committed before it was elected (Leader Completeness). */
    static final String LEADER_COMPLETENESS = "LEADER_COMPLETENESS";

    /** A granted vote is on disk (term and candidate) before the reply leaves, so a crash cannot undo it. */
    static final String VOTE_PERSISTED = "VOTE_PERSISTED";

    /** Every invariant's name. */
    static final List<String> ALL = List.of(ELECTION_SAFETY, ONE_VOTE_PER_TERM, NO_STALE_VOTE, UP_TO_DATE_VOTE,
            VOTE_PERSISTED, STATE_MACHINE_SAFETY, LEADER_COMPLETENESS);

    /** A leader elected: who, in which term, when (microseconds). */
    record Win(long time, long term, String leader) {}

    /** A broken invariant: which, when, and what happened. */
    record Violation(String invariant, long time, String detail) {}

    final Map<Long, String> leaderOfTerm = new HashMap<>();
    final List<Win> wins = new ArrayList<>();
    private final Map<String, Map<Long, Set<String>>> votes = new HashMap<>();
    private final Map<Long, RaftMessage.Entry> committed = new HashMap<>();
    private final List<Violation> violations = new ArrayList<>();
    long electionsStarted;
    long firstTimeoutAfter = -1;
    long watchFrom = Long.MAX_VALUE;

    void becameLeader(long time, long term, String name, List<RaftMessage.Entry> log) {
        wins.add(new Win(time, term, name));
        String other = leaderOfTerm.putIfAbsent(term, name);
        if (other != null && !other.equals(name)) {
            violate(ELECTION_SAFETY, time, other + " and " + name + " are both leaders of term " + term);
        }
        for (Map.Entry<Long, RaftMessage.Entry> c : committed.entrySet()) {
            long i = c.getKey();
            if (log.size() < i || !log.get((int) i - 1).equals(c.getValue())) {
                violate(LEADER_COMPLETENESS, time, name + " became leader of term " + term + " without committed entry "
                        + c.getValue() + " at index " + i);
                return;
            }
        }
    }

    /** Called after every granted vote with the voter's name (a targeted nemesis may reboot it). */
    java.util.function.Consumer<String> onVote = v -> {};

    void voted(long time, String voter, long voterTerm, long voterLastTerm, long voterLastIndex,
            RaftMessage.RequestVote req) {
        onVote.accept(voter);
        if (req.term() < voterTerm) {
            violate(NO_STALE_VOTE, time, voter + " (term " + voterTerm + ") voted for " + req.candidate()
                    + " of older term " + req.term());
        }
        Set<String> chosen = votes.computeIfAbsent(voter, v -> new HashMap<>()).computeIfAbsent(req.term(),
                t -> new HashSet<>());
        chosen.add(req.candidate());
        if (chosen.size() > 1) {
            violate(ONE_VOTE_PER_TERM, time, voter + " voted for " + new java.util.TreeSet<>(chosen) + " in term "
                    + req.term());
        }
        boolean upToDate = req.lastLogTerm() > voterLastTerm
                || (req.lastLogTerm() == voterLastTerm && req.lastLogIndex() >= voterLastIndex);
        if (!upToDate) {
            violate(UP_TO_DATE_VOTE, time, voter + " (log " + voterLastIndex + "@t" + voterLastTerm + ") voted for "
                    + req.candidate() + " whose log (" + req.lastLogIndex() + "@t" + req.lastLogTerm() + ") is behind");
        }
    }

    void persisted(long time, String voter, long term, String candidate, long termOnDisk, String voteOnDisk) {
        if (termOnDisk != term || !candidate.equals(voteOnDisk)) {
            violate(VOTE_PERSISTED, time, voter + " granted its term-" + term + " vote to " + candidate
                    + " but its disk says " + (voteOnDisk.isEmpty() ? "no vote" : "a vote for " + voteOnDisk)
                    + " in term " + termOnDisk);
        }
    }

    void committed(long time, String node, long index, RaftMessage.Entry entry) {
        RaftMessage.Entry before = committed.putIfAbsent(index, entry);
        if (before != null && !before.equals(entry)) {
            violate(STATE_MACHINE_SAFETY, time, node + " committed " + entry + " at index " + index + " where "
                    + before + " was committed");
        }
    }

    void candidacy(long time) {
        electionsStarted++;
        if (time >= watchFrom && firstTimeoutAfter < 0) firstTimeoutAfter = time;
    }

    private void violate(String invariant, long time, String detail) {
        violations.add(new Violation(invariant, time, detail));
    }

    /** The first violation of {@code invariant} (null: of any invariant), or null. */
    Violation first(String invariant) {
        for (Violation v : violations) if (invariant == null || v.invariant().equals(invariant)) return v;
        return null;
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    long committedCount() {
        return committed.size();
    }
}
