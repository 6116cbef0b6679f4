package sdx.security.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.owasp.encoder.Encode;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.security.FloodSettings;
import sdx.security.FloodTheory;
import sdx.security.Protection;
import sdx.exercise.Report;

/** Notebook 23's graders against the solutions, plausible wrong answers and the stubs. */
class SecurityExercisesTest {

    /** The notebook's solution: five replacements, & first. */
    static String encode(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static HtmlEncoder both(UnaryOperator<String> text, UnaryOperator<String> attribute) {
        return new HtmlEncoder() {
            public String forText(String s) { return text.apply(s); }
            public String forAttribute(String s) { return attribute.apply(s); }
        };
    }

    static final HtmlEncoder SOLUTION = both(SecurityExercisesTest::encode, SecurityExercisesTest::encode);

    @Nested
    class EncoderGrader extends GraderContract<HtmlEncoder> {
        @Override protected Report grade(HtmlEncoder e) { return SecurityExercises.encoder(e); }
        @Override protected HtmlEncoder reference() { return SOLUTION; }
        @Override protected HtmlEncoder stub() { return both(s -> Exercise.todo(), s -> Exercise.todo()); }
        @Override protected List<HtmlEncoder> alsoCorrect() {
            return List.of(both(Encode::forHtml, Encode::forHtmlAttribute), both(Encode::forHtmlContent, Encode::forHtml));
        }

        @Override
        protected List<Mutant<HtmlEncoder>> mutants() {
            UnaryOperator<String> noAmp = s -> s.replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
            UnaryOperator<String> noLt = s -> s.replace("&", "&amp;").replace(">", "&gt;").replace("\"", "&quot;");
            UnaryOperator<String> noQuotes = s -> s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            UnaryOperator<String> twice = s -> encode(encode(s));
            return List.of(
                    mutant("forgets &", "textRoundTrip", both(noAmp, noAmp)),
                    mutant("double-encodes", "textRoundTrip", both(twice, twice)),
                    mutant("forgets <", "textStaysText", both(noLt, SecurityExercisesTest::encode)),
                    mutant("returns the input", "textStaysText", both(s -> s, s -> s)),
                    mutant("returns an empty string for attributes", "attributeRoundTrip", both(SecurityExercisesTest::encode, s -> "")),
                    mutant("forgets quotes in attributes", "attributeStaysInside", both(SecurityExercisesTest::encode, noQuotes)));
        }
    }

    /** The notebook's solution to exercise 2. */
    static Defence solution(Attack a) {
        return switch (a) {
            case STORED_XSS -> Defence.OUTPUT_ENCODING;
            case SQL_INJECTION -> Defence.PREPARED_STATEMENTS;
            case FLOOD_FROM_ONE_CLIENT -> Defence.PER_CLIENT_RATE_LIMIT;
            case SLOW_CONNECTIONS -> Defence.CONNECTION_CAP;
            case FLOOD_FROM_MANY_CLIENTS -> Defence.LOAD_SHEDDING;
            case REFLECTION -> Defence.SOURCE_ADDRESS_VALIDATION;
        };
    }

    static DefencePicker except(Attack attack, Defence wrong) {
        return a -> a == attack ? wrong : solution(a);
    }

    @Nested
    class DefenceGrader extends GraderContract<DefencePicker> {
        @Override protected Report grade(DefencePicker p) { return SecurityExercises.defences(p); }
        @Override protected DefencePicker reference() { return SecurityExercisesTest::solution; }
        @Override protected DefencePicker stub() { return a -> Exercise.todo(); }

        @Override
        protected List<Mutant<DefencePicker>> mutants() {
            return List.of(
                    mutant("HTTPS against stored XSS", "storedXss", except(Attack.STORED_XSS, Defence.HTTPS)),
                    mutant("a blocklist against SQL injection", "sqlInjection", except(Attack.SQL_INJECTION, Defence.INPUT_BLOCKLIST)),
                    mutant("shedding against one flooder", "floodFromOneClient", except(Attack.FLOOD_FROM_ONE_CLIENT, Defence.LOAD_SHEDDING)),
                    mutant("a rate limit against slow connections", "slowConnections", except(Attack.SLOW_CONNECTIONS, Defence.PER_CLIENT_RATE_LIMIT)),
                    mutant("a rate limit against many clients", "floodFromManyClients", except(Attack.FLOOD_FROM_MANY_CLIENTS, Defence.PER_CLIENT_RATE_LIMIT)),
                    mutant("a bigger server against reflection", "reflection", except(Attack.REFLECTION, Defence.BIGGER_SERVER)),
                    mutant("no answer for reflection", "reflection", except(Attack.REFLECTION, null)));
        }
    }

    /** The notebook's solution to exercise 3: capacity shared in proportion to arrivals (the queue is nearly always full). */
    static double proportionalShare() {
        FloodSettings s = SecurityExercises.predictSettings();
        return s.capacity() * s.legitRate() / (s.legitRate() + SecurityExercises.PREDICT_ATTACK_RATE);
    }

    @Nested
    class SheddingGoodput extends GraderContract<Double> {
        @Override protected Report grade(Double a) { return SecurityExercises.predictSheddingGoodput(a); }
        @Override protected Double reference() { return proportionalShare(); }
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }
        @Override protected List<Double> alsoCorrect() {
            return List.of(FloodTheory.goodput(SecurityExercises.predictSettings(), Protection.LOAD_SHEDDING, SecurityExercises.PREDICT_ATTACK_RATE, 60));
        }

        @Override
        protected List<Mutant<Double>> mutants() {
            String id = Prediction.CHECK_ID;
            return List.of(
                    mutant("shedding only turns the attacker away", id, 160.0),
                    mutant("nobody, as without protection", id, 0.0),
                    mutant("the attacker's share of capacity", id, 750.0 * 2_000 / 2_160),
                    mutant("legitimate rate times their share of arrivals", id, 160.0 * 160 / 2_160),
                    mutant("section 1.1's two-worker server read off its chart", id, 500.0 * 160 / 2_160));
        }
    }

    @Test
    void sheddingTruthAgreesWithTheMmcnTheory() {
        // 60 virtual seconds, about 2,200 legitimate requests answered: a spread near 0.8 requests/s; 4 is five spreads
        double theory = FloodTheory.goodput(SecurityExercises.predictSettings(), Protection.LOAD_SHEDDING, SecurityExercises.PREDICT_ATTACK_RATE, 60);
        assertEquals(theory, SecurityExercises.sheddingTruth(), 4);
    }

    @Test
    void aWrongPickNeverNamesTheRightDefence() {
        for (Attack a : Attack.values()) {
            for (Defence d : Defence.values()) {
                if (d == solution(a)) continue;
                Report r = SecurityExercises.defences(except(a, d));
                assertEquals(Report.Status.FAILED, r.status(), a + " " + d);
                assertFalse(r.html().contains(solution(a).name()), a + " with " + d + " reveals the answer: " + r.html());
            }
        }
    }

    @Test
    void theDecoderReadsReferencesAsABrowserDoes() {
        assertEquals("<a href=\"x\">Tom & 'J'", CharacterReferences.decode("&lt;a href=&#34;x&#x22;&gt;Tom &amp; &apos;J&#39;"));
        assertEquals("AT&T &bogus; &", CharacterReferences.decode("AT&T &bogus; &"));
    }
}
