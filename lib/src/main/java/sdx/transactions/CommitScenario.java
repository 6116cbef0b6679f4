package sdx.transactions;

import sdx.core.Check;

/**
 * One atomic-commit scenario on the simulator: a coordinator ("coord") and participants "p1".."pN" on a
 * network whose one-way delay is uniform between 1 and 3 ms, except that the last participant's votes
 * travel a slow 20 ms link (a far data centre), so a coordinator crash can fall between votes.
 *
 * @param participants      number of participants (1..9)
 * @param noVoter           which participant votes no (1-based), or 0 if all vote yes
 * @param crashAtMs         when the coordinator crashes, or a negative number for never
 * @param downtimeMs        how long it stays down before restarting
 * @param timeoutMs         3PC's per-phase timeout, and 2PC's vote timeout and ask-again interval
 * @param seed              the seed
 */
public record CommitScenario(int participants, int noVoter, double crashAtMs, double downtimeMs, double timeoutMs,
                             long seed) {
    public CommitScenario {
        Check.inRange("participants", participants, 1, 9);
        Check.inRange("noVoter", noVoter, 0, participants);
        Check.atLeast("downtimeMs", downtimeMs, 0.0);
        Check.positive("timeoutMs", timeoutMs);
    }

    /** Three participants that all vote yes, nothing fails, timeouts of 50 ms. */
    public static CommitScenario of(long seed) {
        return new CommitScenario(3, 0, -1, 0, 50, seed);
    }

    /** The same with participant {@code which} (1-based) voting no. */
    public CommitScenario voteNo(int which) {
        return new CommitScenario(participants, which, crashAtMs, downtimeMs, timeoutMs, seed);
    }

    /** The same with the coordinator crashing at {@code atMs} and restarting {@code downMs} later. */
    public CommitScenario crashCoordinator(double atMs, double downMs) {
        return new CommitScenario(participants, noVoter, atMs, downMs, timeoutMs, seed);
    }

    /** The same with another seed. */
    public CommitScenario seed(long newSeed) {
        return new CommitScenario(participants, noVoter, crashAtMs, downtimeMs, timeoutMs, newSeed);
    }
}
