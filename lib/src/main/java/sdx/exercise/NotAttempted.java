package sdx.exercise;

/**
 * Thrown by an exercise stub that the learner has not filled in yet; see {@link Exercise#todo()}. It
 * remembers which method of the learner's answer is still a stub, so that a half-finished answer is
 * graded as far as it goes and the report names what is left to write.
 */
public final class NotAttempted extends RuntimeException {
    private final String method;

    /** A marker for an unnamed stub. */
    public NotAttempted() {
        this("");
    }

    /**
     * A marker naming the stub.
     *
     * @param method what is still to write, in words (e.g. {@code "size()"}), or empty when unknown
     */
    public NotAttempted(String method) {
        super("not attempted yet", null, false, false);
        this.method = method == null ? "" : method;
    }

    /** What is still to write, e.g. {@code "size()"} or {@code "your reduce lambda"}; empty when unknown. */
    public String method() {
        return method;
    }
}
