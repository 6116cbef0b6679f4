package sdx.gossip.exercises;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/**
 * Hidden checks for the push-pull exercise, run the MIT-lab way: many seeds, message loss, and a failure
 * that names the seed and the property broken. The submission is a {@link GossipNode.Factory}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class PushPullChecks {
    private final GossipNode.Factory factory = Grader.submission(GossipNode.Factory.class);

    /** Seeds of the graded runs: {@code FIRST_SEED .. FIRST_SEED + SEEDS - 1}. */
    static final long FIRST_SEED = 1_000;
    /** Runs per check. */
    static final int SEEDS = 30;

    @Test
    @Order(1)
    @DisplayName("never sends a message to itself or to a node that does not exist")
    @Hint("pick the peer among the other nodes: a number in 0..n-2, shifted up by one when it is >= self")
    void validPeers() {
        Scenario s = new Scenario(10, 2, 0, 20);
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            Scenario.Outcome o = s.run(factory, seed);
            if (o.fault() != null) fail("seed " + seed + ": " + o.fault());
        }
    }

    @Test
    @Order(2)
    @DisplayName("2 nodes, no loss: after 1 round both know both rumors")
    @Hint("the callee merges the pushed rumors AND replies with what it knows; the caller merges the reply")
    void twoNodes() {
        Scenario s = new Scenario(2, 2, 0, 1);
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            Scenario.Outcome o = s.run(factory, seed);
            if (!o.complete()) fail("seed " + seed + ": after 1 round " + o.missing());
        }
    }

    @Test
    @Order(3)
    @DisplayName("1,000 nodes, no loss: 3 rumors reach every node within " + PushPullExercise.ROUNDS_NO_LOSS + " rounds")
    @Hint("push-pull needs about log3 N + ln ln N rounds; push alone or pull alone needs many more")
    void fastWithoutLoss() {
        within(new Scenario(1_000, 3, 0, PushPullExercise.ROUNDS_NO_LOSS));
    }

    @Test
    @Order(4)
    @DisplayName("1,000 nodes, 20% loss: 3 rumors reach every node within " + PushPullExercise.ROUNDS_LOSSY + " rounds")
    @Hint("call a peer EVERY round with everything you know, not only when you learn something new: a lost message is then simply repeated")
    void survivesLoss() {
        within(new Scenario(1_000, 3, 0.2, PushPullExercise.ROUNDS_LOSSY));
    }

    @Test
    @Order(5)
    @DisplayName("at most 2 messages per node per round (one call, one answer)")
    @Hint("each round a node calls ONE peer; a node answers each push it gets with one reply, and does not answer replies")
    void boundedMessages() {
        Scenario s = new Scenario(1_000, 3, 0, PushPullExercise.ROUNDS_NO_LOSS);
        for (long seed = FIRST_SEED; seed < FIRST_SEED + 5; seed++) {
            Scenario.Outcome o = s.run(factory, seed);
            int rounds = o.complete() ? o.rounds() : s.limit();
            double perNodeRound = (double) o.messages() / (s.nodes() * (double) Math.max(1, rounds));
            if (perNodeRound > 2.0) {
                fail(String.format(Locale.ROOT, "seed %d: %.2f messages per node per round (%,d messages in %d rounds "
                        + "on %,d nodes); push-pull needs at most 2", seed, perNodeRound, o.messages(), rounds, s.nodes()));
            }
        }
    }

    private void within(Scenario s) {
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            Scenario.Outcome o = s.run(factory, seed);
            if (o.fault() != null) fail("seed " + seed + ": " + o.fault());
            if (!o.complete()) {
                fail(String.format(Locale.ROOT, "seed %d: after %d rounds %s (%,d nodes, %.0f%% loss)", seed, s.limit(),
                        o.missing(), s.nodes(), s.loss() * 100));
            }
        }
    }
}
