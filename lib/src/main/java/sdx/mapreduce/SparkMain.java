package sdx.mapreduce;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;
import sdx.core.Check;
import sdx.core.Corpus;

/**
 * The child-JVM side of {@link SparkWordCount}: counts the words of a text file with Apache Spark
 * in local mode and writes {@code word TAB count} lines to an output file. Not for notebooks: it
 * needs Spark's jars on the classpath, which the notebook kernel does not have.
 *
 * <p>Usage: {@code SparkMain <input file> <output file> <local[W]>}. Prints one line to stdout:
 * {@code startMs=<session start> jobMs=<word count job>}.
 */
public final class SparkMain {
    private SparkMain() {}

    /** Runs the word count; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw Check.fail("usage: SparkMain <input file> <output file> <local[W]>");
        }
        long t0 = System.nanoTime();
        SparkConf conf = new SparkConf().setAppName("sdx-wordcount").setMaster(args[2])
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.showConsoleProgress", "false");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("ERROR");
            long t1 = System.nanoTime();
            List<Tuple2<String, Integer>> counts = sc.textFile(args[0])
                    .flatMap(line -> Corpus.words(line).iterator())
                    .mapToPair(w -> new Tuple2<>(w, 1))
                    .reduceByKey(Integer::sum)
                    .collect();
            long t2 = System.nanoTime();
            try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
                for (Tuple2<String, Integer> c : counts) {
                    out.write(c._1());
                    out.write('\t');
                    out.write(Integer.toString(c._2()));
                    out.write('\n');
                }
            }
            System.out.printf(Locale.ROOT, "startMs=%.1f jobMs=%.1f%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        }
    }
}
