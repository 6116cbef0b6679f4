package sdx.mapreduce.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.mapreduce.AccessLog;
import sdx.mapreduce.Mapper;
import sdx.mapreduce.Reducer;

class StatusCodeChecksTest {

    static final Mapper<String, Integer, Integer> MAPPER = (line, out) -> out.emit(AccessLog.status(line), 1);
    static final Reducer<Integer, Integer, Integer> REDUCER = (status, counts) -> {
        int sum = 0;
        for (int c : counts) sum += c;
        return sum;
    };

    /** A mapper and a reducer. */
    record Answer(Mapper<String, Integer, Integer> mapper, Reducer<Integer, Integer, Integer> reducer) {}

    @Nested
    class Contract extends GraderContract<Answer> {
        @Override protected Report grade(Answer a) { return MapReduceExercises.statusCodes(a.mapper(), a.reducer()); }
        @Override protected Answer reference() { return new Answer(MAPPER, REDUCER); }
        @Override protected Answer stub() { return new Answer((line, out) -> Exercise.todo(), (s, c) -> Exercise.todo()); }

        @Override
        protected List<Answer> alsoCorrect() {
            AtomicInteger lines = new AtomicInteger(); // a side effect that does not change what is emitted is harmless
            Mapper<String, Integer, Integer> counting = (line, out) -> {
                lines.incrementAndGet();
                out.emit(AccessLog.status(line), 1);
            };
            return List.of(new Answer((line, out) -> out.emit(Integer.parseInt(line.split(" ")[8]), 1), REDUCER),
                    new Answer(counting, REDUCER));
        }

        @Override
        protected List<Mutant<Answer>> mutants() {
            // finds "404" in "/errors/404.html" served with status 200
            Mapper<String, Integer, Integer> search = (line, out) -> {
                for (int s : new int[] {404, 500, 200, 304, 301, 503, 403, 201}) {
                    if (line.contains(Integer.toString(s))) {
                        out.emit(s, 1);
                        return;
                    }
                }
            };
            Set<String> seen = Collections.synchronizedSet(new HashSet<>());
            Mapper<String, Integer, Integer> skipsRepeats = (line, out) -> {
                if (seen.add(line)) out.emit(AccessLog.status(line), 1); // "skip duplicate lines": state across calls
            };
            return List.of(
                    mutant("searches the line for a status number", "tiny", new Answer(search, REDUCER)),
                    mutant("knows only the codes of the example (200, 404)", "generated", new Answer((line, out) -> {
                        int s = AccessLog.status(line);
                        if (s == 200 || s == 404) out.emit(s, 1);
                    }, REDUCER)),
                    mutant("the reducer counts values instead of summing them", "combiner",
                            new Answer(MAPPER, (s, counts) -> counts.size())),
                    mutant("the mapper skips lines it has seen (state across calls)", "crashes",
                            new Answer(skipsRepeats, REDUCER)));
        }
    }

    @Nested
    class ShufflePrediction extends GraderContract<Double> {
        @Override protected Report grade(Double answer) { return MapReduceExercises.predictShufflePairs(answer); }
        @Override protected Double reference() { return 5.0; } // the notebook's solution, worked by hand
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(
                    mutant("no combiner: one pair per word", p, 8.0),
                    mutant("distinct words of the whole input", p, 3.0),
                    mutant("one pair per map task", p, 3.0 + 1),
                    mutant("one more than the truth", p, 6.0));
        }
    }

    @Test
    void shuffleTruthIsWorkedOutByHand() {
        // "a a b" ships (a,2) (b,1); "b b b" ships (b,3); "a c" ships (a,1) (c,1)
        assertEquals(5.0, MapReduceExercises.SHUFFLE_PAIRS.truth());
    }
}
