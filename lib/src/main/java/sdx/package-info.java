/**
 * System Design, by Experiment: the helper library every notebook calls.
 *
 * <p>{@code sdx.core} holds seeds, workloads, statistics and argument checks; {@code sdx.viz} the
 * charts and tables; {@code sdx.exercise} the grader. Each topic has a package of its own, named as
 * its notebook is: {@code sdx.cache}, {@code sdx.sharding}, {@code sdx.mapreduce}.
 */
package sdx;
