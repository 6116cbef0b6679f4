package sdx.exercise;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a basic check: a hand-worked trace or a plain run, as opposed to a check that injects faults or
 * needs everything else right (crashes, a combiner, a long random trace). Checks run in {@code @Order};
 * when a basic check fails, every later check that is not basic reports "skipped until &lt;that check&gt;
 * passes" instead of blaming a second, wrong cause.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Basic {}
