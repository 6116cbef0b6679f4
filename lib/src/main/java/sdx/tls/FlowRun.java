package sdx.tls;

import sdx.sim.SequenceDiagram;
import sdx.sim.TraceLog;
import sdx.viz.Picture;

/**
 * One simulated connection ({@link HandshakeFlow#run}): when the client got the first byte of the response,
 * and the trace to draw.
 *
 * @param kind               what ran over TCP
 * @param rttMillis          the network's round-trip time
 * @param firstResponseMillis virtual time at which the response reached the client
 * @param trace              every message, for the diagram
 */
public record FlowRun(HandshakeFlow.Kind kind, double rttMillis, double firstResponseMillis, TraceLog trace) {

    /** Round trips until the response: 1 for TCP, the handshake's, 1 for request and response. */
    public int roundTrips() {
        return 1 + kind.tlsRoundTrips() + 1;
    }

    /**
     * The ladder diagram: client left, server right, time going down, one arrow per flight labelled with
     * its messages (encrypted ones in braces, as RFC 8446 draws them).
     */
    public Picture diagram() {
        return FlowDiagram.draw(this);
    }

    /** The simulator's own sequence diagram of the same run (one arrow per message, time to the right). */
    public Picture sequenceDiagram() {
        return SequenceDiagram.of(trace).nodes("client", "server").draw();
    }
}
