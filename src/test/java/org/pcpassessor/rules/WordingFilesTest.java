package org.pcpassessor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.wording.Phrases;
import org.pcpassessor.wording.Values;

/** Reading rules/wording/*.yaml: texts, lines by value, alternatives, and every mistake at its file and line. */
class WordingFilesTest {
    @TempDir
    Path rules;

    private Phrases read(String file, String yaml, Problems problems) throws Exception {
        Files.createDirectories(rules.resolve("wording"));
        Files.writeString(rules.resolve("wording").resolve(file), yaml);
        return RuleFolderFiles.wording(rules, problems);
    }

    /** The errors (a test folder has no draft.yaml: the warning that the tool's copy is used is not one). */
    private static String errors(Problems problems) {
        return problems.sorted().stream().filter(Problem::isError).map(Problem::toString)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void linesByValueAreASelectWhoseLastLineIsSaidForAnyOtherValue() throws Exception {
        Problems problems = new Problems();
        Phrases p = read("a.yaml", "roseOrFell: {by: direction, higher: rose, lower: fell}\n"
                + "said: {by: code, HIGHER: up, other: \"not {roseOrFell}\", LOWER: down}\n", problems);
        assertEquals("", errors(problems));
        assertEquals("{direction, select, higher {rose} lower {fell} other {fell}}", p.template("roseOrFell").get());
        // an other: line is kept where it is written and no other is added
        assertEquals("{code, select, HIGHER {up} other {not {roseOrFell}} LOWER {down}}", p.template("said").get());
        assertEquals("fell", Values.format(p.template("roseOrFell").get(), java.util.Map.of("direction", "unchanged"),
                "test"));
    }

    @Test
    void aListIsAlternativesInTheOrderWritten() throws Exception {
        Problems problems = new Problems();
        Phrases p = read("a.yaml", "monthHigh:\n  - \"One {x}.\"\n  - \"Two {x}.\"\n", problems);
        assertEquals("", errors(problems));
        assertEquals(List.of("One {x}.", "Two {x}."), p.alternatives("monthHigh"));
        assertEquals("One {x}.", p.template("monthHigh").get());
    }

    @Test
    void aNameWrittenTwiceIsAnErrorNamingTheFirst() throws Exception {
        Files.createDirectories(rules.resolve("wording"));
        Files.writeString(rules.resolve("wording/a.yaml"), "comparableTo: comparable to\n");
        Problems problems = new Problems();
        read("b.yaml", "# another file\ncomparableTo: in line with\n", problems);
        String e = errors(problems);
        assertTrue(e.contains(rules.resolve("wording/b.yaml") + ":2:1: error: wording 'comparableTo' is written twice; "
                + "the first is at " + rules.resolve("wording/a.yaml") + ":1:1"), e);
    }

    @Test
    void badEntriesAreErrorsAtTheirLine() throws Exception {
        Problems problems = new Problems();
        read("a.yaml", "ok: fine\n"
                + "noBy: {higher: rose}\n"
                + "\"bad name\": text\n"
                + "number: 12\n"
                + "nested:\n  by: direction\n  higher: [a, b]\n", problems);
        String e = errors(problems);
        assertEquals(4, problems.errorCount(), e);
        assertTrue(e.contains("a.yaml:2:1: error: wording 'noBy': lines by value need 'by: <value name>'"), e);
        assertTrue(e.contains("a.yaml:3:1: error: a wording name is letters and digits"), e);
        assertTrue(e.contains("a.yaml:4:9: error: wording 'number' must be a text, a list of alternative texts, or "
                + "lines by value"), e);
        assertTrue(e.contains("a.yaml:7:11: error: wording 'nested': the line for higher is a text"), e);
    }
}
