package sdx.proxy.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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
 * Hidden checks for exercise 1: small hand-worked sequences first (basic), then fairness over 4,000 calls,
 * exceptions inside {@code send}, and 8 real threads sending 1,000 requests each.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class PickerChecks {
    /** Worker threads get this long to finish before the check calls it a deadlock or an endless loop. */
    static final long WORKER_MILLIS = 3_000;

    private final BackendPicker.Factory factory = Grader.submission(BackendPicker.Factory.class);

    @Test
    @Order(1)
    @DisplayName("3 backends: three acquires take one each; after a release, that backend is next")
    @Hint("keep a count per backend; acquire returns the healthy backend with the smallest count and adds one")
    @Basic
    void picksTheLeastLoaded() {
        BackendPicker p = factory.create(3);
        Set<Integer> first = new HashSet<>(List.of(p.acquire(), p.acquire(), p.acquire()));
        assertEquals(Set.of(0, 1, 2), first, "backends chosen by three acquires");
        p.release(1);
        assertEquals(0, p.outstanding(1), "in flight on backend 1 after its release");
        assertEquals(1, p.acquire(), "the backend chosen when only backend 1 has nothing in flight");
        assertEquals(List.of(1, 1, 1), List.of(p.outstanding(0), p.outstanding(1), p.outstanding(2)),
                "in flight per backend");
    }

    @Test
    @Order(2)
    @DisplayName("unhealthy backends are never chosen; none healthy gives -1")
    @Hint("skip every backend marked unhealthy, even when its count is the smallest; with none left return -1")
    @Basic
    void neverPicksUnhealthy() {
        BackendPicker p = factory.create(4);
        p.setHealthy(0, false);
        p.setHealthy(2, false);
        for (int i = 0; i < 100; i++) {
            int b = p.acquire();
            assertTrue(b == 1 || b == 3, "acquire chose backend " + b + ", which is marked unhealthy");
        }
        p.setHealthy(1, false);
        p.setHealthy(3, false);
        assertEquals(-1, p.acquire(), "acquire with no healthy backend");
        p.setHealthy(2, true);
        assertEquals(2, p.acquire(), "acquire after backend 2 is healthy again");
    }

    @Test
    @Order(3)
    @DisplayName("a release with nothing in flight is refused and the count stays at 0")
    @Hint("a count below zero would make that backend look idle forever: throw IllegalStateException instead")
    @Basic
    void releaseNeverGoesNegative() {
        BackendPicker p = factory.create(2);
        assertThrows(IllegalStateException.class, () -> p.release(0), "release(0) with nothing in flight");
        assertEquals(0, p.outstanding(0), "in flight on backend 0 after the refused release");
        int b = p.acquire();
        p.release(b);
        assertThrows(IllegalStateException.class, () -> p.release(b), "a second release of one request");
        assertEquals(0, p.outstanding(b), "in flight after the refused second release");
    }

    @Test
    @Order(4)
    @DisplayName("ties are broken fairly: 4,000 acquire-release pairs on 4 idle backends, each gets 800 to 1,200")
    @Hint("when several backends tie, do not always take the lowest number: rotate, or choose among them at random")
    void tiesBrokenFairly() {
        BackendPicker p = factory.create(4);
        int[] chosen = new int[4];
        for (int i = 0; i < 4_000; i++) {
            int b = p.acquire();
            chosen[b]++;
            p.release(b);
        }
        // A fair choice gives each 1,000 on average; even at random the spread is about ±27 (binomial),
        // so 800..1,200 fails only a systematic preference.
        for (int b = 0; b < 4; b++) {
            assertTrue(chosen[b] >= 800 && chosen[b] <= 1_200,
                    "backend " + b + " was chosen " + chosen[b] + " times of 4,000 (a fair share is 1,000)");
        }
    }

    @Test
    @Order(5)
    @DisplayName("send: the request's result comes back; when it throws, the backend is still released")
    @Hint("release in a finally block, so that a failing request does not stay counted in flight for ever")
    void releasedAfterException() {
        BackendPicker p = factory.create(3);
        assertEquals("served by 0", p.send(b -> "served by " + b), "what send returned on idle backends");
        for (int i = 0; i < 30; i++) {
            RuntimeException boom = new RuntimeException("backend unreachable");
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> p.send(b -> {
                throw boom;
            }), "send of a request that throws");
            assertSame(boom, thrown, "the exception send passed on (must be the request's own)");
        }
        for (int b = 0; b < 3; b++) assertEquals(0, p.outstanding(b), "in flight on backend " + b + " after 30 failed requests");
        p.setHealthy(0, false);
        p.setHealthy(1, false);
        p.setHealthy(2, false);
        assertThrows(IllegalStateException.class, () -> p.send(b -> b), "send with no healthy backend");
    }

    @Test
    @Order(6)
    @DisplayName("8 threads, 1,000 requests each, one backend unhealthy: counts exact, never negative, back to 0")
    @Hint("acquire's read of the counts and its increment must be one atomic step (a lock, or synchronized "
            + "methods); without it two threads lose an update")
    void countsExactUnderConcurrency() throws InterruptedException {
        BackendPicker p = factory.create(4);
        p.setHealthy(3, false);
        AtomicReference<String> problem = new AtomicReference<>();
        AtomicReference<NotAttempted> unwritten = new AtomicReference<>();
        AtomicInteger inFlight = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 1_000 && problem.get() == null; i++) {
                        p.send(b -> {
                            int now = inFlight.incrementAndGet();
                            if (b == 3) problem.compareAndSet(null, "backend 3 was chosen while unhealthy");
                            else if (p.outstanding(b) < 1) {
                                problem.compareAndSet(null, "outstanding(" + b + ") was " + p.outstanding(b)
                                        + " while a request was in flight on it");
                            } else if (now > 8) problem.compareAndSet(null, now + " requests in flight from 8 threads");
                            LockSupport.parkNanos(20_000);      // the request takes a moment: they overlap
                            inFlight.decrementAndGet();
                            return b;
                        });
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (NotAttempted e) {
                    unwritten.compareAndSet(null, e);
                    problem.compareAndSet(null, "a method is not written yet");
                } catch (RuntimeException e) {
                    problem.compareAndSet(null, "send threw " + e);
                }
            }, "sdx-picker-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        start.countDown();
        long deadline = System.currentTimeMillis() + WORKER_MILLIS;
        for (Thread w : workers) w.join(Math.max(1, deadline - System.currentTimeMillis()));
        if (workers.stream().anyMatch(Thread::isAlive)) {
            String stuck = Grader.stopThreads(workers) > 0 ? "; some could not be stopped: restart the kernel" : "";
            fail("8 threads did not finish 1,000 requests each within " + WORKER_MILLIS / 1000 + " s: a deadlock "
                    + "(two locks taken in different orders?) or a loop waiting for a count to change" + stuck);
        }
        if (unwritten.get() != null) throw unwritten.get();
        assertEquals(null, problem.get(), "what went wrong under 8 threads");
        for (int b = 0; b < 4; b++) assertEquals(0, p.outstanding(b), "in flight on backend " + b + " after all 8,000 requests");
    }
}
