package sdx.transactions;

import sdx.sim.Context;
import sdx.transactions.TwoPcMessage.Ack;
import sdx.transactions.TwoPcMessage.AskAgain;
import sdx.transactions.TwoPcMessage.Decision;
import sdx.transactions.TwoPcMessage.Prepare;
import sdx.transactions.TwoPcMessage.Vote;
import sdx.transactions.TwoPcMessage.WhatDecision;

/**
 * The reference two-phase-commit participant. Before voting yes it writes "prepared" to its disk and
 * holds its locks; from then on it may not decide alone: it waits for the coordinator, asking again
 * every {@code askAgainMicros}. This is why 2PC blocks: while the coordinator is down, a prepared
 * participant keeps its locks. A "no" voter may abort at once, since the transaction cannot commit.
 */
public final class TwoPcParticipant implements Participant {
    private final Settings settings;
    private Boolean decision;
    private boolean prepared;

    /** A participant with these settings. */
    public TwoPcParticipant(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void onStart(Context<TwoPcMessage> ctx) {
        decision = ctx.disk().get("decision", Boolean.class).orElse(null);
        prepared = ctx.disk().get("prepared", Boolean.class).orElse(false);
        if (prepared && decision == null) askCoordinator(ctx); // in doubt after a restart
    }

    @Override
    public void onMessage(String from, TwoPcMessage m, Context<TwoPcMessage> ctx) {
        if (m instanceof Prepare) {
            if (decision != null || prepared) {
                ctx.send(from, new Vote(prepared && !Boolean.FALSE.equals(decision)));
            } else if (settings.voteYes()) {
                prepared = true;
                ctx.disk().put("prepared", true); // durable before the vote leaves
                ctx.disk().put("lockedAt", ctx.now());
                ctx.note("prepared: holds locks");
                ctx.send(from, new Vote(true));
                ctx.set(new AskAgain(), settings.askAgainMicros());
            } else {
                decide(false, ctx);
                ctx.send(from, new Vote(false));
            }
        } else if (m instanceof Decision d) {
            if (decision == null) decide(d.commit(), ctx);
            ctx.send(from, new Ack());
        }
    }

    @Override
    public void onTimer(TwoPcMessage t, Context<TwoPcMessage> ctx) {
        if (t instanceof AskAgain && decision == null) askCoordinator(ctx);
    }

    private void askCoordinator(Context<TwoPcMessage> ctx) {
        ctx.send(settings.coordinator(), new WhatDecision());
        ctx.set(new AskAgain(), settings.askAgainMicros());
    }

    private void decide(boolean commit, Context<TwoPcMessage> ctx) {
        decision = commit;
        ctx.disk().put("decision", commit);
        ctx.disk().put("decidedAt", ctx.now());
        ctx.note(commit ? "commits, releases locks" : "aborts, releases locks");
    }

    @Override
    public Boolean decision() {
        return decision;
    }
}
