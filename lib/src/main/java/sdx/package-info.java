/**
 * System Design, by Experiment: the helper library every notebook calls.
 *
 * <h2>Layers</h2>
 * A package may import only from layers below it, never from a layer above, and a topic package never
 * imports another topic package ({@code sdx.LayeringTest} enforces this on the sources):
 * <ol>
 *   <li>{@code sdx.core}: seeds and randomness ({@code Rng}, {@code SplitMix64}), workloads, statistics
 *       ({@code Stats}, {@code EmpiricalCdf}), numerics ({@code Roots}), argument checks ({@code Check}),
 *       daemon threads ({@code DaemonThreads}), child JVMs for heavy systems ({@code ChildJvm}), a
 *       consistent-hash ring with replica lists ({@code HashRing}).</li>
 *   <li>{@code sdx.viz}: charts ({@code Plot}), tables, drawn pictures ({@code Picture}), source listings
 *       ({@code Source}) and the JJava display hook.</li>
 *   <li>{@code sdx.exercise}: the grader.</li>
 *   <li>{@code sdx.sim} (discrete-event simulator) and {@code sdx.net} (loopback HTTP server, client and
 *       open-loop load generator): shared machinery for the distributed and networked topics. Neither
 *       imports the other.</li>
 *   <li>topic packages: every other {@code sdx.X}, named as its notebook is ({@code sdx.cache},
 *       {@code sdx.sharding}, {@code sdx.mapreduce}, ...). A topic's {@code exercises} subpackage belongs
 *       to its topic.</li>
 *   <li>{@code sdx.capstone} (notebook 26): the synthesis, which may use every topic package; no topic uses it.</li>
 * </ol>
 * Something two topics both need moves down a layer (to {@code sdx.core}, {@code sdx.sim} or
 * {@code sdx.net}) before the second copy is written.
 *
 * <h2>The template for a topic package</h2>
 * Take {@code sdx.cache} (notebook 07) as the worked example. A topic {@code sdx.<topic>} has:
 * <ol>
 *   <li><b>One small interface per family</b> of algorithms ({@code CachePolicy}, {@code Partitioner},
 *       {@code Node}): a handful of methods a learner can read in one screen, with javadoc saying what
 *       each must guarantee.</li>
 *   <li><b>One final class per algorithm</b>, named {@code <Algorithm><Family>} ({@code LruPolicy},
 *       {@code ConsistentHashPartitioner}), a few hundred lines at most, whose javadoc cites its source
 *       (paper, RFC or system doc, with year) and which checks its own invariants. Arrays in and out of
 *       records and constructors are copied.</li>
 *   <li><b>A facade of experiments</b> named after the topic ({@code Caching}, {@code MapReduce}): static
 *       methods, one per notebook question, each seeded ({@code long seed} last, or a small settings record
 *       with defaults when there are more than three numbers) and validating every argument through
 *       {@code sdx.core.Check}. Each returns a <b>result record</b> holding the numbers, with
 *       {@code plot()} (an {@code sdx.viz.Plot}, theory paired with its measurement through
 *       {@code theoryOf}) and/or {@code table()} (a Tablesaw table) so a notebook cell is one or two
 *       lines. No config strings, no registries of names.</li>
 *   <li><b>{@code Theory}</b>: the closed forms the notebook draws beside measurement, each citing where it
 *       comes from. A JUnit test checks simulation against theory within a tolerance justified in a
 *       comment.</li>
 *   <li><b>{@code sdx.<topic>.exercises.<Topic>Exercises}</b>: the one entry point a notebook's check cells
 *       call, one static method per exercise ({@code CachingExercises.checkLru(MyLru::new)}), returning
 *       the grader's report. The hidden checks live beside it ({@code LruChecks}), one named check per
 *       property, basic before fault-injected; the reference solution and named wrong implementations
 *       are in the tests. How to write checks and predictions: see {@code sdx.exercise}'s package
 *       documentation (its grader API is the contract).</li>
 *   <li><b>{@code package-info.java}</b> saying which notebook the package serves and naming the entry
 *       points (facade, exercises class) a notebook calls.</li>
 * </ol>
 * When a notebook relies on an algorithm the learner does not write (the ring lookup, a scheduler, an
 * admission filter), show the code that ran with {@code sdx.viz.Source.method(Type.class, "name")}.
 */
package sdx;
