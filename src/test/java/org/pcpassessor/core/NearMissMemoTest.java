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

    /**
     * An edit to one classify file runs only that file's rules again (a search per measure, of that part), and the
     * near misses are those a fresh search with all the rules finds: the label rules renamed, the near misses they
     * give name the new rules, and the other files' are still there.
     */
    @Test
    void aClassifyEditSearchesOnlyTheEditedFileAndFindsWhatAFreshSearchFinds() throws Exception {
        Path rules = dir.resolve("rules");
        TestFiles.copyRules(rules);
        Workspace w = Workspace.load(TestFiles.CATALOGUE, rules, Settings.DEFAULT);
        NearMisses.Memo memo = new NearMisses.Memo();
        Map<SeriesKey, List<NearMiss>> first = w.run(YearMonth.of(2020, 12), w.tableSeries(), memo).nearMisses();
        int measures = first.size();
        assertEquals(measures, memo.wholeSearches, "the whole phase run once for each measure");
        assertEquals(0, memo.partSearches);
        assertTrue(w.rules().orElseThrow().classifyParts().size() > 1);

        Path labels = rules.resolve("classify/labels.drl");
        String renamed = Files.readString(labels).replaceAll("rule \"Label: ([^\"]*)\"", "rule \"Label: $1, edited\"");
        assertTrue(renamed.contains(", edited\""));
        Files.writeString(labels, renamed);
        Workspace edited = Workspace.load(TestFiles.CATALOGUE, rules, Settings.DEFAULT);
        assertTrue(edited.problems().stream().noneMatch(p -> p.isError()), edited.problems().toString());
        Map<SeriesKey, List<NearMiss>> afterEdit = edited.run(YearMonth.of(2020, 12), edited.tableSeries(), memo)
                .nearMisses();
        assertEquals(measures, memo.wholeSearches, "not the whole phase again");
        assertEquals(measures, memo.partSearches, "one search of the edited file's rules for each measure");
        assertEquals(edited.run(YearMonth.of(2020, 12), edited.tableSeries(), null).nearMisses(), afterEdit);
        List<NearMiss> all = afterEdit.values().stream().flatMap(List::stream).toList();
        assertTrue(all.stream().anyMatch(m -> m.rule().endsWith(", edited")), all.toString());
        assertTrue(all.stream().anyMatch(m -> !m.rule().startsWith("Label: ")), "the other files' kept: " + all);
        assertTrue(all.stream().noneMatch(m -> m.rule().startsWith("Label: ") && !m.rule().endsWith(", edited")));

        // a file added whose rule fails on a changed fact: found through the memo too, at its line
        Path failing = rules.resolve("classify/zz-near.drl");
        Files.writeString(failing, TestFiles.RULE_FAILING_ON_A_NEAR_MISS);
        Workspace added = Workspace.load(TestFiles.CATALOGUE, rules, Settings.DEFAULT);
        MonthRun failed = added.run(YearMonth.of(2020, 12), added.tableSeries(), memo);
        assertTrue(failed.report().isEmpty());
        assertTrue(failed.problems().stream().anyMatch(p -> p.isError() && p.file().equals(failing.toString())
                && p.line() == 3 && p.message().contains("/ by zero")), failed.problems().toString());
    }
}
