package sdx.gossip;

import java.util.ArrayList;
import java.util.List;
import sdx.sim.Node;

/**
 * A failure detector running on {@code sdx.sim}: a node that watches its peers and declares some of them
 * failed. The experiment reads every live node's declarations at the end of a run.
 */
public interface FailureDetector extends Node<FailureDetector.Msg> {
    /** The detectors' messages and timers (one sealed family for both protocols). */
    sealed interface Msg permits Ping, Ack, PingReq, Heartbeat, Tick, ProbeTimeout {}

    /** SWIM: "are you alive?" for probe {@code seq} of node {@code origin}. */
    record Ping(String origin, long seq) implements Msg {}

    /** SWIM: the answer to a ping, sent back towards {@code origin}. */
    record Ack(String origin, long seq, String target) implements Msg {}

    /** SWIM: "please ping {@code target} for me" (the indirect probe). */
    record PingReq(String target, long seq) implements Msg {}

    /** Heartbeat protocol: "I am alive". */
    record Heartbeat() implements Msg {}

    /** Timer: the start of a protocol period (SWIM) or a heartbeat/check tick. */
    record Tick() implements Msg {}

    /** SWIM timer: the direct ping of probe {@code seq} had its chance; {@code last} marks the period's end. */
    record ProbeTimeout(long seq, boolean last) implements Msg {}

    /**
     * One declaration: at virtual time {@code time} this node declared {@code peer} failed.
     *
     * @param time micros
     * @param peer the node declared failed
     */
    record Declaration(long time, String peer) {}

    /** What this node declared so far. */
    List<Declaration> declarations();

    /** Declarations kept by an implementation. */
    final class Log {
        private final List<Declaration> list = new ArrayList<>();

        void add(long time, String peer) {
            list.add(new Declaration(time, peer));
        }

        List<Declaration> view() {
            return List.copyOf(list);
        }
    }
}
