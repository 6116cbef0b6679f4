package sdx.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionTest {
    @Test
    void concatenationLetsInputRewriteTheQueryPlaceholdersDoNot() {
        try (Injection db = Injection.open()) {
            assertEquals(List.of("alice | user"), db.loginUnsafe("alice", "s3cret"));
            assertEquals(List.of("alice | user"), db.loginSafe("alice", "s3cret"));
            assertEquals(List.of(), db.loginUnsafe("alice", "guess"));
            assertEquals(List.of("admin | admin", "alice | user", "bob | user"), db.loginUnsafe("alice", "' OR '1'='1"),
                    "always true: every row, and the first is the admin");
            assertEquals(List.of(), db.loginSafe("alice", "' OR '1'='1"));
            assertEquals(List.of("admin | admin"), db.loginUnsafe("admin'--", "x"), "comment drops the password test");
            assertEquals(List.of(), db.loginSafe("admin'--", "x"));
            List<String> leaked = db.searchUnsafe("zzz' UNION SELECT name, password FROM users--");
            assertTrue(leaked.contains("bob | hunter2"), leaked.toString());
            assertEquals(List.of(), db.searchSafe("zzz' UNION SELECT name, password FROM users--"));
            assertEquals(List.of("blue mug | 8.00", "red mug | 9.50"), db.searchSafe("mug"));
        }
    }

    @Test
    void theDemoTableHasEveryAttempt() {
        assertEquals(8, Injection.demo().rowCount());
    }
}
