package sdx.mapreduce;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The W "machines": one daemon thread each, named {@code mapreduce-worker-1..W}, each with its own
 * queue so that the master decides which worker runs a task (the paper's master assigns tasks to
 * idle workers) and stops using a worker that died. All threads are joined by {@link #close()}.
 */
final class Workers implements AutoCloseable {
    private static final ThreadLocal<Integer> INDEX = ThreadLocal.withInitial(() -> 0);
    private final ExecutorService[] executors;
    private final List<Thread> threads = new ArrayList<>();
    private final boolean[] busy, dead;

    Workers(int w) {
        executors = new ExecutorService[w];
        busy = new boolean[w + 1];
        dead = new boolean[w + 1];
        for (int i = 1; i <= w; i++) {
            int index = i;
            executors[i - 1] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(() -> {
                    INDEX.set(index);
                    r.run();
                }, "mapreduce-worker-" + index);
                t.setDaemon(true);
                synchronized (threads) {
                    threads.add(t);
                }
                return t;
            });
        }
    }

    /** The worker (1..W) running the calling thread; 0 outside a worker. */
    static int current() {
        return INDEX.get();
    }

    /** The lowest-numbered idle worker that is alive, or -1 when every live worker is busy. */
    int idle() {
        for (int i = 1; i < busy.length; i++) if (!busy[i] && !dead[i]) return i;
        return -1;
    }

    /** Workers still alive. */
    int alive() {
        int n = 0;
        for (int i = 1; i < dead.length; i++) if (!dead[i]) n++;
        return n;
    }

    boolean isDead(int worker) {
        return dead[worker];
    }

    /** Runs {@code task} on {@code worker}, which becomes busy until {@link #free}. */
    void run(int worker, Runnable task) {
        busy[worker] = true;
        executors[worker - 1].execute(task);
    }

    void free(int worker) {
        busy[worker] = false;
    }

    /** The worker is gone: the master gives it no more tasks. */
    void kill(int worker) {
        dead[worker] = true;
    }

    @Override
    public void close() {
        for (ExecutorService e : executors) e.shutdownNow();
        try {
            for (ExecutorService e : executors) e.awaitTermination(10, TimeUnit.SECONDS);
            List<Thread> all;
            synchronized (threads) {
                all = List.copyOf(threads);
            }
            for (Thread t : all) t.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
