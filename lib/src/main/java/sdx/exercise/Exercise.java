package sdx.exercise;

/**
 * What exercise stubs call. A stub's body is {@code return Exercise.todo();} (or a prediction is left
 * as {@link #TODO_NUMBER}); the grader then reports "not attempted yet" instead of failing.
 */
public final class Exercise {
    private Exercise() {}

    /** The placeholder for a number the learner has yet to predict. */
    public static final double TODO_NUMBER = Double.NaN;

    /**
     * The placeholder for a prediction that is not a number (a choice from an enum, say): {@code null},
     * which the checks report as "not attempted yet". Usage: {@code Anomaly myAnswer = Exercise.unanswered();}
     */
    public static <T> T unanswered() {
        return null;
    }

    /** Marks an unfinished stub: throws {@link NotAttempted}, which the grader reports gently. */
    public static <T> T todo() {
        throw new NotAttempted();
    }
}
