package sdx.mapreduce;

/** A job that could not finish: a task failed on every allowed attempt, or the master was interrupted. */
public final class MapReduceException extends RuntimeException {
    /** A failure with its cause (the last attempt's error). */
    public MapReduceException(String message, Throwable cause) {
        super(message, cause);
    }
}
