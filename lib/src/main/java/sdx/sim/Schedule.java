package sdx.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sdx.core.Check;

/**
 * A nemesis: crashes, restarts, partitions and heals at given virtual times, written in one line.
 *
 * <pre>{@code
 * sim.schedule(Schedule.at(ms(200)).crash("n1").then(ms(300)).partition(Set.of("n2", "n3"))
 *                      .then(ms(900)).heal().restart("n1"));
 * }</pre>
 *
 * Times are absolute (since the start of the run). {@code at} and each {@code then} move the cursor; the actions after
 * it happen at that time, in the order written.
 */
public final class Schedule {
    private final List<Step> steps = new ArrayList<>();
    private long cursor;

    private Schedule(long time) {
        cursor = time;
    }

    /** An empty schedule (add to it with {@link #at}). */
    public static Schedule none() {
        return new Schedule(0);
    }

    /** A schedule whose next actions happen at {@code timeMicros}. */
    public static Schedule at(long timeMicros) {
        return new Schedule(0).then(timeMicros);
    }

    /** The following actions happen at absolute time {@code timeMicros} (not relative to the previous one). */
    public Schedule then(long timeMicros) {
        Check.that(timeMicros >= 0, "timeMicros", timeMicros, "must be >= 0");
        cursor = timeMicros;
        return this;
    }

    /** Crash {@code node}. */
    public Schedule crash(String node) {
        return add(new Fault.Crash(Check.notNull("node", node)));
    }

    /** Restart crashed {@code node}. */
    public Schedule restart(String node) {
        return add(new Fault.Restart(Check.notNull("node", node)));
    }

    /** Split the network into {@code groups} (unnamed nodes form one more group). */
    @SafeVarargs
    public final Schedule partition(Set<String>... groups) {
        Check.notNull("groups", groups);
        Check.that(groups.length > 0, "groups", "[]", "must name at least one group of nodes");
        List<Set<String>> copy = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) copy.add(Set.copyOf(Check.notNull("groups[" + i + "]", groups[i])));
        return add(new Fault.Partition(List.copyOf(copy)));
    }

    /** End the partition. */
    public Schedule heal() {
        return add(new Fault.Heal());
    }

    /**
     * A random nemesis for {@code nodes} over {@code [0, durationMicros)}: actions about every
     * {@code meanGapMicros} (exponential gaps), each one of the valid moves chosen at random — crash an up
     * node (while fewer than {@code maxDown} are down), restart a down one, split the nodes into two random
     * sides, heal. Ends healed with every node restarted at {@code durationMicros}. Reproducible from
     * {@code seed}.
     */
    public static Schedule random(long seed, List<String> nodes, long durationMicros, long meanGapMicros, int maxDown) {
        Check.notEmpty("nodes", nodes);
        Check.positive("durationMicros", durationMicros);
        Check.positive("meanGapMicros", meanGapMicros);
        Check.inRange("maxDown", maxDown, 0, nodes.size());
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        Schedule s = none();
        List<String> up = new ArrayList<>(nodes), down = new ArrayList<>();
        boolean split = false;
        long t = 0;
        while (true) {
            t += Math.max(1, Math.round(-Math.log(1 - r.nextDouble()) * meanGapMicros));
            if (t >= durationMicros) break;
            List<Integer> moves = new ArrayList<>();
            if (down.size() < maxDown && !up.isEmpty()) moves.add(0);
            if (!down.isEmpty()) moves.add(1);
            if (!split && nodes.size() > 1) moves.add(2);
            if (split) moves.add(3);
            if (moves.isEmpty()) continue;
            s.then(t);
            switch (moves.get(r.nextInt(moves.size()))) {
                case 0 -> {
                    String n = up.remove(r.nextInt(up.size()));
                    down.add(n);
                    s.crash(n);
                }
                case 1 -> {
                    String n = down.remove(r.nextInt(down.size()));
                    up.add(n);
                    s.restart(n);
                }
                case 2 -> {
                    List<String> shuffled = new ArrayList<>(nodes);
                    for (int i = shuffled.size() - 1; i > 0; i--) java.util.Collections.swap(shuffled, i, r.nextInt(i + 1));
                    int cut = 1 + r.nextInt(nodes.size() - 1);
                    s.partition(Set.copyOf(shuffled.subList(0, cut)));
                    split = true;
                }
                default -> {
                    s.heal();
                    split = false;
                }
            }
        }
        s.then(durationMicros);
        if (split) s.heal();
        for (String n : down) s.restart(n);
        return s;
    }

    /** The steps, in the order written. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    private Schedule add(Fault fault) {
        steps.add(new Step(cursor, fault));
        return this;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Step s : steps) {
            if (b.length() > 0) b.append(", ");
            b.append(s);
        }
        return "Schedule[" + b + "]";
    }

    /** One action at one time. */
    public record Step(long time, Fault fault) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f ms %s", Time.toMs(time), fault);
        }
    }

    /** A nemesis action. */
    public sealed interface Fault {
        /** Applies it to {@code sim} now. */
        void apply(Simulation sim);

        /** Fails fast if it names a missing node. */
        void validate(Simulation sim);

        /** Crash a node. */
        record Crash(String node) implements Fault {
            public void apply(Simulation sim) {
                sim.crash(node);
            }

            public void validate(Simulation sim) {
                sim.requireNode("crash node", node);
            }

            @Override
            public String toString() {
                return "crash " + node;
            }
        }

        /** Restart a crashed node. */
        record Restart(String node) implements Fault {
            public void apply(Simulation sim) {
                sim.restart(node);
            }

            public void validate(Simulation sim) {
                sim.requireNode("restart node", node);
            }

            @Override
            public String toString() {
                return "restart " + node;
            }
        }

        /** Split the network. */
        record Partition(List<Set<String>> groups) implements Fault {
            @SuppressWarnings("unchecked")
            public void apply(Simulation sim) {
                sim.partition(groups.toArray(new Set[0]));
            }

            public void validate(Simulation sim) {
                for (int g = 0; g < groups.size(); g++) {
                    for (String n : groups.get(g)) sim.requireNode("partition group " + (g + 1), n);
                }
            }

            @Override
            public String toString() {
                return "partition " + groups;
            }
        }

        /** Heal the network. */
        record Heal() implements Fault {
            public void apply(Simulation sim) {
                sim.heal();
            }

            public void validate(Simulation sim) {}

            @Override
            public String toString() {
                return "heal";
            }
        }
    }
}
