package sdx.tls.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.tls.HandshakeFlow;

/**
 * Notebook 04's exercises: one method per check cell ({@link #whichCheckFails}, {@link #trustPrivateCa},
 * {@link #predictFirstResponse}).
 */
public final class TlsExercises {
    private TlsExercises() {}

    /** Exercise 3's round-trip time, in ms. */
    public static final double PREDICT_RTT_MILLIS = 50;
    /** Exercise 3's connection: TLS 1.2, full handshake, then one request. */
    public static final HandshakeFlow.Kind PREDICT_KIND = HandshakeFlow.Kind.TLS12;

    /** Exercise 3: when does the first byte of the response reach the client? */
    static final Prediction FIRST_RESPONSE = Prediction.named("ms until the response arrives, TLS 1.2, 50 ms round trip")
            .truth(TlsExercises::firstResponseTruth)
            .tolerance(10, "a fifth of a round trip: counting one round trip too many or too few fails")
            .tooHigh("count round trips, not one-way trips: each flight in one direction takes half a round trip")
            .tooLow("the TCP handshake comes first, TLS 1.2 needs two round trips before the request, and the "
                    + "request and its response need one more");

    /** Exercise 1: grades a certificate judge, e.g. {@code new MyCheck()}. */
    public static Report whichCheckFails(CertificateCheck check) {
        return Grader.run("which check fails", CertificateChecks.class, check);
    }

    /** Exercise 2: grades a client that trusts a private CA, by real handshakes on 127.0.0.1. */
    public static Report trustPrivateCa(TrustingClient client) {
        return Grader.run("trust a private CA", TrustChecks.class, client);
    }

    /** Exercise 3's truth: the simulated time (ms) until the response arrives. */
    public static double firstResponseTruth() {
        return HandshakeFlow.run(PREDICT_KIND, PREDICT_RTT_MILLIS).firstResponseMillis();
    }

    /** Exercise 3: grades a predicted time in ms ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report predictFirstResponse(double millis) {
        return FIRST_RESPONSE.grade(millis);
    }
}
