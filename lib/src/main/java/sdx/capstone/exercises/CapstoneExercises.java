package sdx.capstone.exercises;

import sdx.capstone.Prices;
import sdx.capstone.Scenario;
import sdx.capstone.Targets;
import sdx.exercise.Grader;
import sdx.exercise.Report;

/** Notebook 26's exercise, one method per check cell: {@link #design}. */
public final class CapstoneExercises {
    private CapstoneExercises() {}

    /**
     * The exercise's day: the standard day after the service has grown to twice the ordinary traffic (one
     * request in 1,000 simulated, so that grading takes as long as one standard day).
     */
    public static Scenario grownDay() {
        return Scenario.standard().withTraffic(2).sampledEvery(1_000);
    }

    /** The exercise's targets: the standard ones. */
    public static Targets targets() {
        return Targets.standard();
    }

    /** The exercise's prices: the standard ones. */
    public static Prices prices() {
        return Prices.standard();
    }

    /** The seed the grader runs the day with. */
    public static final long SEED = 2026;

    /**
     * Grades a design on {@link #grownDay()} with the grader's seed: one check per principle (availability,
     * latency, cost, security); a failed check names the target and the cause the day measured.
     */
    public static Report design(DesignChoice choice) {
        if (choice != null) DesignChecks.prepare(choice);
        return Grader.run("a design for the grown day", DesignChecks.class, choice);
    }
}
