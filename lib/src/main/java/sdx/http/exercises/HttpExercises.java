package sdx.http.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.http.Theory;
import sdx.net.LoopbackServer;

/**
 * Notebook 01's exercises, one method per check cell: {@link #sumHandler} (a request handler, graded with real
 * HTTP requests) and {@link #predictMeanLatency}. The scenario's numbers are constants here, so the notebook's
 * text and the grader agree.
 */
public final class HttpExercises {
    private HttpExercises() {}

    /** Exercise 2: worker threads. */
    public static final int PREDICT_WORKERS = 4;
    /** Exercise 2: mean service time in ms (exponential). */
    public static final double PREDICT_SERVICE_MILLIS = 10;
    /** Exercise 2: offered requests per second (utilisation 0.75). */
    public static final double PREDICT_RATE = 300;

    /** Exercise 2: the M/M/c mean response time, in ms. */
    public static double predictTruth() {
        return Theory.meanResponseSeconds(PREDICT_RATE, PREDICT_SERVICE_MILLIS / 1_000, PREDICT_WORKERS) * 1_000;
    }

    static final Prediction MEAN_LATENCY = Prediction.named("mean latency at 300 requests/s on 4 workers (ms)")
            .truth(HttpExercises::predictTruth)
            .tolerance(1.0, "1 ms: Erlang C gives the answer to a fraction of a ms, and the wrong models miss by more")
            .tooHigh("one shared queue feeds all 4 workers: a request waits only when all 4 are busy (Erlang C), which "
                    + "is far rarer than with 4 separate queues or one slow server")
            .tooLow("a request's latency is its wait in the queue plus its service time; at 75% utilisation all 4 "
                    + "workers are often busy, so Wq = C(c, a) · S / (c − a) is not zero");

    /** Exercise 1: grades a handler for {@code GET /sum?a=..&b=..}, sending it real HTTP requests. */
    public static Report sumHandler(LoopbackServer.Handler handler) {
        return Grader.run("the /sum handler", SumChecks.class, handler);
    }

    /** Exercise 2: grades a predicted mean latency in ms ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report predictMeanLatency(double millis) {
        return MEAN_LATENCY.grade(millis);
    }
}
