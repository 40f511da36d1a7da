package org.pcpassessor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.report.MarkdownReport;

/**
 * What a watch's next load takes from its last ({@link Workspace.Reuse}): after a wording edit, the catalogue, data
 * and the month's statistics are the last run's own objects, and the workspace says and drafts exactly what a fresh
 * load of the edited folder does; anything else that changed is read again.
 */
class WorkspaceReuseTest {
    private static final YearMonth DECEMBER = YearMonth.of(2020, 12);

    @TempDir
    Path dir;

    @Test
    void aWordingEditReusesTheSourcesAndDraftsWhatAFreshLoadDrafts() throws Exception {
        Path rules = dir.resolve("rules");
        TestFiles.copyRules(rules);
        // a measure published only to November: choosing December's series warns, which a reused run says again
        Path catalogue = dir.resolve("measures.yaml");
        String ppo = "          - id: da-ppo-rate\n";
        assertTrue(TestFiles.catalogueText().contains(ppo), "the measure this test edits has moved");
        Files.writeString(catalogue, TestFiles.catalogueText()
                .replace("data: [fixtures/", "data: [" + Path.of("fixtures").toAbsolutePath() + "/")
                .replace(ppo, ppo + "            until: 2020-11\n"));
        Workspace last = Workspace.load(catalogue, rules, Workspace.Reuse.NOTHING, Settings.DEFAULT);
        MonthRun before = last.run(DECEMBER, Set.of(), null);
        assertTrue(before.ok(), before.problems().toString());
        assertTrue(before.problems().stream().anyMatch(p -> p.message().contains("published only to 2020-11")),
                before.problems().toString());

        Path wording = rules.resolve("wording/trend.yaml");
        String text = Files.readString(wording);
        assertTrue(text.contains("continues {upwardsOrDownwards}"), "the wording this test edits has moved");
        Files.writeString(wording, text.replace("continues {upwardsOrDownwards}", "keeps trending {upwardsOrDownwards}"));

        Workspace reused = Workspace.load(catalogue, rules, new Workspace.Reuse(last, false, true), Settings.DEFAULT);
        Workspace fresh = Workspace.load(catalogue, rules, Settings.DEFAULT);
        assertSame(last.catalogue().orElseThrow(), reused.catalogue().orElseThrow());
        assertSame(last.data().orElseThrow(), reused.data().orElseThrow());
        assertEquals(fresh.problems(), reused.problems());

        MonthRun run = reused.run(DECEMBER, Set.of(), null);
        MonthRun freshRun = fresh.run(DECEMBER, Set.of(), null);
        assertEquals(before.assessments().size(), run.assessments().size());
        for (int i = 0; i < run.assessments().size(); i++) { // the same objects, not equal ones made again
            assertSame(before.assessments().get(i), run.assessments().get(i), "statistics computed again: " + i);
        }
        assertEquals(freshRun.problems(), run.problems());
        String drafted = MarkdownReport.render(run.report().orElseThrow());
        assertEquals(MarkdownReport.render(freshRun.report().orElseThrow()), drafted);
        assertTrue(drafted.contains("keeps trending upwards") || drafted.contains("keeps trending downwards"),
                "the edited wording is said");
        assertNotEquals(MarkdownReport.render(before.report().orElseThrow()), drafted);
    }

    @Test
    void theSourcesAreReadAgainWhenTheyChangedOrTheSettingsDiffer() {
        Workspace last = Workspace.load(TestFiles.CATALOGUE, TestFiles.RULES, Workspace.Reuse.NOTHING,
                Settings.DEFAULT);
        last.run(DECEMBER, Set.of(), null);
        Workspace changed = Workspace.load(TestFiles.CATALOGUE, TestFiles.RULES, new Workspace.Reuse(last, true,
                false), Settings.DEFAULT);
        assertNotSame(last.catalogue().orElseThrow(), changed.catalogue().orElseThrow());
        assertSame(last.rules().orElseThrow(), changed.rules().orElseThrow(), "the rules were to be reused");
        Workspace otherSettings = Workspace.load(TestFiles.CATALOGUE, TestFiles.RULES, new Workspace.Reuse(last,
                true, true), Settings.DEFAULT.withFull(true));
        assertNotSame(last.catalogue().orElseThrow(), otherSettings.catalogue().orElseThrow());
        // a plain load keeps no statistics: two runs of a month compute them twice
        Workspace plain = Workspace.load(TestFiles.CATALOGUE, TestFiles.RULES, Settings.DEFAULT);
        assertNotSame(plain.run(DECEMBER, Set.of(), null).assessments().get(0),
                plain.run(DECEMBER, Set.of(), null).assessments().get(0));
    }
}
