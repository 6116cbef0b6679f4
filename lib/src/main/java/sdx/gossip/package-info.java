/**
 * Peer-to-peer distribution and gossip (notebook 15): client-server vs peer-to-peer distribution-time bounds
 * beside a chunked swarm ({@link sdx.gossip.FileDistribution}, {@link sdx.gossip.Swarm}), push, pull and
 * push-pull dissemination against theory ({@link sdx.gossip.Gossip}, {@link sdx.gossip.GossipTheory}), rumor
 * mongering's residue against Demers et al. ({@link sdx.gossip.RumorStudy}), SWIM vs heartbeat failure
 * detection ({@link sdx.gossip.FailureDetection}) and a broadcast on the simulator reported like Maelstrom
 * ({@link sdx.gossip.BroadcastRun}).
 *
 * <p>Exercises: {@link sdx.gossip.exercises.GossipExercises}.
 */
package sdx.gossip;
