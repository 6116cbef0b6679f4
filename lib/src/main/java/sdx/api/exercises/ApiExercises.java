package sdx.api.exercises;

import sdx.api.Pagination;
import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;

/** Notebook 25's exercises, one method per check cell: {@link #itemsEndpoint}, {@link #predictRowsRead}. */
public final class ApiExercises {
    private ApiExercises() {}

    /** Exercise 2: rows in the table. */
    public static final int PREDICT_ROWS = 50_000;
    /** Exercise 2: the page's offset. */
    public static final int PREDICT_OFFSET = 40_000;
    /** Exercise 2: the page size. */
    public static final int PREDICT_LIMIT = 25;

    /** Exercise 1: grades an endpoint, given as its constructor ({@code MyItems::new}), over real HTTP. */
    public static Report itemsEndpoint(ItemsEndpoint.Factory factory) {
        sdx.api.Json.write(new Item(1, "warm-up"));      // load Jackson before the timed checks start
        return Grader.run("GET and POST /v1/items", ItemsChecks.class, factory);
    }

    /** Exercise 2's truth: the rows SQLite reads for the OFFSET page, counted on a real database. */
    public static double predictTruth() {
        try (Pagination p = Pagination.open(PREDICT_ROWS)) {
            return p.byOffset(PREDICT_OFFSET, PREDICT_LIMIT).rowsVisited();
        }
    }

    static final Prediction ROWS_READ = Prediction.named("rows SQLite reads for LIMIT 25 OFFSET 40000")
            .truth(ApiExercises::predictTruth)
            .tolerance(200, "within 0.5%: reading only the page, or the whole table, is far outside")
            .tooHigh("the query stops as soon as its page is full: rows after the page are never read")
            .tooLow("OFFSET cannot jump: the database reads every row it skips, then the page");

    /** Exercise 2: grades a predicted number of rows read ({@code Exercise.TODO_NUMBER}: not attempted). */
    public static Report predictRowsRead(double rows) {
        return ROWS_READ.grade(rows);
    }
}
