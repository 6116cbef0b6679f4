package sdx.mapreduce;

import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;

/**
 * Injected failures, decided in advance and by seed so every run of an experiment fails the same
 * way (MIT 6.5840-style fault injection). A <em>crash</em> kills a task attempt half-way through its
 * input: its partial output is thrown away and the master re-executes the task (paper, section
 * 3.3). A <em>straggler</em> makes the first attempt of a task pause for a while half-way, like a
 * machine with a bad disk (section 3.6); a backup attempt, if the job is speculative, runs at full
 * speed.
 *
 * @param rules the individual faults; immutable
 */
public record Faults(List<Rule> rules) {

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

    /** Copies the list. */
    public Faults {
        rules = List.copyOf(Check.notNull("rules", rules));
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
        return new Faults(all);
    }

    /** True when this attempt is to crash half-way. */
    public boolean crashes(Phase phase, int task, int attempt) {
        for (Rule r : rules) {
            if (r.delayMillis() == 0 && matches(r, phase, task, attempt)) return true;
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
