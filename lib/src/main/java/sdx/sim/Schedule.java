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
