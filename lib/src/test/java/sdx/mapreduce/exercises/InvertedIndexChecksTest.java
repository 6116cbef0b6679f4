package sdx.mapreduce.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.core.Corpus;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Report;
import sdx.mapreduce.Document;
import sdx.mapreduce.Mapper;
import sdx.mapreduce.Reducer;

class InvertedIndexChecksTest {

    /** The reference solution: distinct words per document in the mapper, sorted ids in the reducer. */
    static final Mapper<Document, String, Integer> MAPPER = (doc, out) -> {
        for (String w : new TreeSet<>(Corpus.words(doc.text()))) out.emit(w, doc.id());
    };
    static final Reducer<String, Integer, List<Integer>> REDUCER = (word, ids) -> {
        List<Integer> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        return sorted;
    };
    static final Mapper<Document, String, Integer> ALL_WORDS = (doc, out) -> {
        for (String w : Corpus.words(doc.text())) out.emit(w, doc.id());
    };
    static final Mapper<Document, String, Integer> SPLIT_ON_SPACES = (doc, out) -> {
        for (String w : new TreeSet<>(List.of(doc.text().split(" ")))) out.emit(w, doc.id());
    };

    /** A mapper and a reducer. */
    record Answer(Mapper<Document, String, Integer> mapper, Reducer<String, Integer, List<Integer>> reducer) {}

    @Nested
    class Contract extends GraderContract<Answer> {
        @Override protected Report grade(Answer a) { return MapReduceExercises.invertedIndex(a.mapper(), a.reducer()); }
        @Override protected Answer reference() { return new Answer(MAPPER, REDUCER); }
        @Override protected Answer stub() { return new Answer((doc, out) -> Exercise.todo(), (w, ids) -> Exercise.todo()); }

        @Override
        protected List<Answer> alsoCorrect() {
            // the notebook's solution: de-duplicating in the reducer
            return List.of(new Answer(ALL_WORDS, (w, ids) -> List.copyOf(new TreeSet<>(ids))));
        }

        @Override
        protected List<Mutant<Answer>> mutants() {
            // de-duplicates with state kept across calls: fine until a crashed task is re-run and skips its words
            Set<String> seen = Collections.synchronizedSet(new HashSet<>());
            Mapper<Document, String, Integer> stateful = (doc, out) -> {
                for (String w : Corpus.words(doc.text())) {
                    if (seen.add(w + "@" + doc.id() + "@" + doc.text())) out.emit(w, doc.id());
                }
            };
            return List.of(
                    mutant("emits the whole text as one word", "tiny",
                            new Answer((doc, out) -> out.emit(doc.text(), doc.id()), REDUCER)),
                    mutant("no de-duplication", "duplicates", new Answer(ALL_WORDS, REDUCER)),
                    mutant("ids in arrival order", "sorted", new Answer(MAPPER, (w, ids) -> List.copyOf(ids))),
                    mutant("splits on spaces (keeps capitals and full stops)", "generated", new Answer(SPLIT_ON_SPACES, REDUCER)),
                    mutant("remembers emitted pairs across calls", "crashes", new Answer(stateful, REDUCER)));
        }
    }

    @Test
    void halfWrittenAnswerNamesTheLambdaStillToWrite() {
        Report r = MapReduceExercises.invertedIndex(MAPPER, (w, ids) -> Exercise.todo());
        assertEquals(Report.Status.NOT_ATTEMPTED, r.status(), r.toString());
        assertTrue(r.toString().contains("reduce"), r.toString());
        assertEquals(Report.Status.NOT_ATTEMPTED, MapReduceExercises.invertedIndex(null, null).status());
    }

    /** The review's case: a tokenizing bug was reported as a stateful mapper, in 61,000 characters. */
    @Test
    void splittingOnSpacesIsBlamedOnTheTokenizerInAFewLines() {
        Report r = MapReduceExercises.invertedIndex(SPLIT_ON_SPACES, REDUCER);
        assertEquals(Report.Status.FAILED, r.result("generated").orElseThrow().status(), r.toString());
        assertEquals(Report.Status.SKIPPED, r.result("crashes").orElseThrow().status(), r.toString());
        assertTrue(r.toString().length() < 1_000, r.toString());
        assertTrue(r.result("generated").orElseThrow().message().contains("key"), r.toString());
    }

    /** Set once the test has its report, to end a loop the JVM could not stop (Java 20 and later). */
    private static volatile boolean loopsEnd;

    /** An endless loop inside a mapper runs on the engine's worker threads, not the grader's: it is handled too. */
    @Test
    void endlessLoopInAMapperLeavesNoWorkerRunning() throws InterruptedException {
        loopsEnd = false;
        Mapper<Document, String, Integer> loops = (doc, out) -> {
            while (!loopsEnd) Thread.onSpinWait(); // never looks at interrupts
        };
        try {
            Report r = MapReduceExercises.invertedIndex(loops, REDUCER);
            assertEquals(Report.Status.FAILED, r.status(), r.toString());
            String m = r.results().get(0).message();
            if (Runtime.version().feature() < 20) {
                assertTrue(m.startsWith("took longer than 5 s (an endless loop?)"), r.toString());
                long busy = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("mapreduce-worker") && t.getState() == Thread.State.RUNNABLE)
                        .count();
                assertEquals(0, busy, "a worker still runs the endless mapper");
            } else {
                assertTrue(m.contains("still running"), r.toString());
            }
        } finally {
            loopsEnd = true;
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().startsWith("mapreduce-worker")) t.join(5_000);
    }

    @Test
    void exceptionsBecomeFailedChecksWithoutStackTraces() {
        Mapper<Document, String, Integer> npe = (doc, out) -> out.emit(null, doc.id());
        Report r = MapReduceExercises.invertedIndex(npe, REDUCER);
        assertEquals(Report.Status.FAILED, r.status());
        assertEquals(false, r.html().contains("\tat "));
    }
}
