package sdx.replication;

import sdx.sim.ClientReply;

/** Every message of the leader–follower protocol: records dispatched with {@code instanceof}. */
public sealed interface Msg permits Msg.Write, Msg.WriteOk, Msg.WriteFailed, Msg.Append, Msg.Appended, Msg.Fenced,
        Msg.NewEpoch, Msg.Read, Msg.ReadOk, Msg.Rejoin, Msg.Resync {

    /** One log entry: position, the leader's epoch when written, the client operation, key and value. */
    record Entry(long index, long epoch, long opId, String key, long value) {}

    /** A client asks the leader to write {@code key = value}. */
    record Write(long opId, String key, long value) implements Msg {}

    /** The leader acknowledges the write, stored at {@code index}. */
    record WriteOk(long opId, long index) implements Msg, ClientReply {}

    /** The write was refused: not the leader, or fenced off by a newer epoch. */
    record WriteFailed(long opId, String reason) implements Msg, ClientReply {
        @Override public boolean ok() { return false; }
    }

    /** The leader of {@code epoch} sends one entry to a follower. */
    record Append(long epoch, Entry entry) implements Msg {}

    /** A follower has every entry up to {@code index} (cumulative, like TCP's ack). */
    record Appended(long epoch, long index) implements Msg {}

    /** A follower refuses a leader of an older epoch: it knows {@code epoch}, led by {@code leader}. */
    record Fenced(long epoch, String leader) implements Msg {}

    /**
     * A deposed leader asks the leader of {@code epoch} to take it back as a follower, sending the position and
     * epoch of every entry in its log so the leader can find where the two logs part.
     */
    record Rejoin(long epoch, java.util.List<Entry> log) implements Msg {
        public Rejoin {
            log = java.util.List.copyOf(log);
        }
    }

    /**
     * The leader's answer to {@link Rejoin}: drop every entry from {@code from} on (the old leader's writes nobody
     * else has) and apply {@code entries} (the leader's log from {@code from}) instead.
     */
    record Resync(long epoch, long from, java.util.List<Entry> entries) implements Msg {
        public Resync {
            entries = java.util.List.copyOf(entries);
        }
    }

    /** A newly promoted leader announces its epoch. */
    record NewEpoch(long epoch) implements Msg {}

    /**
     * A client reads {@code key}. {@code minIndex} is its session token (the index of its own last write,
     * 0 for none): a replica that has not applied it forwards the read to the leader (read-your-writes), naming
     * the client in {@code replyTo}.
     */
    record Read(long opId, String key, long minIndex, String replyTo) implements Msg {
        /** A read sent by a client itself (answered to the sender). */
        public Read(long opId, String key, long minIndex) {
            this(opId, key, minIndex, "");
        }
    }

    /** The value of the key and the log index that wrote it (0: never written). */
    record ReadOk(long opId, String key, long index, long value) implements Msg, ClientReply {}
}
