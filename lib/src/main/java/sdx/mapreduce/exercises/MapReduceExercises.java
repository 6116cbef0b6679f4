package sdx.mapreduce.exercises;

import java.util.List;
import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.mapreduce.Document;
import sdx.mapreduce.Mapper;
import sdx.mapreduce.Reducer;
import sdx.mapreduce.WordCount;

/** The MapReduce notebook's exercises: one method per check cell. */
public final class MapReduceExercises {
    private MapReduceExercises() {}

    /** Exercise 3's input: three lines, one map task each. */
    public static final List<String> SHUFFLE_LINES = List.of("a a b", "b b b", "a c");

    /** Exercise 3: pairs crossing the shuffle for {@link #SHUFFLE_LINES} with the combiner on (a count: exact). */
    static final Prediction SHUFFLE_PAIRS = Prediction.named("pairs through the shuffle")
            .truth(() -> WordCount.job().combiner(WordCount.reducer()).mapTasks(SHUFFLE_LINES.size()).run(SHUFFLE_LINES)
                    .shuffleRecords())
            .tolerance(0, "a count of records")
            .tooHigh("with a combiner each map task ships one pair per distinct word of its own split, not one per word")
            .tooLow("the combiner works inside one map task only: a word that occurs in two splits crosses the shuffle twice");

    /** Exercise 1: grades an inverted index's mapper and reducer (null or stubs = not attempted). */
    public static Report invertedIndex(Mapper<Document, String, Integer> mapper,
                                       Reducer<String, Integer, List<Integer>> reducer) {
        return Grader.run("inverted index", InvertedIndexChecks.class,
                mapper == null || reducer == null ? null : new Solution<>(mapper, reducer));
    }

    /** Exercise 2: grades a mapper and reducer that count log lines per HTTP status code. */
    public static Report statusCodes(Mapper<String, Integer, Integer> mapper, Reducer<Integer, Integer, Integer> reducer) {
        return Grader.run("HTTP status counts", StatusCodeChecks.class,
                mapper == null || reducer == null ? null : new Solution<>(mapper, reducer));
    }

    /** Exercise 3: grades the predicted number of pairs through the shuffle ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report predictShufflePairs(double pairs) {
        return SHUFFLE_PAIRS.grade(pairs);
    }
}
