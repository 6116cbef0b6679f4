package sdx.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdx.api.Compatibility.Change;
import tech.tablesaw.api.Table;

class CompatibilityTest {

    @Test
    void theOldClientBreaksWhereTheTheoryOfCompatibleChangesSaysItDoes() {
        Table t = Compatibility.table();
        // Expected by hand: a strict reader breaks on any new member or value; a tolerant one survives additions
        // to responses only; required request fields, renames, type changes and removals break both.
        List<Boolean> strict = List.of(true, false, false, false, false, false, false, true);
        List<Boolean> tolerant = List.of(true, true, true, false, false, false, false, true);
        Change[] changes = Change.values();
        for (int i = 0; i < changes.length; i++) {
            assertEquals(strict.get(i), Compatibility.run(changes[i], false).works(), "strict, " + changes[i]);
            assertEquals(tolerant.get(i), Compatibility.run(changes[i], true).works(), "tolerant, " + changes[i]);
        }
    }
}
