package sdx.consensus.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdx.consensus.VoteHandler;
import sdx.exercise.Exercise;
import sdx.exercise.Report;

/** The RequestVote checker against a correct handler, four wrong ones (one per rule) and the stub. */
class VoteChecksTest {

    static boolean upToDate(sdx.consensus.RaftMessage.RequestVote req, sdx.consensus.Voter me) {
        return req.lastLogTerm() > me.lastLogTerm()
                || (req.lastLogTerm() == me.lastLogTerm() && req.lastLogIndex() >= me.lastLogIndex());
    }

    static final VoteHandler CORRECT = (req, me) -> {
        if (req.term() < me.currentTerm()) return false;
        if (me.votedFor() != null && !me.votedFor().equals(req.candidate())) return false;
        if (!upToDate(req, me)) return false;
        me.voteFor(req.candidate());
        me.persist();
        return true;
    };

    static final VoteHandler VOTES_TWICE = (req, me) -> {
        if (req.term() < me.currentTerm() || !upToDate(req, me)) return false;
        me.voteFor(req.candidate());
        me.persist();
        return true;
    };

    static final VoteHandler IGNORES_TERM = (req, me) -> {
        if (me.votedFor() != null && !me.votedFor().equals(req.candidate())) return false;
        if (!upToDate(req, me)) return false;
        me.voteFor(req.candidate());
        me.persist();
        return true;
    };

    static final VoteHandler FORGETS_VOTE = (req, me) -> {
        if (req.term() < me.currentTerm()) return false;
        if (me.votedFor() != null && !me.votedFor().equals(req.candidate())) return false;
        if (!upToDate(req, me)) return false;
        me.voteFor(req.candidate());
        return true;
    };

    static final VoteHandler IGNORES_LOG = (req, me) -> {
        if (req.term() < me.currentTerm()) return false;
        if (me.votedFor() != null && !me.votedFor().equals(req.candidate())) return false;
        me.voteFor(req.candidate());
        me.persist();
        return true;
    };

    static final VoteHandler NEVER = (req, me) -> false;

    private static Report.Status status(Report r, String checkStart) {
        return r.results().stream().filter(x -> x.check().startsWith(checkStart)).findFirst().orElseThrow().status();
    }

    private static String message(Report r, String checkStart) {
        return r.results().stream().filter(x -> x.check().startsWith(checkStart)).findFirst().orElseThrow().message();
    }

    @Test
    void correctHandlerPassesEveryCheck() {
        Report r = ConsensusExercises.requestVote(CORRECT);
        assertTrue(r.passed(), r.toString());
        assertEquals(6, r.results().size());
    }

    @Test
    void votingTwiceFailsOneVotePerTerm() {
        Report r = ConsensusExercises.requestVote(VOTES_TWICE);
        assertEquals(Report.Status.FAILED, status(r, "at most one vote per term"), r.toString());
        assertTrue(message(r, "at most one vote per term").matches("seed \\d+ broke ONE_VOTE_PER_TERM: .*"), r.toString());
    }

    @Test
    void ignoringTermFailsOlderTermCheck() {
        Report r = ConsensusExercises.requestVote(IGNORES_TERM);
        assertEquals(Report.Status.FAILED, status(r, "never votes for a candidate of an older term"), r.toString());
        assertTrue(message(r, "never votes").contains("NO_STALE_VOTE"), r.toString());
    }

    @Test
    void forgettingToPersistFailsOnlyTheCrashCheckAmongVoteChecks() {
        Report r = ConsensusExercises.requestVote(FORGETS_VOTE);
        assertEquals(Report.Status.FAILED, status(r, "remembers its vote across a crash"), r.toString());
        assertEquals(Report.Status.PASSED, status(r, "at most one vote per term"), r.toString());
    }

    @Test
    void ignoringLogsFailsUpToDateCheck() {
        Report r = ConsensusExercises.requestVote(IGNORES_LOG);
        assertEquals(Report.Status.FAILED, status(r, "votes only for a candidate whose log"), r.toString());
    }

    @Test
    void refusingEveryoneFailsLiveness() {
        Report r = ConsensusExercises.requestVote(NEVER);
        assertEquals(Report.Status.FAILED, status(r, "a healthy cluster elects a leader"), r.toString());
    }

    @Test
    void stubIsNotAttempted() {
        Report r = ConsensusExercises.requestVote((req, me) -> Exercise.todo());
        assertEquals(Report.Status.NOT_ATTEMPTED, r.status(), r.toString());
    }

    @Test
    void predictionSaysTooHighOrTooLowWithoutTheAnswer() {
        int truth = ConsensusExercises.predictTruth();
        assertEquals(2, truth, "6 servers: a majority is 4, so 2 may crash");
        assertTrue(ConsensusExercises.predictFailures(truth).passed());
        Report high = ConsensusExercises.predictFailures(truth + 1);
        Report low = ConsensusExercises.predictFailures(truth - 1);
        assertEquals(Report.Status.FAILED, high.status());
        assertTrue(high.results().get(0).message().contains("too high"), high.toString());
        assertTrue(low.results().get(0).message().contains("too low"), low.toString());
        for (Report r : List.of(high, low)) {
            assertTrue(!r.toString().contains(Integer.toString(truth)) || r.toString().contains(" 6 "), r.toString());
        }
        assertEquals(Report.Status.NOT_ATTEMPTED, ConsensusExercises.predictFailures(Exercise.TODO_NUMBER).status());
    }
}
