package sdx.exercise;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;
import sdx.core.Check;

/**
 * Grades a learner's code against hidden JUnit 5 checks, MIT-lab style: each topic ships a class of
 * checks (plain JUnit tests that call {@link #submission(Class)}), and its exercises class calls
 * {@link #run}. The result is a {@link Report}: passed, failed with a short reason and a hint, or "not
 * attempted yet" when a stub still calls {@link Exercise#todo()}. Predictions are graded by
 * {@link Prediction}. How to write a topic's checks: see the package documentation.
 *
 * <p>The checks run one at a time in {@code @Order}, each on a daemon thread the grader owns
 * ({@code sdx-grader-N}) with a time limit of {@link #TIMEOUT_MILLIS}. A check that runs over is
 * interrupted; code that ignores interrupts is stopped where the JVM still allows it, and otherwise
 * reported as still running, with the advice to restart the kernel (see {@code Runaways}).
 */
public final class Grader {
    private Grader() {}

    /** Per-check time limit, so an endless loop fails a check instead of hanging the notebook. */
    public static final long TIMEOUT_MILLIS = 5_000;
    /** Time JUnit may take to find and start a check before its own clock starts (class loading on a busy machine). */
    static final long STARTUP_MILLIS = 30_000;
    /** The time limit in words. */
    public static final String TIMEOUT = "5 s";

    static final String RESTART = "restart the kernel (Kernel → Restart Kernel…), fix the loop, and run the cells again: "
            + "Java cannot stop a loop that never checks Thread.interrupted()";

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static volatile Object current;

    /**
     * Runs the checks in {@code checks} against {@code submission}.
     *
     * @param exercise   the exercise's name, shown in the report
     * @param checks     a class of JUnit 5 tests that read the submission via {@link #submission(Class)}
     * @param submission the learner's implementation (a lambda, an object, a factory); null = not attempted
     */
    public static synchronized Report run(String exercise, Class<?> checks, Object submission) {
        Check.notNull("exercise", exercise);
        Check.notNull("checks", checks);
        List<CheckMethod> methods = CheckMethod.of(checks);
        Check.that(!methods.isEmpty(), "checks", checks.getName(), "must have @Test methods");
        Thread stuck = Runaways.alive().orElse(null);
        if (stuck != null) {
            return new Report(exercise, List.of(new Report.Result("your answer can run", Report.Status.FAILED,
                    "an earlier answer's endless loop is still running (thread " + stuck.getName() + ")", RESTART, "runaway")));
        }
        List<String> notes = new ArrayList<>();
        try {
            StaleAnswers.note().ifPresent(notes::add);
        } catch (LinkageError noJShell) { // a Java runtime without the jdk.jshell module: nothing to compare
        }
        if (submission == null) {
            List<Report.Result> none = new ArrayList<>();
            for (CheckMethod m : methods) none.add(m.result(Report.Status.NOT_ATTEMPTED, "", ""));
            return new Report(exercise, none, notes);
        }
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        current = submission;
        try {
            thread.setContextClassLoader(Grader.class.getClassLoader());
            Launcher launcher = LauncherFactory.create();
            List<Report.Result> results = new ArrayList<>();
            CheckMethod failedBasic = null;
            String runaway = null;
            String timedOut = null;
            for (CheckMethod m : methods) {
                if (runaway != null) {
                    results.add(m.result(Report.Status.SKIPPED, "not run: " + runaway, ""));
                } else if (timedOut != null) {
                    results.add(m.result(Report.Status.SKIPPED, "not run: “" + timedOut + "” took too long", ""));
                } else if (failedBasic != null && !m.basic()) {
                    results.add(m.result(Report.Status.SKIPPED, "skipped until “" + failedBasic.name() + "” passes", ""));
                } else {
                    Outcome o = runOne(launcher, checks, m);
                    results.add(o.result());
                    if (o.timedOut()) timedOut = m.name();
                    if (o.runaway() != null) {
                        runaway = "an endless loop is still running (thread " + o.runaway() + ")";
                        notes.add(runaway + ": " + RESTART);
                    }
                    if (m.basic() && o.result().status() == Report.Status.FAILED && failedBasic == null) failedBasic = m;
                }
            }
            return new Report(exercise, results, notes);
        } finally {
            current = null;
            thread.setContextClassLoader(saved);
        }
    }

    /** True while {@link #run} grades a submission (a check class run on its own by a test runner is not). */
    static boolean grading() {
        return current != null;
    }

    /**
     * The submission under test, for use inside check classes.
     *
     * @throws IllegalStateException when called outside {@link #run}
     */
    public static <T> T submission(Class<T> type) {
        Object s = current;
        if (s == null) throw new IllegalStateException("no submission: checks run only through Grader.run");
        if (!type.isInstance(s)) {
            throw new AssertionFailedError("your answer is a " + s.getClass().getSimpleName() + ", expected a "
                    + type.getSimpleName());
        }
        return type.cast(s);
    }

    /**
     * Ends threads that a check started itself to run a learner's code (several callers at once, say) and
     * that did not finish: interrupts each, waits briefly, then stops those that ignore the interrupt where
     * the JVM still can (an endless loop on Java 17 to 19). A thread that survives is remembered like the
     * grader's own runaways, so no further grading starts while it lives and the report asks for a kernel
     * restart.
     *
     * @return how many of {@code threads} are still alive
     */
    public static int stopThreads(List<Thread> threads) throws InterruptedException {
        Check.notNull("threads", threads);
        int alive = 0;
        for (Thread t : threads) t.interrupt();
        for (Thread t : threads) {
            if (!Runaways.stop(t, 200)) {
                Runaways.remember(t);
                alive++;
            }
        }
        return alive;
    }

    /**
     * Grades a predicted number without revealing it: passes when {@code |answer - truth| <= tolerance}.
     *
     * @deprecated positional and with one hint for both directions; use {@link Prediction}, e.g.
     *     {@code Prediction.named(...).truth(() -> ...).tolerance(0.02, "why").tooHigh("...").tooLow("...").grade(answer)}
     */
    @Deprecated
    public static Report number(String exercise, double answer, double truth, double tolerance, String hint) {
        String h = hint == null ? "" : hint;
        return Prediction.named(exercise).truth(() -> truth).tolerance(tolerance, "").tooHigh(h).tooLow(h).grade(answer);
    }

    // ------------------------------------------------------------------ one check

    /** A check's result, and the name of a thread that could not be stopped (null if none). */
    private record Outcome(Report.Result result, String runaway, boolean timedOut) {
        Outcome(Report.Result result, String runaway) {
            this(result, runaway, false);
        }
    }

    private static Outcome runOne(Launcher launcher, Class<?> checks, CheckMethod m) {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        AtomicReference<Report.Result> result = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                launcher.execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectMethod(checks, m.method()))
                        .configurationParameter("junit.jupiter.execution.timeout.mode", "disabled")
                        .configurationParameter("junit.platform.output.capture.stdout", "false")
                        .build(), new Listener(m, result, started));
            } finally {
                started.countDown(); // in case the check never started
            }
        }, "sdx-grader-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.setContextClassLoader(Grader.class.getClassLoader());
        t.start();
        try {
            // the clock starts with the check itself, not with JUnit's discovery and class loading
            started.await(STARTUP_MILLIS, TimeUnit.MILLISECONDS);
            t.join(TIMEOUT_MILLIS);
            if (t.isAlive()) {
                boolean ended = Runaways.stop(t, 2_000);
                if (!ended) {
                    Runaways.remember(t);
                    return new Outcome(m.result(Report.Status.FAILED, "did not finish within " + TIMEOUT
                            + " and ignores interrupts, so it is still running", RESTART), t.getName());
                }
                String stray = strays(before); // a worker thread running the learner's code may still loop
                if (stray != null) {
                    return new Outcome(m.result(Report.Status.FAILED, "took longer than " + TIMEOUT + ", and a thread "
                            + "running your code ignores interrupts, so it is still running", RESTART), stray);
                }
                return new Outcome(m.result(Report.Status.FAILED, "took longer than " + TIMEOUT + " (an endless loop?)",
                        m.hint()), null, true);
            }
            String stray = strays(before);
            Report.Result r = result.get() == null ? m.result(Report.Status.FAILED, "the check did not run", m.hint()) : result.get();
            if (stray != null) {
                return new Outcome(m.result(Report.Status.FAILED, "left a thread running your code (" + stray + ")", RESTART), stray);
            }
            return new Outcome(r, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t.interrupt();
            return new Outcome(m.result(Report.Status.FAILED, "grading was interrupted", ""), null);
        }
    }

    /**
     * Threads started during a check that are still busy after it (an endless loop in a worker thread the
     * learner's code ran on): stopped where possible; returns the name of one that could not be, or null.
     */
    private static String strays(Set<Thread> before) throws InterruptedException {
        List<Thread> busy = busyNewThreads(before);
        if (busy.isEmpty()) return null;
        Thread.sleep(200); // threads that are only winding down
        busy = busyNewThreads(before);
        String stuck = null;
        for (Thread s : busy) {
            if (!Runaways.stop(s, 500)) {
                Runaways.remember(s);
                stuck = s.getName();
            }
        }
        return stuck;
    }

    private static List<Thread> busyNewThreads(Set<Thread> before) {
        List<Thread> busy = new ArrayList<>();
        for (Thread s : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(s) && s.isAlive() && s.getState() == Thread.State.RUNNABLE && s != Thread.currentThread()) {
                busy.add(s);
            }
        }
        return busy;
    }

    /** A {@code @Test} method of a check class, with its name, hint and place in the order. */
    record CheckMethod(Method method, String name, String hint, boolean basic, int order) {
        static List<CheckMethod> of(Class<?> checks) {
            List<CheckMethod> list = new ArrayList<>();
            List<Method> all = new ArrayList<>();
            for (Class<?> c = checks; c != null && c != Object.class; c = c.getSuperclass()) {
                all.addAll(List.of(c.getDeclaredMethods()));
            }
            for (Method m : all) {
                if (!m.isAnnotationPresent(Test.class)) continue;
                DisplayName d = m.getAnnotation(DisplayName.class);
                Hint h = m.getAnnotation(Hint.class);
                Order o = m.getAnnotation(Order.class);
                list.add(new CheckMethod(m, d == null ? m.getName() : d.value(), h == null ? "" : h.value(),
                        m.isAnnotationPresent(Basic.class), o == null ? Order.DEFAULT : o.value()));
            }
            list.sort(Comparator.comparingInt(CheckMethod::order).thenComparing(c -> c.method().getName()));
            return list;
        }

        String id() {
            return method.getName();
        }

        Report.Result result(Report.Status status, String message, String hint) {
            return new Report.Result(name, status, message, hint, id());
        }
    }

    /** Turns JUnit's events for one check into its report row. */
    private static final class Listener implements TestExecutionListener {
        private final CheckMethod check;
        private final AtomicReference<Report.Result> result;
        private final CountDownLatch started;

        Listener(CheckMethod check, AtomicReference<Report.Result> result, CountDownLatch started) {
            this.check = check;
            this.result = result;
            this.started = started;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) started.countDown();
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            result.compareAndSet(null, check.result(Report.Status.SKIPPED, "skipped: " + reason, ""));
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult r) {
            Throwable error = r.getThrowable().orElse(null);
            if (id.isTest() && r.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                result.compareAndSet(null, check.result(Report.Status.PASSED, "", ""));
            } else if (error != null || id.isTest()) { // a failure in the check, or outside it (class setup)
                result.compareAndSet(null, classify(error));
            }
        }

        private Report.Result classify(Throwable error) {
            if (error == null) return check.result(Report.Status.FAILED, "failed", check.hint());
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof NotAttempted na) {
                    return check.result(Report.Status.NOT_ATTEMPTED,
                            na.method().isEmpty() ? "not attempted yet" : Report.WRITE + na.method(), "");
                }
            }
            return check.result(Report.Status.FAILED, Failures.describe(error), check.hint());
        }
    }
}
