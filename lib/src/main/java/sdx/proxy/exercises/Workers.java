package sdx.proxy.exercises;

import java.util.List;

/** Ends a check's worker threads that ran a learner's code and did not finish. */
final class Workers {
    private Workers() {}

    /**
     * Interrupts every live thread of {@code threads}, then, for those that ignore it (an endless loop),
     * asks the JVM to stop them where it still can ({@code Thread.stop()}, present until Java 19).
     *
     * @return how many are still alive afterwards
     */
    static int stop(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) t.interrupt();
        for (Thread t : threads) t.join(200);
        for (Thread t : threads) {
            if (t.isAlive()) {
                try {
                    Thread.class.getMethod("stop").invoke(t);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // Java 20+: nothing can stop it
                }
            }
        }
        for (Thread t : threads) t.join(500);
        return (int) threads.stream().filter(Thread::isAlive).count();
    }
}
