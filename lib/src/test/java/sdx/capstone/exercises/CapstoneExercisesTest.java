package sdx.capstone.exercises;

import java.util.List;
import org.junit.jupiter.api.Nested;
import sdx.capstone.Design;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Report;

/** Notebook 26's grader against the notebook's solution, mutant designs (one per principle) and the stub. */
class CapstoneExercisesTest {

    /** The notebook's solution for the grown day. */
    static final Design SOLUTION = Design.builder().appServers(24).zones(3).shards(3).replicas(2).cacheEntries(100_000)
            .rateLimitPerClient(20).tls(true).codeLength(7).randomCodes(true).build();

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
