package sdx.mapreduce;

import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;

/**
 * Injected failures, decided in advance and by seed so every run of an experiment fails the same
 * way (MIT 6.5840-style fault injection). Three kinds:
 * <ul>
 * <li>a <em>task crash</em> kills one attempt half-way through its input (a bug, a killed task
 *     process); the worker survives, the partial output is thrown away and the master re-executes
 *     the task (paper, section 3.3);</li>
 * <li>a <em>worker death</em> ({@link #workerDies}) is the paper's machine failure: the worker stops
 *     for good, its running task is re-executed elsewhere, and so are the map tasks it had
 *     <em>completed</em>, because their output lived on its local disk;</li>
 * <li>a <em>straggler</em> makes the first attempt of a task pause half-way, like a machine with a bad
 *     disk (section 3.6); a backup attempt, if the job is speculative, runs at full speed.</li>
 * </ul>
 *
 * @param rules  task crashes and stragglers; immutable
 * @param deaths worker deaths; immutable
 */
public record Faults(List<Rule> rules, List<WorkerDeath> deaths) {

    /**
     * Worker {@code worker} dies half-way through the map task it starts after committing
     * {@code afterMapTasks} map tasks.
     *
     * @param worker        the worker, 1..W
     * @param afterMapTasks how many map tasks it completes before dying
     */
    public record WorkerDeath(int worker, int afterMapTasks) {
        /** Validates. */
        public WorkerDeath {
            Check.atLeast("worker", worker, 1);
            Check.atLeast("afterMapTasks", afterMapTasks, 0);
        }
    }

    /** Task faults only. */
    public Faults(List<Rule> rules) {
        this(rules, List.of());
    }

    /** The phases a fault can hit. */
    public enum Phase { MAP, REDUCE }

    /**
     * One fault.
     *
     * @param phase       which phase's tasks it hits
     * @param task        the task index, or -1 for "every task, at random"
     * @param attempt     the attempt number it hits (0 = first), or -1 for "attempts 0-2 at random"
     * @param probability chance of hitting a matching attempt (1 for targeted faults)
     * @param delayMillis 0 for a crash; otherwise the straggler's pause
     * @param seed        seed of the random choice
     */
    public record Rule(Phase phase, int task, int attempt, double probability, long delayMillis, long seed) {}

    /** Copies the lists. */
    public Faults {
        rules = List.copyOf(Check.notNull("rules", rules));
        deaths = List.copyOf(Check.notNull("deaths", deaths));
    }

    /**
     * Worker {@code worker} (1..W) dies half-way through the map task it starts after completing
     * {@code afterMapTasks} map tasks: the paper's failed machine. The master re-executes that task
     * and every map task the worker had completed, on the other workers, and sends it nothing more.
     * Which tasks those are depends on scheduling; how many is fixed: {@code afterMapTasks} completed
     * outputs lost, one attempt killed.
     */
    public static Faults workerDies(int worker, int afterMapTasks) {
        return new Faults(List.of(), List.of(new WorkerDeath(worker, afterMapTasks)));
    }

    /** No faults. */
    public static Faults none() {
        return new Faults(List.of());
    }

    /** The first attempt of map task {@code task} dies half-way through its split. */
    public static Faults crashMapTask(int task) {
        Check.atLeast("task", task, 0);
        return new Faults(List.of(new Rule(Phase.MAP, task, 0, 1, 0, 0)));
    }

    /** The first attempt of reduce task {@code task} dies half-way through its keys. */
    public static Faults crashReduceTask(int task) {
        Check.atLeast("task", task, 0);
        return new Faults(List.of(new Rule(Phase.REDUCE, task, 0, 1, 0, 0)));
    }

    /**
     * Every map and reduce attempt numbered 0, 1 or 2 crashes with {@code probability}, chosen by
     * {@code seed} (attempt 3 always survives, so a job with a correct mapper always finishes).
     */
    public static Faults randomCrashes(double probability, long seed) {
        Check.inRange("probability", probability, 0.0, 1.0);
        return new Faults(List.of(new Rule(Phase.MAP, -1, -1, probability, 0, seed),
                new Rule(Phase.REDUCE, -1, -1, probability, 0, seed)));
    }

    /** The first attempt of map task {@code task} pauses {@code delayMillis} half-way: a straggler. */
    public static Faults straggler(int task, long delayMillis) {
        Check.atLeast("task", task, 0);
        Check.positive("delayMillis", delayMillis);
        return new Faults(List.of(new Rule(Phase.MAP, task, 0, 1, delayMillis, 0)));
    }

    /** Both sets of faults. */
    public Faults and(Faults other) {
        Check.notNull("other", other);
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(other.rules);
        List<WorkerDeath> dead = new ArrayList<>(deaths);
        dead.addAll(other.deaths);
        return new Faults(all, dead);
    }

    /** True when this attempt is to crash half-way. */
    public boolean crashes(Phase phase, int task, int attempt) {
        for (Rule r : rules) {
            if (r.delayMillis() == 0 && matches(r, phase, task, attempt)) return true;
        }
        return false;
    }

    /** True when {@code worker} dies during the map task it runs after committing {@code completedMaps} of them. */
    public boolean diesNow(int worker, int completedMaps) {
        for (WorkerDeath d : deaths) {
            if (d.worker() == worker && d.afterMapTasks() == completedMaps) return true;
        }
        return false;
    }

    /** The pause injected into this attempt, 0 for none. */
    public long delayMillis(Phase phase, int task, int attempt) {
        long d = 0;
        for (Rule r : rules) {
            if (r.delayMillis() > 0 && matches(r, phase, task, attempt)) d += r.delayMillis();
        }
        return d;
    }

    private static boolean matches(Rule r, Phase phase, int task, int attempt) {
        if (r.phase() != phase) return false;
        if (r.task() >= 0 && r.task() != task) return false;
        if (r.attempt() >= 0 && r.attempt() != attempt) return false;
        if (r.attempt() < 0 && attempt > 2) return false;
        if (r.probability() >= 1) return true;
        return uniform(r.seed(), phase.ordinal(), task, attempt) < r.probability();
    }

    /** A uniform number in [0, 1) that depends only on its arguments (SplitMix64 finalizer). */
    private static double uniform(long seed, int phase, int task, int attempt) {
        long z = seed * 0x9E3779B97F4A7C15L + phase * 0xBF58476D1CE4E5B9L + task * 0x94D049BB133111EBL + attempt + 1;
        return sdx.core.SplitMix64.unit(sdx.core.SplitMix64.finish(z));
    }
}
