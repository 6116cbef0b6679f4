package sdx.gossip;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdx.sim.Context;

/**
 * The naive detector: every {@code interval} each node sends a heartbeat to every other node, and declares a
 * peer failed when it has heard nothing from it for {@code timeout}. It declares a peer again only after
 * hearing from it in between. N nodes send N(N-1) messages per interval.
 */
public final class HeartbeatNode implements FailureDetector {
    private final long interval, timeout;
    private final Map<String, Long> lastHeard = new HashMap<>();
    private final Set<String> declared = new HashSet<>();
    private final Log log = new Log();

    /**
     * @param intervalMicros time between heartbeats (and between checks)
     * @param timeoutMicros  silence after which a peer is declared failed
     */
    public HeartbeatNode(long intervalMicros, long timeoutMicros) {
        this.interval = intervalMicros;
        this.timeout = timeoutMicros;
    }

    @Override
    public void onStart(Context<Msg> ctx) {
        for (String p : ctx.peers()) lastHeard.put(p, ctx.now());
        ctx.set(new Tick(), ctx.random().nextLong(interval));
    }

    @Override
    public void onTimer(Msg timer, Context<Msg> ctx) {
        if (!(timer instanceof Tick)) return;
        ctx.broadcast(new Heartbeat());
        for (Map.Entry<String, Long> e : lastHeard.entrySet()) {
            if (ctx.now() - e.getValue() > timeout && declared.add(e.getKey())) {
                log.add(ctx.now(), e.getKey());
                ctx.note("declares " + e.getKey() + " failed");
            }
        }
        ctx.set(new Tick(), interval);
    }

    @Override
    public void onMessage(String from, Msg m, Context<Msg> ctx) {
        if (m instanceof Heartbeat) {
            lastHeard.put(from, ctx.now());
            declared.remove(from);
        }
    }

    @Override
    public List<Declaration> declarations() {
        return log.view();
    }
}
