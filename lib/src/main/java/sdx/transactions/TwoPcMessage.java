package sdx.transactions;

/** Messages and timers of two-phase commit (Gray 1978; Bernstein, Hadzilacos and Goodman 1987, ch. 7). */
public sealed interface TwoPcMessage {
    /** Coordinator to participants: can you commit? */
    record Prepare() implements TwoPcMessage {}

    /** Participant to coordinator: its vote. */
    record Vote(boolean yes) implements TwoPcMessage {}

    /** Coordinator to participants: the outcome. */
    record Decision(boolean commit) implements TwoPcMessage {}

    /** Participant to coordinator: the decision is on my disk. */
    record Ack() implements TwoPcMessage {}

    /** Participant to coordinator: I voted yes and have heard nothing; what was decided? */
    record WhatDecision() implements TwoPcMessage {}

    /** Coordinator's timer: stop waiting for votes. */
    record VoteTimeout() implements TwoPcMessage {}

    /** Coordinator's timer: resend the decision to participants that have not acknowledged it. */
    record ResendDecision() implements TwoPcMessage {}

    /** Participant's timer: ask again for the decision. */
    record AskAgain() implements TwoPcMessage {}
}
