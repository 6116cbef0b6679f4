package sdx.mapreduce;

/**
 * What one phase of a job cost.
 *
 * @param name     "map", "shuffle" or "reduce"
 * @param millis   wall time from the phase's first launch to its last task's commit
 * @param tasks    number of tasks
 * @param attempts attempts launched (tasks + re-executions + backups)
 * @param crashed  attempts that crashed or failed
 * @param backups  speculative backup attempts launched
 * @param killed   attempts cancelled or discarded because another copy won
 */
public record PhaseStats(String name, double millis, int tasks, int attempts, int crashed, int backups, int killed) {}
