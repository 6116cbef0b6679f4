package sdx.gossip;

/**
 * One run of rumor spreading in the round model: how many rounds until every live node knew the rumor,
 * how many messages that took, and how many nodes knew it after each round.
 *
 * @param nodes     nodes in the run (live and crashed)
 * @param live      live nodes, the ones that must learn the rumor
 * @param rounds    rounds until every live node knew the rumor
 * @param messages  messages sent (calls, answers) until then
 * @param informed  {@code informed[r]} = live nodes that knew the rumor after round {@code r} ({@code informed[0] = 1})
 */
public record Spread(int nodes, int live, int rounds, long messages, int[] informed) {
    /** Copies the array. */
    public Spread {
        informed = informed.clone();
    }

    @Override
    public int[] informed() {
        return informed.clone();
    }

    /** Messages per live node. */
    public double messagesPerNode() {
        return (double) messages / live;
    }
}
