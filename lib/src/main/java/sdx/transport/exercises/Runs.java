package sdx.transport.exercises;

import java.util.List;
import sdx.sim.Delay;
import sdx.sim.Simulation;
import sdx.sim.Time;
import sdx.transport.Handshake;
import sdx.transport.Segment;
import sdx.transport.TcpEndpoint;
import sdx.transport.TcpState;
import sdx.transport.Transport;

/** Runs a handshake rule on the simulator over many seeds and reports the first broken run. */
final class Runs {
    private Runs() {}

    /** A broken run: its seed and what was wrong. */
    record Outcome(long seed, String problem) {}

    /**
     * Seeds 1..{@code runs}, each a client and a server 5 to 40 ms apart with the given loss and
     * duplication, run until both are ESTABLISHED or 600 s of virtual time (all retries spent) passed.
     */
    static Outcome firstFailure(Handshake rule, int runs, double loss, double duplicate) {
        for (long seed = 1; seed <= runs; seed++) {
            String problem = run(rule, seed, loss, duplicate);
            if (problem != null) return new Outcome(seed, problem);
        }
        return null;
    }

    private static String run(Handshake rule, long seed, double loss, double duplicate) {
        Simulation sim = Transport.handshakeSim(rule, seed, 0).tracing(false);
        sim.network().delay(Delay.uniform(Time.ms(5), Time.ms(40))).loss(loss).duplicate(duplicate);
        TcpEndpoint[] ends = new TcpEndpoint[2];
        sim.runUntil(s -> {
            ends[0] = s.node("client", TcpEndpoint.class);
            ends[1] = s.node("server", TcpEndpoint.class);
            return ends[0].state() == TcpState.ESTABLISHED && ends[1].state() == TcpState.ESTABLISHED;
        }, Time.s(600));
        sim.runFor(Time.s(2));  // late duplicates still arrive
        TcpEndpoint client = sim.node("client", TcpEndpoint.class), server = sim.node("server", TcpEndpoint.class);
        for (TcpEndpoint e : List.of(client, server)) {
            String who = e == client ? "client" : "server";
            List<TcpEndpoint.Change> h = e.history();
            boolean seen = false;
            for (TcpEndpoint.Change ch : h) {
                if (seen && ch.state() != TcpState.ESTABLISHED) {
                    return who + " left ESTABLISHED for " + ch.state() + " at " + Math.round(Time.toMs(ch.atMicros())) + " ms";
                }
                seen |= ch.state() == TcpState.ESTABLISHED;
            }
            if (e.state() != TcpState.ESTABLISHED) return who + " ended in " + e.state() + ", not ESTABLISHED";
            long peerIss = (e == client ? server : client).iss();
            if (e.irs() != peerIss) return who + " recorded the peer's ISN as " + e.irs() + ", but it is " + peerIss;
        }
        for (Segment s : server.sent()) {
            if (s.isSyn() && (s.seq() != server.iss() || s.ack() != client.iss() + 1)) {
                return "server sent " + s + "; expected seq=" + server.iss() + " ack=" + (client.iss() + 1);
            }
        }
        return null;
    }
}
