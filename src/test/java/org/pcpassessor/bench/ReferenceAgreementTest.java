package org.pcpassessor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Workspace;

/**
 * The tool's statistics agree with the bench's plain-Java {@link Reference}, which shares none of the tool's code
 * (its own YAML walk, CSV reading, windows, sums and test formulas; only the normal tail, Fisher's exact and
 * Mann-Whitney p-values are the same library's): on a generated catalogue of 148 series (the bundled catalogue's
 * 37 measures, counts, rates, proportions and medians, over 4 areas), every test at the report month on all four
 * bases has the same outcome, the same run of months and a p-value within 1e-12. The bench makes the same check at
 * any size (bench/scale.sh; 50,912 tests at 12,728 series agreed within 2.8e-16).
 */
class ReferenceAgreementTest {
    @TempDir
    Path tmp;

    @Test
    void everyTestOfEveryBasisAgreesWithTheIndependentReference() throws IOException {
        Path dir = tmp.resolve("1x4");
        Scale.generate(TestFiles.CATALOGUE, dir, 1, 4, 20261123);
        Workspace w = Workspace.load(dir.resolve("measures.yaml"), TestFiles.RULES);
        org.pcpassessor.TestFiles.requireNoErrors(w.problems());
        MonthRun run = w.run(w.month(Optional.empty()));
        List<Reference.ToolTest> tool = run.assessments().stream().flatMap(a -> a.comparisons().stream())
                .map(c -> new Reference.ToolTest(c.measureId(), c.area(), c.basis(), c.pValue(), c.outcome(), c.run()))
                .toList();

        Reference.Agreement agreement = Reference.compare(tool, Reference.compute(dir.resolve("measures.yaml")));

        assertEquals(148, run.assessments().size(), "37 measures x 4 areas");
        assertTrue(tool.size() >= 148 * 3, "most series are tested on every basis: " + tool.size());
        assertEquals(tool.size(), agreement.compared(), agreement.toString());
        assertEquals(0, agreement.outcomesDiffering(), agreement.toString());
        assertEquals(0, agreement.runsDiffering(), agreement.toString());
        assertTrue(agreement.largestPDifference() < 1e-12, agreement.toString());
    }
}
