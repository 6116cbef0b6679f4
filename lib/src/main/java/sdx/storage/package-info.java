/**
 * Notebook 05, storage and latency: how long memory, files and fsync take on this machine beside the classic
 * latency table, and why averages hide the tail, fan-out makes it common, and hedged requests cut it.
 *
 * <p>Entry points: the facade {@link sdx.storage.Storage} (machine facts, {@code memory()}, {@code files()},
 * {@code latencyNumbers(...)}, {@code percentiles}, {@code fanOut}, {@code hedged}); the server model
 * {@link sdx.storage.TailModel}; closed forms in {@link sdx.storage.Theory}; and the exercises in
 * {@link sdx.storage.exercises.StorageExercises}. Measurements of the machine are wall-clock (the notebook
 * tags them {@code timing}); everything about the tail is a seeded simulation.
 */
package sdx.storage;
