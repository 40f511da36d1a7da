package org.pcpassessor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.audit.NearMiss;
import org.pcpassessor.catalogue.SeriesKey;
import org.pcpassessor.narrative.MeasureReport;
import org.pcpassessor.narrative.Report;

/**
 * The near misses a watch keeps between runs: the same as found afresh, found once while the classify rules are
 * the same, and found again once a classify rule changed.
 */
class NearMissMemoTest {
    @TempDir
    Path dir;

    @Test
    void keptNearMissesAreTheFreshOnesUntilAClassifyRuleChanges() throws Exception {
        Workspace w = Workspace.load(TestFiles.CATALOGUE, TestFiles.RULES, Settings.DEFAULT);
        Report report = w.run(YearMonth.of(2020, 12)).report().orElseThrow();
        List<MeasureReport> headline = report.measures().stream().filter(m -> m.area().equals("Force")).toList();
        Map<SeriesKey, List<NearMiss>> fresh = w.nearMisses(report, headline, null);
        // ExplainCommandTest: rape recorded crime's benchmark label would fire at a p-value just under 0.05
        assertFalse(fresh.get(new SeriesKey("rape-recorded-crime", "Force")).isEmpty(), fresh.toString());

        NearMisses.Memo memo = new NearMisses.Memo();
        Map<SeriesKey, List<NearMiss>> first = w.nearMisses(report, headline, memo);
        Map<SeriesKey, List<NearMiss>> again = w.nearMisses(report, headline, memo);
        assertEquals(fresh, first);
        for (SeriesKey key : first.keySet()) {
            assertSame(first.get(key), again.get(key), key + " was found again instead of kept");
        }

        // the same rules with one classify file edited (a comment): compiled anew, so nothing kept may be used
        Path rules = dir.resolve("rules");
        TestFiles.copyRules(rules);
        Path labels = rules.resolve("classify/labels.drl");
        Files.writeString(labels, Files.readString(labels) + "\n// edited\n");
        Workspace edited = Workspace.load(TestFiles.CATALOGUE, rules, Settings.DEFAULT);
        assertTrue(edited.problems().stream().noneMatch(p -> p.isError()), edited.problems().toString());
        Report report2 = edited.run(YearMonth.of(2020, 12)).report().orElseThrow();
        List<MeasureReport> headline2 = report2.measures().stream().filter(m -> m.area().equals("Force")).toList();
        Map<SeriesKey, List<NearMiss>> afterEdit = edited.nearMisses(report2, headline2, memo);
        SeriesKey rape = new SeriesKey("rape-recorded-crime", "Force");
        assertNotSame(first.get(rape), afterEdit.get(rape));
        assertTrue(afterEdit.get(rape).get(0).source().file().startsWith(rules.toString()),
                "found with the edited rules: " + afterEdit.get(rape));
    }
}
