package sdx.mapreduce;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import sdx.mapreduce.TaskAttempt.Outcome;

/**
 * The master's scheduling loop for one phase (Dean &amp; Ghemawat 2004, sections 3.1, 3.3, 3.6): it
 * hands tasks to idle live workers, re-executes crashed attempts (up to {@link #MAX_ATTEMPTS}),
 * launches backups of slow attempts near the end of the phase ({@link SpeculationPolicy}), and, when a
 * worker dies, re-executes its running task and (map phase) the tasks it had completed, whose output
 * died with it. Every attempt ends as one {@link TaskAttempt} row.
 */
final class Scheduler {
    /** A task is given up after this many failed attempts (Hadoop's default is 4, too). */
    static final int MAX_ATTEMPTS = 4;

    private final Workers workers;
    private final SpeculationPolicy policy;
    private final long t0;
    private final List<TaskAttempt> attempts = new ArrayList<>();
    /** Map tasks each worker has committed, for {@link Faults#workerDies}. */
    private final int[] committedMaps;

    Scheduler(Workers workers, int w, SpeculationPolicy policy, long t0) {
        this.workers = workers;
        this.policy = policy;
        this.t0 = t0;
        this.committedMaps = new int[w + 1];
    }

    /** The body of one attempt. */
    interface TaskBody<R> {
        R run(int task, Attempt attempt);
    }

    /** Called on the master thread each time a task commits (again, if it was re-executed). */
    interface OnCommit<R> {
        void committed(int task, R result);
    }

    List<TaskAttempt> attempts() {
        return List.copyOf(attempts);
    }

    double ms(long nanos) {
        return (nanos - t0) / 1e6;
    }

    /** Runs {@code tasks} tasks; returns their committed outputs in task order and the phase's stats. */
    <R> Phase<R> run(String name, int tasks, boolean speculative, TaskBody<R> body, OnCommit<R> onCommit) {
        boolean lostOutputsRerun = name.equals("map"); // reduce output is in the global file system
        BlockingQueue<Done<R>> doneQueue = new LinkedBlockingQueue<>();
        ArrayDeque<Integer> pending = new ArrayDeque<>();
        for (int t = 0; t < tasks; t++) pending.add(t);
        int[] nextAttempt = new int[tasks], committedOn = new int[tasks], committedRow = new int[tasks];
        boolean[] done = new boolean[tasks], backedUp = new boolean[tasks];
        List<List<Attempt>> live = new ArrayList<>();
        for (int t = 0; t < tasks; t++) live.add(new ArrayList<>());
        List<R> results = new ArrayList<>(Collections.nCopies(tasks, null));
        List<Double> finished = new ArrayList<>();
        int doneCount = 0, inflight = 0, launched = 0, crashed = 0, backups = 0, killed = 0;
        long start = System.nanoTime();
        double endMs = 0;
        try {
            while (doneCount < tasks) {
                if (workers.alive() == 0) throw new MapReduceException("every worker died; the " + name + " phase cannot finish", null);
                for (int w = workers.idle(); w > 0 && !pending.isEmpty(); w = workers.idle()) {
                    int t = pending.poll();
                    launch(doneQueue, body, t, nextAttempt[t]++, false, w, live);
                    inflight++;
                    launched++;
                }
                boolean waiting = false;
                if (speculative && pending.isEmpty()) {
                    double limit = policy.thresholdMs(finished);
                    for (int t = 0; t < tasks && workers.idle() > 0; t++) {
                        if (done[t] || backedUp[t] || live.get(t).size() != 1) continue;
                        if ((System.nanoTime() - live.get(t).get(0).launchNanos) / 1e6 > limit) {
                            backedUp[t] = true;
                            launch(doneQueue, body, t, nextAttempt[t]++, true, workers.idle(), live);
                            inflight++;
                            launched++;
                            backups++;
                        } else {
                            waiting = true;
                        }
                    }
                }
                Done<R> d = waiting ? doneQueue.poll(2, TimeUnit.MILLISECONDS) : doneQueue.take();
                if (d == null) continue;
                inflight--;
                int t = d.attempt.task;
                live.get(t).remove(d.attempt);
                if (!(d.error instanceof WorkerDeath)) workers.free(d.worker);
                Outcome outcome;
                if (d.error == null && !d.killed) {
                    if (!done[t]) {
                        done[t] = true;
                        doneCount++;
                        results.set(t, d.result);
                        finished.add(d.endMs - d.startMs);
                        for (Attempt other : live.get(t)) other.cancelled = true;
                        outcome = Outcome.SUCCEEDED;
                        committedOn[t] = d.worker;
                        committedRow[t] = attempts.size();
                        if (lostOutputsRerun) committedMaps[d.worker]++;
                        onCommit.committed(t, d.result);
                        endMs = d.endMs;
                    } else {
                        outcome = Outcome.DUPLICATE;
                        killed++;
                    }
                } else if (d.killed) {
                    outcome = Outcome.KILLED;
                    killed++;
                } else {
                    outcome = d.error instanceof WorkerDeath ? Outcome.LOST
                            : d.error instanceof TaskCrash ? Outcome.CRASHED : Outcome.FAILED;
                    crashed++;
                    if (d.error instanceof WorkerDeath) {
                        workers.kill(d.worker);
                        if (lostOutputsRerun) {
                            for (int u = 0; u < tasks; u++) {
                                if (!done[u] || committedOn[u] != d.worker) continue;
                                done[u] = false; // its output was on the dead worker's disk
                                doneCount--;
                                pending.add(u);
                                TaskAttempt row = attempts.get(committedRow[u]);
                                attempts.set(committedRow[u], row.with(Outcome.LOST,
                                        "completed, but its output died with worker " + d.worker, row.endMs()));
                            }
                        }
                    }
                    if (!done[t] && live.get(t).isEmpty()) {
                        if (nextAttempt[t] >= MAX_ATTEMPTS && !(d.error instanceof WorkerDeath)) {
                            record(name, d, outcome);
                            throw new MapReduceException(name + " task " + t + " failed " + nextAttempt[t]
                                    + " times; last error: " + describe(d.error), d.error);
                        }
                        pending.addFirst(t);
                    }
                }
                record(name, d, outcome);
            }
            for (List<Attempt> l : live) for (Attempt a : l) a.cancelled = true;
            while (inflight > 0) { // attempts that lost the race: wait for them to stop
                Done<R> d = doneQueue.take();
                inflight--;
                workers.free(d.worker);
                killed++;
                record(name, d, d.killed ? Outcome.KILLED : Outcome.DUPLICATE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MapReduceException("the job was interrupted during the " + name + " phase", e);
        }
        PhaseStats stats = new PhaseStats(name, Math.max(0, endMs - ms(start)), tasks, launched, crashed, backups, killed);
        return new Phase<>(results, stats);
    }

    /** A phase's committed outputs in task order, and what it cost. */
    record Phase<R>(List<R> results, PhaseStats stats) {}

    private <R> void launch(BlockingQueue<Done<R>> doneQueue, TaskBody<R> body, int task, int number, boolean backup,
            int worker, List<List<Attempt>> live) {
        Attempt a = new Attempt(task, number, backup, worker, committedMaps[worker], System.nanoTime());
        live.get(task).add(a);
        workers.run(worker, () -> {
            double s = ms(System.nanoTime());
            Done<R> d;
            try {
                d = new Done<>(a, body.run(task, a), null, false, worker, s, ms(System.nanoTime()));
            } catch (Killed k) {
                d = new Done<>(a, null, null, true, worker, s, ms(System.nanoTime()));
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError vm && !(e instanceof StackOverflowError)) throw vm;
                d = new Done<>(a, null, e, false, worker, s, ms(System.nanoTime()));
            }
            doneQueue.add(d);
        });
    }

    private void record(String phase, Done<?> d, Outcome outcome) {
        attempts.add(new TaskAttempt(phase, d.attempt.task, d.attempt.number, d.attempt.backup, d.worker,
                d.startMs, d.endMs, outcome, d.error == null ? "" : describe(d.error)));
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** The master's handle on a running attempt. */
    static final class Attempt {
        final int task, number, worker, workerCommittedMaps;
        final boolean backup;
        final long launchNanos;
        volatile boolean cancelled;

        Attempt(int task, int number, boolean backup, int worker, int workerCommittedMaps, long launchNanos) {
            this.task = task;
            this.number = number;
            this.backup = backup;
            this.worker = worker;
            this.workerCommittedMaps = workerCommittedMaps;
            this.launchNanos = launchNanos;
        }

        void checkCancelled() {
            if (cancelled) throw new Killed();
        }

        /** Sleeps {@code millis} in small slices, stopping early when cancelled. */
        void pause(long millis) {
            long until = System.nanoTime() + millis * 1_000_000L;
            try {
                while (System.nanoTime() < until) {
                    checkCancelled();
                    long left = (until - System.nanoTime()) / 1_000_000L;
                    Thread.sleep(Math.max(1, Math.min(5, left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Killed();
            }
        }
    }

    private record Done<R>(Attempt attempt, R result, Throwable error, boolean killed, int worker, double startMs,
            double endMs) {}

    /** Thrown inside an attempt that the master cancelled. */
    static final class Killed extends RuntimeException {
        Killed() {
            super("cancelled", null, false, false);
        }
    }

    /** An injected task crash: the attempt dies in the middle of the task; its worker survives. */
    static final class TaskCrash extends RuntimeException {
        TaskCrash(String what) {
            super("injected crash of " + what, null, false, false);
        }
    }

    /** An injected worker death: the attempt and the worker die. */
    static final class WorkerDeath extends RuntimeException {
        WorkerDeath(int worker) {
            super("worker " + worker + " died", null, false, false);
        }
    }
}
