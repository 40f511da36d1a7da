package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Settings;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.narrative.MeasureReport;

/**
 * A measure's charts are drawn once for the same declaration, area and assessment (Charts.of): what a watch reuses
 * when only the rules or the wording change. An edit to the data makes a new assessment, whose charts are drawn
 * again. One measure of 24 months, 100 and 104 in turn.
 */
class ChartsKeptTest {
    @TempDir
    Path dir;

    private Path catalogue(int december) throws Exception {
        return Fixtures.oneMeasure(dir, i -> i == 23 ? december : i % 2 == 0 ? 100 : 104, "");
    }

    private static MeasureReport thefts(Workspace w) {
        MonthRun run = w.run(YearMonth.of(2020, 12));
        assertTrue(run.ok(), run.toString());
        return run.report().orElseThrow().measures().get(0);
    }

    @Test
    void theSameAssessmentIsDrawnOnceAndNewDataAgain() throws Exception {
        Path catalogue = catalogue(104);
        // as watch loads its first workspace: one that keeps its statistics for the next load
        Workspace first = Workspace.load(catalogue, TestFiles.RULES, Workspace.Reuse.NOTHING, Settings.DEFAULT);
        MeasureReport r = thefts(first);
        Charts.Drawn drawn = Charts.of(r);
        // the same views as a fresh draw
        assertEquals(Charts.spc(r), drawn.spc());
        assertEquals(Charts.rolling(r), drawn.rolling());
        assertTrue(drawn.spc().isPresent() && drawn.rolling().isPresent());

        // the same objects, whatever the rules said of them (no findings, no sentences): kept, not drawn again
        MeasureReport bare = new MeasureReport(r.measure(), r.area(), r.assessment(), java.util.Map.of(), List.of(),
                List.of(), List.of(), List.of());
        assertSame(drawn, Charts.of(bare));

        // as watch runs again after a rule or wording edit: the statistics reused, the charts too
        Workspace again = Workspace.load(catalogue, TestFiles.RULES, new Workspace.Reuse(first, true, true),
                Settings.DEFAULT);
        MeasureReport reused = thefts(again);
        assertSame(r.assessment(), reused.assessment());
        assertSame(drawn, Charts.of(reused));

        // the data edited (December 104 -> 160): a new assessment, drawn again, with its own values
        catalogue(160);
        Workspace edited = Workspace.load(catalogue, TestFiles.RULES, new Workspace.Reuse(again, true, false),
                Settings.DEFAULT);
        MeasureReport changed = thefts(edited);
        Charts.Drawn redrawn = Charts.of(changed);
        assertEquals(Charts.spc(changed), redrawn.spc());
        assertNotEquals(drawn.spc(), redrawn.spc());
        assertTrue(redrawn.spc().orElseThrow().get("desc").toString().contains("Dec-20 160"),
                redrawn.spc().orElseThrow().get("desc").toString());
        // the first declaration with the new assessment: drawn from the assessment, not the declaration's
        MeasureReport mixed = new MeasureReport(r.measure(), r.area(), changed.assessment(), java.util.Map.of(),
                List.of(), List.of(), List.of(), List.of());
        assertEquals(redrawn.spc(), Charts.of(mixed).spc());
    }
}
