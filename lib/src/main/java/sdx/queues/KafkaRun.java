package sdx.queues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import sdx.core.Check;
import sdx.core.ChildJvm;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A real Apache Kafka 4.4 broker beside the model: one broker in KRaft mode (broker and controller in one
 * process, no ZooKeeper) on 127.0.0.1 with ephemeral ports, in a child JVM ({@link KafkaChild}) so the kernel
 * keeps none of Kafka's threads. The child produces {@code messages} keyed messages to a topic of
 * {@code partitions} partitions (acks=all), then one consumer of the group {@code billing} drains them,
 * committing after every poll, while the group's lag (end offsets minus committed offsets, read through the
 * Admin API) is sampled. The child is stopped at the time limit, on an interrupted cell and when this JVM exits;
 * its log dir is deleted. Needs {@code mvn package} in {@code lib/} (it copies Kafka's jars to
 * {@code lib/target/kafka/}). Every time is wall-clock, on whatever else this machine is doing.
 */
public final class KafkaRun {
    private KafkaRun() {}

    /**
     * The child's time limit, seconds. An idle 2-core machine needs about 10 s for the whole child (broker start
     * about 4 s); at load average 22 on the shared development machine it took 43 s, hence the margin.
     */
    public static final long TIMEOUT_SECONDS = 90;

    /**
     * What one run measured.
     *
     * @param messages             messages produced
     * @param partitions           partitions of the topic
     * @param keys                 distinct message keys (message i has key i mod keys)
     * @param received             messages the consumer received
     * @param startMillis          broker start inside the child (format the storage, start, ready)
     * @param produceMillis        producing every message, acknowledged by the broker
     * @param consumeMillis        the consumer's first poll until it had every message
     * @param perKeyOrderViolations messages that arrived after a later message of the same key (order per key)
     * @param globalOrderInversions messages that arrived after a later-produced message of any key
     * @param lagMillis            when the group's lag was sampled (ms since the consumer started)
     * @param lag                  the group's lag at those times, messages
     * @param totalMillis          the whole child JVM as this JVM saw it
     */
    public record Result(int messages, int partitions, int keys, long received, double startMillis,
            double produceMillis, double consumeMillis, long perKeyOrderViolations, long globalOrderInversions,
            double[] lagMillis, double[] lag, double totalMillis) {
        public Result {
            lagMillis = lagMillis.clone();
            lag = lag.clone();
        }

        @Override public double[] lagMillis() { return lagMillis.clone(); }
        @Override public double[] lag() { return lag.clone(); }

        /** Messages per second produced. */
        public double producePerSecond() {
            return messages / (produceMillis / 1000);
        }

        /** Messages per second consumed (and committed). */
        public double consumePerSecond() {
            return received / (consumeMillis / 1000);
        }

        /** The figures as a table (wall-clock: they change from run to run). */
        public Table table() {
            StringColumn what = StringColumn.create("measured");
            DoubleColumn value = DoubleColumn.create("value");
            add(what, value, "messages", messages);
            add(what, value, "partitions", partitions);
            add(what, value, "broker start, s", startMillis / 1000);
            add(what, value, "produce, messages/s", producePerSecond());
            add(what, value, "consume + commit, messages/s", consumePerSecond());
            add(what, value, "messages out of order within a key", perKeyOrderViolations);
            add(what, value, "messages out of global order", globalOrderInversions);
            add(what, value, "whole child JVM, s", totalMillis / 1000);
            return Table.create(String.format(Locale.ROOT, "Kafka 4.4, one KRaft broker on 127.0.0.1, %d partitions",
                    partitions)).addColumns(what, value);
        }

        private static void add(StringColumn what, DoubleColumn value, String name, double v) {
            what.append(name);
            value.append(Math.round(v * 100) / 100.0);
        }

        /**
         * The group's lag over time, beside the model's straight line: a backlog B drained at the consumer's
         * measured rate mu falls as B - mu (t - t0) from the first poll that returned messages.
         */
        public Plot plot() {
            int first = 0;
            while (first < lag.length - 1 && lag[first + 1] >= lag[0]) first++;
            double t0 = lagMillis[first], rate = messages / Math.max(1e-9, lagMillis[lag.length - 1] - t0);
            double[] tx = {t0, t0 + messages / rate};
            double[] ty = {messages, 0};
            return Plot.line("A real Kafka consumer group draining a backlog", "ms since the consumer started",
                            "consumer lag (messages)")
                    .series("lag, Kafka (measured)", lagMillis, lag)
                    .theoryOf("lag, Kafka (measured)", "linear drain at the measured rate", tx, ty);
        }
    }

    /**
     * Starts the broker in a child JVM, produces {@code messages} (1,000 to 200,000) of {@code valueBytes} bytes
     * (16 to 10,000) with {@code keys} keys (1 to 1,000) to a topic of {@code partitions} partitions (1 to 16),
     * drains them in a group and stops everything.
     */
    public static Result measure(int messages, int partitions, int keys, int valueBytes) {
        Check.inRange("messages", messages, 1_000, 200_000);
        Check.inRange("partitions", partitions, 1, 16);
        Check.inRange("keys", keys, 1, 1_000);
        Check.inRange("valueBytes", valueBytes, 16, 10_000);
        Path data = null;
        try {
            data = Files.createTempDirectory("sdx-kafka-");
            ChildJvm.Run run = ChildJvm.run("kafka", command(targetDir(), data, messages, partitions, keys, valueBytes),
                    TIMEOUT_SECONDS);
            if (run.timedOut()) throw failure("did not finish within " + TIMEOUT_SECONDS + " s", run);
            String line = run.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
            if (run.exitValue() != 0 || line == null) throw failure("exited with status " + run.exitValue(), run);
            return parse(line, run.millis());
        } catch (IOException e) {
            throw new UncheckedIOException("could not run Kafka's child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka; its child JVM was stopped", e);
        } finally {
            deleteTree(data);
        }
    }

    static Result parse(String line, double totalMillis) throws IOException {
        JsonNode n = new ObjectMapper().readTree(line);
        List<double[]> samples = new ArrayList<>();
        n.get("lag").forEach(s -> samples.add(new double[] {s.get(0).asDouble(), s.get(1).asDouble()}));
        double[] t = samples.stream().mapToDouble(s -> s[0]).toArray();
        double[] lag = samples.stream().mapToDouble(s -> s[1]).toArray();
        return new Result(n.get("messages").asInt(), n.get("partitions").asInt(), n.get("keys").asInt(),
                n.get("received").asLong(), n.get("startMillis").asDouble(), n.get("produceMillis").asDouble(),
                n.get("consumeMillis").asDouble(), n.get("perKeyOrderViolations").asLong(),
                n.get("globalOrderInversions").asLong(), t, lag, totalMillis);
    }

    private static IllegalStateException failure(String what, ChildJvm.Run run) {
        String tail = run.stderrTail(4000);
        return new IllegalStateException("Kafka's child JVM " + what + ". The last of its stderr:\n"
                + (tail.isBlank() ? "(empty)" : tail));
    }

    /** The child's command line, with Kafka's jars expected in {@code target/kafka}. */
    static List<String> command(Path target, Path dataDir, int messages, int partitions, int keys, int valueBytes) {
        Path jars = target.resolve("kafka");
        if (!Files.isDirectory(jars)) {
            throw new IllegalStateException("Kafka's jars are missing: expected " + jars
                    + ". Build them with: cd lib && mvn -q -B package -DskipTests");
        }
        String cp = jars + File.separator + "*" + File.pathSeparator + ChildJvm.libraryLocation(KafkaRun.class);
        // The child lives about ten seconds: the quick C1 compiler only and the single-threaded collector, as for
        // ZooKeeper's and small Spark runs. C2 and the parallel collector's threads cost more CPU than they save
        // here (measured: about half the child's CPU time on a 2-core machine); the broker's throughput figures
        // are the C1 compiler's, wall-clock like every figure of this run.
        return List.of(ChildJvm.java(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-cp", cp,
                KafkaChild.class.getName(), dataDir.toAbsolutePath().toString(), Integer.toString(messages),
                Integer.toString(partitions), Integer.toString(keys), Integer.toString(valueBytes));
    }

    /** lib/target: the folder of the jar (or of the classes folder) this class was loaded from. */
    static Path targetDir() {
        return ChildJvm.targetDir(KafkaRun.class);
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
