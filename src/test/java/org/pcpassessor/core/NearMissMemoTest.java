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
        java.util.Set<SeriesKey> headline = w.tableSeries();
        Map<SeriesKey, List<NearMiss>> fresh = w.run(YearMonth.of(2020, 12), headline, null).nearMisses();
        // ExplainCommandTest: rape recorded crime's benchmark label would fire at a p-value just under 0.05
        assertFalse(fresh.get(new SeriesKey("rape-recorded-crime", "Force")).isEmpty(), fresh.toString());

        NearMisses.Memo memo = new NearMisses.Memo();
        Map<SeriesKey, List<NearMiss>> first = w.run(YearMonth.of(2020, 12), headline, memo).nearMisses();
        Map<SeriesKey, List<NearMiss>> again = w.run(YearMonth.of(2020, 12), headline, memo).nearMisses();
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
        Map<SeriesKey, List<NearMiss>> afterEdit = edited.run(YearMonth.of(2020, 12), edited.tableSeries(), memo)
                .nearMisses();
        SeriesKey rape = new SeriesKey("rape-recorded-crime", "Force");
        assertNotSame(first.get(rape), afterEdit.get(rape));
        assertTrue(afterEdit.get(rape).get(0).source().file().startsWith(rules.toString()),
                "found with the edited rules: " + afterEdit.get(rape));
    }
}
