package sdx.security.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Report;

/** Notebook 23's exercises, one method per check cell: {@link #encoder}, {@link #defences}. */
public final class SecurityExercises {
    private SecurityExercises() {}

    /** Exercise 1: grades an HTML encoder for text and for double-quoted attribute values. */
    public static Report encoder(HtmlEncoder encoder) {
        return Grader.run("an HTML encoder for two contexts", EncoderChecks.class, encoder);
    }

    /** Exercise 2: grades a defence picked for each attack. */
    public static Report defences(DefencePicker picker) {
        return Grader.run("pick the defence for each attack", DefenceChecks.class, picker);
    }
}
