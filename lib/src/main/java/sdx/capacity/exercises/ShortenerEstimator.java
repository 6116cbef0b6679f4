package sdx.capacity.exercises;

/** Exercise 1: works out a URL shortener's figures from its load. */
@FunctionalInterface
public interface ShortenerEstimator {
    /** The average write and read rates and the storage for {@code load}. */
    ShortenerEstimate estimate(ShortenerLoad load);
}
