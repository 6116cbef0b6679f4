package sdx.dcache.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.exercise.NotAttempted;

/**
 * Hidden checks of the single-flight exercise, run with real threads: one caller first (basic), then
 * concurrent callers of one key, two keys at once, and callers interrupted while a load never returns.
 * Every thread a check starts is ended before it returns.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class SingleFlightChecks {
    /** Concurrent callers of one key. */
    static final int CALLERS = 8;
    private final SingleFlight.Factory factory = Grader.submission(SingleFlight.Factory.class);

    /** What one caller got: a value or an exception. */
    record Outcome(String value, Throwable error) {}

    /** A caller on its own daemon thread. */
    static final class Caller {
        final Thread thread;
        volatile Outcome outcome;

        Caller(SingleFlight flight, String key, Function<String, String> loader, String name) {
            thread = new Thread(() -> {
                try {
                    outcome = new Outcome(flight.get(key, loader), null);
                } catch (Throwable t) {
                    outcome = new Outcome(null, t);
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        boolean finish(long millis) throws InterruptedException {
            thread.join(millis);
            return !thread.isAlive();
        }

        /** The outcome; a stub's NotAttempted is rethrown so the grader reports "not attempted". */
        Outcome outcome() {
            if (outcome != null && outcome.error() instanceof NotAttempted na) throw na;
            return outcome;
        }
    }

    /** A loader that counts its calls, signals when one starts and returns (or throws) once released. */
    static final class GatedLoader implements Function<String, String> {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final RuntimeException error;

        GatedLoader(RuntimeException error) {
            this.error = error;
        }

        @Override
        public String apply(String key) {
            calls.incrementAndGet();
            started.countDown();
            boolean interrupted = false;
            while (true) { // never returns before release: interrupts are remembered, not obeyed
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            if (error != null) throw error;
            return "value of " + key;
        }
    }

    /** Waits up to {@code millis} until every thread is parked (waiting or blocked) or done. */
    static void awaitParked(List<Caller> callers, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            boolean all = true;
            for (Caller c : callers) {
                Thread.State s = c.thread.getState();
                all &= s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED
                        || s == Thread.State.TERMINATED;
            }
            if (all) return;
            Thread.sleep(5);
        }
    }

    /** Starts a leader, waits for its load to begin, then {@code more} callers of the same key. */
    static List<Caller> crowd(SingleFlight flight, GatedLoader loader, int more) throws InterruptedException {
        List<Caller> callers = new ArrayList<>();
        Caller first = new Caller(flight, "hot", loader, "sdx-check-caller-0");
        callers.add(first);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (!loader.started.await(5, TimeUnit.MILLISECONDS)) {
            if (!first.thread.isAlive() || System.nanoTime() > end) {
                first.finish(100);
                Outcome o = first.outcome();
                if (o != null && o.error() != null) fail("get threw " + o.error() + " before calling the loader");
                if (o != null) fail("get returned " + o.value() + " without calling the loader");
                fail("the first caller did not call the loader within 1 s");
            }
        }
        for (int i = 1; i <= more; i++) callers.add(new Caller(flight, "hot", loader, "sdx-check-caller-" + i));
        awaitParked(callers.subList(1, callers.size()), 1_500);
        return callers;
    }

    /** Releases the loader and waits for every caller (so no thread outlives the check). */
    static void end(GatedLoader loader, List<Caller> callers) throws InterruptedException {
        loader.release.countDown();
        for (Caller c : callers) c.finish(1_000);
    }

    static boolean caused(Throwable thrown, Throwable expected) {
        for (Throwable t = thrown; t != null; t = t.getCause()) if (t == expected) return true;
        return false;
    }

    @Test
    @Order(1)
    @DisplayName("one caller gets the loader's value, loaded once")
    @Hint("the first caller of a key runs loader.apply(key) itself and returns what it returns")
    @Basic
    void oneCaller() {
        SingleFlight flight = factory.create();
        AtomicInteger calls = new AtomicInteger();
        String v = flight.get("a", k -> {
            calls.incrementAndGet();
            return "value of " + k;
        });
        assertEquals("value of a", v, "get(\"a\", loader)");
        assertEquals(1, calls.get(), "loader calls for one get");
    }

    @Test
    @Order(2)
    @DisplayName("the loader's exception reaches the caller")
    @Hint("do not swallow the loader's exception: rethrow it (the same object) to the caller")
    @Basic
    void errorReachesCaller() {
        SingleFlight flight = factory.create();
        RuntimeException down = new IllegalStateException("database down");
        try {
            String v = flight.get("a", k -> { throw down; });
            fail("get returned " + v + " although the loader threw " + down);
        } catch (NotAttempted na) {
            throw na;
        } catch (RuntimeException e) {
            assertTrue(caused(e, down), "get threw " + e + ", expected the loader's " + down);
        }
    }

    @Test
    @Order(3)
    @DisplayName("nothing is remembered after a load ends (values and failures)")
    @Hint("remove the key's entry when its load ends, whether it returned or threw: the cache in front remembers values, not this")
    @Basic
    void nothingRemembered() {
        SingleFlight flight = factory.create();
        assertEquals("v1", flight.get("a", k -> "v1"), "first get");
        assertEquals("v2", flight.get("a", k -> "v2"), "a second get after the first ended must load again");
        try {
            flight.get("b", k -> { throw new IllegalStateException("database down"); });
        } catch (NotAttempted na) {
            throw na;
        } catch (RuntimeException expected) {
            // the failure itself is checked elsewhere
        }
        assertEquals("v3", flight.get("b", k -> "v3"), "a get after a failed load must load again");
    }

    @Test
    @Order(4)
    @DisplayName(CALLERS + " concurrent callers of one key: one load, every caller gets its value")
    @Hint("keep the running load per key (a ConcurrentHashMap of futures); a caller that finds one waits for it instead of loading")
    void oneLoadAtATime() throws InterruptedException {
        SingleFlight flight = factory.create();
        GatedLoader loader = new GatedLoader(null);
        List<Caller> callers = crowd(flight, loader, CALLERS - 1);
        end(loader, callers);
        for (Caller c : callers) {
            Outcome o = c.outcome();
            if (o == null) fail(c.thread.getName() + " still waits 1 s after the load finished");
            if (o.error() != null) fail(c.thread.getName() + " got " + o.error() + " instead of the value");
            assertEquals("value of hot", o.value(), c.thread.getName() + "'s value");
        }
        assertEquals(1, loader.calls.get(), "loader calls for " + CALLERS + " concurrent callers");
    }

    @Test
    @Order(5)
    @DisplayName("when the load fails, every waiting caller gets the same exception")
    @Hint("complete the shared future exceptionally with the loader's exception, and have waiters rethrow that cause")
    void everyCallerGetsTheError() throws InterruptedException {
        SingleFlight flight = factory.create();
        RuntimeException down = new IllegalStateException("database down");
        GatedLoader loader = new GatedLoader(down);
        List<Caller> callers = crowd(flight, loader, CALLERS - 1);
        end(loader, callers);
        for (Caller c : callers) {
            Outcome o = c.outcome();
            if (o == null) fail(c.thread.getName() + " still waits 1 s after the load failed");
            if (o.error() == null) fail(c.thread.getName() + " returned " + o.value() + " although the load failed");
            assertTrue(caused(o.error(), down), c.thread.getName() + " got " + o.error() + ", expected the loader's " + down);
        }
    }

    @Test
    @Order(6)
    @DisplayName("loads of different keys run at the same time")
    @Hint("do not hold one lock around every load: keep a running load per key, and call the loader outside any shared lock")
    void keysInParallel() throws InterruptedException {
        SingleFlight flight = factory.create();
        CountDownLatch bStarted = new CountDownLatch(1);
        CountDownLatch bRelease = new CountDownLatch(1);
        Caller a = new Caller(flight, "a", k -> {
            try {
                return bStarted.await(1_500, TimeUnit.MILLISECONDS) ? "value of a" : "b never started";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }, "sdx-check-key-a");
        Caller b = new Caller(flight, "b", k -> {
            bStarted.countDown();
            try {
                bRelease.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "value of b";
        }, "sdx-check-key-b");
        a.finish(2_000);
        bRelease.countDown();
        b.finish(2_000);
        Outcome oa = a.outcome(), ob = b.outcome();
        if (oa == null || ob == null) fail("a caller did not finish within 2 s");
        if (oa.error() != null) fail("key a's caller got " + oa.error());
        assertEquals("value of a", oa.value(), "key b's load must start while key a's is running; key a's result");
        assertEquals("value of b", ob.value(), "key b's result");
    }

    @Test
    @Order(7)
    @DisplayName("a load that never returns: interrupted waiters stop waiting, and no thread is left running")
    @Hint("wait with something that obeys interrupts (future.get(), not join()), and run the loader on the caller's thread, not a pool you start")
    void neverStuck() throws InterruptedException {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        SingleFlight flight = factory.create();
        GatedLoader loader = new GatedLoader(null);
        List<Caller> callers = crowd(flight, loader, 3);
        List<Caller> waiters = callers.subList(1, callers.size());
        for (Caller w : waiters) w.thread.interrupt();
        List<String> stuck = new ArrayList<>();
        for (Caller w : waiters) if (!w.finish(1_000)) stuck.add(w.thread.getName());
        String leftover = null;
        try {
            if (!stuck.isEmpty()) fail("waiters still waiting 1 s after an interrupt: " + stuck);
        } finally {
            end(loader, callers);
            Thread.sleep(100);
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!before.contains(t) && t.isAlive() && t != Thread.currentThread() && !t.getName().startsWith("sdx-")) {
                    leftover = t.getName();
                    t.interrupt();
                }
            }
        }
        if (leftover != null) fail("a thread your code started is still running after every load ended: " + leftover);
    }
}
