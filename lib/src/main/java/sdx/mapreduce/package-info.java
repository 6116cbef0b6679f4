/**
 * MapReduce (notebook 22): an in-JVM engine after Dean &amp; Ghemawat (OSDI 2004) whose worker threads play
 * the machines. The entry point is {@link sdx.mapreduce.MapReduce#job}, which returns a
 * {@link sdx.mapreduce.Job} (workers, map tasks, reducers, combiner, partitioner, faults, speculation) whose
 * {@code run} gives a {@link sdx.mapreduce.JobResult} with {@code output()} and {@code table()}. The learner
 * writes a {@link sdx.mapreduce.Mapper} and a {@link sdx.mapreduce.Reducer}; {@link sdx.mapreduce.WordCount}
 * is the worked job. The experiments: combiners ({@link sdx.mapreduce.CombinerStudy}), skew
 * ({@link sdx.mapreduce.SkewStudy}), scaling ({@link sdx.mapreduce.Scaling}), crashed workers
 * ({@link sdx.mapreduce.Faults}), stragglers and backup tasks ({@link sdx.mapreduce.BackupTasks}), joins
 * ({@link sdx.mapreduce.Join}), and the COST comparison ({@link sdx.mapreduce.Cost}) of the engine against a
 * tuned single thread ({@link sdx.mapreduce.TunedWordCount}) and real Spark run in a child JVM on 127.0.0.1
 * ({@link sdx.mapreduce.SparkWordCount}).
 *
 * <p>The notebook's check cells call {@link sdx.mapreduce.exercises.MapReduceExercises}, one static method
 * per exercise.
 */
package sdx.mapreduce;
