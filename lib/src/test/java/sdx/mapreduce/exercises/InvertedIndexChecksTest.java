package sdx.mapreduce.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import sdx.core.Corpus;
import sdx.exercise.Exercise;
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

    private static Report.Status status(Report r, int check) {
        return r.results().get(check).status();
    }

    @Test
    void referencePasses() {
        Report r = InvertedIndexChecks.grade(MAPPER, REDUCER);
        assertEquals(Report.Status.PASSED, r.status(), r.toString());
        assertEquals(5, r.results().size());
    }

    @Test
    void dedupInTheReducerAlsoPasses() {
        Mapper<Document, String, Integer> all = (doc, out) -> {
            for (String w : Corpus.words(doc.text())) out.emit(w, doc.id());
        };
        Reducer<String, Integer, List<Integer>> distinct = (w, ids) -> List.copyOf(new TreeSet<>(ids));
        assertEquals(Report.Status.PASSED, InvertedIndexChecks.grade(all, distinct).status());
    }

    @Test
    void untouchedStubIsNotAttempted() {
        Mapper<Document, String, Integer> m = (doc, out) -> Exercise.todo();
        Reducer<String, Integer, List<Integer>> r = (w, ids) -> Exercise.todo();
        Report rep = InvertedIndexChecks.grade(m, r);
        assertEquals(Report.Status.NOT_ATTEMPTED, rep.status(), rep.toString());
        assertEquals(Report.Status.NOT_ATTEMPTED, InvertedIndexChecks.grade(MAPPER, r).status());
        assertEquals(Report.Status.NOT_ATTEMPTED, InvertedIndexChecks.grade(null, null).status());
    }

    @Test
    void noDeduplicationFails() {
        Mapper<Document, String, Integer> all = (doc, out) -> {
            for (String w : Corpus.words(doc.text())) out.emit(w, doc.id());
        };
        Report r = InvertedIndexChecks.grade(all, REDUCER);
        assertEquals(Report.Status.FAILED, r.status());
        assertEquals(Report.Status.PASSED, status(r, 0));
        assertEquals(Report.Status.FAILED, status(r, 1), r.toString());
    }

    @Test
    void mapperEmittingTheWholeLineFails() {
        Mapper<Document, String, Integer> whole = (doc, out) -> out.emit(doc.text(), doc.id());
        Report r = InvertedIndexChecks.grade(whole, REDUCER);
        assertEquals(Report.Status.FAILED, r.status());
        assertEquals(Report.Status.FAILED, status(r, 0), r.toString());
    }

    @Test
    void unsortedIdsFail() {
        Reducer<String, Integer, List<Integer>> asArrived = (w, ids) -> List.copyOf(ids);
        Report r = InvertedIndexChecks.grade(MAPPER, asArrived);
        assertEquals(Report.Status.FAILED, status(r, 2), r.toString());
    }

    @Test
    void splittingOnSpacesFails() {
        Mapper<Document, String, Integer> spaces = (doc, out) -> {
            for (String w : new TreeSet<>(List.of(doc.text().split(" ")))) out.emit(w, doc.id());
        };
        Report r = InvertedIndexChecks.grade(spaces, REDUCER);
        assertEquals(Report.Status.PASSED, status(r, 0));
        assertEquals(Report.Status.FAILED, status(r, 3), r.toString());
    }

    @Test
    void mapperThatRemembersAcrossCallsFailsUnderCrashes() {
        // de-duplicates across the whole input with shared state: fine until a crashed task is re-run
        Set<String> seen = Collections.synchronizedSet(new HashSet<>());
        Mapper<Document, String, Integer> stateful = (doc, out) -> {
            for (String w : Corpus.words(doc.text())) {
                if (seen.add(w + "@" + doc.id())) out.emit(w, doc.id());
            }
        };
        Report r = InvertedIndexChecks.grade(stateful, REDUCER);
        assertEquals(Report.Status.FAILED, r.status());
        assertEquals(Report.Status.FAILED, status(r, 4), r.toString());
    }

    @Test
    void exceptionsBecomeFailedChecksWithoutStackTraces() {
        Mapper<Document, String, Integer> npe = (doc, out) -> out.emit(null, doc.id());
        Report r = InvertedIndexChecks.grade(npe, REDUCER);
        assertEquals(Report.Status.FAILED, r.status());
        assertEquals(false, r.html().contains("\tat "));
    }
}
