package org.pcpassessor.rules.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Settings;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.report.MarkdownReport;
import org.pcpassessor.stats.Assessment;

/**
 * Priorities run on every core from a thousand series (RuleRun.PARALLEL_FROM). Whatever order the threads finish
 * in, the findings, sentences, labels and the numbered audit are those of a run one priority at a time. Run here
 * on the bundled catalogue's 112 series (with the national comparator) with the parallel path forced, several times, so that a merge that depended
 * on which thread finished first would show.
 */
class ParallelPrioritiesTest {
    @Test
    void theParallelRunMakesWhatTheSequentialRunMakesInTheSameOrder() {
        Workspace w = Workspace.load(TestFiles.CATALOGUE, TestFiles.RULES);
        MonthRun month = w.run(w.month(Optional.empty()));
        List<Assessment> assessments = month.assessments();
        Duration limit = Duration.ofSeconds(60);
        RuleRun.Result one = RuleRun.run(w.rules().orElseThrow(), assessments, limit, false, null, true);
        assertTrue(one.sentences().size() > 50, "a run with something to compare: " + one.sentences().size());
        for (int i = 0; i < 3; i++) {
            RuleRun.Result all = RuleRun.run(w.rules().orElseThrow(), assessments, limit, true, null, true);
            assertEquals(one.findings(), all.findings());
            assertEquals(text(one.sentences()), text(all.sentences()));
            assertEquals(one.labels(), all.labels());
            assertEquals(one.audit(), all.audit(), "the same firings, numbered the same");
        }
    }

    /**
     * A watch's settings run the bundled catalogue's priorities on every core (Settings.everyCore, below the thousand
     * series): the same problems and the same draft, byte for byte, as the default's one priority at a time.
     */
    @Test
    void everyCoreMakesTheSameDraft() {
        Workspace one = Workspace.load(TestFiles.CATALOGUE, TestFiles.RULES, Settings.DEFAULT);
        Workspace all = Workspace.load(TestFiles.CATALOGUE, TestFiles.RULES, Settings.DEFAULT.withEveryCore(true));
        MonthRun sequential = one.run(one.month(Optional.empty()));
        MonthRun parallel = all.run(all.month(Optional.empty()));
        assertTrue(sequential.ok(), sequential.problems().toString());
        assertEquals(sequential.problems(), parallel.problems());
        assertEquals(MarkdownReport.render(sequential.report().orElseThrow()),
                MarkdownReport.render(parallel.report().orElseThrow()));
        assertEquals(sequential.report().orElseThrow().audit(), parallel.report().orElseThrow().audit());
    }

    /**
     * Without the audit trail (a report that shows none of it), the rules make the same findings, sentences, labels,
     * importance and trivial marks, in order, one priority at a time or on every core; only the trail is empty.
     */
    @Test
    void aRunWithoutTheAuditTrailMakesTheSame() {
        Workspace w = Workspace.load(TestFiles.CATALOGUE, TestFiles.RULES);
        List<Assessment> assessments = w.run(w.month(Optional.empty())).assessments();
        Duration limit = Duration.ofSeconds(60);
        RuleRun.Result audited = RuleRun.run(w.rules().orElseThrow(), assessments, limit, false, null, true);
        assertTrue(audited.audit().size() > 1000, "firings recorded: " + audited.audit().size());
        for (boolean parallel : new boolean[] {false, true}) {
            RuleRun.Result bare = RuleRun.run(w.rules().orElseThrow(), assessments, limit, parallel, null, false);
            assertEquals(List.of(), bare.audit());
            assertEquals(audited.findings(), bare.findings());
            assertEquals(text(audited.sentences()), text(bare.sentences()));
            assertEquals(audited.labels(), bare.labels());
            assertEquals(audited.importance(), bare.importance());
            assertEquals(audited.trivial(), bare.trivial());
        }
    }

    /**
     * A report that shows the headline area's tables and the sentences (Markdown, Word) keeps, of what the rules
     * found, the headline area's findings and those a sentence says, with their labels and marks: the findings
     * expected are picked here from a run that keeps everything, and the Markdown, plain and --full, is the same.
     * The bundled rules say only headline findings (another area's figures reach them as evidence), so a rule that
     * says other areas' own findings is added to a copy of them.
     */
    @Test
    void aRunKeepingWhatTheReportShowsKeepsTheHeadlineAreaAndWhatIsSaid(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        TestFiles.copyRules(rules);
        Files.writeString(rules.resolve("narrate/own-area.drl"), """
                package pcp.narrate;

                import org.pcpassessor.facts.*;

                rule "An area's own 12-month high"
                    @rank(50)
                when
                    $f : Finding( !headline, code == "TWELVE_MONTH_HIGH" )
                    not Sentence( measureId == $f.measureId, used contains $f )
                then
                    insert( Sentence.of("{Subject} in {area} was at a 12-month high.", $f) );
                end
                """);
        Workspace w = Workspace.load(TestFiles.CATALOGUE, rules);
        assertEquals(List.of(), w.problems());
        List<Assessment> assessments = w.run(w.month(Optional.empty())).assessments();
        Duration limit = Duration.ofSeconds(60);
        RuleRun.Result all = RuleRun.run(w.rules().orElseThrow(), assessments, limit, false, true, new org.pcpassessor.problem.Problems()).orElseThrow();
        RuleRun.Result shown = RuleRun.run(w.rules().orElseThrow(), assessments, limit, false, false, new org.pcpassessor.problem.Problems()).orElseThrow();
        Set<Finding> said = new HashSet<>();
        all.sentences().forEach(s -> said.addAll(s.used()));
        List<Finding> expected = all.findings().stream().filter(f -> f.headline() || said.contains(f)).toList();
        assertTrue(expected.size() < all.findings().size(), "other areas' findings to leave out: "
                + (all.findings().size() - expected.size()));
        assertTrue(expected.stream().anyMatch(f -> !f.headline()), "another area's finding that a sentence says");
        assertEquals(expected, shown.findings());
        assertEquals(text(all.sentences()), text(shown.sentences()));
        assertEquals(all.labels().stream().filter(l -> expected.contains(l.finding())).toList(), shown.labels());
        assertEquals(all.importance().stream().filter(i -> expected.contains(i.finding())).toList(),
                shown.importance());
        assertEquals(all.trivial().stream().filter(t -> expected.contains(t.finding())).toList(), shown.trivial());
        for (boolean full : new boolean[] {false, true}) {
            Settings settings = Settings.DEFAULT.withFull(full);
            String markdown = markdown(rules, settings);
            assertTrue(markdown.contains("was at a 12-month high."), "the added rule is said");
            assertEquals(markdown, markdown(rules, settings.withEveryArea(false)), "--full " + full);
        }
    }

    private static String markdown(Path rules, Settings settings) {
        Workspace w = Workspace.load(TestFiles.CATALOGUE, rules, settings);
        return MarkdownReport.render(w.run(w.month(Optional.empty())).report().orElseThrow());
    }

    /**
     * Small sessions come from the knowledge base's pool, reset (RuleRun.POOLED_UP_TO): a session used before makes
     * what a new one makes. Two runs of the bundled catalogue, one priority at a time: most sessions are ones used
     * before (one per phase is enough for a sequential run), and the second run's findings, sentences, labels and
     * numbered firings are the first's.
     */
    @Test
    void sessionsFromThePoolMakeWhatTheFirstRunMade() {
        Workspace w = Workspace.load(TestFiles.CATALOGUE, TestFiles.RULES);
        List<Assessment> assessments = w.run(w.month(Optional.empty())).assessments();
        Duration limit = Duration.ofSeconds(60);
        List<Object> sessions = new java.util.ArrayList<>();
        RuleRun.SessionProbe probe = (phase, session) -> sessions.add(session);
        RuleRun.Result first = RuleRun.run(w.rules().orElseThrow(), assessments, limit, false, probe, true);
        RuleRun.Result second = RuleRun.run(w.rules().orElseThrow(), assessments, limit, false, probe, true);
        Set<Object> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        distinct.addAll(sessions);
        assertTrue(sessions.size() >= 20, "sessions: " + sessions.size());
        assertTrue(distinct.size() <= 4, distinct.size() + " distinct sessions of " + sessions.size());
        assertEquals(first.findings(), second.findings());
        assertEquals(text(first.sentences()), text(second.sentences()));
        assertEquals(first.labels(), second.labels());
        assertEquals(first.audit(), second.audit(), "the same firings, numbered the same");
    }

    private static List<String> text(List<org.pcpassessor.facts.Sentence> sentences) {
        return sentences.stream().map(s -> s.measureId() + "|" + s.area() + "|" + s.text()).toList();
    }
}
