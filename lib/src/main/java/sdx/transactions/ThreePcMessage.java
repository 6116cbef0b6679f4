package sdx.transactions;

/** Messages and timers of three-phase commit (Skeen 1981). */
public sealed interface ThreePcMessage {
    /** Coordinator: can you commit? */
    record CanCommit() implements ThreePcMessage {}

    /** Participant: its vote. */
    record Vote(boolean yes) implements ThreePcMessage {}

    /** Coordinator: everyone voted yes; get ready to commit. */
    record PreCommit() implements ThreePcMessage {}

    /** Participant: I am ready. */
    record ReadyAck() implements ThreePcMessage {}

    /** Coordinator: commit. */
    record DoCommit() implements ThreePcMessage {}

    /** Coordinator: abort. */
    record Abort() implements ThreePcMessage {}

    /** A timer: the node waited too long for the next message. */
    record Timeout(int phase) implements ThreePcMessage {}
}
