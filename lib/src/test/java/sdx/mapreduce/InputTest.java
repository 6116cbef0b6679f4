package sdx.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdx.core.Corpus;

class InputTest {

    @Test
    void fileSplitsReadEveryLineExactlyOnce(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.txt");
        List<String> lines = new ArrayList<>(Corpus.zipf(3000, 200, 1.0, 7, 5));
        lines.add(""); // an empty line
        lines.add("é ü ñ unicode");
        Files.write(f, lines, StandardCharsets.UTF_8);
        for (int m : new int[] {1, 2, 3, 7, 64, 1000}) {
            List<String> read = new ArrayList<>();
            for (Input.Split<String> s : Input.textFile(f).splits(m)) s.forEach(read::add);
            assertEquals(lines, read, "m=" + m);
        }
    }

    @Test
    void lastLineWithoutNewline(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.txt");
        Files.writeString(f, "a b\nc d\ne", StandardCharsets.UTF_8);
        for (int m = 1; m <= 9; m++) {
            List<String> read = new ArrayList<>();
            for (Input.Split<String> s : Input.textFile(f).splits(m)) s.forEach(read::add);
            assertEquals(List.of("a b", "c d", "e"), read, "m=" + m);
        }
    }

    @Test
    void fileJobEqualsBaseline(@TempDir Path dir) {
        Path f = dir.resolve("z.txt");
        Corpus.writeZipf(f, 300_000, 2000, 1.0, 12, 3);
        var r = WordCount.job().combiner(WordCount.reducer()).workers(2).mapTasks(5).reducers(3).run(Input.textFile(f));
        assertEquals(WordCount.sequential(f), r.output());
    }

    @Test
    void listSplitsAreContiguousAndNearEqual() {
        var splits = Input.of(List.of(1, 2, 3, 4, 5, 6, 7)).splits(3);
        List<List<Integer>> parts = new ArrayList<>();
        for (var s : splits) {
            List<Integer> p = new ArrayList<>();
            s.forEach(p::add);
            parts.add(p);
        }
        assertEquals(List.of(List.of(1, 2), List.of(3, 4), List.of(5, 6, 7)), parts);
        assertEquals(2, Input.of(List.of("a", "b")).splits(8).size(), "never more splits than records");
    }
}
