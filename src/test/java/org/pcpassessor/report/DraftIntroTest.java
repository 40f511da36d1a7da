package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.cli.ReportCommandTestAccess;

/**
 * The paragraph under the draft's title tells a Board what "significant" means: a new reader, beside seed 001,
 * took the draft's "not statistically significant" for a mistake where the analysts had written "a significant
 * reduction", because nothing said that counts are tested against their own month-to-month variation.
 */
class DraftIntroTest {
    @TempDir
    Path dir;

    private static String intro(String markdown) {
        return markdown.lines().filter(l -> l.startsWith("Draft commentary")).findFirst().orElseThrow();
    }

    @Test
    void theBundledDraftSaysHowCountsAreTested() {
        ReportCommandTestAccess.Run r = ReportCommandTestAccess.run("report");
        assertEquals(0, r.exit(), r.err());
        assertEquals("Draft commentary for the 12 months to December 2020, for the whole Force unless an area is "
                + "named. A change is called significant when a statistical test at 95% confidence finds it unlikely "
                + "to be chance variation; a change that is not significant may still be real, but the figures cannot "
                + "yet show it. Counts are tested against their own month-to-month variation, so a change of several "
                + "per cent in a large count may not be significant; rates and proportions over thousands of cases "
                + "can change significantly by less than a percentage point. The tables' Higher, Lower, Improved, "
                + "Deteriorated and Comparable come from the same tests; Comparable, like \"comparable to\" in the "
                + "text, means no significant difference. The year end benchmark is the baseline: the previous "
                + "complete financial year unless stated.", intro(r.out()));
    }

    /** One count measure on the exact Poisson test (c-test): the clause about counts would no longer be true. */
    @Test
    void aCountOnAnotherTestDropsTheClauseAboutCounts() throws Exception {
        String catalogue = TestFiles.catalogueText().replace("data: [fixtures/",
                "data: [" + Path.of("fixtures").toAbsolutePath() + "/");
        String measure = "      - id: all-recorded-crime\n";
        assertTrue(catalogue.contains(measure), "the bundled catalogue's first count measure");
        Files.writeString(dir.resolve("measures.yaml"), catalogue.replace(measure, measure
                + "        test: c-test\n"));
        ReportCommandTestAccess.Run r = ReportCommandTestAccess.run("report", "--catalogue",
                dir.resolve("measures.yaml").toString());
        assertEquals(0, r.exit(), r.err());
        String intro = intro(r.out());
        assertTrue(intro.contains("cannot yet show it. Rates and proportions over thousands"), intro);
        assertTrue(!intro.contains("month-to-month variation"), intro);
    }
}
