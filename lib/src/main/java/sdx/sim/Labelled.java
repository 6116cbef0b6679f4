package sdx.sim;

/**
 * A message that says how it should be labelled on a {@link SequenceDiagram} arrow, e.g. "A? www.course.test"
 * instead of the default record form "Query(1000,www.cou…)". Labels longer than 30 characters are cut.
 */
public interface Labelled {
    /** The arrow's label: short, the part a reader needs. */
    String label();
}
