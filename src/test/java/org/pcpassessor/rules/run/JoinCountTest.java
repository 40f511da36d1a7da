package org.pcpassessor.rules.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.common.Memory;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.BetaNode;
import org.drools.core.reteoo.LeftTuple;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.RightTuple;
import org.drools.core.reteoo.TerminalNode;
import org.drools.core.reteoo.TupleImpl;
import org.drools.core.reteoo.TupleMemory;
import org.drools.core.util.FastIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.KieSession;
import org.pcpassessor.TestFiles;
import org.pcpassessor.bench.Scale;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Workspace;

/**
 * The rules' work grows in proportion to the series, whether the series are more measures or more areas: counted,
 * not timed, for a size and for twice that size (the larger holds the smaller one's series plus as many again: the
 * generator seeds each series on its own), and failing above x2.3. Two counts: the rule firings (the audit), and
 * the joins the engine tries, read from its own memory at the end of every rule session.
 *
 * <p>A join tried is a partial match (a left tuple) and a fact (a right tuple) that a join, not or exists node puts
 * side by side to test its conditions: every fact of its right input when the node is unindexed, only the facts
 * with the match's key when it is indexed (JoinIndexTest). The engine's API has no count of them, and its match
 * events are no substitute (it makes a match only when about to fire it). So each node's memory is read once the
 * rules have fired: each partial match it holds (in its left memory, or blocked by a fact, for not and exists) is
 * paired with the facts its join loop reads for it (BetaNode.getFirstRightTuple and the node's right iterator).
 * The rules only insert, so the engine has tested each such pair at most once, when the later of the two arrived,
 * and a blocked match stopped at its first blocker: the count is an upper bound of the joins tried, and the
 * pairs of an unindexed node (every match with every fact) are all in it, which is what grows with the square of
 * a priority's size. A rule firing once per pair of series made the areas' firings ratio x2.54 when it was tried.
 */
class JoinCountTest {
    /** "About double": the new series are other random series, so their findings are not exactly as many. */
    private static final double ABOUT_DOUBLE = 2.3;

    @TempDir
    Path tmp;

    private record Cost(int series, long firings, long joins) {
    }

    @Test
    void twiceTheMeasuresIsAboutTwiceTheJoins() throws IOException {
        assertAboutDouble(cost(2, 3), cost(4, 3));
    }

    @Test
    void twiceTheAreasIsAboutTwiceTheJoins() throws IOException {
        assertAboutDouble(cost(1, 4), cost(1, 8));
    }

    /**
     * At a hundred areas, where pairing areas shows: the rules that paired a measure's differing areas ($d with
     * every later $e, each pair tested against the measure's sentences) made 34,624 joins at 100 areas and 135,715
     * at 200 (x3.92, measured 2026-11-23 on the bundled rules of 23c1351); three or more areas are now listed by one
     * sentence collected per measure (x2.00).
     */
    @Test
    void twiceManyAreasIsAboutTwiceTheJoins() throws IOException {
        assertAboutDouble(cost(1, 100), cost(1, 200));
    }

    /**
     * The count reads what the engine holds. The rules have no guard against saying a finding twice (the runner
     * keeps each finding said once), so this test writes one into a copy of a rule, as rules were written before:
     * unkeyed ({@code not Sentence( used contains $h )}), its node pairs each partial match with every sentence of
     * the session; keyed by the measure, only with that measure's.
     */
    @Test
    void anUnkeyedGuardPairsEveryPartialMatchWithEverySentence() throws IOException {
        Path keyedRules = tmp.resolve("keyed");
        Path unkeyedRules = tmp.resolve("unkeyed");
        TestFiles.copyRules(keyedRules);
        TestFiles.copyRules(unkeyedRules);
        String pattern = "$h : Finding( headline, basis == \"monthly\", code in (\"TWELVE_MONTH_HIGH\", \"TWELVE_MONTH_LOW\") )\n";
        String text = java.nio.file.Files.readString(keyedRules.resolve("narrate/month-2-high-or-low.drl"));
        int rule = text.indexOf("rule \"Month: twelve-month high or low\"");
        int at = text.indexOf(pattern, rule);
        assertTrue(rule >= 0 && at > rule, "the bundled rule this test edits");
        int end = at + pattern.length();
        java.nio.file.Files.writeString(keyedRules.resolve("narrate/month-2-high-or-low.drl"), text.substring(0, end)
                + "    not Sentence( measureId == $h.measureId, used contains $h )\n" + text.substring(end));
        java.nio.file.Files.writeString(unkeyedRules.resolve("narrate/month-2-high-or-low.drl"), text.substring(0, end)
                + "    not Sentence( used contains $h )\n" + text.substring(end));
        long[] before = guard(1, 8, keyedRules);
        long[] after = guard(1, 8, unkeyedRules);
        String counts = "keyed " + java.util.Arrays.toString(before) + ", unkeyed " + java.util.Arrays.toString(after)
                + " (pairs, partial matches x sentences)";
        assertTrue(after[1] > 0, counts);
        assertEquals(after[1], after[0], "unkeyed, every partial match is paired with every sentence: " + counts);
        assertTrue(before[0] < before[1], "keyed, with its measure's sentences only: " + counts);
    }

    /** The bundled rules join no sentence: no node of a narrate session has sentences as its right input. */
    @Test
    void noRuleJoinsTheSentencesMade() throws IOException {
        java.util.Set<String> joining = java.util.concurrent.ConcurrentHashMap.newKeySet();
        run(1, 8, TestFiles.RULES, (phase, session) -> joins(session).stream()
                .filter(n -> n.right().equals("Sentence")).forEach(n -> joining.add(n.rule())));
        assertEquals(java.util.Set.of(), joining);
    }

    /**
     * For the node of the month guard (rule "Month: twelve-month high or low", right input Sentence), summed over the
     * narrate sessions: the pairs counted, and its partial matches times the sentences in its right memory.
     */
    private long[] guard(int copies, int areas, Path rules) throws IOException {
        long[] out = new long[2];
        run(copies, areas, rules, (phase, session) -> {
            if (phase.equals("narrate")) {
                for (NodeJoins n : joins(session)) {
                    if (n.rule().equals("Month: twelve-month high or low") && n.right().equals("Sentence")) {
                        synchronized (out) {
                            out[0] += n.pairs();
                            out[1] += n.partialMatches() * n.facts();
                        }
                    }
                }
            }
        });
        return out;
    }

    private static void assertAboutDouble(Cost one, Cost two) {
        assertEquals(2 * one.series(), two.series(), "twice the series");
        double joins = (double) two.joins() / one.joins();
        double firings = (double) two.firings() / one.firings();
        String counts = one + " -> " + two + String.format(java.util.Locale.ROOT, ": joins x%.2f, firings x%.2f",
                joins, firings);
        assertTrue(one.joins() > 500, "enough joins to compare: " + counts);
        assertTrue(joins <= ABOUT_DOUBLE, "joins grew faster than the series: " + counts);
        assertTrue(firings <= ABOUT_DOUBLE, "firings grew faster than the series: " + counts);
    }

    private Cost cost(int copies, int areas) throws IOException {
        return cost(copies, areas, TestFiles.RULES);
    }

    private Cost cost(int copies, int areas, Path rules) throws IOException {
        LongAdder joins = new LongAdder();
        Ran ran = run(copies, areas, rules,
                (phase, session) -> joins.add(joins(session).stream().mapToLong(NodeJoins::pairs).sum()));
        return new Cost(ran.series(), ran.result().audit().size(), joins.sum());
    }

    /** A generated catalogue's rules run: how many series it has, and what the rules made. */
    private record Ran(int series, RuleRun.Result result) {
    }

    private Ran run(int copies, int areas, Path rules, RuleRun.SessionProbe probe) throws IOException {
        Path dir = tmp.resolve(copies + "x" + areas);
        if (!java.nio.file.Files.exists(dir)) {
            Scale.generate(TestFiles.CATALOGUE, dir, copies, areas, 20261123);
        }
        Workspace w = Workspace.load(dir.resolve("measures.yaml"), rules);
        org.pcpassessor.TestFiles.requireNoErrors(w.problems());
        MonthRun run = w.run(w.month(Optional.empty()));
        return new Ran(run.assessments().size(), RuleRun.run(w.rules().orElseThrow(), run.assessments(),
                Duration.ofMinutes(10), false, probe, true));
    }

    /** A node's count: its rule (one of those sharing it), its right input's type, pairs, partial matches, facts. */
    record NodeJoins(String rule, String right, long pairs, long partialMatches, long facts) {
    }

    /**
     * For every join, not and exists node of the session, the pairs it puts side by side for its partial matches,
     * read from its memory: each partial match it holds (in its left memory, or blocked by a fact, for not and
     * exists) with each fact its right memory gives that match.
     */
    static java.util.List<NodeJoins> joins(KieSession session) {
        ReteEvaluator memory = (ReteEvaluator) session;
        java.util.List<NodeJoins> out = new java.util.ArrayList<>();
        betaNodes((InternalRuleBase) session.getKieBase()).forEach((node, rule) -> {
            Memory m = memory.getNodeMemories().peekNodeMemory(node);
            if (m == null) {
                return; // the node never received anything in this session
            }
            TupleMemory left = tupleMemory(m, "getLeftTupleMemory");
            TupleMemory right = tupleMemory(m, "getRightTupleMemory");
            long pairs = 0;
            long matches = 0;
            FastIterator<TupleImpl> lefts = left.fullFastIterator();
            for (TupleImpl l = BetaNode.getFirstTuple(left, lefts); l != null; l = lefts.next(l)) {
                pairs += candidates(node, l, right);
                matches++;
            }
            FastIterator<TupleImpl> rights = right.fullFastIterator();
            for (TupleImpl r = BetaNode.getFirstTuple(right, rights); r != null; r = rights.next(r)) {
                if (r instanceof RightTuple blocker) {
                    for (LeftTuple l = blocker.getBlocked(); l != null; l = l.getBlockedNext()) {
                        pairs += candidates(node, l, right);
                        matches++;
                    }
                }
            }
            String type = node.getObjectTypeNode() != null
                    && node.getObjectTypeNode().getObjectType() instanceof org.drools.base.base.ClassObjectType c
                    ? c.getClassType().getSimpleName() : "?";
            out.add(new NodeJoins(rule, type, pairs, matches, right.size()));
        });
        return out;
    }

    /**
     * A tuple memory of a node's memory (a BetaMemory, or an accumulate node's, which holds one), by reflection:
     * naming BetaMemory makes javac read the annotations of its superclass, from an XML binding library the
     * engine leaves out, and warn that it cannot.
     */
    private static TupleMemory tupleMemory(Memory m, String getter) {
        try {
            Object beta = m;
            if (m.getClass().getSimpleName().endsWith("AccumulateMemory")) { // Single... for one accumulate function
                beta = m.getClass().getMethod("getBetaMemory").invoke(m);
            }
            return (TupleMemory) beta.getClass().getMethod(getter).invoke(beta);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("not a join node's memory: " + m.getClass(), e);
        }
    }

    /** The facts a node's join loop reads for one partial match. */
    private static long candidates(BetaNode node, TupleImpl leftTuple, TupleMemory right) {
        long n = 0;
        FastIterator<TupleImpl> it = node.getRightIterator(right);
        for (TupleImpl r = node.getFirstRightTuple(leftTuple, right, it); r != null; r = it.next(r)) {
            n++;
        }
        return n;
    }

    /** Every join, not and exists node, with the name of a rule it serves. */
    private static java.util.Map<BetaNode, String> betaNodes(InternalRuleBase base) {
        java.util.Map<BetaNode, String> out = new java.util.LinkedHashMap<>();
        for (TerminalNode[] nodes : base.getReteooBuilder().getTerminalNodes().values()) {
            for (TerminalNode terminal : nodes) {
                for (LeftTupleSource s = terminal.getLeftTupleSource(); s != null; s = s.getLeftTupleSource()) {
                    if (s instanceof BetaNode beta) {
                        out.putIfAbsent(beta, terminal.getRule().getName());
                    }
                }
            }
        }
        return out;
    }
}
