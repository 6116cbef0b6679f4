package sdx.availability.exercises;

import sdx.availability.Theory;
import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;

/**
 * Notebook 06's exercises: one method per check cell ({@link #architecture}, {@link #serversFor},
 * {@link #sharedRack}). The scenarios are constants here so the notebook's text and the grader agree.
 */
public final class AvailabilityExercises {
    private AvailabilityExercises() {}

    /** Exercise 2: each server's mean time between failures, hours. */
    public static final double SERVER_MTBF = 990;
    /** Exercise 2: each server's mean time to repair, hours. */
    public static final double SERVER_MTTR = 10;
    /** Exercise 2: servers that must be up to carry the load. */
    public static final int NEEDED = 2;
    /** Exercise 2: the target availability, five nines. */
    public static final double TARGET = 0.99999;

    /** Exercise 3: the rack's mean time between failures, hours. */
    public static final double RACK_MTBF = 9_990;
    /** Exercise 3: the rack's mean time to repair, hours. */
    public static final double RACK_MTTR = 10;

    static final Prediction SERVERS = Prediction.named("servers in total for five nines, 2 needed")
            .truth(AvailabilityExercises::serversTruth)
            .tolerance(0, "a count of servers: exact")
            .tooHigh("fewer are enough: with n servers the service is down only when n − 1 or more are down at once, "
                    + "and with each server down 1% of the time that gets rare fast; compute Theory.kOfN(2, n, a) for n = 3, 4, 5")
            .tooLow("N+1 is not enough here: with 3 servers, any 2 down at once (3 pairs, each about 0.01²) is an outage, "
                    + "about 3 · 10⁻⁴, far above the 10⁻⁵ five nines allow");

    static final Prediction RACK = Prediction.named("downtime per year of a pair sharing one rack (hours)")
            .truth(AvailabilityExercises::sharedRackTruth)
            .tolerance(0.5, "half an hour a year: enough for rounding, not for counting the rack the wrong way")
            .tooHigh("the two servers are redundant: the pair is down when the rack is down, or when BOTH servers are; "
                    + "don't add the servers' downtimes")
            .tooLow("the formula for independent servers, 1 − (1 − a)², misses the rack: when the one rack fails, both "
                    + "servers go with it; the pair can be no better than the rack");

    /** Exercise 1: grades the learner's availability function for the exercise's architecture. */
    public static Report architecture(ArchitectureModel model) {
        return Grader.run("availability of an architecture", ArchitectureChecks.class, model);
    }

    /** Exercise 2's truth: the fewest servers, 2 needed, of availability MTBF/(MTBF + MTTR), for five nines. */
    public static int serversTruth() {
        return Theory.partsFor(NEEDED, Theory.availability(SERVER_MTBF, SERVER_MTTR), TARGET);
    }

    /** Exercise 2: grades the predicted number of servers ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report serversFor(double servers) {
        return SERVERS.grade(servers);
    }

    /**
     * Exercise 3's truth: the hours per year a pair of servers (MTBF {@link #SERVER_MTBF}, MTTR
     * {@link #SERVER_MTTR}), either one sufficing, is down when both sit in one rack (MTBF {@link #RACK_MTBF},
     * MTTR {@link #RACK_MTTR}): {@code (1 − A_rack · (1 − (1 − A)²)) · hours per year}.
     */
    public static double sharedRackTruth() {
        double a = Theory.availability(SERVER_MTBF, SERVER_MTTR), rack = Theory.availability(RACK_MTBF, RACK_MTTR);
        return (1 - rack * Theory.parallel(a, 2)) * Theory.HOURS_PER_YEAR;
    }

    /** Exercise 3: grades the predicted downtime in hours per year ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report sharedRack(double hoursPerYear) {
        return RACK.grade(hoursPerYear);
    }
}
