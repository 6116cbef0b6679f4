package sdx.capstone.exercises;

import sdx.capstone.Capstone;
import sdx.capstone.Design;
import sdx.capstone.Prices;
import sdx.capstone.Scenario;
import sdx.capstone.Targets;
import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;

/** Notebook 26's exercises, one method per check cell: {@link #predictBotShare}, {@link #design}. */
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

    /** The notebook's better design with a looser limit of 50 requests per second per client (exercise 1). */
    public static Design looserLimit() {
        return Design.builder().appServers(14).zones(3).shards(4).replicas(2).cacheEntries(20_000)
                .rateLimitPerClient(50).tls(true).codeLength(7).randomCodes(true).build();
    }

    static final Prediction BOT_SHARE = Prediction.named("the bot's share at the database, limit 50/s")
            .truth(() -> Capstone.simulate(looserLimit(), 42).botShareToDatabase())
            .tolerance(0.004, "a bucket that starts full and a Poisson flood move it by a little")
            .tooHigh("a per-client token bucket lets through its own rate, whatever the client sends; what is that as a share of the flood?")
            .tooLow("the limit is not a wall: the bot gets its 50 tokens every second like anyone else, and its guesses miss the cache");

    /** Exercise 1: the share (a fraction, 0 to 1) of the bot's requests that reach the database under {@link #looserLimit()}. */
    public static Report predictBotShare(double share) {
        return BOT_SHARE.grade(share);
    }

    /** The seed the grader runs the day with. */
    public static final long SEED = 2026;

    /**
     * Exercise 2: grades a design on {@link #grownDay()} with the grader's seed: one check per principle (availability,
     * latency, cost, security); a failed check names the target and the cause the day measured.
     */
    public static Report design(DesignChoice choice) {
        if (choice != null) DesignChecks.prepare(choice);
        return Grader.run("a design for the grown day", DesignChecks.class, choice);
    }
}
