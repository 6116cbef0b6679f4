package sdx.security.exercises;

/** Exercise 2: for each attack, the defence that stops it (one answer per attack). */
@FunctionalInterface
public interface DefencePicker {
    /** The defence you pick against {@code attack}. */
    Defence defenceFor(Attack attack);
}
