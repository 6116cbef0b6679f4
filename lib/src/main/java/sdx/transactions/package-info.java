/**
 * Distributed transactions (notebook 17): interleavings of transactions under MVCC isolation levels
 * ({@link sdx.transactions.Interleaving}, {@link sdx.transactions.MvccStore}, {@link sdx.transactions.Isolation}),
 * the same anomalies on a real H2 database ({@link sdx.transactions.H2Anomalies}), garbage collection of old
 * versions ({@link sdx.transactions.VersionGc}), and atomic commit on the simulator: two-phase commit blocking
 * when its coordinator crashes, three-phase commit disagreeing under a partition
 * ({@link sdx.transactions.AtomicCommit}).
 *
 * <p>Exercises: {@link sdx.transactions.exercises.TransactionsExercises}.
 */
package sdx.transactions;
