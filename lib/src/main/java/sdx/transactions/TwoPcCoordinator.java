package sdx.transactions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import sdx.sim.Context;
import sdx.sim.Node;
import sdx.transactions.TwoPcMessage.Ack;
import sdx.transactions.TwoPcMessage.Decision;
import sdx.transactions.TwoPcMessage.Prepare;
import sdx.transactions.TwoPcMessage.ResendDecision;
import sdx.transactions.TwoPcMessage.Vote;
import sdx.transactions.TwoPcMessage.VoteTimeout;
import sdx.transactions.TwoPcMessage.WhatDecision;

/**
 * The coordinator of one two-phase commit. Phase 1: ask every participant to prepare and collect votes.
 * Phase 2: commit if every vote was yes, otherwise abort. The decision is written to its disk before
 * anyone is told: that write is the commit point. After a crash it reads its log: a logged decision is
 * sent again; no decision means it had not decided, and it aborts (presumed abort).
 */
public final class TwoPcCoordinator implements Node<TwoPcMessage> {
    /** Settings: who takes part, how long to wait for votes, how often to resend the decision. */
    public record Settings(List<String> participants, long voteTimeoutMicros, long resendMicros) {
        public Settings {
            participants = List.copyOf(participants);
        }
    }

    private final Settings settings;
    private final Set<String> yes = new HashSet<>();
    private final Set<String> acked = new HashSet<>();
    private Boolean decision;

    /** A coordinator with these settings. */
    public TwoPcCoordinator(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void onStart(Context<TwoPcMessage> ctx) {
        decision = ctx.disk().get("decision", Boolean.class).orElse(null);
        boolean started = ctx.disk().get("started", Boolean.class).orElse(false);
        if (decision == null && started) {
            decide(false, ctx); // crashed before deciding: presumed abort
        } else if (decision != null) {
            sendDecision(ctx);
        } else {
            ctx.disk().put("started", true);
            settings.participants().forEach(p -> ctx.send(p, new Prepare()));
            ctx.set(new VoteTimeout(), settings.voteTimeoutMicros());
        }
    }

    @Override
    public void onMessage(String from, TwoPcMessage m, Context<TwoPcMessage> ctx) {
        if (m instanceof Vote v && decision == null) {
            if (!v.yes()) {
                decide(false, ctx);
            } else {
                yes.add(from);
                if (yes.containsAll(settings.participants())) decide(true, ctx);
            }
        } else if (m instanceof Ack) {
            acked.add(from);
        } else if (m instanceof WhatDecision && decision != null) {
            ctx.send(from, new Decision(decision));
        }
    }

    @Override
    public void onTimer(TwoPcMessage t, Context<TwoPcMessage> ctx) {
        if (t instanceof VoteTimeout && decision == null) {
            decide(false, ctx);
        } else if (t instanceof ResendDecision) {
            sendDecision(ctx);
        }
    }

    private void decide(boolean commit, Context<TwoPcMessage> ctx) {
        decision = commit;
        ctx.disk().put("decision", commit); // the commit point
        ctx.note(commit ? "decides COMMIT" : "decides ABORT");
        sendDecision(ctx);
    }

    private void sendDecision(Context<TwoPcMessage> ctx) {
        boolean pending = false;
        for (String p : settings.participants()) {
            if (!acked.contains(p)) {
                ctx.send(p, new Decision(decision));
                pending = true;
            }
        }
        if (pending) ctx.set(new ResendDecision(), settings.resendMicros());
    }

    /** The decision, or null while undecided. */
    public Boolean decision() {
        return decision;
    }
}
