package sdx.mapreduce;

/**
 * One attempt at one task, as the master saw it: the rows of the job's timeline.
 *
 * @param phase   "map", "shuffle" or "reduce"
 * @param task    task index within its phase
 * @param attempt attempt number (0 = first; re-executions and backups count up)
 * @param backup  true for a speculative backup copy
 * @param worker  the worker thread that ran it (1..W)
 * @param startMs start, in ms since the job started
 * @param endMs   end, in ms since the job started
 * @param outcome how it ended
 * @param error   the error of a failed attempt, empty otherwise
 */
public record TaskAttempt(String phase, int task, int attempt, boolean backup, int worker, double startMs,
        double endMs, Outcome outcome, String error) {

    /** How an attempt ended. */
    public enum Outcome {
        /** Finished first: its output was committed. */
        SUCCEEDED,
        /** Killed by an injected crash; its partial output was discarded and the task re-queued. */
        CRASHED,
        /** Threw an exception of its own (a bug in the mapper or reducer); retried like a crash. */
        FAILED,
        /** Cancelled because another attempt of the same task finished first. */
        KILLED,
        /** Finished, but after another attempt had already committed: output discarded. */
        DUPLICATE,
        /** Its worker died: running, or (a map task) completed but its output was on the dead worker. */
        LOST
    }

    /** The same attempt with another outcome and error. */
    TaskAttempt with(Outcome newOutcome, String newError, double newEndMs) {
        return new TaskAttempt(phase, task, attempt, backup, worker, startMs, newEndMs, newOutcome, newError);
    }

    /** Duration in ms. */
    public double millis() {
        return endMs - startMs;
    }
}
