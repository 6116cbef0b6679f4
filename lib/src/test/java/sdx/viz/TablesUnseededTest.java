package sdx.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class TablesUnseededTest {
    private final Table t = Table.create("t").addColumns(DoubleColumn.create("seeded", 0.5), DoubleColumn.create("caffeine", 0.25));

    @Test
    void onlyTheNamedColumnIsMarked() {
        String html = Tables.html(t, Set.of("caffeine")).html();
        assertEquals(2, html.split("class=\"sdx-unseeded\"", -1).length - 1, "its header and its one cell: " + html);
        assertTrue(html.contains("<th>seeded</th>") && html.contains("<td>0.5</td>"), html);
        assertEquals(Tables.html(t).html(), Tables.html(t, Set.of()).html());
    }

    @Test
    void aMissingColumnIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tables.html(t, Set.of("Caffeine")));
        assertTrue(e.getMessage().contains("Caffeine") && e.getMessage().contains("[seeded, caffeine]"), e.getMessage());
    }
}
