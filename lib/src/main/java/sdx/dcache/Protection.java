package sdx.dcache;

/** How readers of one popular key behave when its cached value expires. */
public enum Protection {
    /** Every reader that finds the key expired loads it from the database. */
    NONE("no protection"),
    /** The first reader loads; readers arriving meanwhile wait for its result (request coalescing). */
    SINGLE_FLIGHT("single flight"),
    /**
     * Probabilistic early expiration, "XFetch" (Vattani, Chierichetti and Lowenstein, VLDB 2015): a reader at
     * time {@code t} recomputes before the expiry {@code e} when {@code t − δ·β·ln(U) ≥ e}, U uniform on (0, 1],
     * i.e. with probability {@code exp(−(e − t)/(β·δ))}, δ the last recompute time.
     */
    EARLY_EXPIRATION("probabilistic early expiration");

    private final String label;

    Protection(String label) {
        this.label = label;
    }

    /** The name in charts. */
    public String label() {
        return label;
    }
}
