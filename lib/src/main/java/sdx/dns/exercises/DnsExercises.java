package sdx.dns.exercises;

import sdx.dns.TtlStudy;
import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;

/** Notebook 02's exercises, one method per check cell: {@link #cache}, {@link #header}, {@link #predictLoad}. */
public final class DnsExercises {
    private DnsExercises() {}

    /** Exercise 3's name: resolvers asking for it. */
    public static final int PREDICT_RESOLVERS = 1000;
    /** Exercise 3's name: each resolver's clients' queries per hour. */
    public static final double PREDICT_QUERIES_PER_HOUR = 20;
    /** Exercise 3's name: its TTL in seconds. */
    public static final double PREDICT_TTL = 300;

    /** Exercise 1: grades a resolver cache, given as its constructor ({@code MyCache::new}). */
    public static Report cache(ResolverCache.Factory factory) {
        return Grader.run("a resolver cache that honours TTLs", CacheChecks.class, factory);
    }

    /** Exercise 2: grades a header decoder (a class implementing {@link HeaderDecoder}, or a lambda). */
    public static Report header(HeaderDecoder decoder) {
        return Grader.run("decode a DNS header", HeaderChecks.class, decoder);
    }

    /** Exercise 3's truth: authoritative queries per hour over the simulated day (seed 42, 50 changes). */
    public static double predictTruth() {
        return TtlStudy.run(new double[] {PREDICT_TTL}, PREDICT_RESOLVERS, PREDICT_QUERIES_PER_HOUR, 1, 42)
                .points().get(0).authPerHour();
    }

    static final Prediction LOAD = Prediction.named("authoritative queries per hour, 1,000 resolvers, 20 queries/h each, TTL 300 s")
            .truth(DnsExercises::predictTruth)
            .tolerance(400, "the renewal formula passes: over a simulated day the measured rate's spread is about ±1%")
            .tooHigh("a resolver does not refetch the moment its copy expires: it waits for its next client query "
                    + "(on average 1/λ), so each cycle lasts TTL + 1/λ, not TTL")
            .tooLow("every resolver refetches once per cycle; a cycle is one TTL plus the wait for the next query");

    /** Exercise 3: grades a predicted load ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report predictLoad(double queriesPerHour) {
        return LOAD.grade(queriesPerHour);
    }
}
