package sdx.gossip.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdx.exercise.Report;
import sdx.gossip.GossipTheory;

/** The graders pass the reference, fail each wrong node on the check it targets, and never give the answer away. */
class GossipExercisesTest {
    private static Report.Result row(Report r, String startsWith) {
        return r.results().stream().filter(x -> x.check().startsWith(startsWith)).findFirst().orElseThrow();
    }

    private static void failsOnly(Report r, String... checks) {
        List<String> failed = r.results().stream().filter(x -> x.status() == Report.Status.FAILED).map(Report.Result::check).toList();
        for (String c : checks) {
            Report.Result res = row(r, c);
            assertEquals(Report.Status.FAILED, res.status(), c + " should fail: " + r);
            assertTrue(res.message().startsWith("seed "), "a failure names the seed: " + res.message());
        }
        assertEquals(checks.length, failed.size(), "only the targeted checks fail: " + r);
    }

    @Test
    void referencePasses() {
        Report r = GossipExercises.pushPull(Nodes.Reference::new);
        assertTrue(r.passed(), r.toString());
        assertEquals(5, r.results().size());
    }

    @Test
    void stubIsNotAttempted() {
        assertEquals(Report.Status.NOT_ATTEMPTED, GossipExercises.pushPull(Nodes.Stub::new).status());
        assertEquals(Report.Status.NOT_ATTEMPTED, GossipExercises.predictRounds(Double.NaN).status());
    }

    @Test
    void sendingToItselfFailsThePeerCheck() {
        Report r = GossipExercises.pushPull(Nodes.SendsToItself::new);
        assertEquals(Report.Status.FAILED, row(r, "never sends").status(), r.toString());
        assertTrue(row(r, "never sends").message().contains("to itself"), r.toString());
    }

    @Test
    void pushOnlyIsTooSlow() {
        // on 2 nodes both call each other, so push alone still crosses; 1,000 nodes need ~19 rounds (limit 11)
        failsOnly(GossipExercises.pushPull(Nodes.PushOnly::new), "1,000 nodes, no loss", "1,000 nodes, 20% loss");
    }

    @Test
    void forgettingToMergeThePushIsTooSlow() {
        failsOnly(GossipExercises.pushPull(Nodes.ForgetsToMergePush::new), "1,000 nodes, no loss", "1,000 nodes, 20% loss");
    }

    @Test
    void neverMergingFailsEvenOnTwoNodes() {
        Report r = GossipExercises.pushPull(Nodes.NeverMerges::new);
        assertEquals(Report.Status.FAILED, row(r, "2 nodes").status(), r.toString());
        assertTrue(row(r, "2 nodes").message().contains("still lacks"), r.toString());
    }

    @Test
    void replacingInsteadOfMergingLosesRumors() {
        Report r = GossipExercises.pushPull(Nodes.ReplacesInsteadOfMerging::new);
        assertEquals(Report.Status.FAILED, row(r, "1,000 nodes, no loss").status(), r.toString());
        assertTrue(row(r, "1,000 nodes, no loss").message().contains("still lacks"), r.toString());
    }

    @Test
    void noRetryFailsUnderLoss() {
        Report r = GossipExercises.pushPull(Nodes.NoRetry::new);
        assertEquals(Report.Status.FAILED, row(r, "1,000 nodes, 20% loss").status(), r.toString());
    }

    @Test
    void twoCallsPerRoundBreakTheMessageBound() {
        failsOnly(GossipExercises.pushPull(Nodes.FanoutTwo::new), "at most 2 messages");
    }

    @Test
    void predictionSaysTooHighOrTooLowWithoutTheValue() {
        double truth = GossipExercises.predictTruth();
        String shown = String.format(java.util.Locale.ROOT, "%.4g", truth);
        Report low = GossipExercises.predictRounds(Math.log(GossipExercises.PREDICT_NODES) / Math.log(2));
        Report high = GossipExercises.predictRounds(truth + 5);
        assertFalse(low.passed());
        assertTrue(low.results().get(0).message().contains("too low"), low.toString());
        assertTrue(high.results().get(0).message().contains("too high"), high.toString());
        for (Report r : List.of(low, high)) assertFalse(r.toString().contains(shown), "the value leaks: " + r);
        assertTrue(GossipExercises.predictRounds(truth).passed());
        // the published theory is an acceptable prediction (its O(1) error is within the tolerance)
        assertTrue(GossipExercises.predictRounds(GossipTheory.push(GossipExercises.PREDICT_NODES)).passed());
    }
}
