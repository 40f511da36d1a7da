package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;

/**
 * An analyst changes one phrase in one place (issue 28): "comparable to" is written once, in
 * rules/wording/phrases.yaml, so changing it to "in line with" changes every sentence that says it, and the
 * scenarios that expect the old words fail, each by name.
 */
class OnePhraseEditTest {
    @TempDir
    Path dir;

    @Test
    void changingComparableToInOnePlaceChangesEverySentenceAndAScenarioFailsByName() throws Exception {
        Path rules = dir.resolve("rules");
        TestFiles.copyRules(rules);
        Path phrases = rules.resolve("wording/phrases.yaml");
        String text = Files.readString(phrases);
        assertTrue(text.contains("\ncomparableTo: comparable to\n"), "the bundled phrase this test edits");
        // the phrase is written once in the folder: no other entry of any wording file says it (comments aside)
        try (var files = Files.list(rules.resolve("wording"))) {
            for (Path f : files.toList()) {
                String entries = String.join("\n", Files.readAllLines(f).stream().filter(l -> !l.startsWith("#"))
                        .toList());
                assertEquals(f.equals(phrases) ? 1 : 0, count(entries, "comparable to"), f.toString());
            }
        }

        ReportCommandTest.Run before = ReportCommandTest.run("report", "--full", "--rules", rules.toString());
        assertEquals(0, before.exit(), before.err());
        int said = count(before.out(), "comparable to");
        assertTrue(said >= 5, "the bundled December draft says it in several sentences: " + said);

        Files.writeString(phrases, text.replace("\ncomparableTo: comparable to\n", "\ncomparableTo: in line with\n"));
        ReportCommandTest.Run after = ReportCommandTest.run("report", "--full", "--rules", rules.toString());
        assertEquals(0, after.exit(), after.err());
        assertEquals(0, count(after.out(), "comparable to"), after.out());
        assertEquals(said, count(after.out(), "in line with"), "every sentence that said it, and only those");
        assertEquals(before.out().replace("comparable to", "in line with"), after.out(), "nothing else changed");

        ReportCommandTest.Run test = ReportCommandTest.run("test", TestFiles.SCENARIOS.toString(), "--rules",
                rules.toString());
        assertNotEquals(0, test.exit(), test.out() + test.err());
        String all = test.out() + test.err();
        // the scenario of the Victims report's 5.1.3 expects the seed's own words, "has been comparable to the same
        // month in the previous year for three consecutive months"
        assertTrue(all.contains("FAIL  Comparable with last year for three months, the long-term trend now flat"), all);
        assertTrue(all.contains("11-comparable-three-months-trend-flat.yaml:8:"), all);
        assertFalse(all.contains("Exception"), all);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
