package sdx.replication.exercises;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.replication.Leaderless;
import sdx.replication.QuorumRead;
import sdx.replication.Reply;
import sdx.replication.Versioned;

/**
 * Hidden checks for the quorum-read exercise: hand-made replies first, then seeded random ones (stale
 * replicas, replicas without the key, ties, too few replies), and last the learner's read inside the
 * leaderless simulation with R + W > N and a replica down, where no read may be stale.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class QuorumReadChecks {
    static final int CASES = 300;

    private final QuorumRead read = Grader.submission(QuorumRead.class);

    @Test
    @Basic
    @Order(1)
    @DisplayName("three replicas agree: return their value")
    @Hint("with r replies that all hold the same Versioned, return Optional.of(it)")
    void allAgree() {
        Versioned v = new Versioned(4, "c1", "x");
        expect(List.of(Reply.of("r1", v), Reply.of("r2", v), Reply.of("r3", v)), 2, Optional.of(v), "all three hold version 4");
    }

    @Test
    @Order(2)
    @DisplayName("stale replicas: return the highest version")
    @Hint("compare every reply's version, not just the first one's: a replica that missed the last write answers with an older one")
    void newestWins() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int c = 0; c < CASES; c++) {
            List<Reply> replies = new ArrayList<>();
            int n = 2 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) replies.add(Reply.of("r" + (i + 1), new Versioned(1 + rnd.nextInt(1000), "c1", "v" + i)));
            expect(replies, n, QuorumRead.NEWEST.read(replies, n), "versions of different ages");
        }
    }

    @Test
    @Order(3)
    @DisplayName("some replicas never got the key: ignore their empty answers")
    @Hint("an empty reply means that replica has no value, not that the key has none: use the newest of the others")
    void missingValues() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int c = 0; c < CASES; c++) {
            List<Reply> replies = new ArrayList<>();
            int n = 2 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                boolean has = i == n - 1 || rnd.nextBoolean();
                replies.add(has ? Reply.of("r" + (i + 1), new Versioned(1 + rnd.nextInt(50), "c1", "v" + i)) : Reply.none("r" + (i + 1)));
            }
            expect(replies, n, QuorumRead.NEWEST.read(replies, n), "some replicas hold nothing");
        }
        expect(List.of(Reply.none("r1"), Reply.none("r2")), 2, Optional.empty(), "no replica holds the key");
    }

    @Test
    @Order(4)
    @DisplayName("equal versions from two writers: the larger writer name wins, every time")
    @Hint("two coordinators can give concurrent writes the same version number; break the tie by writer (Versioned.NEWER does both)")
    void ties() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int c = 0; c < CASES; c++) {
            List<Reply> replies = new ArrayList<>();
            int n = 2 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) replies.add(Reply.of("r" + (i + 1), new Versioned(7, "c" + (1 + rnd.nextInt(5)), "v" + i)));
            expect(replies, n, QuorumRead.NEWEST.read(replies, n), "every reply has version 7");
        }
    }

    @Test
    @Order(5)
    @DisplayName("fewer than r replies: no answer")
    @Hint("if fewer than r replicas answered (some are down), the read is not a quorum: return Optional.empty()")
    void tooFewReplies() {
        Versioned v = new Versioned(3, "c1", "x");
        expect(List.of(Reply.of("r1", v)), 2, Optional.empty(), "only 1 of the 2 replies needed arrived");
        expect(List.of(), 1, Optional.empty(), "no reply arrived");
    }

    @Test
    @Order(6)
    @DisplayName("in the simulator, N = 5, R = W = 3, one replica down: no stale read in 300")
    @Hint("R + W > N means every read quorum meets the latest write quorum: the newest reply is the latest write")
    void inTheSimulator() {
        for (long seed = 1; seed <= 3; seed++) {
            Leaderless.Result r = Leaderless.run(seed, 5, 3, 3, 100, 1, read);
            if (r.stale() > 0) {
                fail("seed " + seed + ": " + r.stale() + " of " + r.reads() + " reads did not return the write just acknowledged");
            }
        }
    }

    private void expect(List<Reply> replies, int r, Optional<Versioned> want, String setting) {
        Optional<Versioned> got = read.read(List.copyOf(replies), r);
        if (got == null) fail(setting + ": returned null; return Optional.empty() for no answer");
        if (!got.equals(want)) {
            fail(setting + " (r = " + r + "): returned " + show(got) + " from replies " + shortList(replies) + ", expected " + show(want));
        }
    }

    private static String show(Optional<Versioned> v) {
        return v.map(x -> "version " + x.version() + " by " + x.writer()).orElse("nothing");
    }

    private static String shortList(List<Reply> replies) {
        List<String> s = new ArrayList<>();
        for (Reply x : replies) s.add(x.value().map(v -> v.version() + "/" + v.writer()).orElse("none"));
        return s.toString();
    }
}
