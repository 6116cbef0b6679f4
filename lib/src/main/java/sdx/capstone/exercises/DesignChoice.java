package sdx.capstone.exercises;

import sdx.capstone.Design;

/** The exercise's answer: a design, returned when asked (so a stub can say it is not written yet). */
@FunctionalInterface
public interface DesignChoice {
    /** Your design. */
    Design design();
}
