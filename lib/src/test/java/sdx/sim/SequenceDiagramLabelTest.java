package sdx.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SequenceDiagramLabelTest {
    record Vote(int term, boolean granted) {}

    record Plain(int id, String name) {}

    record Query(int id, String name) implements Labelled {
        @Override public String label() { return "A? " + name; }
    }

    @Test
    void aRecordIsLabelledByItsComponentsALabelledMessageByItsOwnLabel() {
        assertEquals("Vote(3,true)", SequenceDiagram.shortLabel(new Vote(3, true)));
        assertEquals("Plain(1000,www.cou…)", SequenceDiagram.shortLabel(new Plain(1000, "www.course.test.")));
        assertEquals("A? www.course.test.", SequenceDiagram.shortLabel(new Query(1000, "www.course.test.")));
        String cut = SequenceDiagram.shortLabel(new Query(1, "a-very-long-name.example.course.test."));
        assertEquals(30, cut.length());
        assertEquals('…', cut.charAt(29));
    }
}
