/**
 * Leader election and consensus (notebook 16). On the simulator ({@code sdx.sim}): Raft's election and log
 * replication ({@link sdx.consensus.RaftNode}, {@link sdx.consensus.Raft}, {@link sdx.consensus.LogReplication}),
 * one-leader-per-term audits over many seeded fault runs ({@link sdx.consensus.SafetyRuns}), single-decree Paxos
 * with duelling proposers ({@link sdx.consensus.Paxos}) and the bully algorithm's message cost
 * ({@link sdx.consensus.Bully}). The Raft paper's Figure 16 runs on a small seeded event loop of its own
 * ({@link sdx.consensus.Cluster}, {@link sdx.consensus.ElectionTimes}); majority arithmetic is in
 * {@link sdx.consensus.Quorums}. A real three-server ZooKeeper ensemble runs in a child JVM on 127.0.0.1
 * ({@link sdx.consensus.ZooKeeperElections}).
 *
 * <p>Exercises: {@link sdx.consensus.exercises.ConsensusExercises}.
 */
package sdx.consensus;
