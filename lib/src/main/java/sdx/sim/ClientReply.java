package sdx.sim;

/**
 * Implemented by a protocol's reply records so the simulator can match a reply to the client operation
 * it answers, the way Maelstrom matches {@code in_reply_to} to {@code msg_id}. A node answers a client
 * by sending the reply to the client's name (the {@code from} of the request):
 *
 * <pre>{@code
 * record Put(long opId, String key, int value) implements Msg {}
 * record PutOk(long opId) implements Msg, ClientReply {}
 * ...
 * if (m instanceof Put p) { ...; ctx.send(from, new PutOk(p.opId())); }
 * }</pre>
 */
public interface ClientReply {
    /** The id of the operation this answers (the client put it in its request). */
    long opId();

    /** False for a definite failure (e.g. "not the leader", "key not found"); true by default. */
    default boolean ok() {
        return true;
    }
}
