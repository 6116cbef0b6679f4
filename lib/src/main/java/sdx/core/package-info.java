/**
 * The shared core every layer above may use: seeded randomness ({@link sdx.core.Rng},
 * {@link sdx.core.SplitMix64}), workloads and the word-count corpus ({@link sdx.core.Workloads},
 * {@link sdx.core.Corpus}, {@link sdx.core.Trace}), statistics ({@link sdx.core.Stats},
 * {@link sdx.core.EmpiricalCdf}, {@link sdx.core.Latency}), a root finder ({@link sdx.core.Roots}), daemon
 * threads with names ({@link sdx.core.DaemonThreads}), heavy systems run in a child JVM ({@link sdx.core.ChildJvm}) and the argument checks every public entry point goes
 * through ({@link sdx.core.Check}: the message names the parameter, its value and what is allowed).
 */
package sdx.core;
