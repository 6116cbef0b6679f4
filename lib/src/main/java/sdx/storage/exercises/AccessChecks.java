package sdx.storage.exercises;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Exercise;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/**
 * Hidden checks for exercise 3, pick the faster access order. The answers follow from how caches and the
 * prefetcher work, not from one timing run (a busy machine must not change the grade); section 1's
 * measurement shows them, and {@code StorageExercisesTest} measures both cases.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class AccessChecks {
    private final StorageExercises.AccessPrediction answer = Grader.submission(StorageExercises.AccessPrediction.class);

    @Test
    @Basic
    @Order(1)
    @DisplayName("a 16 KiB working set (inside L1)")
    @Hint("when every line is already in L1, is there anything for the prefetcher to hide?")
    void insideL1() {
        check(answer.in16KiB(), StorageExercises.IN_L1);
    }

    @Test
    @Basic
    @Order(2)
    @DisplayName("a 256 MiB working set (far beyond L3)")
    @Hint("beyond the caches each random line waits for DRAM (and often a TLB miss); what does the prefetcher do for sequential lines?")
    void beyondTheCaches() {
        check(answer.in256MiB(), StorageExercises.BEYOND_CACHES);
    }

    private static void check(Faster predicted, Faster truth) {
        if (predicted == null) Exercise.todo();
        if (predicted != truth) fail("not " + predicted + ": look at section 1's chart at that working set");
    }
}
