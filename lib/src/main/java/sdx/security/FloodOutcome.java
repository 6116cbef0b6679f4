package sdx.security;

/**
 * What the legitimate clients got during one flood (model or real run).
 *
 * @param protection   the defence in place
 * @param attackRate   requests per second the attacker offered
 * @param legitSent    legitimate requests sent
 * @param legitGood    legitimate requests answered 200 within the deadline
 * @param goodput      legitimate requests answered 200 within the deadline, per second
 * @param p99Millis    99th percentile latency of the legitimate requests that were answered 200 (NaN if none)
 * @param attackServed attacker requests the workers served
 * @param rejected     requests refused early (429, 503 or a refused connection), all clients
 */
public record FloodOutcome(Protection protection, double attackRate, long legitSent, long legitGood, double goodput,
                           double p99Millis, long attackServed, long rejected) {

    /** Share of legitimate requests answered in time. */
    public double goodShare() {
        return legitSent == 0 ? 0 : (double) legitGood / legitSent;
    }
}
