package org.pcpassessor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.drools.base.base.ClassObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.BetaNode;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.TerminalNode;
import org.pcpassessor.rules.run.RuleRun;
import org.pcpassessor.rules.contract.RuleContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.pcpassessor.TestFiles;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;

/**
 * Joins the engine can index, so that each test of a condition reads only the facts with the same key (a measure,
 * an area) instead of every fact of its type in the priority. A guard such as {@code not Sentence( used contains
 * $f )} cost, each time the engine tested it, a read of every sentence in the session (the engine cannot index
 * {@code contains}), so a priority of many measures or areas paid for every other measure's sentences. Keyed by
 * {@code measureId == $f.measureId}, the engine keeps the sentences in a hash index by measure and reads only the
 * measure's own. This checks the engine's network itself, not the rule text: every join, not and exists node of
 * both phases must be indexed. It also checks that the rules contract warns, with file:line:column, about a
 * Sentence join written without the key (the bundled rules have no Sentence join: the runner says each finding
 * once).
 */
class JoinIndexTest {
    @TempDir
    Path tmp;

    @Test
    void everySentenceJoinOfTheBundledRulesIsIndexed() {
        RuleBase rules = org.pcpassessor.TestFiles.compileRules(TestFiles.RULES);
        // the rule runner says each finding once (RuleRun.saidOnce): no rule reads the sentences made
        assertEquals(List.of(), sentenceJoins(rules.narrate()), "Sentence joins of the bundled rules");
    }

    /**
     * Every join of both phases, not only the guards: a join the engine cannot index (no {@code field == $x.field}
     * among its constraints, or none at all: a cross product) tests every fact of its type in the priority against
     * every partial match, so its cost grows with the square of the priority's size. The bundled rules have
     * none; the joins tried and the firings are counted in JoinCountTest.
     */
    @Test
    void everyJoinOfBothPhasesIsIndexed() {
        RuleBase rules = org.pcpassessor.TestFiles.compileRules(TestFiles.RULES);
        List<String> all = new ArrayList<>(joins(rules.classify(), null));
        all.addAll(joins(rules.narrate(), null));
        assertTrue(all.size() >= 40, "the rules join facts: " + all);
        assertTrue(all.stream().anyMatch(j -> j.contains(": Finding (")), "joins of findings are seen: " + all);
        assertEquals(List.of(), all.stream().filter(j -> j.endsWith("unindexed")).toList(), "unindexed joins");
    }

    @Test
    void aGuardWithoutTheMeasureKeyIsUnindexedAndWarned() throws IOException {
        Path rules = tmp.resolve("rules");
        TestFiles.copyRules(rules);
        Path month = rules.resolve("narrate/month-2-high-or-low.drl");
        String text = Files.readString(month);
        // a guard as rules were written before the runner said each finding once, here without the measure key
        String pattern = "$h : Finding( headline, basis == \"monthly\", code in (\"TWELVE_MONTH_HIGH\", \"TWELVE_MONTH_LOW\") )\n";
        int rule = text.indexOf("rule \"Month: twelve-month high or low\"");
        int at = text.indexOf(pattern, rule);
        assertTrue(rule >= 0 && at > rule, "the bundled rule this test edits");
        int end = at + pattern.length();
        Files.writeString(month, text.substring(0, end) + "    not Sentence( used contains $h )\n" + text.substring(end));
        int line = lineOf(Files.readString(month), "not Sentence( used contains $h )");

        Problems problems = new Problems();
        RuleBase base = RuleBase.compile(rules, problems);
        RuleContract.check(base, java.util.Optional.empty(), problems);
        List<String> unindexed = sentenceJoins(base.narrate()).stream().filter(j -> j.endsWith("unindexed")).toList();
        assertEquals(1, unindexed.size(), "the edited guard, and it alone, is scanned whole: " + unindexed);

        String warnings = problems.sorted().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertEquals(1, problems.warningCount(), warnings);
        assertTrue(warnings.contains(month + ":" + line + ":9: warning: rule 'Month: twelve-month high or low': "
                + "this Sentence pattern reads every sentence of the priority"), warnings);
        assertTrue(warnings.contains("key it by measure, Sentence( measureId == $h.measureId, ... )"), warnings);
    }

    /** Each beta node (join, not, exists) fed by Sentence facts, as "rule (node n): indexed" or "...: unindexed". */
    private static List<String> sentenceJoins(KieBase kieBase) {
        return joins(kieBase, Sentence.class);
    }

    /**
     * Each beta node (join, not, exists) of the rule base whose right input is facts of {@code type} (any type when
     * null), as "rule: Type (node n): indexed" or "...: unindexed". An unindexed node tests every fact of its type in
     * the session against every partial match reaching it.
     */
    static List<String> joins(KieBase kieBase, Class<?> type) {
        Set<String> out = new LinkedHashSet<>();
        InternalRuleBase base = (InternalRuleBase) kieBase;
        for (TerminalNode[] nodes : base.getReteooBuilder().getTerminalNodes().values()) {
            for (TerminalNode terminal : nodes) {
                String rule = terminal.getRule().getName();
                for (LeftTupleSource s = terminal.getLeftTupleSource(); s != null; s = s.getLeftTupleSource()) {
                    if (s instanceof BetaNode beta && beta.getObjectTypeNode() != null
                            && beta.getObjectTypeNode().getObjectType() instanceof ClassObjectType right
                            && (type == null || right.getClassType() == type)) {
                        out.add(rule + ": " + right.getClassType().getSimpleName() + " (node " + beta.getId() + "): "
                                + (beta.getRawConstraints().isIndexed() ? "indexed" : "unindexed"));
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static int lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }
}
