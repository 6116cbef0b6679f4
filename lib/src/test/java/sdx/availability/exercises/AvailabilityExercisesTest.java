package sdx.availability.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.availability.Availability;
import sdx.availability.Block;
import sdx.availability.Theory;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;

/**
 * Notebook 06's three graders: the architecture function (each check failed by a plausible wrong answer),
 * and the two predictions, whose truths are checked against hand calculations and the simulation.
 */
class AvailabilityExercisesTest {

    @Test
    void serversTruthByHand() {
        // a = 990 / 1000 = 0.99. Two needed. 3 servers: down when 2 or 3 are down: 3 * 0.01^2 * 0.99 + 0.01^3 = 2.98e-4.
        // 4 servers: down when 3 or 4 are down: 4 * 0.01^3 * 0.99 + 0.01^4 = 3.97e-6 <= 1e-5. So 4.
        assertEquals(4, AvailabilityExercises.serversTruth());
    }

    @Test
    void sharedRackTruthByHandAndBySimulation() {
        // rack 9,990 / 10,000 = 0.999; pair 1 - 0.01^2 = 0.9999; down 1 - 0.999 * 0.9999 = 0.0010999 of 8,766 h.
        assertEquals(0.0010999 * 8_766, AvailabilityExercises.sharedRackTruth(), 1e-6);
        Block.Part rack = Block.part("rack", AvailabilityExercises.RACK_MTBF, AvailabilityExercises.RACK_MTTR);
        Block pair = Block.parallel(Block.series(rack, Block.part("A", 990, 10)), Block.series(rack, Block.part("B", 990, 10)));
        var m = Availability.simulate(pair, 20_000, 42);
        // within 4 standard errors of the simulation (see SimulationTest for why 4)
        assertEquals(AvailabilityExercises.sharedRackTruth(), m.downtimeHoursPerYear(),
                4 * m.standardError() * Theory.HOURS_PER_YEAR);
        assertTrue(4 * m.standardError() * Theory.HOURS_PER_YEAR < 0.5, "the simulation can tell the tolerance apart");
    }

    /** Exercise 1: the architecture's availability. */
    @Nested
    class ArchitectureGrader extends GraderContract<ArchitectureModel> {
        @Override protected Report grade(ArchitectureModel m) { return AvailabilityExercises.architecture(m); }

        /** The notebook's solution, written with the library's formulas. */
        @Override protected ArchitectureModel reference() {
            return (lb, app, db) -> Theory.series(Theory.parallel(lb, 2), Theory.kOfN(2, 3, app), Theory.parallel(db, 2));
        }

        @Override protected ArchitectureModel stub() { return (lb, app, db) -> Exercise.todo(); }

        /** The formula written out by hand. */
        @Override protected List<ArchitectureModel> alsoCorrect() {
            return List.of(ArchitectureChecks::reference);
        }

        @Override
        protected List<Mutant<ArchitectureModel>> mutants() {
            return List.of(
                    mutant("returns the unavailability", "extremes",
                            (lb, app, db) -> 1 - ArchitectureChecks.reference(lb, app, db)),
                    mutant("one load balancer (a single point of failure)", "loadBalancerPair",
                            (lb, app, db) -> lb * Theory.kOfN(2, 3, app) * Theory.parallel(db, 2)),
                    mutant("any one of the three app servers suffices", "appTierTwoOfThree",
                            (lb, app, db) -> Theory.parallel(lb, 2) * Theory.parallel(app, 3) * Theory.parallel(db, 2)),
                    mutant("the three app servers in series", "appTierTwoOfThree",
                            (lb, app, db) -> Theory.parallel(lb, 2) * app * app * app * Theory.parallel(db, 2)),
                    mutant("only the primary database counts", "databasePair",
                            (lb, app, db) -> Theory.parallel(lb, 2) * Theory.kOfN(2, 3, app) * db),
                    mutant("as available as its weakest tier", "wholeArchitecture",
                            (lb, app, db) -> Math.min(Theory.parallel(lb, 2), Math.min(Theory.kOfN(2, 3, app), Theory.parallel(db, 2)))),
                    mutant("downtimes of the tiers added up (the rare-failure shortcut)", "wholeArchitecture",
                            (lb, app, db) -> Math.max(0, 1 - (1 - Theory.parallel(lb, 2)) - (1 - Theory.kOfN(2, 3, app))
                                    - (1 - Theory.parallel(db, 2)))));
        }
    }

    /** Exercise 2: servers for five nines. */
    @Nested
    class ServersPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double answer) { return AvailabilityExercises.serversFor(answer); }
        @Override protected Double reference() { return 4.0; } // the notebook's solution
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(
                    mutant("N+1 is always enough", p, 3.0),
                    mutant("N+3: one spare for each nine beyond the servers' own two", p, 5.0),
                    mutant("a full copy for each needed server (2 x 3 for five nines each)", p, 6.0));
        }
    }

    /** Exercise 3: downtime of a pair sharing a rack. */
    @Nested
    class RackPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double answer) { return AvailabilityExercises.sharedRack(answer); }
        @Override protected Double reference() { return 9.64; } // the notebook's solution, rounded
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }
        @Override protected List<Double> alsoCorrect() { return List.of(AvailabilityExercises.sharedRackTruth()); }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            double h = Theory.HOURS_PER_YEAR;
            return List.of(
                    mutant("the pair as if the servers were independent, rack ignored", p, 1e-4 * h),
                    mutant("the formula of the diagram, paths independent", p,
                            (1 - Theory.parallel(0.999 * 0.99, 2)) * h),
                    mutant("only the rack counts", p, 0.001 * h),
                    mutant("rack and both servers in series", p, (1 - 0.999 * 0.99 * 0.99) * h));
        }
    }

    @Test
    void missesNameTheDirectionOnly() {
        Report r = AvailabilityExercises.serversFor(3);
        assertTrue(r.results().get(0).message().endsWith("too low"), r.toString());
        assertFalse(r.html().contains(String.valueOf(AvailabilityExercises.serversTruth()) + " servers"), r.html());
        assertTrue(AvailabilityExercises.sharedRack(100).results().get(0).message().endsWith("too high"));
    }
}
