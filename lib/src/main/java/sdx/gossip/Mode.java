package sdx.gossip;

/**
 * How two nodes exchange a rumor when one calls the other in a gossip round.
 * <ul>
 *   <li>{@link #PUSH}: a node that knows the rumor calls a random peer and tells it.</li>
 *   <li>{@link #PULL}: a node that does not know it calls a random peer and asks; the peer answers if it knows.</li>
 *   <li>{@link #PUSH_PULL}: every node calls a random peer and the two swap what they know (Karp et al. 2000).</li>
 * </ul>
 */
public enum Mode {
    /** Informed nodes tell random peers. */
    PUSH,
    /** Uninformed nodes ask random peers. */
    PULL,
    /** Every node calls a random peer and both end up knowing what either knew. */
    PUSH_PULL;

    /** A short label for charts and tables: "push", "pull", "push-pull". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
