package sdx.sim;

import java.util.HashMap;
import java.util.Map;
import sdx.core.Check;

/**
 * The network model between nodes: a delay distribution, a loss probability and a duplication
 * probability for every link, with per-link overrides. Configure it fluently:
 *
 * <pre>{@code
 * sim.network().delay(Delay.uniform(ms(1), ms(10))).loss(0.05).duplicate(0.01);
 * sim.network().link("n1", "n2").delay(Delay.constant(ms(80))).loss(0.5);   // one direction
 * }</pre>
 *
 * Reordering comes from jitter: with any spread in the delay, a later message may arrive first; with a
 * constant delay each link is first-in first-out. Partitions are a nemesis action
 * ({@link Simulation#partition}), not a link setting.
 */
public final class Network {
    private final Simulation sim;
    private final Link defaults = new Link(this, "*", "*");
    private final Map<String, Link> links = new HashMap<>();

    Network(Simulation sim) {
        this.sim = sim;
        defaults.delay = Delay.constant(Time.ms(1));
    }

    /** Every link's delay (default: constant 1 ms). */
    public Network delay(Delay delay) {
        defaults.delay = Check.notNull("delay", delay);
        return this;
    }

    /** Every link's loss probability, in [0, 1] (default 0). */
    public Network loss(double probability) {
        defaults.loss = Check.inRange("loss probability", probability, 0.0, 1.0);
        return this;
    }

    /** Every link's probability of delivering a message twice, in [0, 1] (default 0). */
    public Network duplicate(double probability) {
        defaults.duplicate = Check.inRange("duplicate probability", probability, 0.0, 1.0);
        return this;
    }

    /** The link from {@code from} to {@code to} (one direction), to override its settings. */
    public Link link(String from, String to) {
        sim.requireNode("from", from);
        sim.requireNode("to", to);
        return links.computeIfAbsent(from + "\u0000" + to, k -> new Link(this, from, to));
    }

    Link effective(String from, String to) {
        if (links.isEmpty()) return defaults;
        Link l = links.get(from + "\u0000" + to);
        return l == null ? defaults : l;
    }

    Link defaults() {
        return defaults;
    }

    @Override
    public String toString() {
        return "Network[" + defaults + (links.isEmpty() ? "" : ", " + links.size() + " link overrides") + "]";
    }

    /** One directed link's settings; unset ones follow the network's. */
    public static final class Link {
        private final Network network;
        private final String from;
        private final String to;
        Delay delay;
        Double loss;
        Double duplicate;

        Link(Network network, String from, String to) {
            this.network = network;
            this.from = from;
            this.to = to;
        }

        /** This link's delay. */
        public Link delay(Delay delay) {
            this.delay = Check.notNull("delay", delay);
            return this;
        }

        /** This link's loss probability, in [0, 1]. */
        public Link loss(double probability) {
            this.loss = Check.inRange("loss probability", probability, 0.0, 1.0);
            return this;
        }

        /** This link's duplication probability, in [0, 1]. */
        public Link duplicate(double probability) {
            this.duplicate = Check.inRange("duplicate probability", probability, 0.0, 1.0);
            return this;
        }

        /** Back to the network, to configure more. */
        public Network network() {
            return network;
        }

        Delay delayOrDefault() {
            return delay != null ? delay : network.defaults.delay;
        }

        double lossOrDefault() {
            return loss != null ? loss : (network.defaults.loss == null ? 0.0 : network.defaults.loss);
        }

        double duplicateOrDefault() {
            return duplicate != null ? duplicate : (network.defaults.duplicate == null ? 0.0 : network.defaults.duplicate);
        }

        @Override
        public String toString() {
            return from + "->" + to + ": delay " + delayOrDefault() + ", loss " + lossOrDefault()
                    + ", duplicate " + duplicateOrDefault();
        }
    }
}
