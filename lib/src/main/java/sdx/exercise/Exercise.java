package sdx.exercise;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What exercise stubs call. A stub's body is {@code return Exercise.todo();} (or a prediction is left
 * as {@link #TODO_NUMBER}); the grader then reports "not attempted yet" instead of failing. When only
 * some methods of an answer are still stubs, the checks that need them say which one is left to write
 * and the others are graded.
 */
public final class Exercise {
    private Exercise() {}

    /** The placeholder for a number the learner has yet to predict. */
    public static final double TODO_NUMBER = Double.NaN;

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES);

    /**
     * The placeholder for a prediction that is not a number (a choice from an enum, say): {@code null},
     * which the checks report as "not attempted yet". Usage: {@code Anomaly myAnswer = Exercise.unanswered();}
     */
    public static <T> T unanswered() {
        return null;
    }

    /** Marks an unfinished stub: throws {@link NotAttempted}, which the grader reports gently. */
    public static <T> T todo() {
        throw new NotAttempted(caller());
    }

    /**
     * The stub that called {@link #todo()}: {@code "size()"} for a method of the learner's class,
     * {@code "your reduce lambda"} for a lambda (its interface method, read from the lambda's frame).
     */
    private static String caller() {
        List<StackWalker.StackFrame> frames = WALKER.walk(s -> s.filter(f -> !f.getClassName().equals(Exercise.class.getName()))
                .limit(2).collect(Collectors.toList()));
        if (frames.isEmpty()) return "";
        String method = frames.get(0).getMethodName();
        if (!method.startsWith("lambda$")) return method + "()";
        if (frames.size() > 1 && frames.get(1).getClassName().contains("$$Lambda")) {
            return "your " + frames.get(1).getMethodName() + " lambda";
        }
        return "your lambda";
    }
}
