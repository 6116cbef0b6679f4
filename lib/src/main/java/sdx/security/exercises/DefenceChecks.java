package sdx.security.exercises;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/**
 * Hidden checks for exercise 2: one per attack. A wrong pick is answered with why that defence does not stop
 * that attack; the right defence is never named.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class DefenceChecks {
    private final DefencePicker picker = Grader.submission(DefencePicker.class);

    private static final Map<Attack, Defence> RIGHT = new EnumMap<>(Map.of(
            Attack.STORED_XSS, Defence.OUTPUT_ENCODING,
            Attack.SQL_INJECTION, Defence.PREPARED_STATEMENTS,
            Attack.FLOOD_FROM_ONE_CLIENT, Defence.PER_CLIENT_RATE_LIMIT,
            Attack.SLOW_CONNECTIONS, Defence.CONNECTION_CAP,
            Attack.FLOOD_FROM_MANY_CLIENTS, Defence.LOAD_SHEDDING,
            Attack.REFLECTION, Defence.SOURCE_ADDRESS_VALIDATION));

    /** Why a common wrong pick fails, per attack. */
    private static final Map<Attack, Map<Defence, String>> WHY_NOT = new EnumMap<>(Map.of(
            Attack.STORED_XSS, Map.of(
                    Defence.HTTPS, "TLS protects the bytes on the wire; the stored script arrives over HTTPS just as well",
                    Defence.INPUT_BLOCKLIST, "a blocklist misses variants (<svg onload>, mixed case, references) and rejects honest text such as 2 < 3",
                    Defence.CONTENT_SECURITY_POLICY, "CSP is a second line: the page still turns text into markup, shows honest text wrongly, and policies get loosened"),
            Attack.SQL_INJECTION, Map.of(
                    Defence.INPUT_BLOCKLIST, "a blocklist rejects O'Brien and misses encodings; the query still mixes data into code",
                    Defence.OUTPUT_ENCODING, "HTML encoding is for HTML pages; the database parses SQL"),
            Attack.FLOOD_FROM_ONE_CLIENT, Map.of(
                    Defence.LOAD_SHEDDING, "shedding keeps the server up but does not choose whom to serve: the flooder still takes most places, as section 1 measured",
                    Defence.BIGGER_SERVER, "the flood grows faster and more cheaply than your capacity does"),
            Attack.SLOW_CONNECTIONS, Map.of(
                    Defence.PER_CLIENT_RATE_LIMIT, "slow connections send almost no requests: a request rate limit never trips",
                    Defence.LOAD_SHEDDING, "the connections wait before any request reaches the queue"),
            Attack.FLOOD_FROM_MANY_CLIENTS, Map.of(
                    Defence.PER_CLIENT_RATE_LIMIT, "every client stays under its limit",
                    Defence.CONNECTION_CAP, "each client holds only a few connections"),
            Attack.REFLECTION, Map.of(
                    Defence.PER_CLIENT_RATE_LIMIT, "the replies come from thousands of innocent servers and fill your link before any server of yours sees them",
                    Defence.CONNECTION_CAP, "UDP has no connections, and the traffic fills your link before it reaches you",
                    Defence.LOAD_SHEDDING, "the traffic fills your network link before any queue of yours sees it")));

    private void judge(Attack attack) {
        Defence picked = picker.defenceFor(attack);
        if (picked == null) fail("no defence picked for " + attack.description());
        if (picked == RIGHT.get(attack)) return;
        String why = WHY_NOT.get(attack).getOrDefault(picked, picked.does() + ", but " + attack.description()
                + " relies on something else: " + attack.exploits());
        fail("against " + attack.description() + ", " + picked + " is not it: " + why);
    }

    @Test
    @Order(1)
    @DisplayName("stored XSS")
    @Hint("the browser cannot tell the author's markup from text that was pasted in: which defence keeps text as text?")
    @Basic
    void storedXss() {
        judge(Attack.STORED_XSS);
    }

    @Test
    @Order(2)
    @DisplayName("SQL injection")
    @Hint("the database parses whatever SQL text it gets: which defence never lets input become SQL text?")
    @Basic
    void sqlInjection() {
        judge(Attack.SQL_INJECTION);
    }

    @Test
    @Order(3)
    @DisplayName("a flood from one client")
    @Hint("section 1: which protection let the legitimate clients through while one source flooded?")
    @Basic
    void floodFromOneClient() {
        judge(Attack.FLOOD_FROM_ONE_CLIENT);
    }

    @Test
    @Order(4)
    @DisplayName("thousands of slow connections")
    @Hint("what does each slow connection hold, and what can you count per client?")
    @Basic
    void slowConnections() {
        judge(Attack.SLOW_CONNECTIONS);
    }

    @Test
    @Order(5)
    @DisplayName("a flood from many clients, each under its limit")
    @Hint("no client can be singled out: which protection keeps the server answering those it admits in time?")
    @Basic
    void floodFromManyClients() {
        judge(Attack.FLOOD_FROM_MANY_CLIENTS);
    }

    @Test
    @Order(6)
    @DisplayName("UDP reflection")
    @Hint("the attack needs one thing the internet should not allow: what is forged in it, and where can it be stopped?")
    @Basic
    void reflection() {
        judge(Attack.REFLECTION);
    }
}
