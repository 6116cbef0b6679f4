package sdx.queues;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;

/**
 * The child JVM's main for {@link KafkaRun}: starts one Apache Kafka broker in KRaft mode (broker and controller
 * in one process) on 127.0.0.1 with ephemeral ports and a temp log dir, produces {@code messages} keyed messages
 * to a topic of {@code partitions} partitions, then drains them with one consumer in a group while sampling the
 * group's lag, checks order per key, prints ONE JSON line on stdout, stops the broker, deletes the temp dir
 * and exits. Arguments: dataDir messages partitions keys valueBytes (the caller makes and deletes dataDir, so a
 * child stopped at its time limit leaves nothing behind). Never called by a notebook directly.
 */
public final class KafkaChild {
    private KafkaChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int messages = Integer.parseInt(args[1]);
        int partitions = Integer.parseInt(args[2]);
        int keys = Integer.parseInt(args[3]);
        int valueBytes = Integer.parseInt(args[4]);
        KafkaRaftServer server = null;
        int exit = 0;
        try {
            long t0 = System.nanoTime();
            int brokerPort = freePort(), controllerPort = freePort();
            Properties props = serverProperties(dir, brokerPort, controllerPort);
            Path config = dir.resolve("server.properties");
            try (var w = Files.newBufferedWriter(config)) {
                props.store(w, "sdx.queues.KafkaChild");
            }
            ByteArrayOutputStream formatOut = new ByteArrayOutputStream();
            int formatted = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString(), "--standalone"}, new PrintStream(formatOut, true, StandardCharsets.UTF_8));
            if (formatted != 0) throw new IllegalStateException("storage format failed: " + formatOut);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            double startMillis = (System.nanoTime() - t0) / 1e6;
            System.out.println(run(bootstrap, messages, partitions, keys, valueBytes, startMillis));
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            if (server != null) {
                server.shutdown();
                server.awaitShutdown();
            }
        }
        System.out.flush();
        Runtime.getRuntime().halt(exit); // Kafka leaves non-daemon threads; the broker is already shut down
    }

    static Properties serverProperties(Path dir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("logs").toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    static String run(String bootstrap, int messages, int partitions, int keys, int valueBytes, double startMillis)
            throws Exception {
        String topic = "orders";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            long p0 = System.nanoTime();
            produce(bootstrap, topic, messages, keys, valueBytes);
            double produceMillis = (System.nanoTime() - p0) / 1e6;
            return consume(bootstrap, admin, topic, messages, keys, partitions, produceMillis, startMillis);
        }
    }

    static void produce(String bootstrap, String topic, int messages, int keys, int valueBytes) {
        Map<String, Object> cfg = Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 5,
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName());
        String pad = "x".repeat(Math.max(0, valueBytes - 12));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(cfg)) {
            for (int i = 0; i < messages; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + (i % keys), i + ":" + pad));
            }
            producer.flush();
        }
    }

    static String consume(String bootstrap, Admin admin, String topic, int messages, int keys, int partitions,
            double produceMillis, double startMillis) throws Exception {
        Map<String, Object> cfg = Map.of("bootstrap.servers", bootstrap, "group.id", "billing",
                "auto.offset.reset", "earliest", "enable.auto.commit", false, "max.poll.records", 500,
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName());
        Map<String, Long> lastSeqPerKey = new HashMap<>();
        long perKeyViolations = 0, globalInversions = 0, lastSeq = -1, received = 0;
        List<double[]> lag = new ArrayList<>();
        List<TopicPartition> tps = new ArrayList<>();
        for (int p = 0; p < partitions; p++) tps.add(new TopicPartition(topic, p));
        long end = endOffsets(admin, tps);
        long c0 = System.nanoTime();
        long nextSample = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cfg)) {
            consumer.subscribe(List.of(topic));
            lag.add(new double[] {0, end});
            while (received < messages && System.nanoTime() - c0 < 40_000_000_000L) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long seq = Long.parseLong(r.value().substring(0, r.value().indexOf(':')));
                    Long prev = lastSeqPerKey.put(r.key(), seq);
                    if (prev != null && prev > seq) perKeyViolations++;
                    if (seq < lastSeq) globalInversions++;
                    lastSeq = seq;
                    received++;
                }
                consumer.commitSync();
                long now = System.nanoTime() - c0;
                if (now >= nextSample || received >= messages) {
                    lag.add(new double[] {now / 1e6, end - committed(admin, "billing", tps)});
                    nextSample = now + 50_000_000L;
                }
            }
        }
        double consumeMillis = (System.nanoTime() - c0) / 1e6;
        StringBuilder lagJson = new StringBuilder("[");
        for (double[] s : lag) {
            if (lagJson.length() > 1) lagJson.append(',');
            lagJson.append(String.format(Locale.ROOT, "[%.1f,%d]", s[0], (long) s[1]));
        }
        lagJson.append(']');
        return String.format(Locale.ROOT, "{\"messages\":%d,\"partitions\":%d,\"keys\":%d,\"received\":%d,"
                + "\"startMillis\":%.1f,\"produceMillis\":%.1f,\"consumeMillis\":%.1f,\"perKeyOrderViolations\":%d,"
                + "\"globalOrderInversions\":%d,\"lag\":%s}", messages, partitions, keys, received, startMillis,
                produceMillis, consumeMillis, perKeyViolations, globalInversions, lagJson);
    }

    static long endOffsets(Admin admin, List<TopicPartition> tps) throws Exception {
        Map<TopicPartition, OffsetSpec> req = new HashMap<>();
        for (TopicPartition tp : tps) req.put(tp, OffsetSpec.latest());
        long sum = 0;
        for (var e : admin.listOffsets(req).all().get().values()) sum += e.offset();
        return sum;
    }

    static long committed(Admin admin, String group, List<TopicPartition> tps) throws Exception {
        long sum = 0;
        Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        for (TopicPartition tp : tps) {
            OffsetAndMetadata o = m.get(tp);
            if (o != null) sum += o.offset();
        }
        return sum;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
