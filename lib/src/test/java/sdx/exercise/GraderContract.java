package sdx.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every grader of the course meets; a topic's grader test extends it (see the
 * {@code sdx.exercise} package documentation):
 * <ul>
 *   <li>the reference answer passes every check (and so do {@link #alsoCorrect()} answers);</li>
 *   <li>the untouched stub is "not attempted yet" on every check, never a failure;</li>
 *   <li>each named mutant (a plausible wrong answer) fails the check it targets, with a short message;</li>
 *   <li>every check is the target of at least one mutant, so no check is unable to fail.</li>
 * </ul>
 * For a prediction, the answer type is {@code Double}, the stub is {@link Exercise#TODO_NUMBER}, and the
 * mutants are the common wrong reasonings, all targeting {@link Prediction#CHECK_ID}.
 *
 * @param <S> the answer's type (the exercise's interface, a factory, a pair of functions, a number)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GraderContract<S> {

    /** Longest failure message a report may show for one check. */
    public static final int MAX_MESSAGE = 400;
    /** Longest HTML a report may take. */
    public static final int MAX_HTML = 8_000;

    /**
     * A plausible wrong answer and the check it must fail.
     *
     * @param name   what the mistake is, in words
     * @param fails  the id of the check it must fail: the check's method name, or {@link Prediction#CHECK_ID}
     * @param answer the wrong answer
     * @param <S>    the answer's type
     */
    public record Mutant<S>(String name, String fails, S answer) {}

    /** Shorthand for a {@link Mutant}. */
    public static <S> Mutant<S> mutant(String name, String fails, S answer) {
        return new Mutant<>(name, fails, answer);
    }

    /** Grades an answer: the topic's exercises method for this exercise. */
    protected abstract Report grade(S answer);

    /** A correct answer (the notebook's solution, or the library's own implementation). */
    protected abstract S reference();

    /** The stub as the notebook ships it. */
    protected abstract S stub();

    /** Wrong answers, each aimed at one check. */
    protected abstract List<Mutant<S>> mutants();

    /** Other correct answers that must pass too (another algorithm, the solution printed in the notebook). */
    protected List<S> alsoCorrect() {
        return List.of();
    }

    private Report referenceReport;

    private Report referenceReport() {
        if (referenceReport == null) referenceReport = grade(reference());
        return referenceReport;
    }

    @Test
    void referencePassesEveryCheck() {
        Report r = referenceReport();
        assertEquals(Report.Status.PASSED, r.status(), r.toString());
        assertTrue(r.results().stream().allMatch(x -> x.status() == Report.Status.PASSED), r.toString());
        assertTrue(r.notes().isEmpty(), r.toString());
    }

    @TestFactory
    Stream<DynamicTest> otherCorrectAnswersPass() {
        return alsoCorrect().stream().map(a -> DynamicTest.dynamicTest("passes: " + a, () -> {
            Report r = grade(a);
            assertEquals(Report.Status.PASSED, r.status(), r.toString());
        }));
    }

    @Test
    void stubIsNotAttemptedYet() {
        Report r = grade(stub());
        assertEquals(Report.Status.NOT_ATTEMPTED, r.status(), r.toString());
        for (Report.Result x : r.results()) assertEquals(Report.Status.NOT_ATTEMPTED, x.status(), r.toString());
        assertTrue(r.html().contains("not attempted yet"), r.html());
        assertEquals(ids(referenceReport()), ids(r), "the stub's report lists the same checks");
    }

    @TestFactory
    Stream<DynamicTest> eachMutantFailsItsCheck() {
        return mutants().stream().map(m -> DynamicTest.dynamicTest(m.name() + " fails " + m.fails(), () -> {
            Report r = grade(m.answer());
            Report.Result target = r.result(m.fails()).orElseThrow(() -> new AssertionError(
                    "no check " + m.fails() + " in " + ids(r)));
            assertEquals(Report.Status.FAILED, target.status(), m.name() + ": " + r);
            assertEquals(Report.Status.FAILED, r.status(), r.toString());
            for (Report.Result x : r.results()) {
                assertTrue(x.message().length() <= MAX_MESSAGE, "message of " + x.id() + " is " + x.message().length()
                        + " characters: " + x.message());
            }
            assertFalse(target.hint().isBlank(), "a failed check gives a hint: " + r);
            String html = r.html();
            assertTrue(html.length() <= MAX_HTML, "report is " + html.length() + " characters of HTML");
            assertFalse(html.contains("\tat "), "no stack trace");
            assertFalse(html.contains("$"), "no $ for MathJax to typeset");
        }));
    }

    @Test
    void everyCheckHasAMutant() {
        Set<String> targeted = mutants().stream().map(Mutant::fails).collect(Collectors.toSet());
        Set<String> untargeted = new TreeSet<>(ids(referenceReport()));
        untargeted.removeAll(targeted);
        assertTrue(untargeted.isEmpty(), "checks that no mutant shows failing: " + untargeted);
        Set<String> unknown = new TreeSet<>(targeted);
        unknown.removeAll(ids(referenceReport()));
        assertTrue(unknown.isEmpty(), "mutants aim at checks that do not exist: " + unknown);
    }

    @Test
    void mutantsHaveDistinctNames() {
        Set<String> names = new HashSet<>();
        for (Mutant<S> m : mutants()) if (!names.add(m.name())) fail("two mutants named " + m.name());
    }

    private static List<String> ids(Report r) {
        return r.results().stream().map(Report.Result::id).toList();
    }
}
