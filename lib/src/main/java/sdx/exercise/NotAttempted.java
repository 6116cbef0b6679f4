package sdx.exercise;

/** Thrown by an exercise stub that the learner has not filled in yet; see {@link Exercise#todo()}. */
public final class NotAttempted extends RuntimeException {
    /** A new marker exception. */
    public NotAttempted() {
        super("not attempted yet", null, false, false);
    }
}
