package org.pcpassessor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each month's file:line, whether the months come from one file (kept once) or several. */
class SourcesTest {
    @Test
    void oneFileForEveryMonth() {
        Sources s = new Sources(new String[] {"a.csv", "a.csv", "a.csv"}, new int[] {2, 3, 9});
        assertEquals(List.of("a.csv:2", "a.csv:3", "a.csv:9"), s);
        assertThrows(IndexOutOfBoundsException.class, () -> s.get(3));
    }

    @Test
    void monthsFromSeveralFilesAndMonthsWithNoRow() {
        Sources s = new Sources(new String[] {"a.csv", "b.csv", "", null, "a.csv"}, new int[] {2, 7, 0, 0, 5});
        assertEquals(List.of("a.csv:2", "b.csv:7", "", "", "a.csv:5"), s);
        assertEquals(List.of("", ""), new Sources(new String[] {"", ""}, new int[] {0, 0}));
        assertEquals(List.of(), new Sources(new String[0], new int[0]));
    }

    @Test
    void theArraysGivenAreCopied() {
        String[] files = {"a.csv", "b.csv"};
        int[] lines = {2, 3};
        Sources s = new Sources(files, lines);
        files[1] = "c.csv";
        lines[1] = 99;
        assertEquals(List.of("a.csv:2", "b.csv:3"), s);
    }
}
