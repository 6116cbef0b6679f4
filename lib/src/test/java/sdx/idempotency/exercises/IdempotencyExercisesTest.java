package sdx.idempotency.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.idempotency.Theory;

/** Notebook 21's graders against the solutions, plausible wrong answers and the stubs. */
class IdempotencyExercisesTest {
    record Stored(Payment payment, Receipt receipt) {}

    /** The notebook's solution: a synchronized method over a map of keys. */
    static final class Synchronized implements PaymentHandler {
        private final Ledger ledger;
        private final Map<String, Stored> byKey = new HashMap<>();
        Synchronized(Ledger ledger) { this.ledger = ledger; }

        public synchronized Receipt handle(Payment p) {
            Stored s = byKey.get(p.key());
            if (s == null) {
                s = new Stored(p, Receipt.charged(ledger.charge(p.account(), p.amountCents()), p.amountCents()));
                byKey.put(p.key(), s);
            }
            return s.payment().equals(p) ? s.receipt() : Receipt.keyReused();
        }
    }

    /** Also correct: computeIfAbsent on a ConcurrentHashMap (one lock per key's bin, not one for all). */
    static final class PerKey implements PaymentHandler {
        private final Ledger ledger;
        private final Map<String, Stored> byKey = new ConcurrentHashMap<>();
        PerKey(Ledger ledger) { this.ledger = ledger; }

        public Receipt handle(Payment p) {
            Stored s = byKey.computeIfAbsent(p.key(),
                    k -> new Stored(p, Receipt.charged(ledger.charge(p.account(), p.amountCents()), p.amountCents())));
            return s.payment().equals(p) ? s.receipt() : Receipt.keyReused();
        }
    }

    /** Wrong: no deduplication at all. */
    static PaymentHandler noDedup(Ledger l) {
        return p -> Receipt.charged(l.charge(p.account(), p.amountCents()), p.amountCents());
    }

    /** Wrong: makes up its own charge id instead of the ledger's. */
    static PaymentHandler ownIds(Ledger l) {
        Map<String, Receipt> seen = new HashMap<>();
        return p -> {
            synchronized (seen) {
                return seen.computeIfAbsent(p.key(), k -> {
                    l.charge(p.account(), p.amountCents());
                    return Receipt.charged("receipt-for-" + k, p.amountCents());
                });
            }
        };
    }

    /** Wrong: deduplicates by account and amount, ignoring the key. */
    static PaymentHandler byBody(Ledger l) {
        Map<String, Receipt> seen = new HashMap<>();
        return p -> seen.computeIfAbsent(p.account() + "/" + p.amountCents(),
                k -> Receipt.charged(l.charge(p.account(), p.amountCents()), p.amountCents()));
    }

    /** Wrong: returns the stored receipt for a known key whatever the request. */
    static PaymentHandler ignoresBody(Ledger l) {
        Map<String, Receipt> seen = new HashMap<>();
        return p -> {
            synchronized (seen) {
                return seen.computeIfAbsent(p.key(), k -> Receipt.charged(l.charge(p.account(), p.amountCents()), p.amountCents()));
            }
        };
    }

    /** Wrong: remembers only the most recent key. */
    static PaymentHandler lastKeyOnly(Ledger l) {
        Stored[] last = new Stored[1];
        return p -> {
            if (last[0] == null || !last[0].payment().key().equals(p.key())) {
                last[0] = new Stored(p, Receipt.charged(l.charge(p.account(), p.amountCents()), p.amountCents()));
            }
            return last[0].payment().equals(p) ? last[0].receipt() : Receipt.keyReused();
        };
    }

    /** Wrong: check, then act: two threads both see no key and both charge. */
    static PaymentHandler checkThenAct(Ledger l) {
        Map<String, Stored> byKey = new ConcurrentHashMap<>();
        return p -> {
            Stored s = byKey.get(p.key());
            if (s == null) {
                s = new Stored(p, Receipt.charged(l.charge(p.account(), p.amountCents()), p.amountCents()));
                byKey.put(p.key(), s);
            }
            return s.payment().equals(p) ? s.receipt() : Receipt.keyReused();
        };
    }

    @Nested
    class HandlerGrader extends GraderContract<PaymentHandler.Factory> {
        @Override protected Report grade(PaymentHandler.Factory f) { return IdempotencyExercises.handler(f); }
        @Override protected PaymentHandler.Factory reference() { return Synchronized::new; }
        @Override protected PaymentHandler.Factory stub() { return ledger -> p -> Exercise.todo(); }
        @Override protected List<PaymentHandler.Factory> alsoCorrect() { return List.of(PerKey::new); }

        @Override
        protected List<Mutant<PaymentHandler.Factory>> mutants() {
            return List.of(
                    mutant("makes up its own charge id", "chargesOnce", IdempotencyExercisesTest::ownIds),
                    mutant("charges every request", "duplicateGetsTheSameReceipt", IdempotencyExercisesTest::noDedup),
                    mutant("deduplicates by account and amount", "otherKeysAreOtherPayments", IdempotencyExercisesTest::byBody),
                    mutant("ignores a reused key's different request", "reusedKeyWithOtherBodyIsRefused", IdempotencyExercisesTest::ignoresBody),
                    mutant("remembers only the last key", "duplicatedAndReordered", IdempotencyExercisesTest::lastKeyOnly),
                    mutant("checks, then acts, without a lock", "concurrentDuplicates", IdempotencyExercisesTest::checkThenAct));
        }
    }

    @Nested
    class DuplicatesPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double d) { return IdempotencyExercises.predictDuplicates(d); }
        /** The notebook's solution: the formula. */
        @Override protected Double reference() { return 1_000 * Theory.duplicatesPerPayment(0.3, 5); }
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(
                    mutant("every lost message is a duplicate: 1,000 × p", p, 300.0),
                    mutant("one lost receipt, one retry: 1,000 × p(1 − p)", p, 210.0),
                    mutant("charges per payment, not duplicates", p, 1_000 * Theory.chargesPerPayment(0.3, 5)),
                    mutant("no duplicates", p, 0.0));
        }
    }

    /** The simulated truth agrees with the formula (about ±5 per 1,000 over 20,000 payments; 15 is 3 sd). */
    @Test
    void truthAgreesWithTheFormula() {
        assertEquals(1_000 * Theory.duplicatesPerPayment(0.3, 5), IdempotencyExercises.predictTruth(), 15);
    }
}
