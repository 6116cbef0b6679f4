package sdx.transactions;

import sdx.sim.Context;
import sdx.sim.Node;
import sdx.transactions.ThreePcMessage.Abort;
import sdx.transactions.ThreePcMessage.CanCommit;
import sdx.transactions.ThreePcMessage.DoCommit;
import sdx.transactions.ThreePcMessage.PreCommit;
import sdx.transactions.ThreePcMessage.ReadyAck;
import sdx.transactions.ThreePcMessage.Timeout;
import sdx.transactions.ThreePcMessage.Vote;

/**
 * A three-phase-commit participant with the classic timeout rules, which is what lets 3PC avoid
 * blocking when nodes only crash: having voted yes but not heard "pre-commit", it aborts on timeout
 * (nobody can have committed); having heard "pre-commit", it commits on timeout (everyone voted yes).
 * Under a network partition the two rules fire on different sides, and the participants disagree.
 */
public final class ThreePcParticipant implements Node<ThreePcMessage> {
    private final long timeoutMicros;
    private boolean ready;
    private Boolean decision;

    /** A participant that waits {@code timeoutMicros} for each next message. */
    public ThreePcParticipant(long timeoutMicros) {
        this.timeoutMicros = timeoutMicros;
    }

    @Override
    public void onMessage(String from, ThreePcMessage m, Context<ThreePcMessage> ctx) {
        if (decision != null) return;
        if (m instanceof CanCommit) {
            ctx.send(from, new Vote(true));
            ctx.set(new Timeout(1), timeoutMicros);
        } else if (m instanceof PreCommit) {
            ready = true;
            ctx.send(from, new ReadyAck());
            ctx.set(new Timeout(2), timeoutMicros);
        } else if (m instanceof DoCommit) {
            decide(true, ctx, "commits");
        } else if (m instanceof Abort) {
            decide(false, ctx, "aborts");
        }
    }

    @Override
    public void onTimer(ThreePcMessage t, Context<ThreePcMessage> ctx) {
        if (decision != null || !(t instanceof Timeout to)) return;
        if (to.phase() == 1 && !ready) decide(false, ctx, "times out uncertain: aborts");
        if (to.phase() == 2 && ready) decide(true, ctx, "times out ready: commits");
    }

    private void decide(boolean commit, Context<ThreePcMessage> ctx, String why) {
        decision = commit;
        ctx.note(why);
    }

    /** Its decision, or null while undecided. */
    public Boolean decision() {
        return decision;
    }
}
