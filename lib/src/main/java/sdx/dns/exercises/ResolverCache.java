package sdx.dns.exercises;

/**
 * Exercise 1: a recursive resolver's cache. Times are whole seconds on a clock the grader controls.
 * An answer stored at time t with TTL T may be served at times t ... t + T - 1 and not at t + T (it has
 * then lived its TTL). A cache entry is for one (name, type): an A answer does not answer an AAAA question.
 */
public interface ResolverCache {
    /** Stores {@code answer} to {@code question}, received at {@code now}. */
    void put(Question question, Answer answer, long now);

    /** The stored answer if it is still fresh at {@code now}, else null. */
    Answer get(Question question, long now);

    /** How the grader makes an empty cache ({@code MyCache::new}). */
    @FunctionalInterface
    interface Factory {
        ResolverCache create();
    }
}
