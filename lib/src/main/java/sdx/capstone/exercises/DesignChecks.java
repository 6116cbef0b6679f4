package sdx.capstone.exercises;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.capstone.Capstone;
import sdx.capstone.DayReport;
import sdx.capstone.Design;
import sdx.capstone.Score;
import sdx.core.DaemonThreads;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/** Hidden checks: the learner's design through the grown day, one check per principle of the outline. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class DesignChecks {
    private final DesignChoice choice = Grader.submission(DesignChoice.class);

    /** Days already simulated, so the four checks share one run (a design is a record: equal settings, one run). */
    private static final Map<Design, DayReport> DAYS = new HashMap<>();

    private static synchronized DayReport day(Design d) {
        DayReport r = DAYS.get(d);
        if (r == null) {
            if (DAYS.size() >= 8) DAYS.clear();                    // a day's report holds its latencies: keep few
            r = Capstone.simulate(d, CapstoneExercises.grownDay(), CapstoneExercises.prices(), CapstoneExercises.targets(),
                    CapstoneExercises.SEED);
            DAYS.put(d, r);
        }
        return r;
    }

    /**
     * Simulates the day before grading starts, outside the checks' time limit (on a busy machine a day can take
     * longer than one check may): asks for the design on a thread of its own, for at most a second, then runs
     * the library's simulation. A design that does not come back in time is left to the graded checks.
     */
    static void prepare(DesignChoice choice) {
        AtomicReference<Design> design = new AtomicReference<>();
        Thread asking = DaemonThreads.named("sdx-capstone-design").newThread(() -> {
            try {
                design.set(choice.design());
            } catch (RuntimeException | Error e) {
                // a stub or a broken design: the checks report it
            }
        });
        asking.start();
        try {
            asking.join(1_000);
            if (asking.isAlive()) {
                Grader.stopThreads(List.of(asking));
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (design.get() != null) day(design.get());
    }

    private DayReport day() {
        Design d = choice.design();
        assertNotNull(d, "the design");
        return day(d);
    }

    /** Fails with every failed target of the principle: target, value reached, the measured cause. */
    private static void meets(DayReport r, String principle) {
        var failed = r.scorecard().principle(principle).stream().filter(s -> !s.passed()).toList();
        assertTrue(failed.isEmpty(), () -> failed.stream().map(DesignChecks::words).collect(Collectors.joining("; ")));
    }

    private static String words(Score s) {
        return String.format(Locale.ROOT, "%s: %s (target %s); %s", s.id(), s.value(), s.target(), s.why());
    }

    @Test
    @Order(1)
    @DisplayName("availability: enough legitimate requests answered over the day")
    @Hint("read the cause: whatever is in one zone goes dark with it, and a shard with a single copy is down while that copy is")
    void availability() {
        meets(day(), "availability");
    }

    @Test
    @Order(2)
    @DisplayName("latency: p99 under the target in every hour")
    @Hint("find the tier that queued in the worst hour: more of it, or fewer requests reaching it")
    void latency() {
        meets(day(), "latency");
    }

    @Test
    @Order(3)
    @DisplayName("cost: the month's bill within the budget")
    @Hint("the bill is mostly what runs all month: size for the peak with some headroom, not for the worst case many times over")
    void cost() {
        meets(day(), "cost");
    }

    @Test
    @Order(4)
    @DisplayName("security: HTTPS, the bot kept away from the database, codes that cannot be guessed or counted")
    @Hint("one client should not be able to send thousands of requests a second, and a short code should say nothing about the others")
    void security() {
        meets(day(), "security");
    }
}
