package sdx.security.exercises;

/** Exercise 2's attacks. */
public enum Attack {
    /** A comment holding a script is stored and shown to every later visitor. */
    STORED_XSS("a stored XSS", "the page pastes stored text into HTML, where the browser reads it as markup and code"),
    /** A login form builds its SQL by pasting the user's input into the query. */
    SQL_INJECTION("an SQL injection", "the input is pasted into the SQL text, so the database parses it as SQL"),
    /** One client sends ten times the server's capacity in requests. */
    FLOOD_FROM_ONE_CLIENT("a flood from one client", "one source sends far more than its fair share"),
    /** One client opens thousands of connections and keeps them open, sending a byte now and then (slowloris). */
    SLOW_CONNECTIONS("thousands of slow connections from one client", "each open connection holds server resources while sending almost nothing"),
    /** Ten thousand clients, each under any per-client limit, together send twice the server's capacity. */
    FLOOD_FROM_MANY_CLIENTS("a flood from many clients, each under its limit", "no single source stands out; only the total exceeds capacity"),
    /** Small UDP queries with the victim's address as their source make open servers send large replies to it. */
    REFLECTION("a UDP reflection attack", "the attacker forges the source address of small UDP queries; large replies go to the victim");

    private final String description, exploits;

    Attack(String description, String exploits) {
        this.description = description;
        this.exploits = exploits;
    }

    /** In words. */
    public String description() {
        return description;
    }

    /** What the attack relies on (said when a wrong defence is picked). */
    String exploits() {
        return exploits;
    }
}
