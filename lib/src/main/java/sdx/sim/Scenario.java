package sdx.sim;

/**
 * Builds the simulation to explore for one seed: nodes, network, clients, any fixed nemesis — but does
 * not run it (the {@link Explorer} does, with the invariants registered first).
 */
@FunctionalInterface
public interface Scenario {
    /** A fresh, configured simulation seeded with {@code seed}. */
    Simulation build(long seed);
}
