package sdx.exercise;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The hint a check shows when it fails: put it on a hidden test method next to its {@code @DisplayName}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Hint {
    /** One sentence pointing at the likely mistake, without giving the answer away. */
    String value();
}
