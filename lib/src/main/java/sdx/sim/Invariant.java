package sdx.sim;

import java.util.function.Predicate;
import sdx.core.Check;

/**
 * A named property that must hold in every state of a run, e.g. "at most one leader per term".
 * {@link Simulation#check} tests it after every event; the {@link Explorer} over many seeds.
 *
 * @param name  shown when it fails
 * @param holds true when the state is fine; read node state with {@link Simulation#nodes(Class)}
 */
public record Invariant(String name, Predicate<Simulation> holds) {
    public Invariant {
        Check.notNull("name", name);
        Check.notNull("holds", holds);
    }

    /** Same as the constructor, reads better in a list. */
    public static Invariant of(String name, Predicate<Simulation> holds) {
        return new Invariant(name, holds);
    }
}
