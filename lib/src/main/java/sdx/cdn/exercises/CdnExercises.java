package sdx.cdn.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sdx.cdn.Cdn;
import sdx.cdn.CdnRun;
import sdx.cdn.CdnSettings;
import sdx.core.Rng;
import sdx.exercise.Grader;
import sdx.exercise.Report;

/**
 * The CDN notebook's exercises: one method per check cell ({@link #chooseTtl}, {@link #cacheControl}). The scenario
 * is a constant here so that the notebook's text, the learner's experiments and the grader use the same numbers.
 */
public final class CdnExercises {
    private CdnExercises() {}

    /** Exercise 1's scenario: the standard CDN, each object updated every 10 minutes on average. */
    public static final CdnSettings TTL_SCENARIO = CdnSettings.standard().withUpdates(1.0 / 600);
    /** Exercise 1: at most this share of responses may be stale. */
    public static final double STALE_BOUND = 0.03;
    /** Exercise 1: the origin may receive at most this many requests per second from the PoPs. */
    public static final double ORIGIN_BUDGET = 60;

    /** The check ids of exercise 1, one per constraint. */
    public static final String ORIGIN_CHECK = "originBudget", STALE_CHECK = "staleBound";

    /**
     * Exercise 1: grades a TTL (seconds) by simulating {@link #TTL_SCENARIO} with it (seed {@link Rng#DEFAULT_SEED}):
     * the origin's load must be within {@link #ORIGIN_BUDGET} and the stale share within {@link #STALE_BOUND}. A
     * failed check says which way to move, never the answer. {@code Exercise.TODO_NUMBER} is "not attempted yet".
     */
    public static Report chooseTtl(double ttlSeconds) {
        String name = "choose a TTL";
        String originCheck = String.format(Locale.ROOT, "the origin gets at most %.0f requests/s", ORIGIN_BUDGET);
        String staleCheck = String.format(Locale.ROOT, "at most %.0f%% of responses are stale", STALE_BOUND * 100);
        List<Report.Result> results = new ArrayList<>();
        if (Double.isNaN(ttlSeconds)) {
            results.add(new Report.Result(originCheck, Report.Status.NOT_ATTEMPTED, "not attempted yet", "", ORIGIN_CHECK));
            results.add(new Report.Result(staleCheck, Report.Status.NOT_ATTEMPTED, "not attempted yet", "", STALE_CHECK));
            return new Report(name, results);
        }
        if (!(ttlSeconds > 0) || Double.isInfinite(ttlSeconds) || ttlSeconds > 86_400) {
            String why = "you said " + ttlSeconds + ": a TTL is a number of seconds, > 0 and at most a day (86400)";
            String hint = "write the TTL in seconds, e.g. 120 for two minutes";
            results.add(new Report.Result(originCheck, Report.Status.FAILED, why, hint, ORIGIN_CHECK));
            results.add(new Report.Result(staleCheck, Report.Status.FAILED, why, hint, STALE_CHECK));
            return new Report(name, results);
        }
        CdnRun run = Cdn.run(TTL_SCENARIO.withTtl(ttlSeconds), Rng.DEFAULT_SEED);
        boolean originOk = run.originPerSecond() <= ORIGIN_BUDGET;
        boolean staleOk = run.staleShare() <= STALE_BOUND;
        results.add(originOk ? new Report.Result(originCheck, Report.Status.PASSED, "", "", ORIGIN_CHECK)
                : new Report.Result(originCheck, Report.Status.FAILED, "over budget: this TTL is too short",
                        "every expiry sends the next request for that object to the origin; a longer TTL means fewer expiries",
                        ORIGIN_CHECK));
        results.add(staleOk ? new Report.Result(staleCheck, Report.Status.PASSED, "", "", STALE_CHECK)
                : new Report.Result(staleCheck, Report.Status.FAILED, "too many stale responses: this TTL is too long",
                        "a copy fetched just before an update is served stale until it expires; a shorter TTL shortens that",
                        STALE_CHECK));
        return new Report(name, results);
    }

    /** Exercise 2: grades a Cache-Control policy for the edge ({@code new MyPolicy()} or a lambda). */
    public static Report cacheControl(CacheControlPolicy policy) {
        return Grader.run("Cache-Control at the edge", CacheControlChecks.class, policy);
    }
}
