package org.pcpassessor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.rules.RuleRun;

/**
 * The rules fire in proportion to the series, whether the series are more measures or more areas: the count of
 * rule firings for a size and for twice that size, the larger being the smaller one's series plus as many again
 * (the generator seeds each series on its own, so the smaller set is part of the larger). Counted, not timed. A
 * rule that fired once per pair of measures or of areas would make the ratio about 4.
 *
 * <p>What is not counted: the joins the engine tries (a condition tested against a fact, matching or not). The
 * engine's public API has no count of them, and its match events are no substitute (the engine makes a match only
 * when it is about to fire it: they equal the firings). What bounds them is checked on the engine's network instead
 * (rules/JoinIndexTest): every join, not and exists node of both phases is indexed, so each test reads only the
 * facts with its key (the measure, the area), never every fact of the priority.
 */
class LinearCostTest {
    /** "About double": the new series are other random series, so their findings are not exactly as many. */
    private static final double ABOUT_DOUBLE = 2.3;

    @TempDir
    Path tmp;

    private record Cost(int series, long firings) {
    }

    @Test
    void twiceTheMeasuresIsAboutTwiceTheRuleWork() throws IOException {
        assertAboutDouble(cost(2, 3), cost(4, 3));
    }

    @Test
    void twiceTheAreasIsAboutTwiceTheRuleWork() throws IOException {
        assertAboutDouble(cost(1, 4), cost(1, 8));
    }

    private static void assertAboutDouble(Cost one, Cost two) {
        assertEquals(2 * one.series(), two.series(), "twice the series");
        double firings = (double) two.firings() / one.firings();
        String counts = one + " -> " + two + String.format(java.util.Locale.ROOT, ": firings x%.2f", firings);
        assertTrue(one.firings() > 500, "enough work to compare: " + counts);
        assertTrue(firings <= ABOUT_DOUBLE, "firings grew faster than the series: " + counts);
    }

    private Cost cost(int copies, int areas) throws IOException {
        Path dir = tmp.resolve(copies + "x" + areas);
        Scale.generate(TestFiles.CATALOGUE, dir, copies, areas, 20261123);
        Workspace w = Workspace.load(dir.resolve("measures.yaml"), TestFiles.RULES);
        Workspace.requireNoErrors(w.problems());
        MonthRun run = w.run(w.month(Optional.empty()));
        RuleRun.Result result = RuleRun.run(w.rules().orElseThrow(), run.assessments(), Duration.ofMinutes(10));
        return new Cost(run.assessments().size(), result.audit().size());
    }
}
