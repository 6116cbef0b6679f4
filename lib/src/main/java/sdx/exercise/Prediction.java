package sdx.exercise;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import sdx.core.Check;

/**
 * A graded prediction: the learner writes down a number before measuring it. A miss says only "too
 * high" or "too low" with the hint for that direction; the true value is never shown (it belongs in the
 * notebook's solution, behind {@code <details>}). A prediction left as {@link Exercise#TODO_NUMBER} is
 * "not attempted yet", and the truth (often a simulation) is not even computed. Settings are named:
 *
 * <pre>{@code
 * static final Prediction KEYS_MOVED = Prediction.named("keys moved, 9 -> 10 shards")
 *         .truth(() -> KeyMovement.movedFraction(ModHashPartitioner.of(9), ModHashPartitioner.of(10), 100_000))
 *         .tolerance(0.02, "the measured fraction varies by about 0.002 with the keys drawn")
 *         .tooHigh("...")
 *         .tooLow("a key stays only when h mod 9 == h mod 10: how often is that?");
 * Report r = KEYS_MOVED.grade(myPrediction);
 * }</pre>
 *
 * Choose the tolerance so that the common wrong reasoning fails (test it: see the package documentation).
 * Instances are immutable; each setter returns a copy.
 */
public final class Prediction {
    /** The id of a prediction's single check in its {@link Report}. */
    public static final String CHECK_ID = "prediction";

    private final String name;
    private final DoubleSupplier truth;
    private final double tolerance;
    private final String why;
    private final String tooHigh;
    private final String tooLow;

    private Prediction(String name, DoubleSupplier truth, double tolerance, String why, String tooHigh, String tooLow) {
        this.name = name;
        this.truth = truth;
        this.tolerance = tolerance;
        this.why = why;
        this.tooHigh = tooHigh;
        this.tooLow = tooLow;
    }

    /** A prediction exercise called {@code name} (shown in the report); set truth, tolerance and hints next. */
    public static Prediction named(String name) {
        return new Prediction(Check.notNull("name", name), null, Double.NaN, "", "", "");
    }

    /** How to compute the true value; called only once the learner has answered. */
    public Prediction truth(DoubleSupplier truth) {
        return new Prediction(name, Check.notNull("truth", truth), tolerance, why, tooHigh, tooLow);
    }

    /**
     * How far from the truth an answer may be, and why that much (shown to the learner). Use 0 for an exact
     * count.
     */
    public Prediction tolerance(double tolerance, String why) {
        Check.atLeast("tolerance", tolerance, 0.0);
        return new Prediction(name, truth, tolerance, Check.notNull("why", why), tooHigh, tooLow);
    }

    /** The hint for an answer above the truth. */
    public Prediction tooHigh(String hint) {
        return new Prediction(name, truth, tolerance, why, Check.notNull("hint", hint), tooLow);
    }

    /** The hint for an answer below the truth. */
    public Prediction tooLow(String hint) {
        return new Prediction(name, truth, tolerance, why, tooHigh, Check.notNull("hint", hint));
    }

    /** The exercise's name. */
    public String name() {
        return name;
    }

    /** The allowed distance from the truth. */
    public double tolerance() {
        return tolerance;
    }

    /** The true value (computes it): for tests and solutions, never for the report. */
    public double truth() {
        Check.that(truth != null, "truth", "not set", "must be set with .truth(() -> ...) before grading");
        return truth.getAsDouble();
    }

    /** Grades an answer; {@link Exercise#TODO_NUMBER} (NaN) is "not attempted yet". */
    public Report grade(double answer) {
        Check.that(!Double.isNaN(tolerance), "tolerance", "not set", "must be set with .tolerance(value, why) before grading");
        String check = "your prediction " + (tolerance == 0 ? "is exact" : "is within ±" + fmt(tolerance))
                + (why.isEmpty() ? "" : " (" + why + ")");
        if (Double.isNaN(answer)) {
            return new Report(name, List.of(new Report.Result(check, Report.Status.NOT_ATTEMPTED, "not attempted yet", "", CHECK_ID)));
        }
        if (Double.isInfinite(answer)) {
            return new Report(name, List.of(new Report.Result(check, Report.Status.FAILED, "you said " + answer
                    + ": write a finite number", "", CHECK_ID)));
        }
        double t = truth();
        double gap = answer - t;
        if (Math.abs(gap) <= tolerance) {
            return new Report(name, List.of(new Report.Result(check, Report.Status.PASSED, "", "", CHECK_ID)));
        }
        boolean high = gap > 0;
        return new Report(name, List.of(new Report.Result(check, Report.Status.FAILED,
                "you said " + fmt(answer) + ": too " + (high ? "high" : "low"), high ? tooHigh : tooLow, CHECK_ID)));
    }

    /** Up to four significant digits, without trailing zeros: 0.9, 0.1022, 5, 12. */
    static String fmt(double v) {
        return fmt(v, 4);
    }

    /** Up to six significant digits, without trailing zeros. */
    static String fmt6(double v) {
        return fmt(v, 6);
    }

    private static String fmt(double v, int digits) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
        String s = String.format(Locale.ROOT, "%." + digits + "g", v);
        if (s.contains("e") || s.contains("E")) return s;
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
