package sdx.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdx.core.Corpus;

/**
 * Integration test (~10-30 s): Spark local mode in a child JVM counts exactly what the engine counts.
 * Needs lib/target/spark/ and lib/target/sdx-all.jar, made by {@code mvn package}, so it runs after
 * packaging, in Maven's integration-test phase (failsafe): {@code mvn verify}, which {@code make test} runs.
 */
class SparkWordCountIT {

    @Test
    void sparkCountsWhatTheEngineCounts() throws Exception {
        Path target = SparkWordCount.targetDir();
        assertTrue(Files.isDirectory(target.resolve("spark")) && Files.isRegularFile(target.resolve("sdx-all.jar")),
                "Spark's jars are copied to lib/target/spark at package time; run this test with `mvn verify`");
        List<String> lines = Corpus.zipf(50_000, 3000, 1.0, 12, 42);
        lines = new java.util.ArrayList<>(lines);
        lines.add("Unicode: Ärger, naïve café — it's MapReduce's word count!");
        var spark = SparkWordCount.run(lines, 2);
        var engine = WordCount.job().combiner(WordCount.reducer()).workers(2).mapTasks(4).reducers(3).run(lines);
        assertEquals(engine.output(), spark.counts());
        assertEquals(WordCount.sequential(lines), spark.counts());
        assertTrue(spark.jobMs() > 0 && spark.totalMs() > spark.jobMs(), spark.toString());
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(0, tmp.filter(p -> p.getFileName().toString().startsWith("sdx-spark-")).count(),
                    "temp files left behind");
        }
    }

    @Test
    void missingJarsAreNamedInTheError(@org.junit.jupiter.api.io.TempDir Path emptyTarget) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> SparkWordCount.command(emptyTarget, Path.of("in.txt"), Path.of("out.tsv"), 2, true));
        assertTrue(e.getMessage().contains(emptyTarget.resolve("spark").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -q -B package"), e.getMessage());
    }

    @Test
    void aMissingInputFileIsNamed() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SparkWordCount.run(Path.of("/no/such/file"), 2));
        assertTrue(e.getMessage().contains("must be an existing file"), e.getMessage());
    }

    /** Interrupting the waiting thread (a notebook cell interrupted) stops the child JVM at once. */
    @Test
    void anInterruptedRunLeavesNoChildJvm() throws Exception {
        List<String> lines = Corpus.zipf(50_000, 3000, 1.0, 12, 42);
        Throwable[] error = new Throwable[1];
        Thread runner = new Thread(() -> {
            try {
                SparkWordCount.run(lines, 2);
            } catch (Throwable t) {
                error[0] = t;
            }
        }, "spark-runner");
        runner.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (ProcessHandle.current().children().findAny().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(ProcessHandle.current().children().findAny().isPresent(), "the child JVM never started");
        runner.interrupt();
        runner.join(15_000);
        assertTrue(!runner.isAlive(), "run() did not return after the interrupt");
        assertTrue(error[0] instanceof IllegalStateException && error[0].getMessage().contains("interrupted"),
                String.valueOf(error[0]));
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "child JVM left running");
    }
}
