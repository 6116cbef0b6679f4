package sdx.mapreduce.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.mapreduce.Document;
import sdx.mapreduce.Faults;
import sdx.mapreduce.Job;
import sdx.mapreduce.MapReduce;

/**
 * Hidden checks of the inverted-index exercise: the learner's mapper and reducer must turn
 * documents into word -> sorted list of distinct document ids, on the engine, with several map
 * tasks, several reducers, and crashed tasks that the engine re-executes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public final class InvertedIndexChecks {
    private final Job<Document, String, Integer, List<Integer>> job;

    /** Reads the submission (JUnit creates one instance per check). */
    @SuppressWarnings("unchecked")
    public InvertedIndexChecks() {
        Solution<Document, String, Integer, List<Integer>> s = Grader.submission(Solution.class);
        job = MapReduce.job(s.mapper(), s.reducer()).workers(2);
    }

    private static void same(List<Document> docs, Map<String, List<Integer>> actual) {
        assertEquals(Document.invertedIndex(docs), Map.copyOf(actual), "word -> document ids");
    }

    @Test
    @Order(1)
    @DisplayName("indexes three tiny documents worked out by hand")
    @Hint("emit (word, doc.id()) for each word of Corpus.words(doc.text()); the reducer returns the ids as a list")
    @Basic
    void tiny() {
        List<Document> docs = List.of(new Document(1, "a b"), new Document(2, "b c"), new Document(3, "c a"));
        var out = job.mapTasks(3).reducers(2).run(docs).output();
        assertEquals(Map.of("a", List.of(1, 3), "b", List.of(1, 2), "c", List.of(2, 3)), Map.copyOf(out),
                "word -> document ids");
    }

    @Test
    @Order(2)
    @DisplayName("lists a document once even when a word repeats in it")
    @Hint("a word can appear many times in one document: de-duplicate, in the mapper or the reducer")
    @Basic
    void duplicates() {
        List<Document> docs = List.of(new Document(1, "b b b"), new Document(2, "b"));
        assertEquals(Map.of("b", List.of(1, 2)), Map.copyOf(job.mapTasks(2).reducers(1).run(docs).output()),
                "word -> document ids");
    }

    @Test
    @Order(3)
    @DisplayName("sorts the ids, whatever order the documents arrive in")
    @Hint("values reach the reducer in map-task order, not sorted: sort the ids before returning them")
    @Basic
    void sorted() {
        List<Document> docs = List.of(new Document(30, "x"), new Document(10, "x"), new Document(20, "x y"));
        assertEquals(Map.of("x", List.of(10, 20, 30), "y", List.of(20)),
                Map.copyOf(job.mapTasks(3).reducers(2).run(docs).output()), "word -> document ids");
    }

    @Test
    @Order(4)
    @DisplayName("matches the reference on 300 generated documents with capitals and full stops (M=7, R=3)")
    @Hint("split text with Corpus.words(...): it lower-cases and drops punctuation, so 'Ka.' and 'ka' are one word")
    @Basic
    void generated() {
        List<Document> docs = Document.generate(300, 12, 400, 1.0, 7);
        same(docs, job.mapTasks(7).reducers(3).run(docs).output());
    }

    @Test
    @Order(5)
    @DisplayName("gives the same index when map and reduce tasks crash and are re-executed")
    @Hint("a crashed task runs again from the start: your mapper must not remember anything between calls")
    void crashes() {
        List<Document> docs = Document.generate(200, 10, 300, 1.0, 11);
        same(docs, job.mapTasks(6).reducers(3).faults(Faults.randomCrashes(0.5, 3).and(Faults.crashMapTask(0)))
                .run(docs).output());
    }
}
