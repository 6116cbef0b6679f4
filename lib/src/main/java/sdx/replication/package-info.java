/**
 * Notebook 12, replication, on the course simulator ({@code sdx.sim}): machines, network and crashes are
 * simulated (a replicated store needs several machines, and a crash at a chosen moment, repeated from a
 * seed, is what makes lost writes countable); the protocols are real code reacting to messages.
 *
 * <ul>
 *   <li>Leader–follower: {@link sdx.replication.Replica} (log, in-order apply, cumulative acks, epochs and
 *       fencing), {@link sdx.replication.Cluster} (a seeded cluster with clients and a proper failover) and
 *       {@link sdx.replication.LeaderFollower} (the notebook's experiments: {@code modes}, {@code asyncLoss}
 *       against Little's law, {@code staleReads} with read-your-writes, {@code splitBrain}, {@code explore}).</li>
 *   <li>Multi-leader: {@link sdx.replication.MultiLeader}, last-writer-wins vs
 *       {@link sdx.replication.VersionVector}s with siblings.</li>
 *   <li>Leaderless: {@link sdx.replication.Leaderless} quorums, measured against
 *       {@link sdx.replication.Theory#staleQuorum} (Bailis et al., PBS, VLDB 2012); reads go through a
 *       {@link sdx.replication.QuorumRead}, the exercise.</li>
 * </ul>
 */
package sdx.replication;
