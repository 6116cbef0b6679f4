package sdx.availability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import sdx.core.Check;
import sdx.viz.Picture;

/**
 * A reliability block diagram: parts combined in series (all needed), in parallel (any one suffices) or
 * k out of n. Build one with the static factories:
 *
 * <pre>{@code
 * Block web = Block.series(Block.part("load balancer", 5_000, 2),
 *         Block.parallel(Block.part("app 1", 2_000, 4), Block.part("app 2", 2_000, 4)),
 *         Block.parallel(Block.part("db primary", 4_000, 8), Block.part("db replica", 4_000, 8)));
 * web.availability();            // the series/parallel formulas, assuming independent parts
 * Availability.simulate(web, 1_000, seed);   // failures and repairs, simulated
 * }</pre>
 *
 * <p><b>A part is known by its name.</b> The same name used twice is the same physical part (a shared
 * rack, one power supply): the simulation fails it once, for every place it appears. The formulas of
 * {@link #availability()} do not know that, and treat each appearance as independent, which is exactly the
 * mistake correlated failures punish; {@link #exactAvailability()} counts shared parts correctly.
 */
public sealed interface Block permits Block.Part, Block.Series, Block.Parallel, Block.KOfN {

    /** A part that fails after an exponential time of mean {@code mtbfHours} and is repaired after one of mean {@code mttrHours}. */
    static Part part(String name, double mtbfHours, double mttrHours) {
        return new Part(name, mtbfHours, mttrHours);
    }

    /** Every block needed. */
    static Block series(Block... blocks) {
        return new Series(List.of(checked("series", blocks)));
    }

    /** Any one block suffices. */
    static Block parallel(Block... blocks) {
        return new Parallel(List.of(checked("parallel", blocks)));
    }

    /** At least {@code k} of the blocks needed. */
    static Block kOfN(int k, Block... blocks) {
        checked("kOfN", blocks);
        Check.inRange("k", k, 1, blocks.length);
        return new KOfN(k, List.of(blocks));
    }

    /** The availability by the series/parallel/k-of-n formulas, every appearance of a part independent. */
    double availability();

    /** A short formula-like description, e.g. {@code series(lb, parallel(app 1, app 2))}. */
    String describe();

    /** The blocks inside (none for a part). */
    List<Block> children();

    /**
     * The distinct parts, by name, in order of first appearance.
     *
     * @throws IllegalArgumentException if one name is used with two different MTBF/MTTR
     */
    default List<Part> parts() {
        Map<String, Part> byName = new LinkedHashMap<>();
        collect(this, byName);
        return List.copyOf(byName.values());
    }

    /**
     * The exact steady-state availability when the distinct {@link #parts()} fail independently, by summing
     * over every up/down combination of the parts (so a shared part counts once). At most 20 distinct parts.
     */
    default double exactAvailability() {
        List<Part> parts = parts();
        Check.that(parts.size() <= 20, "parts", parts.size(), "must be at most 20 distinct parts for the exact sum");
        Predicate<boolean[]> up = structure(parts);
        double total = 0;
        boolean[] state = new boolean[parts.size()];
        for (int mask = 0; mask < (1 << parts.size()); mask++) {
            double p = 1;
            for (int i = 0; i < state.length; i++) {
                state[i] = (mask & (1 << i)) != 0;
                double a = parts.get(i).availability();
                p *= state[i] ? a : 1 - a;
            }
            if (up.test(state)) total += p;
        }
        return total;
    }

    /** The system's state as a function of its parts' states, {@code state[i]} for {@code parts.get(i)}. */
    default Predicate<boolean[]> structure(List<Part> parts) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) index.put(parts.get(i).name(), i);
        return compile(this, index);
    }

    /** This diagram drawn as boxes and lines, each part with its availability, the total in the title. */
    default Picture picture() {
        return Diagram.draw(this);
    }

    /**
     * One part.
     *
     * @param name      its identity: the same name is the same part
     * @param mtbfHours mean time between failures, hours
     * @param mttrHours mean time to repair, hours
     */
    record Part(String name, double mtbfHours, double mttrHours) implements Block {
        public Part {
            Check.notNull("name", name);
            Check.that(!name.isBlank(), "name", "\"" + name + "\"", "must not be blank");
            Check.positive("mtbfHours", mtbfHours);
            Check.positive("mttrHours", mttrHours);
        }

        @Override
        public double availability() {
            return Theory.availability(mtbfHours, mttrHours);
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public List<Block> children() {
            return List.of();
        }
    }

    /** Blocks all needed. @param blocks at least one */
    record Series(List<Block> blocks) implements Block {
        public Series {
            blocks = List.copyOf(blocks);
        }

        @Override
        public double availability() {
            return Theory.series(blocks.stream().mapToDouble(Block::availability).toArray());
        }

        @Override
        public String describe() {
            return "series(" + String.join(", ", blocks.stream().map(Block::describe).toList()) + ")";
        }

        @Override
        public List<Block> children() {
            return blocks;
        }
    }

    /** Blocks of which any one suffices. @param blocks at least one */
    record Parallel(List<Block> blocks) implements Block {
        public Parallel {
            blocks = List.copyOf(blocks);
        }

        @Override
        public double availability() {
            return Theory.parallel(blocks.stream().mapToDouble(Block::availability).toArray());
        }

        @Override
        public String describe() {
            return "parallel(" + String.join(", ", blocks.stream().map(Block::describe).toList()) + ")";
        }

        @Override
        public List<Block> children() {
            return blocks;
        }
    }

    /** At least {@code k} of the blocks needed. @param k needed @param blocks the candidates */
    record KOfN(int k, List<Block> blocks) implements Block {
        public KOfN {
            blocks = List.copyOf(blocks);
            Check.inRange("k", k, 1, blocks.size());
        }

        @Override
        public double availability() {
            // Poisson-binomial tail by dynamic programming: exact for unequal availabilities too.
            double[] p = new double[blocks.size() + 1];
            p[0] = 1;
            for (int j = 0; j < blocks.size(); j++) {
                double a = blocks.get(j).availability();
                for (int i = j + 1; i >= 1; i--) p[i] = p[i] * (1 - a) + p[i - 1] * a;
                p[0] *= 1 - a;
            }
            double sum = 0;
            for (int i = k; i < p.length; i++) sum += p[i];
            return Math.min(1, sum);
        }

        @Override
        public String describe() {
            return k + " of (" + String.join(", ", blocks.stream().map(Block::describe).toList()) + ")";
        }

        @Override
        public List<Block> children() {
            return blocks;
        }
    }

    private static Block[] checked(String what, Block[] blocks) {
        Check.notNull(what + " blocks", blocks);
        Check.that(blocks.length > 0, what + " blocks", "[]", "must hold at least one block");
        for (Block b : blocks) Check.notNull(what + " blocks[i]", b);
        return blocks;
    }

    private static void collect(Block b, Map<String, Part> byName) {
        if (b instanceof Part p) {
            Part seen = byName.putIfAbsent(p.name(), p);
            Check.that(seen == null || seen.equals(p), "part \"" + p.name() + "\"", p,
                    "must have one MTBF and MTTR wherever the name is used (first seen as " + seen + ")");
            return;
        }
        for (Block c : b.children()) collect(c, byName);
    }

    private static Predicate<boolean[]> compile(Block b, Map<String, Integer> index) {
        if (b instanceof Part p) {
            Integer i = index.get(p.name());
            Check.that(i != null, "parts", index.keySet(), "must include \"" + p.name() + "\"");
            int at = i;
            return s -> s[at];
        }
        List<Predicate<boolean[]>> kids = new ArrayList<>();
        for (Block c : b.children()) kids.add(compile(c, index));
        @SuppressWarnings("unchecked")
        Predicate<boolean[]>[] k = kids.toArray(new Predicate[0]);
        int need = b instanceof KOfN kn ? kn.k() : b instanceof Series ? k.length : 1;
        return s -> {
            int up = 0;
            for (Predicate<boolean[]> c : k) {
                if (c.test(s) && ++up >= need) return true;
            }
            return false;
        };
    }
}
