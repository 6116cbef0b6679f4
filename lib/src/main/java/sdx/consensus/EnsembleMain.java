package sdx.consensus;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The child JVM of {@link ZooKeeperElections}: a three-server ZooKeeper ensemble (Curator's
 * {@code TestingCluster}, all three servers in this JVM, bound to 127.0.0.1), then {@code trials} times: find
 * the leader, kill it, time how long until a surviving server reports {@code Mode: leader} through the
 * {@code srvr} command (it serves requests only once a majority has synced with it), then time the first write
 * acknowledged by the new ensemble, then restart the old leader and wait until all three serve again.
 * One JSON line per trial on stdout. Arguments: {@code dataDir trials tickTimeMs}.
 */
public final class EnsembleMain {
    private EnsembleMain() {}

    private static final long LIMIT_NS = TimeUnit.SECONDS.toNanos(20);

    public static void main(String[] args) throws Exception {
        File dataDir = new File(args[0]);
        int trials = Integer.parseInt(args[1]);
        int tickMs = Integer.parseInt(args[2]);
        List<InstanceSpec> specs = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            File dir = new File(dataDir, "server-" + id);
            if (!dir.mkdirs()) throw new IOException("cannot create " + dir);
            specs.add(new InstanceSpec(dir, -1, -1, -1, false, id, tickMs, 60,
                    Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1"));
        }
        long t0 = System.nanoTime();
        try (TestingCluster cluster = new TestingCluster(specs)) {
            cluster.start();
            waitAllServing(specs);
            System.out.printf(Locale.ROOT, "{\"startMs\":%.3f}%n", ms(t0));
            for (int trial = 1; trial <= trials; trial++) {
                InstanceSpec leader = leader(specs);
                List<InstanceSpec> survivors = new ArrayList<>(specs);
                survivors.remove(leader);
                long kill = System.nanoTime();
                cluster.killServer(leader);
                double killMs = ms(kill);
                InstanceSpec next = null;
                while (next == null) {
                    if (System.nanoTime() - kill > LIMIT_NS) throw new IllegalStateException("no new leader in 20 s");
                    for (InstanceSpec s : survivors) if ("leader".equals(mode(s))) next = s;
                    if (next == null) Thread.sleep(2);
                }
                double servesMs = ms(kill);
                write(next, "/trial-" + trial);
                double writeMs = ms(kill);
                System.out.printf(Locale.ROOT,
                        "{\"trial\":%d,\"killed\":%d,\"newLeader\":%d,\"killMs\":%.3f,\"servesMs\":%.3f,\"writeMs\":%.3f}%n",
                        trial, leader.getServerId(), next.getServerId(), killMs, servesMs, writeMs);
                System.out.flush();
                cluster.restartServer(leader);
                waitAllServing(specs);
            }
        }
        System.out.println("{\"done\":true}");
        System.exit(0); // ZooKeeper leaves non-daemon threads behind; the parent reads the exit status
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static InstanceSpec leader(List<InstanceSpec> specs) {
        for (InstanceSpec s : specs) if ("leader".equals(mode(s))) return s;
        throw new IllegalStateException("no server reports Mode: leader");
    }

    private static void waitAllServing(List<InstanceSpec> specs) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            int leaders = 0, followers = 0;
            for (InstanceSpec s : specs) {
                String m = mode(s);
                if ("leader".equals(m)) leaders++;
                if ("follower".equals(m)) followers++;
            }
            if (leaders == 1 && followers == specs.size() - 1) return;
            if (System.nanoTime() - start > LIMIT_NS) throw new IllegalStateException("ensemble not serving in 20 s");
            Thread.sleep(5);
        }
    }

    /** The server's mode from the {@code srvr} four-letter command, or null if it is not serving. */
    static String mode(InstanceSpec s) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", s.getPort()), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            for (String line : reply.split("\n")) {
                if (line.startsWith("Mode: ")) return line.substring(6).trim();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** One write through a fresh client of {@code server}; returns when the ensemble acknowledged it. */
    private static void write(InstanceSpec server, String path) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper("127.0.0.1:" + server.getPort(), 10_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) connected.countDown();
        });
        try {
            if (!connected.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("client did not connect");
            zk.create(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } finally {
            zk.close();
        }
    }
}
