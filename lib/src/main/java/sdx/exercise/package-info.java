/**
 * The grader: hidden JUnit 5 checks run against a learner's code, and graded predictions. Every topic's
 * exercises follow the same pattern; copy it.
 *
 * <h2>One entry point per topic</h2>
 * A topic package {@code sdx.<topic>} has a subpackage {@code sdx.<topic>.exercises} holding the
 * interfaces a learner implements, one check class per code exercise, and ONE entry point class
 * {@code <Topic>Exercises} (e.g. {@code sdx.cache.exercises.CachingExercises}) with one public static
 * method per check cell, returning a {@link sdx.exercise.Report}. A check cell is a single call:
 * <pre>{@code
 * CachingExercises.lru(MyLru::new)
 * CachingExercises.predictHitRatio(myPrediction)
 * }</pre>
 * No tolerance, hint or truth is ever written in a notebook cell.
 *
 * <h2>A code exercise</h2>
 * The stub calls {@link sdx.exercise.Exercise#todo()} in every method the learner writes. The check class
 * is a public JUnit 5 class: its constructor or field reads the answer with
 * {@link sdx.exercise.Grader#submission(Class)}; each check is a {@code @Test} with {@code @Order},
 * {@code @DisplayName} (what is checked, in words) and {@link sdx.exercise.Hint} (one sentence about the
 * likely mistake). Mark hand-worked and plain checks {@link sdx.exercise.Basic}: when one fails, the
 * later checks that are not basic (fault injection, long random traces) report "skipped until ... passes"
 * instead of blaming a second cause. Assert with a short message naming what is compared
 * ({@code assertEquals(expected, actual, "word -> document ids")}); the grader shortens the values itself
 * (for maps: the first differing key). The entry point calls
 * {@link sdx.exercise.Grader#run(String, Class, Object)}.
 *
 * <p>The grader runs each check on its own daemon thread ({@code sdx-grader-N}) for at most
 * {@link sdx.exercise.Grader#TIMEOUT_MILLIS}; an endless loop is interrupted, stopped where the JVM allows
 * it, and otherwise reported with the advice to restart the kernel (and no further run starts while it
 * lives). A check that starts threads of its own to run the learner's code (concurrent callers) ends them
 * with {@link sdx.exercise.Grader#stopThreads}. A half-finished answer is graded as far as it goes: checks that meet a stub say which method is
 * left to write. Under JJava, a check cell whose answer's latest edit did not compile says so.
 *
 * <h2>A prediction</h2>
 * The stub is {@code double myPrediction = Exercise.TODO_NUMBER;} followed by the check call. The entry
 * point grades it with a {@link sdx.exercise.Prediction} constant holding the truth (a supplier, computed
 * only once the learner answers), the tolerance and why, and one hint for "too high" and one for "too low".
 * The report never shows the true value; the notebook's solution does, behind {@code <details>}. Choose the
 * tolerance so that the common wrong reasoning fails.
 *
 * <h2>The contract test</h2>
 * Every grader has a test extending {@code sdx.exercise.GraderContract<S>} (in the test sources), usually
 * as a {@code @Nested} class per exercise:
 * <pre>{@code
 * @Nested
 * class LruGrader extends GraderContract<SimpleCache.Factory> {
 *     protected Report grade(SimpleCache.Factory a) { return CachingExercises.lru(a); }
 *     protected SimpleCache.Factory reference() { return ReferenceLru::new; }
 *     protected SimpleCache.Factory stub() { return Stub::new; }          // the notebook's stub
 *     protected List<Mutant<SimpleCache.Factory>> mutants() {
 *         return List.of(mutant("FIFO in disguise", "recencyTrace", FifoInDisguise::new), ...);
 *     }
 * }
 * }</pre>
 * It checks that the reference passes every check, the stub is "not attempted yet" on every check, each
 * named mutant (a plausible wrong answer) fails the check it names (by method name, or
 * {@link sdx.exercise.Prediction#CHECK_ID} for a prediction, whose mutants are the wrong reasonings),
 * every check is the target of some mutant, and failure reports stay short. Independent of the contract,
 * test a prediction's truth against theory or a hand calculation, never against itself.
 */
package sdx.exercise;
