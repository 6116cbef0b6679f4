package sdx.exercise;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Threads running a learner's code that would not stop. Java stops a thread only when it looks at its
 * interrupt flag; a loop like {@code while (true) {}} never does. On Java 17 to 19 {@code Thread.stop()}
 * still ends it (it throws {@code ThreadDeath} into the loop; the learner's objects may be left
 * half-updated, which is acceptable for code that was going to loop forever). From Java 20 on,
 * {@code Thread.stop()} throws {@code UnsupportedOperationException}, and nothing in the JVM can end such
 * a thread: it burns a core until the kernel restarts. The grader then remembers it and refuses to start
 * another run while it lives, so re-running a check cell never adds a second one.
 */
final class Runaways {
    private Runaways() {}

    private static final List<Thread> RUNAWAY = new CopyOnWriteArrayList<>();

    /** A remembered runaway thread that is still alive, if any. */
    static Optional<Thread> alive() {
        RUNAWAY.removeIf(t -> !t.isAlive());
        return RUNAWAY.stream().findFirst();
    }

    static void remember(Thread t) {
        RUNAWAY.add(t);
    }

    /**
     * Interrupts {@code t}, then (if it ignores that) asks the JVM to stop it where it still can.
     *
     * @return true if the thread has ended
     */
    static boolean stop(Thread t, long graceMillis) throws InterruptedException {
        t.interrupt();
        t.join(graceMillis);
        if (!t.isAlive()) return true;
        if (forceStop(t)) t.join(graceMillis);
        return !t.isAlive();
    }

    /** {@code Thread.stop()} by reflection: present until Java 19, unsupported from 20, removed later. */
    private static boolean forceStop(Thread t) {
        try {
            Thread.class.getMethod("stop").invoke(t);
            return true;
        } catch (InvocationTargetException | NoSuchMethodException | IllegalAccessException | RuntimeException e) {
            return false;
        }
    }
}
