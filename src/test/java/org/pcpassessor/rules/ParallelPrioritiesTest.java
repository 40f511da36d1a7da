package org.pcpassessor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcpassessor.TestFiles;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.stats.Assessment;

/**
 * Priorities run on every core from a thousand series (RuleRun.PARALLEL_FROM). Whatever order the threads finish
 * in, the findings, sentences, labels and the numbered audit are those of a run one priority at a time. Run here
 * on the frozen catalogue's 111 series with the parallel path forced, several times, so that a merge that depended
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

    private static List<String> text(List<org.pcpassessor.facts.Sentence> sentences) {
        return sentences.stream().map(s -> s.measureId() + "|" + s.area() + "|" + s.text()).toList();
    }
}
