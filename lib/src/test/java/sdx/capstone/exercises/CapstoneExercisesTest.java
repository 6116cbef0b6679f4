package sdx.capstone.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.capstone.Design;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;

/** Notebook 26's grader against the notebook's solution, mutant designs (one per principle) and the stub. */
class CapstoneExercisesTest {

    /** The notebook's solution for the grown day. */
    static final Design SOLUTION = Design.builder().appServers(24).zones(3).shards(3).replicas(2).cacheEntries(100_000)
            .rateLimitPerClient(20).tls(true).codeLength(7).randomCodes(true).build();

    @Test
    void theBotShareIsTheLimitOverTheFlood() {
        // A token bucket admits its rate: 50 of 2,000 requests a second is 2.5%. The bot's guesses never hit the
        // cache, so all of those reach the database; the bucket starting full adds under 0.1%.
        assertEquals(50.0 / 2_000, CapstoneExercises.BOT_SHARE.truth(), 0.001);
    }

    @Nested
    class BotShareGrader extends GraderContract<Double> {
        @Override protected Report grade(Double x) { return CapstoneExercises.predictBotShare(x); }
        @Override protected Double reference() { return 0.025; }
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }

        @Override
        protected List<Mutant<Double>> mutants() {
            return List.of(
                    mutant("the old limit's share (20 / 2,000)", Prediction.CHECK_ID, 0.01),
                    mutant("the limit stops the bot entirely", Prediction.CHECK_ID, 0.0),
                    mutant("the share the limit refuses", Prediction.CHECK_ID, 0.975),
                    mutant("a percentage, not a fraction", Prediction.CHECK_ID, 2.5),
                    mutant("the cache's miss ratio", Prediction.CHECK_ID, 0.25));
        }
    }

    @Nested
    class DesignGrader extends GraderContract<DesignChoice> {
        @Override protected Report grade(DesignChoice c) { return CapstoneExercises.design(c); }
        @Override protected DesignChoice reference() { return () -> SOLUTION; }
        @Override protected DesignChoice stub() { return () -> Exercise.todo(); }

        @Override
        protected List<DesignChoice> alsoCorrect() {
            return List.of(() -> SOLUTION.toBuilder().shards(2).cacheEntries(200_000).appServers(26).build());
        }

        @Override
        protected List<Mutant<DesignChoice>> mutants() {
            return List.of(
                    mutant("no replication", "availability", () -> SOLUTION.toBuilder().replicas(1).build()),
                    mutant("everything in one zone", "availability", () -> SOLUTION.toBuilder().zones(1).build()),
                    mutant("no cache", "latency", () -> SOLUTION.toBuilder().cacheEntries(0).build()),
                    mutant("the standard day's servers for twice the traffic", "latency",
                            () -> SOLUTION.toBuilder().appServers(14).build()),
                    mutant("far too many servers", "cost", () -> SOLUTION.toBuilder().appServers(40).build()),
                    mutant("five copies of every shard", "cost", () -> SOLUTION.toBuilder().replicas(5).build()),
                    mutant("no rate limit", "security", () -> SOLUTION.toBuilder().rateLimitPerClient(0).build()),
                    mutant("plain HTTP", "security", () -> SOLUTION.toBuilder().tls(false).build()),
                    mutant("codes counted up", "security", () -> SOLUTION.toBuilder().randomCodes(false).build()),
                    mutant("six-character codes", "security", () -> SOLUTION.toBuilder().codeLength(6).build()));
        }
    }
}
