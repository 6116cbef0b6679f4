/**
 * A deterministic discrete-event simulator for the course's distributed-systems notebooks.
 *
 * <p><b>Model.</b> Virtual time in microseconds ({@link sdx.sim.Time}); one event queue ordered by
 * (time, sequence number); single-threaded, so node code needs no locks; every random choice (network
 * delays, loss, duplication, node randomness, random nemesis schedules) follows from one seed, so the
 * same seed gives the same trace, event for event. No wall clock is read anywhere.
 *
 * <p><b>Simulated, not real:</b> the network (delay distributions, loss, duplication, reordering by
 * jitter, partitions), crashes (a crash discards the node object and its timers; only its
 * {@link sdx.sim.Disk} survives, as after fsync) and clients. <b>Real:</b> the protocol code itself —
 * the same Java a node would run, reacting to messages and timers through its {@link sdx.sim.Context}.
 * Not modelled: CPU time inside handlers (handlers take zero virtual time), bandwidth, clock drift,
 * partial disk writes.
 *
 * <p><b>How to use it.</b>
 * <pre>{@code
 * Simulation sim = Simulation.seeded(7);
 * for (String n : List.of("n1", "n2", "n3")) sim.add(n, () -> new Election.Participant(Timing.raft()));
 * sim.network().delay(Delay.uniform(ms(1), ms(10))).loss(0.05);
 * sim.schedule(Schedule.at(ms(600)).crash("n1").then(ms(900)).partition(Set.of("n2")).then(ms(1300)).heal());
 * sim.check(Invariant.of("one leader per term", Election::oneLeaderPerTerm));
 * sim.runFor(s(2));
 * sim.trace().between(ms(500), ms(1400)).diagram();        // a sequence diagram (sdx.viz.Picture)
 * sim.report();                                            // ops, msgs/op, latency percentiles, nodes
 * Explorer.seeds(1, 1000).runFor(s(5)).randomFaults(ms(100), 1)
 *         .check(seed -> ..., invariants);                 // Exploration: ok() or firstFailure()
 * }</pre>
 */
package sdx.sim;
