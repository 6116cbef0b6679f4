package sdx.idempotency.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/**
 * Hidden checks for exercise 1: hand-made sequences first (basic), then duplicated and reordered requests
 * over 200 seeds, then duplicates arriving at the same moment on 8 threads while the ledger is slow.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class HandlerChecks {
    private final PaymentHandler.Factory factory = Grader.submission(PaymentHandler.Factory.class);

    /** A ledger that counts charges per key-less (account, amount) call and can be slow. */
    static final class CountingLedger implements Ledger {
        final AtomicInteger charges = new AtomicInteger();
        final Map<String, AtomicInteger> perAccount = new ConcurrentHashMap<>();
        private final long pauseMillis;

        CountingLedger(long pauseMillis) {
            this.pauseMillis = pauseMillis;
        }

        @Override
        public String charge(String account, long amountCents) {
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            perAccount.computeIfAbsent(account, a -> new AtomicInteger()).incrementAndGet();
            return "ch_" + charges.incrementAndGet();
        }
    }

    @Test
    @Order(1)
    @DisplayName("one payment: charged once, status 200, the ledger's charge id")
    @Hint("a new key: charge through the ledger and answer Receipt.charged(chargeId, amount)")
    @Basic
    void chargesOnce() {
        CountingLedger ledger = new CountingLedger(0);
        Receipt r = factory.create(ledger).handle(new Payment("k1", "alice", 500));
        assertEquals(Receipt.charged("ch_1", 500), r, "the receipt");
        assertEquals(1, ledger.charges.get(), "charges in the ledger");
    }

    @Test
    @Order(2)
    @DisplayName("the same request twice: charged once, the same receipt twice")
    @Hint("remember each key's receipt; a repeated key gets the stored receipt, not a new charge")
    @Basic
    void duplicateGetsTheSameReceipt() {
        CountingLedger ledger = new CountingLedger(0);
        PaymentHandler h = factory.create(ledger);
        Payment p = new Payment("k1", "alice", 500);
        Receipt first = h.handle(p);
        assertEquals(first, h.handle(p), "the second receipt");
        assertEquals(1, ledger.charges.get(), "charges in the ledger");
    }

    @Test
    @Order(3)
    @DisplayName("two keys with the same account and amount are two payments")
    @Hint("the key identifies the payment, not its contents: paying 5 € twice on purpose is two payments")
    @Basic
    void otherKeysAreOtherPayments() {
        CountingLedger ledger = new CountingLedger(0);
        PaymentHandler h = factory.create(ledger);
        Receipt a = h.handle(new Payment("k1", "alice", 500));
        Receipt b = h.handle(new Payment("k2", "alice", 500));
        assertEquals(2, ledger.charges.get(), "charges in the ledger");
        assertNotEquals(a.chargeId(), b.chargeId(), "charge ids of two payments");
    }

    @Test
    @Order(4)
    @DisplayName("a key reused for another payment: 422, no charge, the first receipt kept")
    @Hint("store the request with its receipt; a known key with a different request is a client bug: answer Receipt.keyReused()")
    @Basic
    void reusedKeyWithOtherBodyIsRefused() {
        CountingLedger ledger = new CountingLedger(0);
        PaymentHandler h = factory.create(ledger);
        Receipt first = h.handle(new Payment("k1", "alice", 500));
        assertEquals(Receipt.keyReused(), h.handle(new Payment("k1", "alice", 900)), "the answer to a reused key");
        assertEquals(1, ledger.charges.get(), "charges in the ledger");
        assertEquals(first, h.handle(new Payment("k1", "alice", 500)), "the original request, once more");
    }

    @Test
    @Order(5)
    @DisplayName("200 seeds: 20 payments, each sent 1 to 4 times, shuffled: each charged once, one receipt per key")
    @Hint("every key must be remembered, not only the latest one")
    void duplicatedAndReordered() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            CountingLedger ledger = new CountingLedger(0);
            PaymentHandler h = factory.create(ledger);
            List<Payment> requests = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Payment p = new Payment("key-" + i, "acct-" + i, 100 + i);
                for (int copy = 0, n = 1 + random.nextInt(4); copy < n; copy++) requests.add(p);
            }
            Collections.shuffle(requests, random);
            Map<String, Receipt> seen = new HashMap<>();
            for (Payment p : requests) {
                Receipt r = h.handle(p);
                Receipt before = seen.putIfAbsent(p.key(), r);
                if (before != null) assertEquals(before, r, "seed " + seed + ": receipts for " + p.key());
            }
            assertEquals(20, ledger.charges.get(), "seed " + seed + ": charges for 20 payments");
        }
    }

    @Test
    @Order(6)
    @DisplayName("8 threads send the same payment at once (slow ledger): charged once, 8 equal receipts")
    @Hint("checking for the key and storing the receipt must be one atomic step: a lock, or computeIfAbsent")
    void concurrentDuplicates() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            CountingLedger ledger = new CountingLedger(5);
            PaymentHandler h = factory.create(ledger);
            Payment p = new Payment("same-" + round, "bob", 700);
            List<Receipt> receipts = Collections.synchronizedList(new ArrayList<>());
            List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        receipts.add(h.handle(p));
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }, "sdx-payment-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            start.countDown();
            for (Thread t : threads) t.join(2_000);
            if (!errors.isEmpty() && errors.get(0) instanceof RuntimeException e) throw e;  // e.g. a stub: not attempted
            assertEquals(List.of(), errors.stream().map(String::valueOf).toList(), "exceptions on the 8 threads");
            assertEquals(8, receipts.size(), "receipts from 8 threads within 2 s");
            assertEquals(1, ledger.charges.get(), "charges for one payment sent 8 times at once");
            assertEquals(1, receipts.stream().distinct().count(), "different receipts for one payment");
        }
    }
}
