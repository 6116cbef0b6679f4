package sdx.exercise;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;
import sdx.core.Check;

/**
 * Grades a learner's code against hidden JUnit 5 checks, MIT-lab style: each topic ships a class of
 * checks (plain JUnit tests that call {@link #submission(Class)}), and the notebook's check cell
 * calls {@link #run}. The result is a {@link Report}: passed, failed with the reason and a hint, or
 * "not attempted yet" when a stub still calls {@link Exercise#todo()}. Exceptions thrown by the
 * learner's code become failed checks with their message; nothing escapes as a stack trace.
 */
public final class Grader {
    private Grader() {}

    /** Per-check time limit, so an infinite loop fails a check instead of hanging the notebook. */
    public static final String TIMEOUT = "5 s";

    private static volatile Object current;

    /**
     * Runs the checks in {@code checks} against {@code submission}.
     *
     * @param exercise   the exercise's name, shown in the report
     * @param checks     a class of JUnit 5 tests that read the submission via {@link #submission(Class)}
     * @param submission the learner's implementation (a lambda, an object, a factory)
     */
    public static synchronized Report run(String exercise, Class<?> checks, Object submission) {
        Check.notNull("exercise", exercise);
        Check.notNull("checks", checks);
        if (submission == null) {
            return new Report(exercise, List.of(new Report.Result("submission", Report.Status.NOT_ATTEMPTED,
                    "submission is null", "")));
        }
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        current = submission;
        try {
            thread.setContextClassLoader(Grader.class.getClassLoader());
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(checks))
                    .configurationParameter("junit.jupiter.execution.timeout.default", TIMEOUT)
                    .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                    .configurationParameter("junit.platform.output.capture.stdout", "false")
                    .build();
            Collector collector = new Collector();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, collector);
            return new Report(exercise, collector.results);
        } finally {
            current = null;
            thread.setContextClassLoader(saved);
        }
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
     * Grades a predicted number: passes when {@code |answer - truth| <= tolerance}. A prediction left
     * as {@link Exercise#TODO_NUMBER} (NaN) is "not attempted yet".
     */
    public static Report number(String exercise, double answer, double truth, double tolerance, String hint) {
        Check.notNull("exercise", exercise);
        Check.atLeast("tolerance", tolerance, 0.0);
        String check = "your answer is within ±" + fmt(tolerance) + " of the measured value";
        if (Double.isNaN(answer)) {
            return new Report(exercise, List.of(new Report.Result(check, Report.Status.NOT_ATTEMPTED, "", "")));
        }
        boolean ok = Math.abs(answer - truth) <= tolerance;
        String message = ok ? "" : "you said " + fmt(answer) + "; the experiment measured " + fmt(truth);
        return new Report(exercise, List.of(new Report.Result(check, ok ? Report.Status.PASSED : Report.Status.FAILED,
                message, ok ? "" : hint == null ? "" : hint)));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Turns JUnit's events into report rows. */
    private static final class Collector implements TestExecutionListener {
        final List<Report.Result> results = new ArrayList<>();

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) results.add(new Report.Result(id.getDisplayName(), Report.Status.FAILED, "skipped: " + reason, ""));
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Throwable error = result.getThrowable().orElse(null);
            if (!id.isTest()) {
                if (error != null) { // a failure outside any check, e.g. in the class's setup
                    results.add(classify(id.getDisplayName(), error, ""));
                }
                return;
            }
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                results.add(new Report.Result(id.getDisplayName(), Report.Status.PASSED, "", ""));
            } else {
                results.add(classify(id.getDisplayName(), error, hintOf(id)));
            }
        }

        private static Report.Result classify(String name, Throwable error, String hint) {
            if (error == null) return new Report.Result(name, Report.Status.FAILED, "failed", hint);
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof NotAttempted) return new Report.Result(name, Report.Status.NOT_ATTEMPTED, "", "");
            }
            return new Report.Result(name, Report.Status.FAILED, describe(error), hint);
        }

        private static String describe(Throwable error) {
            if (error instanceof AssertionError) {
                return error.getMessage() == null ? "assertion failed" : error.getMessage();
            }
            if (error instanceof java.util.concurrent.TimeoutException
                    || String.valueOf(error.getMessage()).contains("timed out")) {
                return "took longer than " + TIMEOUT + " (an endless loop?)";
            }
            String where = "";
            for (StackTraceElement e : error.getStackTrace()) {
                if (!e.getClassName().startsWith("sdx.") && !e.getClassName().startsWith("java.")
                        && !e.getClassName().startsWith("org.junit")) {
                    where = " (in your code: " + e.getMethodName() + ")";
                    break;
                }
            }
            return "your code threw " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage()) + where;
        }

        private static String hintOf(TestIdentifier id) {
            return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).map(src -> {
                try {
                    Method m = src.getJavaMethod();
                    Hint h = m.getAnnotation(Hint.class);
                    return h == null ? "" : h.value();
                } catch (RuntimeException e) {
                    return "";
                }
            }).orElse("");
        }
    }
}
