package org.pcpassessor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pcpassessor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.cli.ReportCommandTestAccess;

/** The committed scenarios pass on the committed rules and fire every rule; a wrong expectation is reported. */
class ScenariosTest {
    @TempDir
    Path dir;

    @Test
    void everyBundledScenarioPassesAndEveryRuleIsFiredBySome() throws Exception {
        long files;
        try (var walk = Files.walk(TestFiles.SCENARIOS)) { // as the test command finds them: catalogues/ aside
            files = walk.filter(f -> f.toString().endsWith(".yaml")
                    && !f.startsWith(TestFiles.SCENARIOS.resolve("catalogues"))).count();
        }
        assertTrue(files >= 50, "scenarios/ holds the bundled scenarios: " + files);
        var r = ReportCommandTestAccess.run("test", TestFiles.SCENARIOS.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().endsWith(files + " passed, 0 failed\n"), r.out()); // every file of scenarios/ ran
        assertTrue(!r.out().contains("Rules no scenario fires"), r.out());
    }

    @Test
    void aWrongExpectationFailsWithTheScenarioAndTheDifference() throws Exception {
        Files.createDirectories(dir.resolve("catalogues"));
        Files.writeString(dir.resolve("edited.yaml"), Files.readString(TestFiles.SCENARIOS.resolve("22-count-comparable.yaml"))
                .replace("vsBenchmark: Comparable", "vsBenchmark: Higher"));
        var r = ReportCommandTestAccess.run("test", dir.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL  A steady count: comparable with the benchmark  (" + dir.resolve("edited.yaml")),
                r.out());
        assertTrue(r.out().contains("edited.yaml:8: da-recorded-crime (Force): expected vsBenchmark Higher, got Comparable"),
                r.out());
        assertTrue(r.out().endsWith("0 passed, 1 failed\n"), r.out());
        assertTrue(r.out().contains("Rules no scenario fires"), r.out());
    }

    @Test
    void aMalformedScenarioIsABadInputWithItsLine() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "scenario: x\nmonth: 2020-13\nseries: []\nexpect:\n  - measure: m\n"
                + "    vsBenchmark: Higher\n    findngs: [HIGHER]\n");
        var r = ReportCommandTestAccess.run("test", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("bad.yaml:2:8: error: month must be YYYY-MM"), r.err());
        assertTrue(r.err().contains("bad.yaml:7:5: error: unknown key 'findngs' in expect (did you mean 'findings'?)"),
                r.err());
    }
}
