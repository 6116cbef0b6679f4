package sdx.availability.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.core.Rng;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/**
 * Hidden checks for exercise 1 ({@link ArchitectureModel}): one tier at a time with the others perfect
 * (worked out by hand), then 200 random architectures against the formula, which runs once the tiers pass.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ArchitectureChecks {
    private final ArchitectureModel model = Grader.submission(ArchitectureModel.class);
    private static final double EXACT = 1e-9;

    private double of(double lb, double app, double db) {
        return model.availability(lb, app, db);
    }

    @Test
    @Order(1)
    @DisplayName("perfect parts give 1; parts that are never up give 0")
    @Hint("return the availability (the share of time up), not the unavailability 1 − A")
    @Basic
    void extremes() {
        assertEquals(1.0, of(1, 1, 1), EXACT, "availability with every part always up");
        assertEquals(0.0, of(0, 0, 0), EXACT, "availability with every part always down");
    }

    @Test
    @Order(2)
    @DisplayName("two load balancers of 90%, either suffices: 99% (other tiers perfect)")
    @Hint("the pair is down only when both are down: 1 − (1 − lb)²")
    @Basic
    void loadBalancerPair() {
        assertEquals(0.99, of(0.9, 1, 1), EXACT, "availability(lb = 0.9, app = 1, db = 1)");
    }

    @Test
    @Order(3)
    @DisplayName("three app servers of 90%, two needed: 97.2% (other tiers perfect)")
    @Hint("count the ways at least 2 of 3 are up: all three (app³) or exactly two (3 · app² · (1 − app))")
    @Basic
    void appTierTwoOfThree() {
        assertEquals(0.972, of(1, 0.9, 1), EXACT, "availability(lb = 1, app = 0.9, db = 1)");
    }

    @Test
    @Order(4)
    @DisplayName("a database primary and a replica of 90%, either suffices: 99% (other tiers perfect)")
    @Hint("the replica takes over when the primary is down: the tier is down only when both are, 1 − (1 − db)²")
    @Basic
    void databasePair() {
        assertEquals(0.99, of(1, 1, 0.9), EXACT, "availability(lb = 1, app = 1, db = 0.9)");
    }

    @Test
    @Order(5)
    @DisplayName("the three tiers together: 200 random architectures")
    @Hint("every tier is needed, so the tiers are in series: multiply their availabilities")
    void wholeArchitecture() {
        UniformRandomProvider rng = Rng.of(6);
        for (int i = 0; i < 200; i++) {
            double lb = 0.8 + 0.2 * rng.nextDouble(), app = 0.8 + 0.2 * rng.nextDouble(), db = 0.8 + 0.2 * rng.nextDouble();
            assertEquals(reference(lb, app, db), of(lb, app, db), EXACT,
                    String.format(Locale.ROOT, "availability(lb = %.4f, app = %.4f, db = %.4f)", lb, app, db));
        }
    }

    /** The formula, written out: used only here. */
    static double reference(double lb, double app, double db) {
        double lbs = 1 - (1 - lb) * (1 - lb);
        double apps = app * app * app + 3 * app * app * (1 - app);
        double dbs = 1 - (1 - db) * (1 - db);
        return lbs * apps * dbs;
    }
}
