package sdx.kv;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The child JVM of {@link ZooKeeperTour}: a three-server ZooKeeper ensemble (Curator's {@code TestingCluster}, on
 * 127.0.0.1, read-only mode enabled) and a few clients, printing one line per observation as
 * {@code step|text}. Steps: a watch fires; an ephemeral node vanishes with its session; Curator's lock recipe
 * ({@code InterProcessMutex}) passes the lock on release and on a holder's session closing; a server cut off from
 * the majority serves a stale read in read-only mode, refuses {@code sync}, and after rejoining serves the
 * acknowledged value. Arguments: {@code dataDir tickTimeMs}.
 */
public final class ZooKeeperTourMain {
    private ZooKeeperTourMain() {}

    private static final int WAIT_S = 20;

    public static void main(String[] args) throws Exception {
        File dataDir = new File(args[0]);
        int tickMs = Integer.parseInt(args[1]);
        List<InstanceSpec> specs = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            File dir = new File(dataDir, "server-" + id);
            if (!dir.mkdirs()) throw new IllegalStateException("cannot create " + dir);
            specs.add(new InstanceSpec(dir, -1, -1, -1, false, id, tickMs, 60,
                    Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1"));
        }
        try (TestingCluster cluster = new TestingCluster(specs)) {
            cluster.start();
            String all = cluster.getConnectString();
            ZooKeeper a = connect(all, false), b = connect(all, false);
            watchFires(a, b);
            ephemeralVanishes(all, a, b);
            lock(all);
            a.close();
            b.close();
            staleRead(cluster, specs);
        }
        say("done", "every client closed, ensemble stopped");
        System.exit(0); // ZooKeeper leaves non-daemon threads behind; the parent reads the exit status
    }

    private static void watchFires(ZooKeeper a, ZooKeeper b) throws Exception {
        a.create("/config", bytes("v1"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
        String seen = new String(b.getData("/config", events::add, null), StandardCharsets.UTF_8);
        say("watch", "client B reads /config = " + seen + " and leaves a watch on it");
        a.setData("/config", bytes("v2"), -1);
        say("watch", "client A writes /config = v2 (acknowledged once a majority of servers logged it)");
        WatchedEvent e = events.poll(WAIT_S, TimeUnit.SECONDS);
        say("watch", "client B's watch fires: " + (e == null ? "nothing within " + WAIT_S + " s" : e.getType() + " " + e.getPath())
                + "; a watch fires once, so B reads again and sets a new one");
    }

    private static void ephemeralVanishes(String all, ZooKeeper a, ZooKeeper b) throws Exception {
        a.create("/members", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        ZooKeeper worker = connect(all, false);
        worker.create("/members/worker-1", bytes("host-1"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
        say("ephemeral", "a worker's session creates the EPHEMERAL node /members/worker-1; B lists /members = "
                + b.getChildren("/members", events::add));
        worker.close();
        say("ephemeral", "the worker's session closes (a crash would end it after the session timeout)");
        WatchedEvent e = events.poll(WAIT_S, TimeUnit.SECONDS);
        say("ephemeral", "B's watch fires: " + (e == null ? "nothing" : e.getType()) + "; /members = "
                + b.getChildren("/members", false));
    }

    private static void lock(String all) throws Exception {
        try (CuratorFramework one = curator(all); CuratorFramework two = curator(all)) {
            InterProcessMutex first = new InterProcessMutex(one, "/locks/orders");
            InterProcessMutex second = new InterProcessMutex(two, "/locks/orders");
            first.acquire();
            say("lock", "client 1 acquires the lock: its EPHEMERAL_SEQUENTIAL node is the lowest under /locks/orders ("
                    + one.getChildren().forPath("/locks/orders").size() + " node)");
            boolean got = second.acquire(300, TimeUnit.MILLISECONDS);
            say("lock", "client 2 tries for 300 ms: " + (got ? "acquired (wrong!)" : "not acquired")
                    + "; it waits on a watch of the node just below its own");
            first.release();
            got = second.acquire(WAIT_S, TimeUnit.SECONDS);
            say("lock", "client 1 releases (deletes its node): client 2 " + (got ? "acquires the lock" : "did not get it"));
            try (CuratorFramework three = curator(all)) {
                InterProcessMutex third = new InterProcessMutex(three, "/locks/orders");
                CountDownLatch waiting = new CountDownLatch(1);
                Thread t = new Thread(() -> {
                    try {
                        waiting.countDown();
                        if (third.acquire(WAIT_S, TimeUnit.SECONDS)) {
                            say("lock", "client 3 acquires the lock: client 2's node vanished with its session");
                            third.release();
                        }
                    } catch (Exception e) {
                        say("lock", "client 3 failed: " + e);
                    }
                }, "sdx-kv-client-3");
                t.start();
                waiting.await();
                Thread.sleep(200);
                say("lock", "client 2 holds the lock and its session closes without releasing (a crashed holder)");
                two.close();
                t.join(TimeUnit.SECONDS.toMillis(WAIT_S));
            }
        }
    }

    private static void staleRead(TestingCluster cluster, List<InstanceSpec> specs) throws Exception {
        InstanceSpec leader = null;
        List<InstanceSpec> followers = new ArrayList<>();
        for (InstanceSpec s : specs) {
            if ("leader".equals(mode(s))) leader = s;
            else followers.add(s);
        }
        if (leader == null || followers.size() != 2) throw new IllegalStateException("no single leader among 3 servers");
        InstanceSpec cutOff = followers.get(0), other = followers.get(1);
        ZooKeeper a = connect(leader.getConnectString(), false);
        a.create("/price", bytes("10"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        say("stale read", "client A writes /price = 10 through the leader; every server has it");
        cluster.killServer(cutOff);
        a.setData("/price", bytes("12"), -1);
        say("stale read", "follower F is cut off; A writes /price = 12: acknowledged by the leader and the other "
                + "follower, a majority");
        a.close();
        cluster.killServer(leader);
        cluster.killServer(other);
        cluster.restartServer(cutOff);
        say("stale read", "the leader and the other follower go down, F comes back alone: no majority, so no "
                + "writes; with read-only mode on, F still answers reads");
        ZooKeeper c = connect(cutOff.getConnectString(), true);
        String read = new String(c.getData("/price", false, null), StandardCharsets.UTF_8);
        say("stale read", "client C on F reads /price = " + read + (read.equals("10")
                ? ": STALE, though 12 was acknowledged" : ""));
        say("stale read", "C calls sync() before reading: " + sync(c)
                + " (sync asks the leader to bring F up to date; there is no leader to ask)");
        c.close();
        cluster.restartServer(leader);
        cluster.restartServer(other);
        ZooKeeper d = connect(cutOff.getConnectString(), false);
        say("stale read", "the other two return and F rejoins as a follower; client D on F calls sync() then reads: "
                + sync(d) + ", /price = " + new String(d.getData("/price", false, null), StandardCharsets.UTF_8));
        d.close();
    }

    /** The server's mode from the {@code srvr} four-letter command, or null if it is not serving. */
    private static String mode(InstanceSpec s) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", s.getPort()), 500);
            socket.setSoTimeout(1_000);
            socket.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            for (String line : reply.split("\n")) if (line.startsWith("Mode: ")) return line.substring(6).trim();
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String sync(ZooKeeper zk) throws InterruptedException {
        BlockingQueue<Integer> rc = new LinkedBlockingQueue<>();
        zk.sync("/price", (code, path, ctx) -> rc.add(code), null);
        Integer code = rc.poll(WAIT_S, TimeUnit.SECONDS);
        return code == null ? "no answer in " + WAIT_S + " s" : KeeperException.Code.get(code).name();
    }

    private static ZooKeeper connect(String where, boolean readOnly) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(where, 10_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected
                    || (readOnly && e.getState() == Watcher.Event.KeeperState.ConnectedReadOnly)) connected.countDown();
        }, readOnly);
        if (!connected.await(WAIT_S, TimeUnit.SECONDS)) throw new IllegalStateException("no connection to " + where);
        return zk;
    }

    private static CuratorFramework curator(String where) {
        CuratorFramework c = CuratorFrameworkFactory.newClient(where, new RetryOneTime(100));
        c.start();
        return c;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static synchronized void say(String step, String text) {
        System.out.println(step + "|" + text);
        System.out.flush();
    }
}
